// Tenant isolation through HTTP, against the real server, with GraphQL sent only through the typed
// documents of client/generated. Two organizations a and b both hold rows in every exposed table; a's
// Admin (the strongest member of a) must not be able to read, change, delete or create anything of b,
// and must not be able to tell b's rows from rows that do not exist.
//
// Everything is driven by one declarative table, TABLES: per GraphQL collection, the SQL table, how
// "a row of organization X" is decided, and the typed documents (with variable builders) for list, get
// by rowId, get by global id, get by unique key, update, delete and insert. Every check below loops over it.
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as D from '../generated/graphql.ts';
import type { TypedDocumentString } from '../generated/graphql.ts';
import { as, createOrganization, join, member, type Organization } from '../support/organizations.ts';
import { dataOf, gql, register, startTestServer, type Caller, type GraphQLResult, type Session, type TestServer } from '../support/server.ts';

let server: TestServer;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const suffix = randomBytes(4).toString('hex');

// ---------------------------------------------------------------------------------------------------
// Calling the server. Every response seen by anyone but b's own members is kept, to be searched for b's ids.

type Result = GraphQLResult<unknown>;
type Op<A> = (caller: Caller, arg: A) => Promise<Result>;
type DbRow = Record<string, any>;

const transcript: { request: string; response: string }[] = [];
const insiders = new Set<string>(); // tokens of b's members: their responses are not searched

async function call<T, V>(document: TypedDocumentString<T, V>, variables: V, caller: Caller): Promise<GraphQLResult<T>> {
  const result = await gql(server, document, variables, caller);
  if (!caller.token || !insiders.has(caller.token)) {
    const name = /(?:query|mutation)\s+(\w+)/.exec(String(document))?.[1] ?? '?';
    transcript.push({ request: `${name} ${JSON.stringify(variables)} as ${caller.organizationId ?? '-'}`, response: JSON.stringify(result) });
  }
  return result;
}

function op<T, V, A>(document: TypedDocumentString<T, V>, variables: (arg: A) => NoInfer<V>): Op<A> {
  return (caller, arg) => call(document, variables(arg), caller);
}

interface Connection {
  totalCount: number;
  nodes: ({ id: string; rowId: string; organizationId?: string } | null)[];
}
type Node = NonNullable<Connection['nodes'][number]>;
/** The nodes of a connection; a null node would be a bug of its own. */
function nodesOf(connection: Connection | null | undefined): Node[] {
  const nodes = connection?.nodes ?? [];
  if (nodes.some((n) => n === null)) throw new Error(`null node in ${JSON.stringify(connection)}`);
  return nodes as Node[];
}
interface Listed {
  result: Result;
  connection: Connection | null | undefined;
}

function list<T, V>(document: TypedDocumentString<T, V>, variables: NoInfer<V>, pick: (data: T) => Connection | null | undefined) {
  return async (caller: Caller): Promise<Listed> => {
    const result = await call(document, variables, caller);
    return { result, connection: result.data ? pick(result.data) : undefined };
  };
}

/** What a client can observe of a response; error ids (random per error) are blanked. */
function fingerprint(result: Result) {
  return {
    status: result.status,
    data: result.data,
    errors: result.errors?.map((e) => ({
      message: e.message.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>'),
      path: e.path,
      code: e.extensions?.code,
    })),
  };
}

/** True when there is no error and every root field returned a row (a mutation payload: one holding a row). */
function succeeded(result: Result): boolean {
  const values = Object.values((result.data ?? {}) as Record<string, unknown>);
  const holdsRow = (value: unknown) =>
    value != null && (typeof value !== 'object' || 'rowId' in value || 'id' in value || Object.values(value).some((v) => v != null));
  return !result.errors?.length && values.length > 0 && values.every(holdsRow);
}

/** Replaces the UUID inside a global id with another: a well-formed id of the same type that names nothing. */
function otherGlobalId(id: string, uuid = randomUUID()): string {
  const decoded = JSON.parse(Buffer.from(id, 'base64').toString('utf8')) as unknown[];
  if (!Array.isArray(decoded) || !decoded.some((part) => typeof part === 'string' && UUID.test(part))) {
    throw new Error(`unexpected global id format: ${id}`);
  }
  return Buffer.from(JSON.stringify(decoded.map((part) => (typeof part === 'string' && UUID.test(part) ? uuid : part)))).toString('base64');
}

