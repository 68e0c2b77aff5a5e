// Filters and sorting (API.md §3), from the attacker's side. Two organizations hold look-alike rows (the
// same titles, statuses, priorities, actions), so a filter that escaped the organization would match the
// other's rows. Every filter the API offers is run by a's members and its answer compared with the rows
// of a that match it, computed here from the fixture; b's ids never appear in an answer to anyone of a,
// whatever the filter names (b's team, b's users, b's organization id), and without the read permission a
// filter finds nothing. Operators that would scan beyond the organization's indexed rows are not offered.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AuditLogListDocument, MemberListDocument, TaskListDocument, TeamListDocument, type TaskFilter, type TaskOrderBy } from '../../client/generated/graphql.ts';
import { createTeam } from '../../db/tenant-data.ts';
import { as, createOrganization, member, type Organization } from '../support/organizations.ts';
import { dataOf, gql, http, startTestServer, type Caller, type Session, type TestServer } from '../support/server.ts';

let server: TestServer;

interface Task {
  id: string;
  title: string;
  status: string;
  priority: string;
  assigneeId: string | null;
  teamId: string | null;
  createdAt: string;
}
interface Org extends Organization {
  viewer: Session;
  /** A member whose only role holds no permission. */
  nobody: Session;
  team: string;
  tasks: Task[];
  audit: { id: string; action: string; actorId: string }[];
}
let a: Org;
let b: Org;

const TITLES = ['Fix login bug', 'Write docs', 'BUGFIX release', 'Plan sprint', 'Debug worker'];
const STATUSES = ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'];
const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL', 'MEDIUM'];
const PRIORITY_ORDER = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

