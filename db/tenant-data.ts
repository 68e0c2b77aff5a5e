// Builds tenant data directly as the superuser, for `npm run db:seed` and for test fixtures. Writing as
// the superuser is deliberate: fixtures must exist before the rules under test are exercised.
import type pg from 'pg';

export type SystemRole = 'Admin' | 'Developer' | 'Viewer';

export async function createUser(client: pg.ClientBase, email: string, name: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    'insert into app_public.users (email, name) values ($1, $2) returning id',
    [email, name],
  );
  return rows[0].id;
}

/** A session that current_user_id() accepts, as the auth endpoints will create on login. */
export async function createSession(client: pg.ClientBase, userId: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `insert into app_private.sessions (user_id, expires_at) values ($1, now() + interval '30 days') returning id`,
    [userId],
  );
  return rows[0].id;
}

export interface Organization {
  id: string;
  roles: Record<SystemRole, string>;
}

/** An organization with its system roles (made by the trigger) and no members yet. */
export async function createOrganization(client: pg.ClientBase, name: string, slug: string): Promise<Organization> {
  const { rows } = await client.query<{ id: string }>(
    'insert into app_public.organizations (name, slug) values ($1, $2) returning id',
    [name, slug],
  );
  const id = rows[0].id;
  const roles = await client.query<{ id: string; name: SystemRole }>(
    'select id, name from app_public.roles where organization_id = $1 and is_system',
    [id],
  );
  return { id, roles: Object.fromEntries(roles.rows.map((r) => [r.name, r.id])) as Record<SystemRole, string> };
}

export async function addMember(client: pg.ClientBase, organizationId: string, userId: string, roleId: string): Promise<void> {
  await client.query('insert into app_public.organization_memberships (organization_id, user_id) values ($1, $2)', [organizationId, userId]);
  await client.query('insert into app_public.user_roles (organization_id, user_id, role_id) values ($1, $2, $3)', [organizationId, userId, roleId]);
}

export async function createTeam(client: pg.ClientBase, organizationId: string, name: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    'insert into app_public.teams (organization_id, name) values ($1, $2) returning id',
    [organizationId, name],
  );
  return rows[0].id;
}

export interface TaskFields {
  title: string;
  status?: string;
  priority?: string;
  assigneeId?: string | null;
  teamId?: string | null;
  createdById?: string | null;
}

export async function createTask(client: pg.ClientBase, organizationId: string, task: TaskFields): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `insert into app_public.tasks (organization_id, title, status, priority, assignee_id, team_id, created_by_id)
     values ($1, $2, coalesce($3, 'PENDING')::app_public.task_status, coalesce($4, 'MEDIUM')::app_public.task_priority, $5, $6, $7)
     returning id`,
    [organizationId, task.title, task.status ?? null, task.priority ?? null, task.assigneeId ?? null, task.teamId ?? null, task.createdById ?? null],
  );
  return rows[0].id;
}
