// The console's documents (client/operations, the persisted manifest) run by hash on every server (the
// console sends nothing else); with TRUSTED_DOCUMENTS=1 anything else is refused, the tests' own probes
// (test/operations) included.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ConsoleSessionDocument } from '../../client/generated/graphql.ts';
import { CurrentUserDocument } from '../generated/graphql.ts';
import { gql, http, register, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TRUSTED_DOCUMENTS: '1' });
});
afterAll(() => server?.close());

test('a document from the codegen manifest runs by its hash', async () => {
  const ann = await register(server, 'Trusted');
  const result = await gql(server, ConsoleSessionDocument, {}, { token: ann.accessToken });
  expect(result.errors).toBeUndefined();
  expect(result.data?.currentUser?.rowId).toBe(ann.user.id);
});

test("a test's own probe is not shipped: refused by hash and by text alike", async () => {
  const ann = await register(server, 'Probe');
  const caller = { authorization: `Bearer ${ann.accessToken}` };
  // Its own hash, computed by codegen as for the console's documents: it is simply not in the manifest.
  for (const body of [{ query: String(CurrentUserDocument) }, { documentId: CurrentUserDocument.__meta__!.hash }]) {
    const refused = await http(server, 'POST', '/graphql', { body, headers: caller });
    expect(refused.status, JSON.stringify(body).slice(0, 60)).toBe(400);
    expect(JSON.stringify(refused.body)).not.toContain('"data"');
  }
});

test('an ad-hoc document is refused (400 VALIDATION_FAILED, before anything runs), and so is an unknown hash', async () => {
  const adHoc = await http(server, 'POST', '/graphql', { body: { query: '{ currentUser { rowId } }' } });
  expect(adHoc.status).toBe(400);
  expect(adHoc.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/trusted documents.*documentId/) } });
  const unknown = await http(server, 'POST', '/graphql', { body: { documentId: `sha256:${'0'.repeat(64)}` } });
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['VALIDATION_FAILED']);
  expect(JSON.stringify(unknown.body)).not.toContain('"data"');
});

test('without TRUSTED_DOCUMENTS a shipped document runs by hash too, beside ad-hoc text', async () => {
  const open = await startTestServer();
  try {
    const ann = await register(open, 'Open');
    const caller = { authorization: `Bearer ${ann.accessToken}` };
    const byHash = await http(open, 'POST', '/graphql', { body: { documentId: ConsoleSessionDocument.__meta__!.hash }, headers: caller });
    expect(byHash.body.data.currentUser.rowId).toBe(ann.user.id);
    const byText = await http(open, 'POST', '/graphql', { body: { query: '{ currentUser { rowId } }' }, headers: caller });
    expect(byText.body.data.currentUser.rowId).toBe(ann.user.id);
  } finally {
    await open.close();
  }
});
