// `npm run db:seed`: development data — two organizations, a user per system role in each, a team and
// tasks. Idempotent: an organization that already exists (by slug) is left as it is. Every seeded user
// signs in with DEVELOPMENT_PASSWORD (its address verified); one seeded before it had a password gets it.
import { hash } from '@node-rs/argon2';
import { readDatabaseConfig } from './config.ts';
import { connect, withDatabase } from './bootstrap.ts';
import { openDatabase } from './database.ts';
import { applyMigrations } from './migrate.ts';
import { addMember, createOrganization, createTask, createTeam, createUser, type SystemRole } from './tenant-data.ts';

const ORGANIZATIONS = [
  { name: 'Acme Corp', slug: 'acme', domain: 'acme.test' },
  { name: 'Globex', slug: 'globex', domain: 'globex.test' },
];
const ROLES: SystemRole[] = ['Admin', 'Developer', 'Viewer'];
/** Documented in the README; db:seed refuses production, so it never guards real data. */
const DEVELOPMENT_PASSWORD = 'rowgate-dev-password';

if (process.env.NODE_ENV === 'production') {
  console.error('db:seed refuses to run with NODE_ENV=production');
  process.exit(1);
}

const db = await openDatabase(readDatabaseConfig(), { mode: 'shared' });
try {
  await applyMigrations(db);
  const client = await connect(withDatabase(db.adminUrl, db.databaseName));
  try {
    await client.query('begin');
    for (const spec of ORGANIZATIONS) {
      const { rowCount } = await client.query('select 1 from app_public.organizations where slug = $1', [spec.slug]);
      if (rowCount) {
        console.log(`seed: ${spec.slug} exists, left as it is`);
        continue;
      }
      const org = await createOrganization(client, spec.name, spec.slug);
      const team = await createTeam(client, org.id, 'Platform');
      const members: Record<string, string> = {};
      for (const role of ROLES) {
        const email = `${role.toLowerCase()}@${spec.domain}`;
        const existing = await client.query<{ id: string }>('select id from app_public.users where lower(email) = $1', [email]);
        members[role] = existing.rows[0]?.id ?? (await createUser(client, email, `${spec.name} ${role}`));
        await addMember(client, org.id, members[role], org.roles[role]);
      }
      const statuses = ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'];
      for (let i = 1; i <= 10; i++) {
        await createTask(client, org.id, {
          title: `${spec.name} task ${i}`,
          status: statuses[i % statuses.length],
          priority: ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'][i % 4],
          assigneeId: i % 2 ? members.Developer : null,
          teamId: i % 3 ? team : null,
          createdById: members.Admin,
        });
      }
      console.log(`seed: created ${spec.slug} with ${ROLES.map((r) => `${r.toLowerCase()}@${spec.domain}`).join(', ')}`);
    }
    const emails = ORGANIZATIONS.flatMap((spec) => ROLES.map((role) => `${role.toLowerCase()}@${spec.domain}`));
    const { rowCount } = await client.query(
      `insert into app_private.user_secrets (user_id, password_hash, email_verified_at)
       select u.id, $2, now() from app_public.users u where lower(u.email) = any($1)
       on conflict (user_id) do update set password_hash = excluded.password_hash, email_verified_at = coalesce(app_private.user_secrets.email_verified_at, now())
       where app_private.user_secrets.password_hash is null`,
      [emails, await hash(DEVELOPMENT_PASSWORD)],
    );
    if (rowCount) console.log(`seed: ${rowCount} users sign in with the development password "${DEVELOPMENT_PASSWORD}"`);
    await client.query('commit');
  } finally {
    await client.end();
  }
} finally {
  await db.close();
}
