// The benchmark's data: its own embedded PostgreSQL per scale, built once and reused while the scale and
// the generator stay the same (the directory name carries a hash of both); migrations committed since
// are applied to it like to any database. Each run works on a fresh copy of the built database, so runs
// never see each other's writes.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { connect, grantDatabaseAccess, withDatabase } from '../db/bootstrap.ts';
import { readDatabaseConfig } from '../db/config.ts';
import { openDatabase, roleUrls, type Database } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import { ROLES } from '../db/roles.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import type { Scale } from './options.ts';

/** Bump when the generated data changes shape, so datasets built by older code are rebuilt. */
const GENERATOR_VERSION = 2;
export const BENCH_PASSWORD = 'bench password 1';
/** One organization the size of a real team, for realtime at scale: its members' addresses end here. */
export const TEAM_DOMAIN = 'team.bench.test';
export const TEAM_MEMBERS = 1000;
const RUN_DATABASE = 'rowgate_bench_run';

export interface Dataset {
  key: string;
  /** Seconds spent building, or 0 when an existing dataset was reused. */
  buildSeconds: number;
  server: Database;
  /** A fresh copy of the dataset for one run, with the login URLs of rowgate's roles on it. */
  copyForRun(): Promise<RunDatabase>;
}

export interface RunDatabase {
  /** Superuser URL of the copy (DATABASE_URL for the server and worker processes). */
  adminUrl: string;
  authenticatorUrl: string;
  drop(): Promise<void>;
}

