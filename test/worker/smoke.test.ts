import { afterAll, beforeAll, expect, test } from 'vitest';
import { CreateOrganizationDocument, CreateTaskDocument } from '../generated/graphql.ts';
import { gql, register, startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { worker: true });
});
afterAll(() => server?.close());

test('a created task gets its audit row and history row from the in-process worker', async () => {
  const ann = await register(server, 'Ann');
  const org = await gql(server, CreateOrganizationDocument, { name: 'Audit', slug: 'audit-smoke' }, { token: ann.accessToken });
  const orgId = org.data!.createOrganization!.organization!.rowId;
  const task = await gql(server, CreateTaskDocument, { task: { title: 'Audited' } }, { token: ann.accessToken, organizationId: orgId });
  const taskId = task.data!.createTask!.task!.rowId;
  const row = await waitFor(
    async () => (await server.db.pool.query(`select * from app_public.audit_logs where resource_id = $1`, [taskId])).rows[0],
    2000,
    'audit row for the task',
  );
  expect(row).toMatchObject({ action: 'task.created', resource_type: 'task', actor_id: ann.user.id, organization_id: orgId });
  const history = await server.db.pool.query(`select action from app_public.task_histories where task_id = $1`, [taskId]);
  expect(history.rows).toEqual([{ action: 'task.created' }]);
});
