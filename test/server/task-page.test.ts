// What the console's task page and accept page read and write, through the server with its worker and the
// console's own documents (client/operations/console/task.graphql, organization.graphql): a task's history
// by name (`task.history`, `taskHistory.actor`, migration 000034), its dependencies (a Viewer may read
// them, never add or remove them; a BLOCKS cycle is refused), and the invitation named by its token
// (`invitationByToken`, migration 000035), signed out and without an organization. Two organizations
// hold tasks, histories and invitations, so "nothing" means something.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AddTaskLinkDocument, CreateTaskRowDocument, InvitationPreviewDocument, RemoveTaskLinkDocument, SendInvitationDocument, TaskPageDocument, UpdateTaskDetailDocument } from '../../client/generated/graphql.ts';
import { tokenIn, waitForMail } from '../support/mail.ts';
import { as, createOrganization, member, type Organization } from '../support/organizations.ts';
import { dataOf, gql, startTestServer, type Caller, type Session, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';

let server: TestServer;
let a: Organization;
let b: Organization;
let admin: Session; // a's Admin
let developer: Session; // a's Developer
let viewer: Session; // a's Viewer
let other: Session; // b's Admin

beforeAll(async () => {
  server = await startTestServer({}, { worker: true });
  [a, b] = [await createOrganization(server, 'Studio A'), await createOrganization(server, 'Studio B')];
  [admin, other] = [a.admin, b.admin];
  developer = await member(server, a, a.roles.Developer, 'Dev Developer');
  viewer = await member(server, a, a.roles.Viewer, 'Vic Viewer');
}, 60_000);
afterAll(() => server?.close());


async function createTask(caller: Caller, title: string): Promise<string> {
  return dataOf(await gql(server, CreateTaskRowDocument, { task: { title } }, caller)).createTask!.task!.rowId;
}

async function page(caller: Caller, rowId: string) {
  return dataOf(await gql(server, TaskPageDocument, { rowId }, caller)).task;
}

describe('task.history', () => {
  test('names who changed what, newest first, for whoever may read the task, and for nobody else', async () => {
    const rowId = await createTask(as(developer, a), 'Named history');
    dataOf(await gql(server, UpdateTaskDetailDocument, { rowId, patch: { status: 'COMPLETED', metadata: { sprint: 4 } } }, as(admin, a)));
    const seen = await waitFor(
      async () => {
        const task = await page(as(viewer, a), rowId);
        return task && task.history.totalCount === 2 ? task : undefined;
      },
      10_000,
      'both changes in the history',
    );
    expect(seen.history.nodes.map((entry) => [entry.action, entry.actor?.name, entry.actorId])).toEqual([
      ['task.updated', 'Admin Studio A', admin.user.id],
      ['task.created', 'Dev Developer', developer.user.id],
    ]);
    expect(seen.history.nodes[0].changes).toMatchObject({ status: 'COMPLETED', metadata: { sprint: 4 } });
    expect(seen.metadata).toEqual({ sprint: 4 });

    // b's Admin, naming b or naming a, reads neither the task nor its history; the same as a missing task.
    const missing = await gql(server, TaskPageDocument, { rowId: randomUUID() }, as(other, b));
    expect(missing).toEqual({ status: 200, data: { task: null } });
    for (const caller of [as(other, b), as(other, a)]) {
      expect(await gql(server, TaskPageDocument, { rowId }, caller)).toEqual(missing);
    }
  });

  test('an actor who shares no organization with the reader has no name, and is not made up', async () => {
    const rowId = await createTask(as(admin, a), 'Touched by a stranger');
    // An entry whose actor is b's Admin (as if they had left a): the actor is a user the reader cannot see.
    await server.db.pool.query(
      `insert into app_public.task_histories (organization_id, task_id, event_key, action, actor_id, changes) values ($1, $2, gen_random_uuid()::text, 'task.updated', $3, '{"priority": "LOW"}')`,
      [a.id, rowId, other.user.id],
    );
    const task = await waitFor(async () => {
      const read = await page(as(viewer, a), rowId);
      return read && read.history.totalCount === 2 ? read : undefined;
    }, 10_000, 'the creation entry and the inserted one');
    const stranger = task.history.nodes.find((entry) => entry.actorId === other.user.id);
    expect(stranger?.actor).toBeNull();
  });
});

describe('dependencies', () => {
  test("a Viewer reads them but may neither add nor remove one; a Developer may; nothing changed by the Viewer's attempts", async () => {
    const [first, second, third] = [await createTask(as(admin, a), 'Dep one'), await createTask(as(admin, a), 'Dep two'), await createTask(as(admin, a), 'Dep three')];
    const added = await gql(server, AddTaskLinkDocument, { taskDependency: { taskId: second, dependsOnTaskId: first, type: 'BLOCKS' } }, as(developer, a));
    const link = dataOf(added).createTaskDependency!.taskDependency!.rowId;

    const seen = await page(as(viewer, a), second);
    expect(seen?.dependencies.nodes.map((d) => [d.type, d.dependsOnTask?.title])).toEqual([['BLOCKS', 'Dep one']]);
    expect((await page(as(viewer, a), first))?.dependents.nodes.map((d) => d.task?.title)).toEqual(['Dep two']);

    const adding = await gql(server, AddTaskLinkDocument, { taskDependency: { taskId: third, dependsOnTaskId: first, type: 'RELATES_TO' } }, as(viewer, a));
    expect(adding.errors?.map((e) => e.extensions?.code)).toEqual(['PERMISSION_DENIED']);
    const removing = await gql(server, RemoveTaskLinkDocument, { rowId: link }, as(viewer, a));
    expect(removing.errors?.map((e) => e.extensions?.code)).toEqual(['PERMISSION_DENIED']);
    expect(removing.data?.deleteTaskDependency ?? null).toBeNull();
    const { rows } = await server.db.pool.query('select id from app_public.task_dependencies where organization_id = $1 and $2 in (task_id, depends_on_task_id)', [a.id, first]);
    expect(rows).toEqual([{ id: link }]);

    // b's Admin cannot remove a's link either, naming a or b: as if it did not exist.
    for (const caller of [as(other, a), as(other, b)]) {
      const result = await gql(server, RemoveTaskLinkDocument, { rowId: link }, caller);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    }

    const removed = await gql(server, RemoveTaskLinkDocument, { rowId: link }, as(developer, a));
    expect(removed.errors).toBeUndefined();
    expect((await page(as(viewer, a), second))?.dependencies.totalCount).toBe(0);
  });

  test('a BLOCKS cycle, however long, is refused with DEPENDENCY_CYCLE; RELATES_TO the other way is not a cycle', async () => {
    const [x, y, z] = [await createTask(as(developer, a), 'Cycle x'), await createTask(as(developer, a), 'Cycle y'), await createTask(as(developer, a), 'Cycle z')];
    const link = (taskId: string, dependsOnTaskId: string, type: 'BLOCKS' | 'RELATES_TO' = 'BLOCKS') =>
      gql(server, AddTaskLinkDocument, { taskDependency: { taskId, dependsOnTaskId, type } }, as(developer, a));
    expect((await link(y, x)).errors).toBeUndefined();
    expect((await link(z, y)).errors).toBeUndefined();
    for (const closing of [await link(x, y), await link(x, z)]) {
      expect(closing.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['DEPENDENCY_CYCLE', 'This dependency would make a BLOCKS cycle']]);
    }
    expect((await link(x, z, 'RELATES_TO')).errors).toBeUndefined();
  });
});

describe('invitationByToken', () => {
  test('names the organization, role and inviter to the token holder, signed out and without an organization; any other token gets null', async () => {
    const email = `invitee-${Date.now()}@example.test`;
    dataOf(await gql(server, SendInvitationDocument, { email, roleId: a.roles.Developer }, as(admin, a)));
    const token = tokenIn(await waitForMail(server.worker!.outboxDir, email, /invited/));

    for (const caller of [{}, { token: other.accessToken }, as(other, b)] as Caller[]) {
      expect(dataOf(await gql(server, InvitationPreviewDocument, { token }, caller)).invitationByToken).toEqual({
        organizationName: 'Org Studio A',
        roleName: 'Developer',
        invitedByName: 'Admin Studio A',
        email,
        expiresAt: expect.any(String),
      });
    }
    for (const wrong of [`${token}x`, token.slice(1), 'nothing']) {
      expect(dataOf(await gql(server, InvitationPreviewDocument, { token: wrong }, {}))).toEqual({ invitationByToken: null });
    }
  });
});