export async function openDataset(scale: Scale, dataRoot: string): Promise<Dataset> {
  const key = `${scale.label}-${fingerprint(scale)}`;
  const root = path.join(dataRoot, 'bench');
  await fs.mkdir(root, { recursive: true, mode: 0o755 });
  // A dataset of this scale built by an older generator is of no further use.
  for (const entry of await fs.readdir(root)) {
    if (entry.startsWith(`${scale.label}-`) && entry !== key) await fs.rm(path.join(root, entry), { recursive: true, force: true });
  }
  const config = readDatabaseConfig({ DATA_DIR: path.join(root, key), EMBEDDED_PG_PORT: '0' });
  // The raw `pg` side opens one connection per concurrent client (up to 100), beside the server's pool.
  // A dataset is rebuilt, never restored: archiving its gigabytes of WAL would only fill the disk.
  const server = await openDatabase(config, { mode: 'exclusive', embeddedSettings: { max_connections: '300', archive_mode: 'off' } });
  try {
    const started = performance.now();
    const built = await isBuilt(server, key);
    await applyMigrations(server);
    if (!built) await generate(withDatabase(server.adminUrl, server.databaseName), scale, key);
    return {
      key,
      buildSeconds: built ? 0 : (performance.now() - started) / 1000,
      server,
      copyForRun: () => copyForRun(server),
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

function fingerprint(scale: Scale): string {
  return createHash('sha256').update(JSON.stringify({ GENERATOR_VERSION, scale })).digest('hex').slice(0, 12);
}

/** The build commits its data and its marker (a comment on the database) in one transaction. */
async function isBuilt(server: Database, key: string): Promise<boolean> {
  const client = await connect(server.adminUrl);
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      'select shobj_description(oid, $2) as comment from pg_database where datname = $1',
      [server.databaseName, 'pg_database'],
    );
    return rows[0]?.comment === markerFor(key);
  } finally {
    await client.end();
  }
}

const markerFor = (key: string) => `rowgate bench dataset ${key}`;

/**
 * Writes the data as the superuser in one transaction, set-based. Audit triggers are off inside it
 * (transactional DDL), so the dataset starts with an empty job queue; the benchmark audits its own
 * writes. On tasks all user triggers are off so created_at can spread over time as real data does;
 * the generator sets what those triggers would (completed_at, updated_at) and foreign keys stay checked.
 */
async function generate(url: string, scale: Scale, key: string) {
  const client = await connect(url);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const { organizations: O, usersPerOrganization: U, tasksPerOrganization: P, teamsPerOrganization: T } = scale;
  try {
    await client.query('begin');
    const audited = await client.query<{ table: string }>(
      `select t.tgrelid::regclass::text as table from pg_trigger t where t.tgname = '_500_audit'`,
    );
    for (const { table } of audited.rows) await client.query(`alter table ${table} disable trigger _500_audit`);
    await client.query('alter table app_public.tasks disable trigger user');
    // Users 1 are Admins, 2–7 Developers, the rest Viewers: every system role is exercised.
    await client.query(`
      create temp table b_org on commit drop as select n, gen_random_uuid() as id from generate_series(1, ${O}) n;
      create temp table b_user on commit drop as
        select o.n as org, o.id as organization_id, k, gen_random_uuid() as id,
               case when k = 1 then 'Admin' when k <= 7 then 'Developer' else 'Viewer' end as role
        from b_org o, generate_series(1, ${U}) k;
      create temp table b_team on commit drop as
        select o.n as org, o.id as organization_id, k, gen_random_uuid() as id from b_org o, generate_series(1, ${T}) k;
      insert into app_public.organizations (id, name, slug) select id, 'Bench ' || n, 'bench-' || n from b_org;
      insert into app_public.users (id, email, name) select id, format('u%s.%s@bench.test', org, k), format('User %s.%s', org, k) from b_user;
      insert into app_public.organization_memberships (organization_id, user_id) select organization_id, id from b_user;
      insert into app_public.user_roles (organization_id, user_id, role_id)
        select u.organization_id, u.id, r.id from b_user u
        join app_public.roles r on r.organization_id = u.organization_id and r.is_system and r.name = u.role;
      insert into app_public.teams (id, organization_id, name) select id, organization_id, 'Team ' || k from b_team;
      insert into app_public.team_memberships (organization_id, team_id, user_id)
        select u.organization_id, t.id, u.id from b_user u join b_team t on t.org = u.org and t.k = 1 + u.k % ${T};
    `);
    await client.query('insert into app_private.user_secrets (user_id, password_hash) select id, $1 from b_user', [passwordHash]);
    // The team: one organization of TEAM_MEMBERS (an Admin, nine Developers, Viewers), whose tasks are the
    // realtime figures' own (it starts with none, so the page figures never read it).
    await client.query(`
      create temp table b_team_user on commit drop as
        select k, gen_random_uuid() as id, case when k = 1 then 'Admin' when k <= 10 then 'Developer' else 'Viewer' end as role
        from generate_series(1, ${TEAM_MEMBERS}) k;
      insert into app_public.organizations (id, name, slug) values ('00000000-0000-7000-8000-00000000b0b0', 'Bench team', 'bench-team');
      insert into app_public.users (id, email, name) select id, format('t%s@${TEAM_DOMAIN}', k), format('Team member %s', k) from b_team_user;
      insert into app_public.organization_memberships (organization_id, user_id) select '00000000-0000-7000-8000-00000000b0b0', id from b_team_user;
      insert into app_public.user_roles (organization_id, user_id, role_id)
        select r.organization_id, u.id, r.id from b_team_user u
        join app_public.roles r on r.organization_id = '00000000-0000-7000-8000-00000000b0b0' and r.is_system and r.name = u.role;
    `);
    await client.query('insert into app_private.user_secrets (user_id, password_hash) select id, $1 from b_team_user', [passwordHash]);
    // Tasks in creation order, one every 30 s per organization, newest now; two in three assigned to a
    // Developer, four in five owned by a team; every fourth blocks on the task before it.
    await client.query(`
      create temp table b_task on commit drop as
        select o.n as org, o.id as organization_id, i, gen_random_uuid() as id,
               now() - (${P} - i) * interval '30 seconds' - o.n * interval '1 millisecond' as created_at
        from generate_series(1, ${P}) i, b_org o;
      insert into app_public.tasks (id, organization_id, title, description, status, priority, assignee_id, team_id,
                                    created_by_id, created_at, updated_at, completed_at)
        select t.id, t.organization_id, 'Task ' || t.i, 'Generated by npm run bench',
               (array['PENDING','IN_PROGRESS','COMPLETED','FAILED','CANCELLED'])[1 + t.i % 5]::app_public.task_status,
               (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + t.i % 4]::app_public.task_priority,
               case when t.i % 3 <> 0 then a.id end, case when t.i % 5 <> 0 then tm.id end, c.id,
               t.created_at, t.created_at, case when t.i % 5 = 2 then t.created_at end
        from b_task t
        join b_user a on a.org = t.org and a.k = 2 + t.i % 6
        join b_user c on c.org = t.org and c.k = 1 + t.i % 7
        join b_team tm on tm.org = t.org and tm.k = 1 + t.i % ${T}
        order by t.created_at;
      insert into app_public.task_dependencies (organization_id, task_id, depends_on_task_id, type)
        select t.organization_id, t.id, p.id, 'BLOCKS' from b_task t join b_task p on p.org = t.org and p.i = t.i - 1
        where t.i % 4 = 0;
      set constraints all immediate;
      alter table app_public.tasks enable trigger user;
    `);
    for (const { table } of audited.rows) await client.query(`alter table ${table} enable trigger _500_audit`);
    await client.query(`comment on database ${client.escapeIdentifier(new URL(url).pathname.slice(1))} is ${client.escapeLiteral(markerFor(key))}`);
    await client.query('commit');
    await client.query('vacuum (analyze)');
  } finally {
    await client.end();
  }
}

/**
 * Copies the dataset into a database of its own (FILE_COPY: a file copy after a checkpoint, seconds even
 * at a million tasks) and grants rowgate's roles access, as bootstrap does for the real database.
 */
async function copyForRun(server: Database): Promise<RunDatabase> {
  const admin = await connect(server.adminUrl);
  try {
    await admin.query(`drop database if exists ${RUN_DATABASE} with (force)`);
    await admin.query(`create database ${RUN_DATABASE} owner ${ROLES.owner} template ${admin.escapeIdentifier(server.databaseName)} strategy file_copy`);
    await grantDatabaseAccess(admin, RUN_DATABASE);
  } finally {
    await admin.end();
  }
  const adminUrl = withDatabase(server.adminUrl, RUN_DATABASE);
  return {
    adminUrl,
    authenticatorUrl: roleUrls(adminUrl, { ...readDatabaseConfig({}), databaseName: RUN_DATABASE }).authenticatorUrl,
    async drop() {
      const client = await connect(server.adminUrl);
      await client.query(`drop database if exists ${RUN_DATABASE} with (force)`).finally(() => client.end());
    },
  };
}
