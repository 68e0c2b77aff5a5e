// `npm run db:seed`: development data — two organizations, a user per system role in each, a team and
// tasks. Idempotent: an organization that already exists (by slug) is left as it is.
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
    await client.query('commit');
  } finally {
    await client.end();
  }
} finally {
  await db.close();
}