async function buildOrg(key: string): Promise<Org> {
  const org = await createOrganization(server, key);
  const { admin } = org;
  const viewer = await member(server, org, org.roles.Viewer, `Viewer ${key}`);
  const nobody = await member(server, org, [], `Nobody ${key}`);
  const client = await server.db.pool.connect();
  try {
    const team = await createTeam(client, org.id, `Team ${key}`);
    const tasks: Task[] = [];
    for (let i = 0; i < 10; i++) {
      const task = {
        title: TITLES[i % 5],
        status: STATUSES[i % 5],
        priority: PRIORITIES[(i * 3) % 5],
        assigneeId: i % 3 === 0 ? null : i % 3 === 1 ? admin.user.id : viewer.user.id,
        teamId: i % 2 === 0 ? team : null,
        createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      };
      const { rows } = await client.query<{ id: string }>(
        `insert into app_public.tasks (organization_id, title, status, priority, assignee_id, team_id, created_by_id)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [org.id, task.title, task.status, task.priority, task.assigneeId, task.teamId, admin.user.id],
      );
      // The timestamps trigger keeps created_at; the fixture needs days apart.
      await client.query('alter table app_public.tasks disable trigger _100_timestamps');
      await client.query('update app_public.tasks set created_at = $2 where id = $1', [rows[0].id, task.createdAt]);
      await client.query('alter table app_public.tasks enable trigger _100_timestamps');
      tasks.push({ id: rows[0].id, ...task });
    }
    const audit: Org['audit'] = [];
    const actions = ['task.created', 'task.updated', 'task.deleted', 'task.created'];
    for (const [i, action] of actions.entries()) {
      const actorId = i % 2 ? viewer.user.id : admin.user.id;
      const { rows } = await client.query<{ id: string }>(
        `insert into app_public.audit_logs (organization_id, seq, event_key, action, resource_type, resource_id, actor_id, hash)
         values ($1, $2, gen_random_uuid()::text, $3, 'task', $4, $5, 'fixture') returning id`,
        [org.id, i + 1, action, tasks[i].id, actorId],
      );
      audit.push({ id: rows[0].id, action, actorId });
    }
    return { ...org, viewer, nobody, team, tasks, audit };
  } finally {
    client.release();
  }
}

/** Every task the filter returns, across pages, checking that no response mentions b. */
async function filteredTasks(caller: Caller, filter: TaskFilter, orderBy: TaskOrderBy[] = ['CREATED_AT_ASC']): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null | undefined;
  do {
    const result = await gql(server, TaskListDocument, { filter, orderBy, first: 3, after }, caller);
    const connection = dataOf(result).tasks!;
    expectNothingOf(b, JSON.stringify(result));
    ids.push(...connection.nodes.map((n) => n.rowId));
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : undefined;
  } while (after);
  return ids;
}

function expectNothingOf(org: Org, text: string) {
  for (const id of [org.id, org.team, ...org.tasks.map((t) => t.id), ...org.audit.map((e) => e.id), org.admin.user.id, org.viewer.user.id]) {
    expect(text).not.toContain(id);
  }
}

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'error' });
  a = await buildOrg('a');
  b = await buildOrg('b');
}, 60_000);

afterAll(() => server?.close());

describe('task filters answer exactly the matching rows of the caller\'s organization', () => {
  const CASES: { name: string; filter: (o: Org) => TaskFilter; match: (t: Task, o: Org) => boolean }[] = [
    { name: 'status in', filter: () => ({ status: { in: ['PENDING', 'IN_PROGRESS'] } }), match: (t) => ['PENDING', 'IN_PROGRESS'].includes(t.status) },
    { name: 'status notEqualTo', filter: () => ({ status: { notEqualTo: 'COMPLETED' } }), match: (t) => t.status !== 'COMPLETED' },
    { name: 'priority at least HIGH', filter: () => ({ priority: { greaterThanOrEqualTo: 'HIGH' } }), match: (t) => PRIORITY_ORDER.indexOf(t.priority) >= 2 },
    { name: 'priority equalTo', filter: () => ({ priority: { equalTo: 'MEDIUM' } }), match: (t) => t.priority === 'MEDIUM' },
    { name: 'assigneeId equalTo', filter: (o) => ({ assigneeId: { equalTo: o.admin.user.id } }), match: (t, o) => t.assigneeId === o.admin.user.id },
    { name: 'assigneeId isNull', filter: () => ({ assigneeId: { isNull: true } }), match: (t) => t.assigneeId === null },
    { name: 'teamId equalTo', filter: (o) => ({ teamId: { equalTo: o.team } }), match: (t, o) => t.teamId === o.team },
    { name: 'title includesInsensitive', filter: () => ({ title: { includesInsensitive: 'bug' } }), match: (t) => /bug/i.test(t.title) },
    {
      name: 'createdAt range',
      filter: () => ({ createdAt: { greaterThanOrEqualTo: '2026-01-03T00:00:00Z', lessThan: '2026-01-07T00:00:00Z' } }),
      match: (t) => t.createdAt >= '2026-01-03' && t.createdAt < '2026-01-07',
    },
    {
      name: 'and / or / not',
      filter: (o) => ({ or: [{ status: { equalTo: 'FAILED' } }, { and: [{ teamId: { equalTo: o.team } }, { not: { priority: { equalTo: 'LOW' } } }] }] }),
      match: (t, o) => t.status === 'FAILED' || (t.teamId === o.team && t.priority !== 'LOW'),
    },
  ];

  for (const { name, filter, match } of CASES) {
    test(name, async () => {
      const expected = a.tasks.filter((t) => match(t, a)).map((t) => t.id);
      expect(expected.length, 'the fixture must make this filter select something').toBeGreaterThan(0);
      expect(expected.length, 'and leave something out').toBeLessThan(a.tasks.length);
      // a's Admin and a's Viewer (tasks:read) get exactly a's matching rows, whatever the filter names.
      expect(await filteredTasks(as(a.admin, a), filter(a))).toEqual(expected);
      expect(await filteredTasks(as(a.viewer, a), filter(a))).toEqual(expected);
      // The same filter naming b's rows, from a: nothing of b.
      expect(await filteredTasks(as(a.admin, a), filter(b))).toEqual(a.tasks.filter((t) => match(t, b)).map((t) => t.id));
      // A member of a without tasks:read, and a's Admin naming b in X-Organization-Id: nothing at all.
      expect(await filteredTasks(as(a.nobody, a), filter(a))).toEqual([]);
      expect(await filteredTasks({ token: a.admin.accessToken, organizationId: b.id }, filter(b))).toEqual([]);
    });
  }

  test('a filter on organizationId cannot reach another organization', async () => {
    expect(await filteredTasks(as(a.admin, a), { organizationId: { equalTo: b.id } })).toEqual([]);
    expect(await filteredTasks(as(a.admin, a), { or: [{ organizationId: { in: [a.id, b.id] } }, { rowId: { in: b.tasks.map((t) => t.id) } }] })).toEqual(
      a.tasks.map((t) => t.id),
    );
  });
});

describe('sorting', () => {
  const SORTS: { orderBy: TaskOrderBy[]; compare: (x: Task, y: Task) => number }[] = [
    { orderBy: ['PRIORITY_DESC'], compare: (x, y) => PRIORITY_ORDER.indexOf(y.priority) - PRIORITY_ORDER.indexOf(x.priority) },
    { orderBy: ['STATUS_ASC'], compare: (x, y) => STATUSES.indexOf(x.status) - STATUSES.indexOf(y.status) },
    { orderBy: ['TITLE_ASC'], compare: (x, y) => (x.title < y.title ? -1 : x.title > y.title ? 1 : 0) },
  ];
  for (const { orderBy, compare } of SORTS) {
    test(`${orderBy[0]} pages through a's tasks in order, each once`, async () => {
      const ids = await filteredTasks(as(a.admin, a), {}, orderBy);
      const byId = new Map(a.tasks.map((t) => [t.id, t]));
      expect(new Set(ids)).toEqual(new Set(a.tasks.map((t) => t.id)));
      const listed = ids.map((id) => byId.get(id)!);
      for (let i = 1; i < listed.length; i++) expect(compare(listed[i - 1], listed[i])).toBeLessThanOrEqual(0);
    });
  }

  test('a page backwards (last/before) gives the rows before the cursor', async () => {
    const first = await gql(server, TaskListDocument, { orderBy: ['CREATED_AT_ASC'], first: 6 }, as(a.admin, a));
    const end = first.data!.tasks!.pageInfo.endCursor;
    const back = await gql(server, TaskListDocument, { orderBy: ['CREATED_AT_ASC'], last: 3, before: end }, as(a.admin, a));
    expect(back.data!.tasks!.nodes.map((n) => n.rowId)).toEqual(a.tasks.slice(2, 5).map((t) => t.id));
    expect(back.data!.tasks!.pageInfo.hasPreviousPage).toBe(true);
  });
});