/** The same DB row with every value replaced by one that exists nowhere (for unique-key lookups). */
function randomized(row: DbRow): DbRow {
  const salt = randomBytes(3).toString('hex');
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => {
      if (typeof value === 'string' && UUID.test(value)) return [key, randomUUID()];
      if (typeof value === 'string' && /^\d+$/.test(value)) return [key, String(BigInt(value) + 1_000_000n)];
      if (typeof value === 'string') return [key, `${value}-${salt}`];
      return [key, value];
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Fixtures: two organizations built through the API by their Admins, plus members added as superuser.

interface Refs {
  userId: string; // a member who is not the Admin
  adminId: string;
  roleId: string; // the Viewer role
  teamId: string;
  taskIds: [string, string];
  n: number; // makes names unique
}
interface Target {
  organizationId?: string;
  refs: Refs;
}
interface Org extends Organization {
  key: 'a' | 'b';
  dev: Session;
  /** Reads most of the organization (Viewer) and may change nothing of it but their own name. */
  viewer: Session;
  roles: { Admin: string; Developer: string; Viewer: string; Custom: string };
  team: string;
  tasks: string[];
  dependency: string;
}

let a: Org;
let b: Org;
let bridge: Session; // a member of both organizations
let outsider: Session; // signed in, member of nothing
let counter = 0;

const refsOf = (org: Org): Refs => ({
  userId: org.dev.user.id,
  adminId: org.admin.user.id,
  roleId: org.roles.Viewer,
  teamId: org.team,
  taskIds: [org.tasks[2], org.tasks[0]],
  n: ++counter,
});
const randomRefs = (): Refs => ({
  userId: randomUUID(),
  adminId: randomUUID(),
  roleId: randomUUID(),
  teamId: randomUUID(),
  taskIds: [randomUUID(), randomUUID()],
  n: ++counter,
});
const asAdmin = (org: Org): Caller => as(org.admin, org);

async function superuser<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await server.db.pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

async function buildOrganization(key: 'a' | 'b'): Promise<Org> {
  const org = await createOrganization(server, key);
  const { id, admin, roles: system } = org;
  const dev = await member(server, org, system.Developer, `Dev ${key}`);
  await join(server, id, bridge, system.Developer);
  const viewer = await member(server, org, system.Viewer, `Viewer ${key}`);
  const byAdmin = as(admin, org);

  const custom = dataOf(await gql(server, D.CreateRoleDocument, { role: { name: 'Custom', permissions: ['tasks:read'] } }, byAdmin)).createRole!.role!;
  expect(custom.organizationId).toBe(id);
  dataOf(await gql(server, D.CreateUserRoleDocument, { userRole: { userId: dev.user.id, roleId: custom.rowId } }, byAdmin));
  const team = dataOf(await gql(server, D.CreateTeamDocument, { team: { name: `Team ${key}` } }, byAdmin)).createTeam!.team!.rowId;
  dataOf(await gql(server, D.CreateTeamMembershipDocument, { teamMembership: { teamId: team, userId: dev.user.id } }, byAdmin));
  const tasks: string[] = [];
  for (let i = 0; i < 3; i++) {
    const task = { title: `Task ${i} of ${key}`, assigneeId: dev.user.id, teamId: team, priority: 'HIGH' as const };
    tasks.push(dataOf(await gql(server, D.CreateTaskDocument, { task }, byAdmin)).createTask!.task!.rowId);
  }
  // The bridge user writes in each organization too.
  dataOf(await gql(server, D.CreateTaskDocument, { task: { title: `Bridge task in ${key}` } }, as(bridge, org)));
  const dependency = dataOf(await gql(server, D.CreateTaskDependencyDocument, { taskDependency: { taskId: tasks[1], dependsOnTaskId: tasks[0] } }, byAdmin))
    .createTaskDependency!.taskDependency!.rowId;

  // Tables only the worker writes, and invitations (created by a function that does not exist yet).
  await superuser(async (client) => {
    for (const [i, task] of tasks.slice(0, 2).entries()) {
      await client.query(
        `insert into app_public.task_histories (organization_id, task_id, event_key, action, actor_id, changes)
         values ($1, $2, $3, 'task.created', $4, $5)`,
        [id, task, `history-${key}-${i}-${suffix}`, admin.user.id, { title: `Task ${i} of ${key}` }],
      );
      await client.query(
        `insert into app_public.audit_logs (organization_id, seq, event_key, action, resource_type, resource_id, actor_id, hash, prev_hash)
         values ($1, $2, $3, 'task.created', 'task', $4, $5, $6, $7)`,
        [id, i + 1, `audit-${key}-${i}-${suffix}`, task, admin.user.id, `hash-${key}-${i}`, i ? `hash-${key}-${i - 1}` : null],
      );
    }
    await client.query(
      `insert into app_public.invitations (organization_id, email, role_id, invited_by_id, expires_at)
       values ($1, $2, $3, $4, now() + interval '7 days')`,
      [id, `invitee-${key}-${suffix}@example.test`, system.Viewer, admin.user.id],
    );
  });
  return { ...org, key, dev, viewer, roles: { ...system, Custom: custom.rowId }, team, tasks, dependency };
}

// ---------------------------------------------------------------------------------------------------
// THE TABLE. scope says which rows belong to an organization: `organization` (organization_id), `members`
// (users: the organization's members), `self` (organizations: the organization itself).

type Scope = 'organization' | 'members' | 'self';

interface Spec {
  sql: string;
  scope: Scope;
  list: (caller: Caller) => Promise<Listed>;
  get: Op<string>;
  getById: Op<string>;
  getByKey?: Op<DbRow>[];
  update?: Op<string>;
  updateById?: Op<string>;
  updateByKey?: Op<DbRow>;
  delete?: Op<string>;
  deleteById?: Op<string>;
  deleteByKey?: Op<DbRow>;
  insert?: Op<Target>;
  /** A row of a that a's Admin may update: proves the update documents work, so refusals are about tenancy. */
  own?: (org: Org) => string;
}

const FIRST = { first: 100 };
const HIJACK = 'Hijacked';

const TABLES: Record<string, Spec> = {
  users: {
    sql: 'app_public.users',
    scope: 'members',
    list: list(D.UsersDocument, FIRST, (d) => d.users),
    get: op(D.UserDocument, (rowId: string) => ({ rowId })),
    getById: op(D.UserByIdDocument, (id: string) => ({ id })),
    update: op(D.UpdateUserDocument, (rowId: string) => ({ rowId, patch: { name: HIJACK } })),
    updateById: op(D.UpdateUserByIdDocument, (id: string) => ({ id, patch: { name: HIJACK } })),
    own: (org) => org.admin.user.id, // only oneself may be renamed
  },
  organizations: {
    sql: 'app_public.organizations',
    scope: 'self',
    list: list(D.MyOrganizationsDocument, FIRST, (d) => d.organizations),
    get: op(D.OrganizationDocument, (rowId: string) => ({ rowId })),
    getById: op(D.OrganizationByIdDocument, (id: string) => ({ id })),
    getByKey: [op(D.OrganizationBySlugDocument, (r: DbRow) => ({ slug: r.slug }))],
    update: op(D.UpdateOrganizationDocument, (rowId: string) => ({ rowId, patch: { name: HIJACK } })),
    updateById: op(D.UpdateOrganizationByIdDocument, (id: string) => ({ id, patch: { name: HIJACK } })),
    updateByKey: op(D.UpdateOrganizationBySlugDocument, (r: DbRow) => ({ slug: r.slug, patch: { name: HIJACK } })),
    delete: op(D.DeleteOrganizationDocument, (rowId: string) => ({ rowId })),
    deleteById: op(D.DeleteOrganizationByIdDocument, (id: string) => ({ id })),
    deleteByKey: op(D.DeleteOrganizationBySlugDocument, (r: DbRow) => ({ slug: r.slug })),
    own: (org) => org.id,
  },
  organizationMemberships: {
    sql: 'app_public.organization_memberships',
    scope: 'organization',
    list: list(D.OrganizationMembershipsDocument, FIRST, (d) => d.organizationMemberships),
    get: op(D.OrganizationMembershipDocument, (rowId: string) => ({ rowId })),
    getById: op(D.OrganizationMembershipByIdDocument, (id: string) => ({ id })),
    getByKey: [op(D.OrganizationMembershipByOrganizationIdAndUserIdDocument, (r: DbRow) => ({ organizationId: r.organization_id, userId: r.user_id }))],
    delete: op(D.DeleteOrganizationMembershipDocument, (rowId: string) => ({ rowId })),
    deleteById: op(D.DeleteOrganizationMembershipByIdDocument, (id: string) => ({ id })),
    deleteByKey: op(D.DeleteOrganizationMembershipByOrganizationIdAndUserIdDocument, (r: DbRow) => ({ organizationId: r.organization_id, userId: r.user_id })),
  },
  roles: {
    sql: 'app_public.roles',
    scope: 'organization',
    list: list(D.RolesDocument, FIRST, (d) => d.roles),
    get: op(D.RoleDocument, (rowId: string) => ({ rowId })),
    getById: op(D.RoleByIdDocument, (id: string) => ({ id })),
    getByKey: [op(D.RoleByOrganizationIdAndNameDocument, (r: DbRow) => ({ organizationId: r.organization_id, name: r.name }))],
    update: op(D.UpdateRoleDocument, (rowId: string) => ({ rowId, patch: { description: HIJACK } })),
    updateById: op(D.UpdateRoleByIdDocument, (id: string) => ({ id, patch: { description: HIJACK } })),
    updateByKey: op(D.UpdateRoleByOrganizationIdAndNameDocument, (r: DbRow) => ({ organizationId: r.organization_id, name: r.name, patch: { description: HIJACK } })),
    delete: op(D.DeleteRoleDocument, (rowId: string) => ({ rowId })),
    deleteById: op(D.DeleteRoleByIdDocument, (id: string) => ({ id })),
    deleteByKey: op(D.DeleteRoleByOrganizationIdAndNameDocument, (r: DbRow) => ({ organizationId: r.organization_id, name: r.name })),
    insert: op(D.CreateRoleDocument, (t: Target) => ({ role: { organizationId: t.organizationId, name: `Role ${t.refs.n}`, permissions: ['*'] } })),
    own: (org) => org.roles.Custom,
  },
  userRoles: {
    sql: 'app_public.user_roles',
    scope: 'organization',
    list: list(D.UserRolesDocument, FIRST, (d) => d.userRoles),
    get: op(D.UserRoleDocument, (rowId: string) => ({ rowId })),
    getById: op(D.UserRoleByIdDocument, (id: string) => ({ id })),
    getByKey: [op(D.UserRoleByOrganizationIdAndUserIdAndRoleIdDocument, (r: DbRow) => ({ organizationId: r.organization_id, userId: r.user_id, roleId: r.role_id }))],
    delete: op(D.DeleteUserRoleDocument, (rowId: string) => ({ rowId })),
    deleteById: op(D.DeleteUserRoleByIdDocument, (id: string) => ({ id })),
    deleteByKey: op(D.DeleteUserRoleByOrganizationIdAndUserIdAndRoleIdDocument, (r: DbRow) => ({ organizationId: r.organization_id, userId: r.user_id, roleId: r.role_id })),
    insert: op(D.CreateUserRoleDocument, (t: Target) => ({ userRole: { organizationId: t.organizationId, userId: t.refs.userId, roleId: t.refs.roleId } })),
  },
  teams: {
    sql: 'app_public.teams',
    scope: 'organization',
    list: list(D.TeamsDocument, FIRST, (d) => d.teams),
    get: op(D.TeamDocument, (rowId: string) => ({ rowId })),
    getById: op(D.TeamByIdDocument, (id: string) => ({ id })),
    getByKey: [op(D.TeamByOrganizationIdAndNameDocument, (r: DbRow) => ({ organizationId: r.organization_id, name: r.name }))],
    update: op(D.UpdateTeamDocument, (rowId: string) => ({ rowId, patch: { description: HIJACK } })),
    updateById: op(D.UpdateTeamByIdDocument, (id: string) => ({ id, patch: { description: HIJACK } })),
    updateByKey: op(D.UpdateTeamByOrganizationIdAndNameDocument, (r: DbRow) => ({ organizationId: r.organization_id, name: r.name, patch: { description: HIJACK } })),
    delete: op(D.DeleteTeamDocument, (rowId: string) => ({ rowId })),
    deleteById: op(D.DeleteTeamByIdDocument, (id: string) => ({ id })),
    deleteByKey: op(D.DeleteTeamByOrganizationIdAndNameDocument, (r: DbRow) => ({ organizationId: r.organization_id, name: r.name })),
    insert: op(D.CreateTeamDocument, (t: Target) => ({ team: { organizationId: t.organizationId, name: `Team ${t.refs.n}` } })),
    own: (org) => org.team,
  },
  teamMemberships: {
    sql: 'app_public.team_memberships',
    scope: 'organization',
    list: list(D.TeamMembershipsDocument, FIRST, (d) => d.teamMemberships),
    get: op(D.TeamMembershipDocument, (rowId: string) => ({ rowId })),
    getById: op(D.TeamMembershipByIdDocument, (id: string) => ({ id })),
    getByKey: [op(D.TeamMembershipByOrganizationIdAndTeamIdAndUserIdDocument, (r: DbRow) => ({ organizationId: r.organization_id, teamId: r.team_id, userId: r.user_id }))],
    delete: op(D.DeleteTeamMembershipDocument, (rowId: string) => ({ rowId })),
    deleteById: op(D.DeleteTeamMembershipByIdDocument, (id: string) => ({ id })),
    deleteByKey: op(D.DeleteTeamMembershipByOrganizationIdAndTeamIdAndUserIdDocument, (r: DbRow) => ({ organizationId: r.organization_id, teamId: r.team_id, userId: r.user_id })),
    insert: op(D.CreateTeamMembershipDocument, (t: Target) => ({ teamMembership: { organizationId: t.organizationId, teamId: t.refs.teamId, userId: t.refs.adminId } })),
  },
  tasks: {
    sql: 'app_public.tasks',
    scope: 'organization',
    list: list(D.TasksDocument, FIRST, (d) => d.tasks),
    get: op(D.TaskDocument, (rowId: string) => ({ rowId })),
    getById: op(D.TaskByIdDocument, (id: string) => ({ id })),
    update: op(D.UpdateTaskDocument, (rowId: string) => ({ rowId, patch: { title: HIJACK, status: 'CANCELLED' as const } })),
    updateById: op(D.UpdateTaskByIdDocument, (id: string) => ({ id, patch: { title: HIJACK, status: 'CANCELLED' as const } })),
    delete: op(D.DeleteTaskDocument, (rowId: string) => ({ rowId })),
    deleteById: op(D.DeleteTaskByIdDocument, (id: string) => ({ id })),
    insert: op(D.CreateTaskDocument, (t: Target) => ({
      task: { organizationId: t.organizationId, title: `Task ${t.refs.n}`, teamId: t.refs.teamId, assigneeId: t.refs.userId },
    })),
    own: (org) => org.tasks[2],
  },
  taskDependencies: {
    sql: 'app_public.task_dependencies',
    scope: 'organization',
    list: list(D.TaskDependenciesDocument, FIRST, (d) => d.taskDependencies),
    get: op(D.TaskDependencyDocument, (rowId: string) => ({ rowId })),
    getById: op(D.TaskDependencyByIdDocument, (id: string) => ({ id })),
    getByKey: [
      op(D.TaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdDocument, (r: DbRow) => ({
        organizationId: r.organization_id,
        taskId: r.task_id,
        dependsOnTaskId: r.depends_on_task_id,
      })),
    ],
    update: op(D.UpdateTaskDependencyDocument, (rowId: string) => ({ rowId, patch: { type: 'RELATES_TO' as const } })),
    updateById: op(D.UpdateTaskDependencyByIdDocument, (id: string) => ({ id, patch: { type: 'RELATES_TO' as const } })),
    updateByKey: op(D.UpdateTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdDocument, (r: DbRow) => ({
      organizationId: r.organization_id,
      taskId: r.task_id,
      dependsOnTaskId: r.depends_on_task_id,
      patch: { type: 'RELATES_TO' as const },
    })),
    delete: op(D.DeleteTaskDependencyDocument, (rowId: string) => ({ rowId })),
    deleteById: op(D.DeleteTaskDependencyByIdDocument, (id: string) => ({ id })),
    deleteByKey: op(D.DeleteTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdDocument, (r: DbRow) => ({
      organizationId: r.organization_id,
      taskId: r.task_id,
      dependsOnTaskId: r.depends_on_task_id,
    })),
    insert: op(D.CreateTaskDependencyDocument, (t: Target) => ({
      taskDependency: { organizationId: t.organizationId, taskId: t.refs.taskIds[0], dependsOnTaskId: t.refs.taskIds[1] },
    })),
    own: (org) => org.dependency,
  },
  taskHistories: {
    sql: 'app_public.task_histories',
    scope: 'organization',
    list: list(D.TaskHistoriesDocument, FIRST, (d) => d.taskHistories),
    get: op(D.TaskHistoryDocument, (rowId: string) => ({ rowId })),
    getById: op(D.TaskHistoryByIdDocument, (id: string) => ({ id })),
    getByKey: [op(D.TaskHistoryByEventKeyDocument, (r: DbRow) => ({ eventKey: r.event_key }))],
  },
  auditLogs: {
    sql: 'app_public.audit_logs',
    scope: 'organization',
    list: list(D.AuditLogsDocument, FIRST, (d) => d.auditLogs),
    get: op(D.AuditLogDocument, (rowId: string) => ({ rowId })),
    getById: op(D.AuditLogByIdDocument, (id: string) => ({ id })),
    getByKey: [
      op(D.AuditLogByEventKeyDocument, (r: DbRow) => ({ eventKey: r.event_key })),
      op(D.AuditLogByOrganizationIdAndSeqDocument, (r: DbRow) => ({ organizationId: r.organization_id, seq: String(r.seq) })),
    ],
  },
  invitations: {
    sql: 'app_public.invitations',
    scope: 'organization',
    list: list(D.InvitationsDocument, FIRST, (d) => d.invitations),
    get: op(D.InvitationDocument, (rowId: string) => ({ rowId })),
    getById: op(D.InvitationByIdDocument, (id: string) => ({ id })),
    delete: op(D.DeleteInvitationDocument, (rowId: string) => ({ rowId })),
    deleteById: op(D.DeleteInvitationByIdDocument, (id: string) => ({ id })),
  },
};

const nodeOp = op(D.NodeDocument, (id: string) => ({ id }));

// ---------------------------------------------------------------------------------------------------
// The database as the superuser sees it.

/** SQL condition for "a row of organization `org`"; ids are UUIDs from the database, checked before use. */
function rowsOf(scope: Scope, org: string): string {
  if (!UUID.test(org)) throw new Error(`not a uuid: ${org}`);
  switch (scope) {
    case 'organization':
      return `t.organization_id = '${org}'`;
    case 'members':
      return `t.id in (select user_id from app_public.organization_memberships where organization_id = '${org}')`;
    case 'self':
      return `t.id = '${org}'`;
  }
}
/** b's rows that are not also a's (the bridge user belongs to both). */
const onlyB = (spec: Spec) => `${rowsOf(spec.scope, b.id)} and not (${rowsOf(spec.scope, a.id)})`;

async function dbRows(spec: Spec, condition: string): Promise<DbRow[]> {
  const { rows } = await server.db.pool.query(`select t.* from ${spec.sql} t where ${condition} order by t.id`);
  return rows;
}
async function dbIds(spec: Spec, condition: string): Promise<string[]> {
  return (await dbRows(spec, condition)).map((r) => r.id as string).sort();
}

/** A digest of every row of every exposed table: a refused change must leave it exactly as it was. */
async function digest(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tables: [string, string][] = [...Object.entries(TABLES).map(([name, spec]) => [name, spec.sql] as [string, string]), ['permissions', 'app_public.permissions']];
  for (const [name, sql] of tables) {
    const { rows } = await server.db.pool.query<{ n: number; h: string }>(
      `select count(*)::int as n, coalesce(md5(string_agg(to_jsonb(t)::text, '|' order by to_jsonb(t)::text)), '') as h from ${sql} t`,
    );
    out[name] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Probes: one operation aimed at one of b's rows, and the same operation aimed at something that does not
// exist. A client must not be able to tell them apart, and neither may succeed.

interface Probe {
  label: string;
  write: boolean;
  b(caller: Caller): Promise<Result>;
  missing(caller: Caller): Promise<Result>;
}

/** global ids of b's rows, as b's Admin sees them: rowId → id */
const globalIds = new Map<string, string>();

function probesFor(spec: Spec, row: DbRow): Probe[] {
  const gid = globalIds.get(row.id);
  if (!gid) throw new Error(`no global id for ${spec.sql} ${row.id}`);
  const probes: Probe[] = [];
  const byRowId = (label: string, run: Op<string> | undefined, write: boolean) =>
    run && probes.push({ label, write, b: (c) => run(c, row.id), missing: (c) => run(c, randomUUID()) });
  const byGlobalId = (label: string, run: Op<string> | undefined, write: boolean) =>
    run && probes.push({ label, write, b: (c) => run(c, gid), missing: (c) => run(c, otherGlobalId(gid)) });
  const byKey = (label: string, run: Op<DbRow> | undefined, write: boolean) =>
    run && probes.push({ label, write, b: (c) => run(c, row), missing: (c) => run(c, randomized(row)) });

  byRowId('get(rowId)', spec.get, false);
  byGlobalId('get(id)', spec.getById, false);
  byGlobalId('node(id)', nodeOp, false);
  spec.getByKey?.forEach((run, i) => byKey(`get(unique key ${i})`, run, false));
  byRowId('update(rowId)', spec.update, true);
  byGlobalId('update(id)', spec.updateById, true);
  byKey('update(unique key)', spec.updateByKey, true);
  byRowId('delete(rowId)', spec.delete, true);
  byGlobalId('delete(id)', spec.deleteById, true);
  byKey('delete(unique key)', spec.deleteByKey, true);
  return probes;
}

function insertProbes(spec: Spec): Probe[] {
  const insert = spec.insert;
  if (!insert) return [];
  return [
    {
      label: 'insert(organizationId: b)',
      write: true,
      b: (c) => insert(c, { organizationId: b.id, refs: refsOf(b) }),
      missing: (c) => insert(c, { organizationId: randomUUID(), refs: randomRefs() }),
    },
  ];
}

/** Runs the probe both ways and checks they look the same, and refused/empty. */
async function expectIndistinguishable(probe: Probe, caller: Caller, context: string): Promise<void> {
  const onB = await probe.b(caller);
  const onMissing = await probe.missing(caller);
  const label = `${context}: ${probe.label}`;
  expect(fingerprint(onB), label).toEqual(fingerprint(onMissing));
  expect(onB.status, label).toBeLessThan(500);
  expect(succeeded(onB), `${label} must not succeed: ${JSON.stringify(onB)}`).toBe(false);
  if (!probe.write) {
    // A read of a missing row is a plain null, not an error.
    expect(onB.errors, label).toBeUndefined();
  } else {
    // A refused write says so, with a code (API.md §3): NOT_FOUND for a row it cannot reach.
    expect(onB.errors?.map((e) => e.extensions?.code), label).toEqual([probe.label.startsWith('insert') ? expect.any(String) : 'NOT_FOUND']);
  }
}

// ---------------------------------------------------------------------------------------------------
// b's secrets: no response to anyone outside b may contain any of these.

let secrets: string[] = [];
async function collectSecrets(): Promise<string[]> {
  const found = new Set<string>([b.id, b.slug]);
  for (const spec of Object.values(TABLES)) {
    for (const row of await dbRows(spec, onlyB(spec))) {
      found.add(row.id);
      found.add(globalIds.get(row.id)!);
      if (row.email) found.add(row.email);
      if (row.event_key) found.add(row.event_key);
      if (row.hash) found.add(row.hash);
    }
  }
  return [...found];
}

let checked = 0;
afterEach(() => {
  const fresh = transcript.slice(checked);
  checked = transcript.length;
  for (const { request, response } of fresh) {
    const leaked = secrets.filter((secret) => response.includes(secret));
    expect(leaked, `response to ${request} contains b's ids: ${response}`).toEqual([]);
  }
});

// ---------------------------------------------------------------------------------------------------

beforeAll(async () => {
  server = await startTestServer();
  bridge = await register(server, 'Bridge');
  outsider = await register(server, 'Outsider');
  a = await buildOrganization('a');
  b = await buildOrganization('b');
  insiders.add(b.admin.accessToken).add(b.dev.accessToken).add(bridge.accessToken);

  // b's global ids, as b's Admin sees them; b's Admin must see every row of b.
  for (const [name, spec] of Object.entries(TABLES)) {
    const { result, connection } = await spec.list(asAdmin(b));
    if (!connection) throw new Error(`b's Admin cannot list ${name}: ${JSON.stringify(result)}`);
    for (const node of nodesOf(connection)) globalIds.set(node.rowId, node.id);
    for (const id of await dbIds(spec, rowsOf(spec.scope, b.id))) {
      if (!globalIds.has(id)) throw new Error(`b's Admin does not see ${name} ${id}`);
    }
  }
  secrets = await collectSecrets();
  // and a's, for the sanity checks
  for (const spec of Object.values(TABLES)) {
    const { connection } = await spec.list(asAdmin(a));
    for (const node of nodesOf(connection)) globalIds.set(node.rowId, node.id);
  }
}, 120_000);

afterAll(() => server?.close());

for (const [name, spec] of Object.entries(TABLES)) {
  describe(name, () => {
    test(`a's Admin lists exactly a's ${name}`, async () => {
      const bRows = await dbIds(spec, onlyB(spec));
      expect(bRows.length, `fixture: b has ${name}`).toBeGreaterThan(0);
      const aRows = await dbIds(spec, rowsOf(spec.scope, a.id));
      expect(aRows.length, `fixture: a has ${name}`).toBeGreaterThan(0);

      const { result, connection } = await spec.list(asAdmin(a));
      expect(result.errors).toBeUndefined();
      const nodes = nodesOf(connection);
      expect(nodes.map((n) => n.rowId).sort()).toEqual(aRows);
      expect(connection!.totalCount).toBe(aRows.length);
      if (spec.scope === 'organization') for (const node of nodes) expect(node.organizationId).toBe(a.id);
      for (const node of nodes) expect(bRows).not.toContain(node.rowId);
    });

    test(`b's ${name} read like rows that do not exist`, async () => {
      const rows = await dbRows(spec, onlyB(spec));
      for (const row of rows) {
        for (const probe of probesFor(spec, row).filter((p) => !p.write)) {
          await expectIndistinguishable(probe, asAdmin(a), `a's Admin on b's ${name} ${row.id}`);
        }
      }
      // The same documents do find a's own rows.
      const own = (await dbRows(spec, rowsOf(spec.scope, a.id)))[0];
      expect(succeeded(await spec.get(asAdmin(a), own.id))).toBe(true);
      expect(succeeded(await spec.getById(asAdmin(a), globalIds.get(own.id)!))).toBe(true);
      expect(succeeded(await nodeOp(asAdmin(a), globalIds.get(own.id)!))).toBe(true);
      for (const getByKey of spec.getByKey ?? []) expect(succeeded(await getByKey(asAdmin(a), own))).toBe(true);
    });

    // Tables without mutations (histories, audit logs) have no write probes; schema.test.ts proves they
    // have no mutations at all.
    const writes = spec.update || spec.delete || spec.insert;
    if (writes) test(`b's ${name} cannot be changed, and refusals look like missing rows`, async () => {
      const before = await digest();
      for (const row of await dbRows(spec, onlyB(spec))) {
        for (const probe of probesFor(spec, row).filter((p) => p.write)) {
          await expectIndistinguishable(probe, asAdmin(a), `a's Admin on b's ${name} ${row.id}`);
        }
      }
      for (const probe of insertProbes(spec)) await expectIndistinguishable(probe, asAdmin(a), `a's Admin into b's ${name}`);
      expect(await digest()).toEqual(before);
    });

    if (spec.own || spec.insert) test(`a's Admin can change a's own ${name} with the same documents`, async () => {
      if (spec.own) {
        const rowId = spec.own(a);
        const [row] = await dbRows(spec, `t.id = '${rowId}'`);
        for (const [label, result] of [
          ['update(rowId)', await spec.update?.(asAdmin(a), rowId)],
          ['update(id)', await spec.updateById?.(asAdmin(a), globalIds.get(rowId)!)],
          ['update(unique key)', await spec.updateByKey?.(asAdmin(a), row)],
        ] as const) {
          if (result) expect(succeeded(result), `${label}: ${JSON.stringify(result)}`).toBe(true);
        }
      }
      if (spec.insert) {
        const created = await spec.insert(asAdmin(a), { refs: refsOf(a) });
        expect(succeeded(created), JSON.stringify(created)).toBe(true);
        const row = Object.values(created.data as Record<string, Record<string, { rowId: string; organizationId: string }>>)[0];
        const entity = Object.values(row)[0];
        expect(entity.organizationId).toBe(a.id); // defaulted from X-Organization-Id
        const deleted = await spec.delete!(asAdmin(a), entity.rowId);
        expect(succeeded(deleted), JSON.stringify(deleted)).toBe(true);
      }
    });

    if (spec.update || spec.delete) test(`a's Viewer changing a's ${name} is refused: PERMISSION_DENIED where the Viewer reads the row, else NOT_FOUND`, async () => {
      const before = await digest();
      const viewer: Caller = { token: a.viewer.accessToken, organizationId: a.id };
      // Not the Viewer's own user row: renaming oneself is allowed.
      const [row] = await dbRows(spec, `${rowsOf(spec.scope, a.id)} and t.id <> '${a.viewer.user.id}'`);
      const readable = nodesOf((await spec.list(viewer)).connection).some((node) => node.rowId === row.id);
      for (const probe of probesFor(spec, row).filter((p) => p.write)) {
        const result = await probe.b(viewer);
        const expected = readable ? 'PERMISSION_DENIED' : 'NOT_FOUND';
        expect(result.errors?.map((e) => e.extensions?.code), `${probe.label}: ${JSON.stringify(result)}`).toEqual([expected]);
        expect(Object.values(result.data ?? {}), probe.label).toEqual([null]);
      }
      expect(await digest()).toEqual(before);
    });

    test(`naming b in X-Organization-Id shows and changes none of b's ${name}`, async () => {
      const before = await digest();
      const rows = await dbRows(spec, onlyB(spec));
      const bIds = await dbIds(spec, onlyB(spec));
      for (const [who, session] of [
        ["a's Admin", a.admin],
        ['an outsider', outsider],
      ] as const) {
        const namingB: Caller = { token: session.accessToken, organizationId: b.id };
        const namingNothing: Caller = { token: session.accessToken, organizationId: randomUUID() };
        const listed = await spec.list(namingB);
        expect(fingerprint(listed.result), `${who} lists ${name}`).toEqual(fingerprint((await spec.list(namingNothing)).result));
        for (const node of nodesOf(listed.connection)) expect(bIds).not.toContain(node.rowId);
        if (spec.scope === 'organization') expect(listed.connection?.totalCount ?? 0).toBe(0);

        const probes = [...rows.flatMap((row) => probesFor(spec, row)), ...insertProbes(spec)];
        if (spec.insert) {
          const insert = spec.insert;
          probes.push({
            label: 'insert(organizationId defaulted from the header)',
            write: true,
            b: (c) => insert(c, { refs: refsOf(b) }),
            missing: (c) => insert(c, { refs: randomRefs() }),
          });
        }
        for (const probe of probes) {
          await expectIndistinguishable(probe, namingB, `${who} naming b`);
          // and naming b is no different from naming an organization that does not exist
          expect(fingerprint(await probe.b(namingB)), `${who}: ${probe.label}`).toEqual(fingerprint(await probe.b(namingNothing)));
        }
      }
      expect(await digest()).toEqual(before);
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Rows of a that point at rows of b: a foreign key to b's row must fail exactly like one to nothing.

interface CrossReference {
  label: string;
  run: Op<Refs>;
}
const CROSS_REFERENCES: CrossReference[] = [
  { label: "task in a with b's team", run: (c, r) => call(D.CreateTaskDocument, { task: { title: `X ${r.n}`, teamId: r.teamId } }, c) },
  { label: "task in a assigned to b's member", run: (c, r) => call(D.CreateTaskDocument, { task: { title: `X ${r.n}`, assigneeId: r.userId } }, c) },
  { label: "a's task moved to b's team", run: (c, r) => call(D.UpdateTaskDocument, { rowId: a.tasks[0], patch: { teamId: r.teamId } }, c) },
  { label: "a's task assigned to b's member", run: (c, r) => call(D.UpdateTaskDocument, { rowId: a.tasks[0], patch: { assigneeId: r.userId } }, c) },
  {
    label: "a's task depends on b's task",
    run: (c, r) => call(D.CreateTaskDependencyDocument, { taskDependency: { taskId: a.tasks[2], dependsOnTaskId: r.taskIds[1] } }, c),
  },
  {
    label: "b's task depends on a's task",
    run: (c, r) => call(D.CreateTaskDependencyDocument, { taskDependency: { taskId: r.taskIds[0], dependsOnTaskId: a.tasks[2] } }, c),
  },
  {
    label: "b's member added to a's team",
    run: (c, r) => call(D.CreateTeamMembershipDocument, { teamMembership: { teamId: a.team, userId: r.userId } }, c),
  },
  {
    label: "a's member added to b's team",
    run: (c, r) => call(D.CreateTeamMembershipDocument, { teamMembership: { teamId: r.teamId, userId: a.admin.user.id } }, c),
  },
  { label: "b's role given to a's member", run: (c, r) => call(D.CreateUserRoleDocument, { userRole: { userId: a.dev.user.id, roleId: r.roleId } }, c) },
  { label: "a's role given to b's member", run: (c, r) => call(D.CreateUserRoleDocument, { userRole: { userId: r.userId, roleId: a.roles.Admin } }, c) },
];

describe('references from a to b', () => {
  test.each(CROSS_REFERENCES)('$label fails like a reference to nothing', async ({ label, run }) => {
    const before = await digest();
    await expectIndistinguishable({ label, write: true, b: (c) => run(c, refsOf(b)), missing: (c) => run(c, randomRefs()) }, asAdmin(a), "a's Admin");
    expect(await digest()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------------
// Related rows reached through a row of a follow the same rules.

describe('relations', () => {
  test("the bridge user's memberships and tasks, seen by a's Admin, are a's only", async () => {
    const user = dataOf(await call(D.UserRelationsDocument, { rowId: bridge.user.id }, asAdmin(a))).user!;
    expect(user.organizationMemberships.nodes.map((n) => n?.organizationId)).toEqual([a.id]);
    expect(user.organizationMemberships.totalCount).toBe(1);
    expect(user.createdTasks.nodes.map((n) => n.organizationId)).toEqual([a.id]);
    expect(user.createdTasks.totalCount).toBe(1);
  });

  test("a's organization's relations hold a's rows only; b's organization is not there", async () => {
    const org = dataOf(await call(D.OrganizationRelationsDocument, { rowId: a.id }, asAdmin(a))).organization!;
    for (const connection of [org.tasks, org.teams, org.roles, org.members, org.invitations]) {
      expect(connection.totalCount).toBeGreaterThan(0);
      for (const node of connection.nodes) expect(node?.organizationId).toBe(a.id);
    }
    const other = await call(D.OrganizationRelationsDocument, { rowId: b.id }, asAdmin(a));
    const nothing = await call(D.OrganizationRelationsDocument, { rowId: randomUUID() }, asAdmin(a));
    expect(fingerprint(other)).toEqual(fingerprint(nothing));
    expect(other.data).toEqual({ organization: null });
  });

  test("a's organization seen while naming b shows none of a's scoped rows either", async () => {
    const seen = await call(D.OrganizationRelationsDocument, { rowId: a.id }, { token: a.admin.accessToken, organizationId: b.id });
    const org = seen.data!.organization!;
    for (const connection of [org.tasks, org.teams, org.roles, org.members, org.invitations]) expect(connection.totalCount).toBe(0);
  });

  test("a task's related rows are a's", async () => {
    const task = dataOf(await call(D.TaskRelationsDocument, { rowId: a.tasks[1] }, asAdmin(a))).task!;
    expect(task.organization?.rowId).toBe(a.id);
    expect(task.team?.organizationId).toBe(a.id);
    expect(task.assignee?.rowId).toBe(a.dev.user.id);
    expect(task.dependencies.totalCount).toBe(1);
    for (const node of task.dependencies.nodes) expect(node.organizationId).toBe(a.id);
  });

  test("a's Admin holds no permissions while naming b, as while naming nothing", async () => {
    const namingB = await call(D.CurrentUserDocument, {}, { token: a.admin.accessToken, organizationId: b.id });
    const namingNothing = await call(D.CurrentUserDocument, {}, { token: a.admin.accessToken, organizationId: randomUUID() });
    expect(fingerprint(namingB)).toEqual(fingerprint(namingNothing));
    expect(namingB.data?.currentUserPermissions ?? []).toEqual([]);
    expect(namingB.data?.currentUser?.rowId).toBe(a.admin.user.id);
  });

  test('the permission catalog is the same whoever asks and whatever organization is named', async () => {
    const { rows } = await server.db.pool.query<{ name: string }>('select name from app_public.permissions order by name');
    for (const caller of [asAdmin(a), { token: a.admin.accessToken, organizationId: b.id }, { token: outsider.accessToken }]) {
      const seen = await call(D.PermissionsDocument, {}, caller);
      expect(seen.data?.permissions?.nodes.map((n) => n?.name)).toEqual(rows.map((r) => r.name));
    }
  });
});

test("a's Admin can delete a's own invitation and membership with the same documents", async () => {
  const [invitation] = await dbRows(TABLES.invitations, rowsOf('organization', a.id));
  expect(succeeded(await TABLES.invitations.deleteById!(asAdmin(a), globalIds.get(invitation.id)!))).toBe(true);
  const [membership] = await dbRows(TABLES.organizationMemberships, `t.organization_id = '${a.id}' and t.user_id = '${a.dev.user.id}'`);
  expect(succeeded(await TABLES.organizationMemberships.delete!(asAdmin(a), membership.id))).toBe(true);
  const { rows } = await server.db.pool.query('select 1 from app_public.user_roles where organization_id = $1 and user_id = $2', [a.id, a.dev.user.id]);
  expect(rows).toEqual([]); // the member's roles went with the membership
});

test('no response to anyone outside b carried any of b ids', () => {
  expect(transcript.length).toBeGreaterThan(500);
  const leaks = transcript.filter(({ response }) => secrets.some((secret) => response.includes(secret)));
  expect(leaks).toEqual([]);
});
