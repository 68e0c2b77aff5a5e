// The audit pipeline end to end (API.md §4): the real server with the in-process worker on embedded
// PostgreSQL, changes made through GraphQL by signed-in users. Every committed change of an audited
// table becomes exactly one audit row (and one history row for tasks) within 2 s; a rolled-back change
// leaves nothing; each organization's rows form a verifiable hash chain; the log is readable only with
// the right permission and never writable through the API; replayed and retried jobs write once.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildSchema } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AuditAcceptInvitationDocument,
  AuditInviteDocument,
  AuditLogEntriesDocument,
  AuditVerifyChainDocument,
  CreateOrganizationDocument,
  CreateRoleDocument,
  CreateTaskDependencyDocument,
  CreateTaskDocument,
  CreateTeamDocument,
  CreateTeamMembershipDocument,
  CreateUserRoleDocument,
  DeleteInvitationDocument,
  DeleteOrganizationDocument,
  DeleteOrganizationMembershipDocument,
  DeleteRoleDocument,
  DeleteTaskDependencyDocument,
  DeleteTaskDocument,
  DeleteTeamDocument,
  DeleteTeamMembershipDocument,
  DeleteUserRoleDocument,
  TaskHistoriesDocument,
  UpdateOrganizationDocument,
  UpdateRoleDocument,
  UpdateTaskDependencyDocument,
  UpdateTaskDocument,
  UpdateTeamDocument,
  type TypedDocumentString,
} from '../generated/graphql.ts';
import { addMember, createTask } from '../../db/tenant-data.ts';
import { asActor, createTestDatabase, roleUrlsFor, sqlState } from '../support/database.ts';
import { tokenIn, waitForMail } from '../support/mail.ts';
import { gql, http, register, startTestServer, type GraphQLResult, type Session, type TestServer } from '../support/server.ts';
import { waitFor, workerUrlFor } from '../support/worker.ts';

/** The contract: an audit row appears within 2 s of the commit. */
const WITHIN = 2000;
/** Generous bound for things the contract sets no time for (mail delivery, draining a queue, a retry). */
const EVENTUALLY = 15_000;
const USER_AGENT = 'rowgate-audit-test/1.0';
const LOOPBACK = /^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/;
/** Audit jobs of one organization ($1: its id). The graphile_worker.jobs view has no payload column. */
const AUDIT_JOBS_OF = `graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
  where t.identifier = 'audit' and j.payload ->> 'organizationId' = $1`;
/** Outbox events of one changed row ($1: its id), waiting for their audit row. */
const PENDING_EVENTS_OF = `app_worker.audit_outbox o where o.event ->> 'resourceId' = $1`;

let server: TestServer;
let ann: Session; // creator, hence Admin, of the main organization
let dev: Session; // a Developer of the main organization
let org: string; // the main organization
let roles: { Admin: string; Developer: string; Viewer: string };

// ----------------------------------------------------------------------------------------------------
// Helpers

interface As {
  session?: Session;
  org?: string;
}

/**
 * A GraphQL request with a known User-Agent, traced to its audit row by the request id the server
 * answers with. It also sends an X-Request-Id of its own, which the audit row must not take: a client
 * could otherwise put any text it likes into the log.
 */
async function send<T, V>(document: TypedDocumentString<T, V>, variables: V, as: As = {}): Promise<GraphQLResult<T> & { requestId: string }> {
  const clientRequestId = `audit-test-${randomUUID()}`;
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, 'x-request-id': clientRequestId };
  if (as.session) headers.authorization = `Bearer ${as.session.accessToken}`;
  if (as.org) headers['x-organization-id'] = as.org;
  const { status, body, headers: answered } = await http<Omit<GraphQLResult<T>, 'status'>>(server, 'POST', '/graphql', {
    body: { query: String(document), variables },
    headers,
  });
  const requestId = answered.get('x-request-id');
  expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(requestId).not.toBe(clientRequestId);
  return { status, ...body, requestId: requestId! };
}

