// Two organizations that both hold a row in every organization-scoped table, the members of each
// system role plus a custom role holding one permission, and a signed-in user who belongs nowhere.
import type pg from 'pg';
import { addMember, createOrganization, createSession, createTask, createTeam, createUser } from '../../db/tenant-data.ts';
import type { Actor } from './database.ts';

export const PERSONAS = ['admin', 'developer', 'viewer', 'custom'] as const;
export type Persona = (typeof PERSONAS)[number];
export const CUSTOM_PERMISSION = 'tasks:read';

export interface Tenant {
  id: string;
  users: Record<Persona, { id: string; sessionId: string }>;
  roles: { Admin: string; Developer: string; Viewer: string; custom: string };
  team: string;
  teamMembership: string;
  tasks: [string, string, string];
  dependency: string;
  history: string;
  auditLog: string;
  invitation: string;
}

export interface Tenants {
  a: Tenant;
  b: Tenant;
  outsider: { id: string; sessionId: string };
}

async function one(client: pg.ClientBase, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await client.query<{ id: string }>(sql, params);
  return rows[0].id;
}

async function createTenant(client: pg.ClientBase, key: string): Promise<Tenant> {
  const org = await createOrganization(client, `Org ${key}`, `org-${key}`);
  const custom = await one(
    client,
    `insert into app_public.roles (organization_id, name, permissions) values ($1, 'Custom', array[$2]) returning id`,
    [org.id, CUSTOM_PERMISSION],
  );
  const roleOf: Record<Persona, string> = { admin: org.roles.Admin, developer: org.roles.Developer, viewer: org.roles.Viewer, custom };
  const users = {} as Tenant['users'];
  for (const persona of PERSONAS) {
    const id = await createUser(client, `${persona}@${key}.test`, `${persona} of ${key}`);
    await addMember(client, org.id, id, roleOf[persona]);
    users[persona] = { id, sessionId: await createSession(client, id) };
  }
  const team = await createTeam(client, org.id, `Team ${key}`);
  const teamMembership = await one(
    client,
    'insert into app_public.team_memberships (organization_id, team_id, user_id) values ($1, $2, $3) returning id',
    [org.id, team, users.developer.id],
  );
  const tasks = [] as unknown as Tenant['tasks'];
  for (let i = 0; i < 3; i++) {
    tasks.push(await createTask(client, org.id, { title: `Task ${i} of ${key}`, assigneeId: users.developer.id, teamId: team, createdById: users.admin.id }));
  }
  const dependency = await one(
    client,
    `insert into app_public.task_dependencies (organization_id, task_id, depends_on_task_id) values ($1, $2, $3) returning id`,
    [org.id, tasks[1], tasks[0]],
  );
  const history = await one(
    client,
    `insert into app_public.task_histories (organization_id, task_id, event_key, action, actor_id)
     values ($1, $2, gen_random_uuid()::text, 'task.created', $3) returning id`,
    [org.id, tasks[0], users.admin.id],
  );
  const auditLog = await one(
    client,
    `insert into app_public.audit_logs (organization_id, seq, event_key, action, resource_type, resource_id, actor_id, hash)
     values ($1, 1, gen_random_uuid()::text, 'task.created', 'task', $2, $3, 'fixture') returning id`,
    [org.id, tasks[0], users.admin.id],
  );
  const invitation = await one(
    client,
    `insert into app_public.invitations (organization_id, email, role_id, invited_by_id, expires_at)
     values ($1, $2, $3, $4, now() + interval '7 days') returning id`,
    [org.id, `invitee@${key}.test`, org.roles.Viewer, users.admin.id],
  );
  return { id: org.id, users, roles: { ...org.roles, custom }, team, teamMembership, tasks, dependency, history, auditLog, invitation };
}

export async function createTenants(pool: pg.Pool): Promise<Tenants> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const a = await createTenant(client, 'a');
    const b = await createTenant(client, 'b');
    const outsiderId = await createUser(client, 'outsider@nowhere.test', 'Outsider');
    const outsider = { id: outsiderId, sessionId: await createSession(client, outsiderId) };
    await client.query('commit');
    return { a, b, outsider };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** A member of the tenant acting with X-Organization-Id set to that tenant. */
export function member(tenant: Tenant, persona: Persona): Actor {
  const { id, sessionId } = tenant.users[persona];
  return { role: 'app_user', userId: id, sessionId, organizationId: tenant.id };
}
