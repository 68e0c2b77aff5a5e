import { afterAll, beforeAll, expect, test } from 'vitest';
import { CreateOrganizationDocument, CreateTaskDocument, TasksDocument } from '../generated/graphql.ts';
import { gql, register, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(() => server?.close());

test('a new user registers, creates an organization and a task, and lists it', async () => {
  const ann = await register(server, 'Ann');
  const org = await gql(server, CreateOrganizationDocument, { name: 'Acme', slug: 'acme-smoke' }, { token: ann.accessToken });
  const orgId = org.data!.createOrganization!.organization!.rowId;
  const created = await gql(server, CreateTaskDocument, { task: { title: 'First' } }, { token: ann.accessToken, organizationId: orgId });
  expect(created.data?.createTask?.task?.organizationId).toBe(orgId);
  const list = await gql(server, TasksDocument, { first: 10 }, { token: ann.accessToken, organizationId: orgId });
  expect(list.data?.tasks?.totalCount).toBe(1);
});