/** send(), failing on any GraphQL error. */
async function must<T, V>(document: TypedDocumentString<T, V>, variables: V, as: As = {}): Promise<{ data: T; requestId: string }> {
  const result = await send(document, variables, as);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL failed: ${JSON.stringify(result.errors ?? result)}`);
  return { data: result.data, requestId: result.requestId };
}

/** Superuser query. */
async function sql<R extends pg.QueryResultRow = any>(text: string, params: unknown[] = []): Promise<R[]> {
  return (await server.db.pool.query<R>(text, params)).rows;
}

async function count(text: string, params: unknown[] = []): Promise<number> {
  const rows = await sql<{ n: number }>(text, params);
  return rows[0].n;
}

/** The row as the audit trigger sees it (to_jsonb), or undefined when there is none. */
async function snapshot(table: string, id: string): Promise<Record<string, unknown> | undefined> {
  const rows = await sql<{ row: Record<string, unknown> }>(`select to_jsonb(t) as row from app_public.${table} t where id = $1`, [id]);
  return rows[0]?.row;
}

/** The fields whose values differ, with their new values. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => !isDeepStrictEqual(value, before[key])));
}

/** Waits until no audit job and no pending event of the organization is left (both vanish once done). */
async function waitForQueueDrained(organizationId: string): Promise<void> {
  await waitFor(
    async () =>
      (await count(
        `select (select count(*)::int from ${AUDIT_JOBS_OF})
              + (select count(*)::int from app_worker.audit_outbox o where o.organization_id::text = $1) as n`,
        [organizationId],
      )) === 0,
    EVENTUALLY,
    `audit jobs of ${organizationId} done`,
  );
}

async function waitForAllJobsDone(): Promise<void> {
  await waitFor(async () => (await count('select count(*)::int as n from graphile_worker.jobs')) === 0, EVENTUALLY, 'every job done');
}

let slugs = 0;
function slug(): string {
  slugs += 1;
  return `audit-${process.pid}-${Date.now()}-${slugs}`;
}

async function newOrganization(owner: Session): Promise<string> {
  const { data } = await must(CreateOrganizationDocument, { name: 'Audited', slug: slug() }, { session: owner });
  return data.createOrganization!.organization!.rowId;
}

async function systemRoles(organizationId: string): Promise<{ Admin: string; Developer: string; Viewer: string }> {
  const rows = await sql<{ id: string; name: 'Admin' | 'Developer' | 'Viewer' }>(
    'select id, name from app_public.roles where organization_id = $1 and is_system',
    [organizationId],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.id])) as { Admin: string; Developer: string; Viewer: string };
}

/** A new user made a member of the main organization by the superuser (fixture, not under test). */
async function newMember(role: 'Admin' | 'Developer' | 'Viewer' | string = 'Viewer', organizationId = org): Promise<Session> {
  const session = await register(server, 'Member');
  const roleId = role in roles ? roles[role as keyof typeof roles] : role;
  const client = await server.db.pool.connect();
  try {
    await addMember(client, organizationId, session.user.id, roleId);
  } finally {
    client.release();
  }
  return session;
}

async function membershipId(organizationId: string, userId: string): Promise<string> {
  const rows = await sql<{ id: string }>('select id from app_public.organization_memberships where organization_id = $1 and user_id = $2', [organizationId, userId]);
  return rows[0].id;
}

async function userRoleId(organizationId: string, userId: string, roleId: string): Promise<string> {
  const rows = await sql<{ id: string }>(
    'select id from app_public.user_roles where organization_id = $1 and user_id = $2 and role_id = $3',
    [organizationId, userId, roleId],
  );
  return rows[0].id;
}

async function team(): Promise<string> {
  const { data } = await must(CreateTeamDocument, { team: { name: `Team ${randomUUID()}` } }, { session: ann, org });
  return data.createTeam!.team!.rowId;
}

async function task(by: Session = dev, organizationId = org): Promise<string> {
  const { data } = await must(CreateTaskDocument, { task: { title: `Task ${randomUUID()}` } }, { session: by, org: organizationId });
  return data.createTask!.task!.rowId;
}

async function customRole(permissions = ['tasks:read']): Promise<string> {
  const { data } = await must(CreateRoleDocument, { role: { name: `Role ${randomUUID()}`, permissions } }, { session: ann, org });
  return data.createRole!.role!.rowId;
}

/** The one-time token of the invitation mailed to `email`, read from the worker's outbox. */
async function mailedToken(email: string): Promise<string> {
  return tokenIn(await waitForMail(server.worker!.outboxDir, email, /You are invited/, { timeoutMs: EVENTUALLY }));
}

/** A registered user invited into the main organization by ann, with the mailed token. */
async function invited(roleId = roles.Developer): Promise<{ invitee: Session; invitation: string; token: string }> {
  const invitee = await register(server, 'Invitee');
  const { data } = await must(AuditInviteDocument, { email: invitee.user.email, roleId }, { session: ann, org });
  return { invitee, invitation: data.inviteToOrganization!.result!.rowId, token: await mailedToken(invitee.user.email.toLowerCase()) };
}

async function withWorkerClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: workerUrlFor(server.db) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function newSessionId(userId: string): Promise<string> {
  const rows = await sql<{ id: string }>(
    `insert into app_private.sessions (user_id, expires_at) values ($1, now() + interval '1 day') returning id`,
    [userId],
  );
  return rows[0].id;
}

beforeAll(async () => {
  server = await startTestServer({}, { worker: true });
  ann = await register(server, 'Ann');
  org = await newOrganization(ann);
  roles = await systemRoles(org);
  dev = await newMember('Developer');
});
afterAll(() => server?.close());

// ----------------------------------------------------------------------------------------------------
// 1. Every audited table × insert, update, delete.

type Verb = 'created' | 'updated' | 'deleted';

/** What a cell's change did: the row changed, and who did it (no `by`: the superuser, outside any request). */
interface Change {
  id: string;
  by?: Session;
  requestId?: string;
}

interface Cell {
  table: string;
  resource: string;
  verb: Verb;
  /** How the change is made. */
  via: string;
  /** Fixtures the change needs (not under test); `target` is the row an update or delete acts on. */
  prepare?: () => Promise<{ target: string; [key: string]: any }>;
  change: (prepared: { target: string; [key: string]: any }) => Promise<Change>;
  /** For updates: fields the change must have set (the details hold exactly the changed fields). */
  sets?: string[];
}

/** An update only the superuser can make (no API mutation updates this table). */
function superuserTouch(table: string): (prepared: { target: string }) => Promise<Change> {
  return async ({ target }) => {
    await sql(`update app_public.${table} set updated_at = now() where id = $1`, [target]);
    return { id: target };
  };
}

const CELLS: Cell[] = [
  // organizations
  {
    table: 'organizations',
    resource: 'organization',
    verb: 'created',
    via: 'createOrganization',
    change: async () => {
      const { data, requestId } = await must(CreateOrganizationDocument, { name: 'Created', slug: slug() }, { session: ann });
      return { id: data.createOrganization!.organization!.rowId, by: ann, requestId };
    },
  },
  {
    table: 'organizations',
    resource: 'organization',
    verb: 'updated',
    via: 'updateOrganization',
    prepare: async () => ({ target: await newOrganization(ann) }),
    change: async ({ target }) => {
      const { requestId } = await must(UpdateOrganizationDocument, { rowId: target, patch: { name: 'Renamed' } }, { session: ann, org: target });
      return { id: target, by: ann, requestId };
    },
    sets: ['name', 'updated_at'],
  },
  {
    table: 'organizations',
    resource: 'organization',
    verb: 'deleted',
    via: 'deleteOrganization',
    prepare: async () => ({ target: await newOrganization(ann) }),
    change: async ({ target }) => {
      const { requestId } = await must(DeleteOrganizationDocument, { rowId: target }, { session: ann, org: target });
      return { id: target, by: ann, requestId };
    },
  },
  // organization_memberships
  {
    table: 'organization_memberships',
    resource: 'organization_membership',
    verb: 'created',
    via: 'acceptInvitation',
    prepare: async () => ({ target: '', ...(await invited()) }),
    change: async ({ invitee, token }) => {
      const { requestId } = await must(AuditAcceptInvitationDocument, { token }, { session: invitee });
      return { id: await membershipId(org, invitee.user.id), by: invitee, requestId };
    },
  },
  {
    table: 'organization_memberships',
    resource: 'organization_membership',
    verb: 'created',
    via: 'createOrganization (the creator joins by trigger)',
    change: async () => {
      const { data, requestId } = await must(CreateOrganizationDocument, { name: 'Joined', slug: slug() }, { session: ann });
      return { id: await membershipId(data.createOrganization!.organization!.rowId, ann.user.id), by: ann, requestId };
    },
  },
  {
    table: 'organization_memberships',
    resource: 'organization_membership',
    verb: 'updated',
    via: 'superuser update (no API mutation)',
    prepare: async () => ({ target: await membershipId(org, (await newMember()).user.id) }),
    change: superuserTouch('organization_memberships'),
    sets: ['updated_at'],
  },
  {
    table: 'organization_memberships',
    resource: 'organization_membership',
    verb: 'deleted',
    via: 'deleteOrganizationMembership',
    prepare: async () => ({ target: await membershipId(org, (await newMember()).user.id) }),
    change: async ({ target }) => {
      const { requestId } = await must(DeleteOrganizationMembershipDocument, { rowId: target }, { session: ann, org });
      return { id: target, by: ann, requestId };
    },
  },
  // teams
  {
    table: 'teams',
    resource: 'team',
    verb: 'created',
    via: 'createTeam',
    change: async () => {
      const { data, requestId } = await must(CreateTeamDocument, { team: { name: `Team ${randomUUID()}`, description: 'new' } }, { session: ann, org });
      return { id: data.createTeam!.team!.rowId, by: ann, requestId };
    },
  },
  {
    table: 'teams',
    resource: 'team',
    verb: 'updated',
    via: 'updateTeam',
    prepare: async () => ({ target: await team() }),
    change: async ({ target }) => {
      const { requestId } = await must(UpdateTeamDocument, { rowId: target, patch: { description: 'changed' } }, { session: ann, org });
      return { id: target, by: ann, requestId };
    },
    sets: ['description', 'updated_at'],
  },
  {
    table: 'teams',
    resource: 'team',
    verb: 'deleted',
    via: 'deleteTeam',
    prepare: async () => ({ target: await team() }),
    change: async ({ target }) => {
      const { requestId } = await must(DeleteTeamDocument, { rowId: target }, { session: ann, org });
      return { id: target, by: ann, requestId };
    },
  },
  // team_memberships
  {
    table: 'team_memberships',
    resource: 'team_membership',
    verb: 'created',
    via: 'createTeamMembership',
    prepare: async () => ({ target: '', team: await team(), user: (await newMember()).user.id }),
    change: async ({ team: teamId, user }) => {
      const { data, requestId } = await must(CreateTeamMembershipDocument, { teamMembership: { teamId, userId: user } }, { session: ann, org });
      return { id: data.createTeamMembership!.teamMembership!.rowId, by: ann, requestId };
    },
  },
  {
    table: 'team_memberships',
    resource: 'team_membership',
    verb: 'updated',
    via: 'superuser update (no API mutation)',
    prepare: async () => {
      const teamMembership = { teamId: await team(), userId: (await newMember()).user.id };
      const { data } = await must(CreateTeamMembershipDocument, { teamMembership }, { session: ann, org });
      return { target: data.createTeamMembership!.teamMembership!.rowId };
    },
    change: superuserTouch('team_memberships'),
    sets: ['updated_at'],
  },
  {
    table: 'team_memberships',
    resource: 'team_membership',
    verb: 'deleted',
    via: 'deleteTeamMembership',
    prepare: async () => {
      const teamMembership = { teamId: await team(), userId: (await newMember()).user.id };
      const { data } = await must(CreateTeamMembershipDocument, { teamMembership }, { session: ann, org });
      return { target: data.createTeamMembership!.teamMembership!.rowId };
    },
    change: async ({ target }) => {
      const { requestId } = await must(DeleteTeamMembershipDocument, { rowId: target }, { session: ann, org });
      return { id: target, by: ann, requestId };
    },
  },
  // roles
  {
    table: 'roles',
    resource: 'role',
    verb: 'created',
    via: 'createRole',
    change: async () => {
      const role = { name: `Role ${randomUUID()}`, description: 'reads tasks', permissions: ['tasks:read'] };
      const { data, requestId } = await must(CreateRoleDocument, { role }, { session: ann, org });
      return { id: data.createRole!.role!.rowId, by: ann, requestId };
    },
  },
  {
    table: 'roles',
    resource: 'role',
    verb: 'updated',
    via: 'updateRole',
    prepare: async () => ({ target: await customRole() }),
    change: async ({ target }) => {
      const patch = { description: 'reads tasks and teams', permissions: ['tasks:read', 'teams:read'] };
      const { requestId } = await must(UpdateRoleDocument, { rowId: target, patch }, { session: ann, org });
      return { id: target, by: ann, requestId };
    },
    sets: ['description', 'permissions', 'updated_at'],
  },
  {
    table: 'roles',
    resource: 'role',
    verb: 'deleted',
    via: 'deleteRole',
    prepare: async () => ({ target: await customRole() }),
    change: async ({ target }) => {
      const { requestId } = await must(DeleteRoleDocument, { rowId: target }, { session: ann, org });
      return { id: target, by: ann, requestId };
    },
  },
  // user_roles
  {
    table: 'user_roles',
    resource: 'user_role',
    verb: 'created',
    via: 'createUserRole',
    prepare: async () => ({ target: '', user: (await newMember()).user.id, role: await customRole() }),
    change: async ({ user, role }) => {
      const { data, requestId } = await must(CreateUserRoleDocument, { userRole: { userId: user, roleId: role } }, { session: ann, org });
      return { id: data.createUserRole!.userRole!.rowId, by: ann, requestId };
    },
  },
  {
    table: 'user_roles',
    resource: 'user_role',
    verb: 'updated',
    via: 'superuser update (no API mutation)',
    prepare: async () => ({ target: await userRoleId(org, (await newMember()).user.id, roles.Viewer) }),
    change: superuserTouch('user_roles'),
    sets: ['updated_at'],
  },
  {
    table: 'user_roles',
    resource: 'user_role',
    verb: 'deleted',
    via: 'deleteUserRole',
    prepare: async () => {
      const userRole = { userId: (await newMember()).user.id, roleId: await customRole() };
      const { data } = await must(CreateUserRoleDocument, { userRole }, { session: ann, org });
      return { target: data.createUserRole!.userRole!.rowId };
    },
    change: async ({ target }) => {
      const { requestId } = await must(DeleteUserRoleDocument, { rowId: target }, { session: ann, org });
      return { id: target, by: ann, requestId };
    },
  },
  // tasks (by a Developer)
  {
    table: 'tasks',
    resource: 'task',
    verb: 'created',
    via: 'createTask',
    change: async () => {
      const newTask = { title: 'Write the audit test', priority: 'HIGH' as const, metadata: { sprint: 7, tags: ['audit'] } };
      const { data, requestId } = await must(CreateTaskDocument, { task: newTask }, { session: dev, org });
      return { id: data.createTask!.task!.rowId, by: dev, requestId };
    },
  },
  {
    table: 'tasks',
    resource: 'task',
    verb: 'updated',
    via: 'updateTask',
    prepare: async () => ({ target: await task() }),
    change: async ({ target }) => {
      const { requestId } = await must(UpdateTaskDocument, { rowId: target, patch: { title: 'Done it', status: 'COMPLETED' } }, { session: dev, org });
      return { id: target, by: dev, requestId };
    },
    sets: ['title', 'status', 'completed_at', 'updated_at'],
  },
  {
    table: 'tasks',
    resource: 'task',
    verb: 'deleted',
    via: 'deleteTask',
    prepare: async () => ({ target: await task() }),
    change: async ({ target }) => {
      const { requestId } = await must(DeleteTaskDocument, { rowId: target }, { session: dev, org });
      return { id: target, by: dev, requestId };
    },
  },
  // task_dependencies (by a Developer)
  {
    table: 'task_dependencies',
    resource: 'task_dependency',
    verb: 'created',
    via: 'createTaskDependency',
    prepare: async () => ({ target: '', taskId: await task(), dependsOnTaskId: await task() }),
    change: async ({ taskId, dependsOnTaskId }) => {
      const { data, requestId } = await must(CreateTaskDependencyDocument, { taskDependency: { taskId, dependsOnTaskId } }, { session: dev, org });
      return { id: data.createTaskDependency!.taskDependency!.rowId, by: dev, requestId };
    },
  },
  {
    table: 'task_dependencies',
    resource: 'task_dependency',
    verb: 'updated',
    via: 'updateTaskDependency',
    prepare: async () => {
      const taskDependency = { taskId: await task(), dependsOnTaskId: await task() };
      const { data } = await must(CreateTaskDependencyDocument, { taskDependency }, { session: dev, org });
      return { target: data.createTaskDependency!.taskDependency!.rowId };
    },
    change: async ({ target }) => {
      const { requestId } = await must(UpdateTaskDependencyDocument, { rowId: target, patch: { type: 'RELATES_TO' } }, { session: dev, org });
      return { id: target, by: dev, requestId };
    },
    sets: ['type', 'updated_at'],
  },
  {
    table: 'task_dependencies',
    resource: 'task_dependency',
    verb: 'deleted',
    via: 'deleteTaskDependency',
    prepare: async () => {
      const taskDependency = { taskId: await task(), dependsOnTaskId: await task() };
      const { data } = await must(CreateTaskDependencyDocument, { taskDependency }, { session: dev, org });
      return { target: data.createTaskDependency!.taskDependency!.rowId };
    },
    change: async ({ target }) => {
      const { requestId } = await must(DeleteTaskDependencyDocument, { rowId: target }, { session: dev, org });
      return { id: target, by: dev, requestId };
    },
  },
  // invitations
  {
    table: 'invitations',
    resource: 'invitation',
    verb: 'created',
    via: 'inviteToOrganization',
    change: async () => {
      const { data, requestId } = await must(AuditInviteDocument, { email: `someone-${randomUUID()}@example.test`, roleId: roles.Viewer }, { session: ann, org });
      return { id: data.inviteToOrganization!.result!.rowId, by: ann, requestId };
    },
  },
  {
    table: 'invitations',
    resource: 'invitation',
    verb: 'updated',
    via: 'acceptInvitation',
    prepare: async () => {
      const { invitation, ...rest } = await invited();
      return { target: invitation, ...rest };
    },
    change: async ({ target, invitee, token }) => {
      const { requestId } = await must(AuditAcceptInvitationDocument, { token }, { session: invitee });
      return { id: target, by: invitee, requestId };
    },
    sets: ['accepted_at', 'accepted_by_id', 'updated_at'],
  },
  {
    table: 'invitations',
    resource: 'invitation',
    verb: 'deleted',
    via: 'deleteInvitation',
    prepare: async () => {
      const { data } = await must(AuditInviteDocument, { email: `someone-${randomUUID()}@example.test`, roleId: roles.Viewer }, { session: ann, org });
      return { target: data.inviteToOrganization!.result!.rowId };
    },
    change: async ({ target }) => {
      const { requestId } = await must(DeleteInvitationDocument, { rowId: target }, { session: ann, org });
      return { id: target, by: ann, requestId };
    },
  },
];

/** Every (resource id, action) the cells produced, for the final check that no second row ever came. */
const recorded: { id: string; action: string; task: boolean }[] = [];

describe('every committed change of an audited table becomes exactly one audit row within 2 s', () => {
  test('the cells cover every audited table and every operation', async () => {
    const audited = await sql<{ table: string }>(
      `select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
       where t.tgname = '_500_audit' and not t.tgisinternal order by 1`,
    );
    const tables = [...new Set(CELLS.map((c) => c.table))].sort();
    expect(tables).toEqual(audited.map((r) => r.table));
    for (const table of tables) {
      expect(new Set(CELLS.filter((c) => c.table === table).map((c) => c.verb)), table).toEqual(new Set(['created', 'updated', 'deleted']));
    }
  });

  for (const cell of CELLS) {
    test(`${cell.resource}.${cell.verb} via ${cell.via}`, async () => {
      const prepared = cell.prepare ? await cell.prepare() : { target: '' };
      // The fixtures' own audit jobs are not under test: let them run first, so the 2 s below measure this change.
      await waitForAllJobsDone();
      const before = cell.verb === 'created' ? undefined : await snapshot(cell.table, prepared.target);
      if (cell.verb !== 'created') expect(before, 'the row to change exists').toBeDefined();

      const change = await cell.change(prepared);

      const after = cell.verb === 'deleted' ? undefined : await snapshot(cell.table, change.id);
      if (cell.verb === 'deleted') expect(await snapshot(cell.table, change.id), 'the row is gone').toBeUndefined();
      else expect(after, 'the row exists').toBeDefined();
      const row = (after ?? before)!;
      const organizationId = cell.table === 'organizations' ? change.id : (row.organization_id as string);
      const details = cell.verb === 'created' ? after! : cell.verb === 'deleted' ? before! : changedFields(before!, after!);
      if (cell.sets) expect(Object.keys(details).sort()).toEqual([...cell.sets].sort());

      const action = `${cell.resource}.${cell.verb}`;
      recorded.push({ id: change.id, action, task: cell.resource === 'task' });
      const rows = await waitFor(
        async () => {
          const found = await sql('select * from app_public.audit_logs where resource_id = $1 and action = $2', [change.id, action]);
          return found.length ? found : undefined;
        },
        WITHIN,
        `${action} audit row for ${change.id}`,
      );
      expect(rows).toHaveLength(1);
      const entry = rows[0];
      expect(entry).toMatchObject({
        organization_id: organizationId,
        action,
        resource_type: cell.resource,
        resource_id: change.id,
        actor_id: change.by?.user.id ?? null,
        details,
        request_id: change.requestId ?? null,
        user_agent: change.by ? USER_AGENT : null,
      });
      if (change.by) expect(entry.ip).toMatch(LOOPBACK);
      else expect(entry.ip).toBeNull();
      // The change's event key is recorded once.
      expect(await count('select count(*)::int as n from app_public.audit_logs where event_key = $1', [entry.event_key])).toBe(1);

      if (cell.resource === 'task') {
        const history = await sql('select * from app_public.task_histories where task_id = $1 and action = $2', [change.id, action]);
        expect(history).toHaveLength(1);
        expect(history[0]).toMatchObject({
          organization_id: organizationId,
          task_id: change.id,
          event_key: entry.event_key,
          action,
          actor_id: change.by?.user.id ?? null,
          changes: details,
        });
      } else {
        expect(await count('select count(*)::int as n from app_public.task_histories where event_key = $1', [entry.event_key])).toBe(0);
      }
    });
  }

  test('once every job has run, each change (late ones too) has exactly one audit row (and one history row for tasks)', async () => {
    await waitForAllJobsDone();
    for (const { id, action, task: isTask } of recorded) {
      expect(await count('select count(*)::int as n from app_public.audit_logs where resource_id = $1 and action = $2', [id, action]), action).toBe(1);
      if (isTask) {
        expect(await count('select count(*)::int as n from app_public.task_histories where task_id = $1 and action = $2', [id, action]), action).toBe(1);
      }
    }
  });
});

describe('a change that touches many audited rows at once', () => {
  test('deleting an organization with 15 tasks: every cascaded row gets its audit row within 2 s of the commit', async () => {
    const owner = await register(server, 'Cascade');
    const organizationId = await newOrganization(owner);
    for (let i = 0; i < 15; i++) await task(owner, organizationId);
    await waitForAllJobsDone();
    const audited = ['organizations', 'organization_memberships', 'roles', 'user_roles', 'tasks'];
    const expected = (
      await Promise.all(
        audited.map((table) =>
          count(`select count(*)::int as n from app_public.${table} where ${table === 'organizations' ? 'id' : 'organization_id'} = $1`, [organizationId]),
        ),
      )
    ).reduce((a, b) => a + b, 0);
    expect(expected).toBe(1 + 1 + 3 + 1 + 15);

    await must(DeleteOrganizationDocument, { rowId: organizationId }, { session: owner, org: organizationId });
    const deletedRows = () =>
      count(`select count(*)::int as n from app_public.audit_logs where organization_id = $1 and action like '%.deleted'`, [organizationId]);
    try {
      await waitFor(async () => (await deletedRows()) >= expected, WITHIN, `all ${expected} deletions of the organization audited`);
    } finally {
      // However long it took, every deletion is recorded exactly once in the end.
      await waitForQueueDrained(organizationId);
      expect(await deletedRows()).toBe(expected);
    }
  });
});

// ----------------------------------------------------------------------------------------------------
// 2. Rolled-back changes.

describe('a rolled-back change leaves no job and no row', () => {
  test('a superuser insert that is rolled back: the job existed only inside the transaction', async () => {
    await waitForAllJobsDone();
    const jobsBefore = await count('select count(*)::int as n from graphile_worker.jobs');
    expect(jobsBefore).toBe(0);
    const client = await server.db.pool.connect();
    let taskId: string;
    try {
      await client.query('begin');
      taskId = await createTask(client, org, { title: 'Never committed' });
      const inside = async (from: string, id: string) => (await client.query<{ n: number }>(`select count(*)::int as n from ${from}`, [id])).rows[0].n;
      expect(await inside(PENDING_EVENTS_OF, taskId), 'the trigger added the change to the outbox inside the transaction').toBe(1);
      expect(await inside(AUDIT_JOBS_OF, org), 'and a job for its organization').toBe(1);
    } finally {
      await client.query('rollback');
      client.release();
    }
    expect(await count('select count(*)::int as n from graphile_worker.jobs')).toBe(jobsBefore);
    expect(await count(`select count(*)::int as n from ${PENDING_EVENTS_OF}`, [taskId!])).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await count('select count(*)::int as n from graphile_worker.jobs')).toBe(jobsBefore);
    expect(await count(`select count(*)::int as n from ${PENDING_EVENTS_OF}`, [taskId!])).toBe(0);
    expect(await count('select count(*)::int as n from app_public.audit_logs where resource_id = $1', [taskId!])).toBe(0);
    expect(await count('select count(*)::int as n from app_public.task_histories where task_id = $1', [taskId!])).toBe(0);
  });

  test('a GraphQL mutation refused by the database (removing the last Admin) leaves no job and no row', async () => {
    const owner = await register(server, 'Owner');
    const organizationId = await newOrganization(owner);
    await waitForAllJobsDone();
    const ownMembership = await membershipId(organizationId, owner.user.id);
    const result = await send(DeleteOrganizationMembershipDocument, { rowId: ownMembership }, { session: owner, org: organizationId });
    expect(result.errors?.length, 'the last Admin cannot be removed').toBeGreaterThan(0);
    expect(await snapshot('organization_memberships', ownMembership)).toBeDefined();
    expect(await count(`select count(*)::int as n from graphile_worker.jobs`)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await count(`select count(*)::int as n from graphile_worker.jobs`)).toBe(0);
    expect(
      await count(`select count(*)::int as n from app_public.audit_logs where organization_id = $1 and action like '%.deleted'`, [organizationId]),
    ).toBe(0);
  });
});

// ----------------------------------------------------------------------------------------------------
// 3. The hash chain, and who may read the log.

async function chainOf(organizationId: string) {
  return sql<{ seq: string; prev_hash: string | null; hash: string; recomputed: string }>(
    `select a.seq, a.prev_hash, a.hash, app_public.audit_log_hash(a) as recomputed
     from app_public.audit_logs a where a.organization_id = $1 order by a.seq`,
    [organizationId],
  );
}

async function verify(session: Session, organizationId: string) {
  return send(AuditVerifyChainDocument, {}, { session, org: organizationId });
}

describe('audit rows of an organization form a hash chain', () => {
  test('seq runs 1..n without gaps, each prev_hash is the previous hash, and verifyAuditChain checks n entries', async () => {
    await waitForQueueDrained(org);
    const chain = await chainOf(org);
    expect(chain.length).toBeGreaterThan(CELLS.length);
    chain.forEach((entry, i) => {
      expect(Number(entry.seq)).toBe(i + 1);
      expect(entry.prev_hash).toBe(i === 0 ? null : chain[i - 1].hash);
      expect(entry.hash).toBe(entry.recomputed);
    });
    const result = await verify(ann, org);
    expect(result.errors).toBeUndefined();
    expect(result.data!.verifyAuditChain).toEqual({ ok: true, checked: String(chain.length), brokenSeq: null, setAside: 0 });
  });

  test('a superuser edit of one entry is reported at its seq; undoing it heals the chain; a deleted entry is reported at its seq', async () => {
    const owner = await register(server, 'Chain');
    const organizationId = await newOrganization(owner);
    for (let i = 0; i < 3; i++) await task(owner, organizationId);
    await waitForQueueDrained(organizationId);
    const n = (await chainOf(organizationId)).length;
    expect(n).toBeGreaterThanOrEqual(8); // 3 roles, membership, user role, organization, 3 tasks
    expect((await verify(owner, organizationId)).data!.verifyAuditChain).toEqual({ ok: true, checked: String(n), brokenSeq: null, setAside: 0 });

    const edited = 4;
    const [original] = await sql<{ details: unknown }>('select details from app_public.audit_logs where organization_id = $1 and seq = $2', [organizationId, edited]);
    await sql(`update app_public.audit_logs set details = details || '{"tampered": true}' where organization_id = $1 and seq = $2`, [organizationId, edited]);
    expect((await verify(owner, organizationId)).data!.verifyAuditChain).toEqual({ ok: false, checked: String(edited - 1), brokenSeq: String(edited), setAside: 0 });

    await sql('update app_public.audit_logs set details = $3 where organization_id = $1 and seq = $2', [organizationId, edited, JSON.stringify(original.details)]);
    expect((await verify(owner, organizationId)).data!.verifyAuditChain).toEqual({ ok: true, checked: String(n), brokenSeq: null, setAside: 0 });

    const removed = 6;
    await sql('delete from app_public.audit_logs where organization_id = $1 and seq = $2', [organizationId, removed]);
    expect((await verify(owner, organizationId)).data!.verifyAuditChain).toEqual({ ok: false, checked: String(removed - 1), brokenSeq: String(removed), setAside: 0 });
  });

  test('an edit whose own hash is rewritten to match is still detected, at the next link', async () => {
    const owner = await register(server, 'Forger');
    const organizationId = await newOrganization(owner);
    await waitForQueueDrained(organizationId);
    expect((await chainOf(organizationId)).length).toBeGreaterThan(3);
    // Rewriting entry 2's details and its own hash consistently breaks the link of entry 3.
    await sql(`update app_public.audit_logs set details = '{"forged": true}' where organization_id = $1 and seq = 2`, [organizationId]);
    await sql(`update app_public.audit_logs a set hash = app_public.audit_log_hash(a) where organization_id = $1 and seq = 2`, [organizationId]);
    expect((await verify(owner, organizationId)).data!.verifyAuditChain).toEqual({ ok: false, checked: '2', brokenSeq: '3', setAside: 0 });
  });

  test('tampering as the database owner at the end of the chain is reported at the first broken seq, and stays reported', async () => {
    const owner = await register(server, 'Tail');
    const organizationId = await newOrganization(owner);
    for (let i = 0; i < 2; i++) await task(owner, organizationId);
    await waitForQueueDrained(organizationId);
    const n = (await chainOf(organizationId)).length;
    const expectChain = async (status: { ok: boolean; checked: number; brokenSeq: number | null }) =>
      expect((await verify(owner, organizationId)).data!.verifyAuditChain).toEqual({
        ok: status.ok,
        checked: String(status.checked),
        brokenSeq: status.brokenSeq === null ? null : String(status.brokenSeq),
        setAside: 0,
      });
    await expectChain({ ok: true, checked: n, brokenSeq: null });

    // The owner is bound by the forced policies, which give it nothing on audit_logs; it can lift them.
    const asOwner = new pg.Client({ connectionString: roleUrlsFor(server.db).ownerUrl });
    await asOwner.connect();
    try {
      await asOwner.query('alter table app_public.audit_logs no force row level security');
      // The newest row, re-hashed after an edit so that its own hash checks out.
      await asOwner.query(`update app_public.audit_logs set details = '{"forged": true}' where organization_id = $1 and seq = $2`, [organizationId, n]);
      await asOwner.query(`update app_public.audit_logs a set hash = app_public.audit_log_hash(a) where organization_id = $1 and seq = $2`, [organizationId, n]);
      await expectChain({ ok: false, checked: n, brokenSeq: n });
      // The newest row deleted.
      await asOwner.query('delete from app_public.audit_logs where organization_id = $1 and seq = $2', [organizationId, n]);
      await expectChain({ ok: false, checked: n - 1, brokenSeq: n });
      // Later changes link to the recorded end, not to the row now newest: the gap stays visible.
      await task(owner, organizationId);
      await waitForQueueDrained(organizationId);
      expect(await count('select max(seq)::int as n from app_public.audit_logs where organization_id = $1', [organizationId])).toBe(n + 1);
      await expectChain({ ok: false, checked: n - 1, brokenSeq: n });
      // Every row of the organization deleted.
      await asOwner.query('delete from app_public.audit_logs where organization_id = $1', [organizationId]);
      await expectChain({ ok: false, checked: 0, brokenSeq: 1 });
    } finally {
      await asOwner.query('alter table app_public.audit_logs force row level security').catch(() => {});
      await asOwner.end();
    }
  });

  test('a truncated log (TRUNCATE ignores row-level security) is reported broken at seq 1', async () => {
    const db = await createTestDatabase();
    try {
      const [{ id: organizationId }] = (await db.pool.query<{ id: string }>(`insert into app_public.organizations (name, slug) values ('Truncated', 'truncated') returning id`)).rows;
      const worker = new pg.Client({ connectionString: workerUrlFor(db) });
      await worker.connect();
      try {
        for (let i = 0; i < 3; i++) {
          const event = { eventKey: randomUUID(), resourceType: 'task', operation: 'insert', resourceId: randomUUID(), organizationId, changes: {} };
          await worker.query('select app_worker.record_audit_event($1)', [event]);
        }
      } finally {
        await worker.end();
      }
      const asOwner = new pg.Client({ connectionString: roleUrlsFor(db).ownerUrl });
      await asOwner.connect();
      await asOwner.query('truncate app_public.audit_logs').finally(() => asOwner.end());
      const client = await db.pool.connect();
      try {
        const userId = (await client.query<{ id: string }>(`insert into app_public.users (email, name) values ('t@truncated.test', 'T') returning id`)).rows[0].id;
        const roleId = (await client.query<{ id: string }>(`select id from app_public.roles where organization_id = $1 and name = 'Admin'`, [organizationId])).rows[0].id;
        await addMember(client, organizationId, userId, roleId);
        const sessionId = (await client.query<{ id: string }>(`insert into app_private.sessions (user_id, expires_at) values ($1, now() + interval '1 day') returning id`, [userId])).rows[0].id;
        const status = await asActor(db.pool, { role: 'app_user', userId, sessionId, organizationId }, async (actor) => (await actor.query('select (app_public.verify_audit_chain()).*')).rows[0]);
        expect(status).toEqual({ ok: false, checked: '0', broken_seq: '1', set_aside: 0 });
      } finally {
        client.release();
      }
    } finally {
      await db.drop();
    }
  });

  test('verifyAuditChain needs audit:read: a Viewer and a Developer get PERMISSION_DENIED', async () => {
    const viewer = await newMember('Viewer');
    for (const session of [viewer, dev]) {
      const result = await verify(session, org);
      expect(result.data?.verifyAuditChain ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('PERMISSION_DENIED');
    }
  });
});

describe('who may read the log, and that nobody may change it through the API', () => {
  let zed: Session;
  let other: string;
  beforeAll(async () => {
    zed = await register(server, 'Zed');
    other = await newOrganization(zed);
    await task(zed, other);
    await waitForQueueDrained(other);
    await waitForQueueDrained(org);
  });

  test('auditLogs: an Admin (audit:read) sees exactly their own organization’s rows, with request data', async () => {
    for (const [session, organizationId] of [[ann, org], [zed, other]] as const) {
      const expected = await count('select count(*)::int as n from app_public.audit_logs where organization_id = $1', [organizationId]);
      expect(expected).toBeGreaterThan(0);
      const { data } = await must(AuditLogEntriesDocument, { first: 100 }, { session, org: organizationId });
      expect(data.auditLogs!.totalCount).toBe(expected);
      expect(data.auditLogs!.nodes.length).toBe(Math.min(expected, 100));
      for (const node of data.auditLogs!.nodes) expect(node!.organizationId).toBe(organizationId);
    }
  });

  test('auditLogs: a Developer or Viewer of the organization sees none; an Admin naming another organization sees none', async () => {
    const viewer = await newMember('Viewer');
    for (const [session, organizationId] of [[dev, org], [viewer, org], [ann, other], [zed, org]] as const) {
      const { data } = await must(AuditLogEntriesDocument, { first: 100 }, { session, org: organizationId });
      expect(data.auditLogs!.totalCount).toBe(0);
      expect(data.auditLogs!.nodes).toEqual([]);
    }
  });

  test('taskHistories: visible with tasks:read, only for the own organization and tasks that still exist', async () => {
    const viewer = await newMember('Viewer');
    // A deleted task's history is readable by nobody (migration 000023; test/server/derived-data.test.ts).
    const expected = await count(
      'select count(*)::int as n from app_public.task_histories h where h.organization_id = $1 and exists (select 1 from app_public.tasks t where t.id = h.task_id)',
      [org],
    );
    expect(expected).toBeGreaterThan(0);
    for (const session of [viewer, dev, ann]) {
      const { data } = await must(TaskHistoriesDocument, { first: 100 }, { session, org });
      expect(data.taskHistories!.totalCount).toBe(expected);
      for (const node of data.taskHistories!.nodes) expect(node!.organizationId).toBe(org);
    }
    const noTasks = await newMember(await customRole(['teams:read']));
    for (const [session, organizationId] of [[noTasks, org], [viewer, other], [zed, org]] as const) {
      const { data } = await must(TaskHistoriesDocument, { first: 100 }, { session, org: organizationId });
      expect(data.taskHistories!.totalCount).toBe(0);
    }
  });

  test('the schema has no mutation that writes audit or history rows, and such mutations are refused', async () => {
    const schema = buildSchema(await fs.readFile(path.join(import.meta.dirname, '../../schema.graphql'), 'utf8'));
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(mutations.filter((name) => /audit|histor/i.test(name))).toEqual([]);
    for (const field of ['createAuditLog', 'updateAuditLog', 'deleteAuditLog', 'updateTaskHistory', 'deleteTaskHistory']) {
      const query = `mutation { ${field}(input: { rowId: "${randomUUID()}" }) { clientMutationId } }`;
      const { body } = await http<{ data?: unknown; errors?: { message: string }[] }>(server, 'POST', '/graphql', {
        body: { query },
        headers: { authorization: `Bearer ${ann.accessToken}`, 'x-organization-id': org },
      });
      expect(body.data ?? null, field).toBeNull();
      expect(body.errors?.[0]?.message, field).toMatch(new RegExp(`Cannot query field "${field}"`));
    }
  });

  test('raw SQL as app_user (even an Admin) cannot write, update or delete audit or history rows, nor forge an entry, and the worker cannot update or delete them: 42501', async () => {
    const actor = { role: 'app_user' as const, userId: ann.user.id, sessionId: await newSessionId(ann.user.id), organizationId: org };
    await asActor(server.db.pool, actor, async (client) => {
      expect((await client.query('select count(*)::int as n from app_public.audit_logs')).rows[0].n).toBeGreaterThan(0);
      for (const table of ['audit_logs', 'task_histories']) {
        expect(await sqlState(client, () => client.query(`update app_public.${table} set action = 'x'`)), table).toBe('42501');
        expect(await sqlState(client, () => client.query(`delete from app_public.${table}`)), table).toBe('42501');
        expect(
          await sqlState(client, () => client.query(`insert into app_public.${table} (organization_id, event_key, action) values ($1, 'x', 'x')`, [org])),
          table,
        ).toBe('42501');
      }
      // Nor can it forge an entry: neither through the worker's function nor by enqueueing an audit job itself.
      const forged = JSON.stringify({ eventKey: randomUUID(), resourceType: 'task', operation: 'insert', resourceId: randomUUID(), organizationId: org });
      expect(await sqlState(client, () => client.query('select app_worker.record_audit_event($1)', [forged]))).toBe('42501');
      expect(await sqlState(client, () => client.query(`select graphile_worker.add_job('audit', $1::json)`, [forged]))).toBe('42501');
    });
    await withWorkerClient(async (client) => {
      await client.query('begin');
      try {
        for (const table of ['audit_logs', 'task_histories']) {
          expect(await sqlState(client, () => client.query(`update app_public.${table} set action = 'x'`)), table).toBe('42501');
          expect(await sqlState(client, () => client.query(`delete from app_public.${table}`)), table).toBe('42501');
        }
      } finally {
        await client.query('rollback');
      }
    });
  });
});

// ----------------------------------------------------------------------------------------------------
// 4. Idempotency of the worker's SQL function.

describe('recording is idempotent', () => {
  function event(organizationId: string) {
    return {
      eventKey: randomUUID(),
      resourceType: 'task',
      operation: 'update',
      resourceId: randomUUID(),
      organizationId,
      actorId: null,
      changes: { title: 'replayed' },
      requestId: 'replay',
      ip: '127.0.0.1',
      userAgent: 'replay',
      occurredAt: new Date().toISOString(),
    };
  }

  test('the same event recorded twice, one after the other, writes one audit row and one history row', async () => {
    const organizationId = await newOrganization(ann);
    await waitForQueueDrained(organizationId);
    const payload = JSON.stringify(event(organizationId));
    const results = await withWorkerClient(async (client) => {
      const first = await client.query('select app_worker.record_audit_event($1) as recorded', [payload]);
      const second = await client.query('select app_worker.record_audit_event($1) as recorded', [payload]);
      return [first.rows[0].recorded, second.rows[0].recorded];
    });
    expect(results).toEqual([true, false]);
    const { eventKey } = JSON.parse(payload);
    expect(await count('select count(*)::int as n from app_public.audit_logs where event_key = $1', [eventKey])).toBe(1);
    expect(await count('select count(*)::int as n from app_public.task_histories where event_key = $1', [eventKey])).toBe(1);
    expect((await verify(ann, organizationId)).data!.verifyAuditChain).toMatchObject({ ok: true });
  });

  test('the same event recorded twice at once, from two worker connections, writes one row and keeps the chain', async () => {
    const organizationId = await newOrganization(ann);
    await waitForQueueDrained(organizationId);
    const payload = JSON.stringify(event(organizationId));
    const results = await Promise.all(
      [0, 1].map(() => withWorkerClient(async (client) => (await client.query('select app_worker.record_audit_event($1) as recorded', [payload])).rows[0].recorded)),
    );
    expect(results.sort()).toEqual([false, true]);
    const { eventKey } = JSON.parse(payload);
    expect(await count('select count(*)::int as n from app_public.audit_logs where event_key = $1', [eventKey])).toBe(1);
    expect(await count('select count(*)::int as n from app_public.task_histories where event_key = $1', [eventKey])).toBe(1);
    const n = (await chainOf(organizationId)).length;
    expect((await verify(ann, organizationId)).data!.verifyAuditChain).toEqual({ ok: true, checked: String(n), brokenSeq: null, setAside: 0 });
  });
});

// ----------------------------------------------------------------------------------------------------
// 5. A job that fails once is retried and still writes one row.

describe('a retried job writes exactly one row', () => {
  test('with INSERT on audit_logs revoked the job fails; once granted again the retry writes one audit row and one history row', async () => {
    const organizationId = await newOrganization(ann);
    await waitForQueueDrained(organizationId);
    let taskId: string;
    try {
      await sql('revoke insert on app_public.audit_logs from rowgate_worker');
      taskId = await task(ann, organizationId);
      const job = await waitFor(
        async () =>
          (
            await sql<{ id: string; attempts: number; last_error: string }>(
              `select j.id, j.attempts, j.last_error from ${AUDIT_JOBS_OF} and j.attempts >= 1 and j.last_error is not null`,
              [organizationId],
            )
          )[0],
        EVENTUALLY,
        'the audit job failed once',
      );
      expect(job.last_error).toMatch(/permission denied/i);
      expect(await count('select count(*)::int as n from app_public.audit_logs where resource_id = $1', [taskId])).toBe(0);
      expect(await count('select count(*)::int as n from app_public.task_histories where task_id = $1', [taskId])).toBe(0);

      await sql('grant insert on app_public.audit_logs to rowgate_worker');
      await sql('update graphile_worker._private_jobs set run_at = now() where id = $1', [job.id]);
      await waitFor(
        async () => (await count('select count(*)::int as n from app_public.audit_logs where resource_id = $1', [taskId])) > 0,
        EVENTUALLY,
        'the retried job wrote its row',
      );
    } finally {
      await sql('grant insert on app_public.audit_logs to rowgate_worker');
    }
    await waitForQueueDrained(organizationId);
    expect(await count('select count(*)::int as n from app_public.audit_logs where resource_id = $1', [taskId!])).toBe(1);
    expect(await count('select count(*)::int as n from app_public.task_histories where task_id = $1', [taskId!])).toBe(1);
    expect(await count(`select count(*)::int as n from ${PENDING_EVENTS_OF}`, [taskId!])).toBe(0);
    const n = (await chainOf(organizationId)).length;
    expect((await verify(ann, organizationId)).data!.verifyAuditChain).toEqual({ ok: true, checked: String(n), brokenSeq: null, setAside: 0 });
  });
});

describe('the client address behind a trusted proxy', () => {
  test('a forwarded address is recorded; a forwarded value that is no address is recorded as none, and the change is in the log', async () => {
    const proxied = await startTestServer({ TRUST_PROXY_HOPS: '1' }, { worker: true });
    try {
      const owner = await register(proxied, 'Proxied');
      const created = await gql(proxied, CreateOrganizationDocument, { name: 'Proxied', slug: 'audit-proxied' }, { token: owner.accessToken });
      const org = created.data!.createOrganization!.organization!.rowId;
      const create = async (title: string, forwardedFor: string) => {
        const response = await http(proxied, 'POST', '/graphql', {
          body: { query: String(CreateTaskDocument), variables: { task: { title } } },
          headers: { authorization: `Bearer ${owner.accessToken}`, 'x-organization-id': org, 'x-forwarded-for': forwardedFor },
        });
        expect(response.body.errors).toBeUndefined();
        return response.body.data.createTask.task.rowId as string;
      };
      const forwarded = await create('Forwarded', '203.0.113.7');
      const forged = await create('Forged', 'not-an-address');
      const entry = (id: string) =>
        waitFor(async () => (await proxied.db.pool.query(`select host(ip) as ip from app_public.audit_logs where resource_id = $1`, [id])).rows[0], 10_000, 'the audit row');
      expect(await entry(forwarded)).toEqual({ ip: '203.0.113.7' });
      expect(await entry(forged)).toEqual({ ip: null });
      const chain = await gql(proxied, AuditVerifyChainDocument, {}, { token: owner.accessToken, organizationId: org });
      expect(chain.data?.verifyAuditChain).toMatchObject({ ok: true, setAside: 0 });
    } finally {
      await proxied.close();
    }
  }, 60_000);
});