describe('member and audit filters', () => {
  test("members by userId: a's members only, never b's", async () => {
    const run = async (caller: Caller, userIds: string[]) => {
      const data = dataOf(await gql(server, MemberListDocument, { filter: { userId: { in: userIds } } }, caller));
      return data.organizationMemberships!.nodes.map((n) => n.userId).sort();
    };
    const everyone = [a.admin, a.viewer, b.admin, b.viewer].map((s) => s.user.id);
    expect(await run(as(a.admin, a), everyone)).toEqual([a.admin.user.id, a.viewer.user.id].sort());
    expect(await run(as(a.admin, a), [b.admin.user.id])).toEqual([]);
    expect(await run(as(a.nobody, a), everyone)).toEqual([]); // no users:read
  });

  test("teams by name: a's teams only; without teams:read, none", async () => {
    const run = async (caller: Caller) => {
      const result = await gql(server, TeamListDocument, { filter: { name: { includesInsensitive: 'TEAM' } } }, caller);
      const data = dataOf(result);
      expectNothingOf(b, JSON.stringify(result));
      return data.teams!.nodes.map((n) => n.rowId);
    };
    expect(await run(as(a.admin, a))).toEqual([a.team]);
    expect(await run(as(a.viewer, a))).toEqual([a.team]);
    expect(await run(as(a.nobody, a))).toEqual([]);
  });

  test('audit logs by action and by actor: needs audit:read, stays in the organization', async () => {
    const run = async (caller: Caller, filter: object) => {
      const result = await gql(server, AuditLogListDocument, { filter }, caller);
      const data = dataOf(result);
      expectNothingOf(b, JSON.stringify(result));
      return data.auditLogs!.nodes.map((n) => n.rowId).sort();
    };
    const ids = (pick: (e: Org['audit'][number]) => boolean) => a.audit.filter(pick).map((e) => e.id).sort();
    expect(await run(as(a.admin, a), { action: { equalTo: 'task.created' } })).toEqual(ids((e) => e.action === 'task.created'));
    expect(await run(as(a.admin, a), { action: { includesInsensitive: 'DELETE' } })).toEqual(ids((e) => e.action === 'task.deleted'));
    expect(await run(as(a.admin, a), { actorId: { equalTo: a.viewer.user.id } })).toEqual(ids((e) => e.actorId === a.viewer.user.id));
    expect(await run(as(a.admin, a), { actorId: { equalTo: b.admin.user.id } })).toEqual([]);
    expect(await run(as(a.viewer, a), { action: { equalTo: 'task.created' } })).toEqual([]); // Viewers lack audit:read
  });

  test('an audit entry names its actor as a user the caller may see', async () => {
    const result = await gql(server, AuditLogListDocument, { filter: { actorId: { equalTo: a.viewer.user.id } } }, as(a.admin, a));
    expect(result.data!.auditLogs!.nodes.map((n) => n.actor?.name)).toEqual(['Viewer a', 'Viewer a']);
  });
});

test('an empty filter is no filter; a null inside one is VALIDATION_FAILED, not an internal error', async () => {
  expect(await filteredTasks(as(a.admin, a), {})).toEqual(a.tasks.map((t) => t.id));
  const result = await gql(server, TaskListDocument, { filter: { status: null } }, as(a.admin, a));
  expect(result.data?.tasks ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'filter' });
  expect(result.errors?.[0].message).toBe('A filter cannot hold null: leave the field out, or use isNull');
});

describe('operators and columns that are not offered', () => {
  // Hand-written documents: each must fail validation, so no generated document can express it.
  const REFUSED = [
    ['a pattern match on title', '{ tasks(filter: { title: { like: "%a%" } }) { totalCount } }'],
    ['a case-insensitive pattern', '{ tasks(filter: { title: { likeInsensitive: "%a%" } }) { totalCount } }'],
    ['a search in descriptions', '{ tasks(filter: { description: { includesInsensitive: "a" } }) { totalCount } }'],
    ['a filter on metadata', '{ tasks(filter: { metadata: { isNull: false } }) { totalCount } }'],
    ['a filter through a relation', '{ tasks(filter: { assignee: { name: { equalTo: "x" } } }) { totalCount } }'],
    ['a filter on audit details', '{ auditLogs(filter: { details: { isNull: false } }) { totalCount } }'],
    ['a filter on a table without filters', '{ roles(filter: { name: { equalTo: "Admin" } }) { totalCount } }'],
    ['a filter on users (a secret-adjacent table)', '{ users(filter: { email: { includesInsensitive: "@" } }) { totalCount } }'],
  ];
  for (const [name, query] of REFUSED) {
    test(name, async () => {
      const { status, body } = await http(server, 'POST', '/graphql', {
        body: { query },
        headers: { authorization: `Bearer ${a.admin.accessToken}`, 'x-organization-id': a.id },
      });
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('VALIDATION_FAILED');
    });
  }
});
