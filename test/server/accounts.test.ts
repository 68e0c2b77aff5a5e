// Accounts (API.md §2, §5; migration 000027) through the real server and worker: verifying the address,
// forgetting and resetting the password, changing it, the sessions a user sees and ends, the security
// events only their user reads, the refresh budget per session, and the hourly cleanup. Each flow is
// also tried from the attacker's side: reused, expired and foreign tokens, unknown addresses, another
// user's sessions and events.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AcceptInvitationDocument, InviteToOrganizationDocument } from '../generated/graphql.ts';
import { mailsTo, tokenIn, waitForMail } from '../support/mail.ts';
import { as, createOrganization } from '../support/organizations.ts';
import { subscriber } from '../support/realtime.ts';
import { dataOf, gql, http, register, startTestServer, type HttpResult, type Session, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';

const PASSWORD = 'correct horse battery';
const VERIFY = /Verify your e-mail address/;
const RESET = /Reset your rowgate password/;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { worker: true });
});
afterAll(async () => {
  await server?.close();
});

const outbox = () => server.worker!.outboxDir;
const bearer = (session: { accessToken: string }) => ({ authorization: `Bearer ${session.accessToken}` });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => http(server, 'POST', path, { body, headers });
const me = async (session: { accessToken: string }) =>
  http(server, 'POST', '/graphql', { body: { query: '{ currentUser { rowId email emailVerified } }' }, headers: bearer(session) });
const login = (email: string, password: string) => post('/auth/login', { email, password });
const events = async (session: { accessToken: string }) => {
  const result = await http(server, 'POST', '/graphql', {
    body: { query: '{ securityEvents(orderBy: [CREATED_AT_ASC]) { nodes { userId kind sessionId ip userAgent } } }' },
    headers: bearer(session),
  });
  expect(result.body.errors).toBeUndefined();
  return result.body.data.securityEvents.nodes as { userId: string; kind: string; sessionId: string | null; ip: string | null; userAgent: string | null }[];
};

function expectError(result: HttpResult, status: number, code: string): void {
  expect({ status: result.status, code: result.body?.error?.code }).toEqual({ status, code });
  expect(result.body.error.message).toEqual(expect.any(String));
}

/** A second sign-in of the same user: another session. */
async function signInAgain(session: Session, password = PASSWORD): Promise<Session> {
  const result = await login(session.user.email, password);
  expect(result.status).toBe(200);
  return result.body;
}

/** An address nobody registered. */
const unknownAddress = () => `nobody-${randomUUID()}@example.test`;

describe('verifying the address', () => {
  test('registration mails a link to the console (text and HTML); opening it verifies the address once', async () => {
    const user = await register(server, 'Vera');
    expect((await me(user)).body.data.currentUser.emailVerified).toBe(false);
    const mail = await waitForMail(outbox(), user.user.email, VERIFY);
    const token = tokenIn(mail);
    expect(mail.text).toContain(`${server.url}/verify-email?token=${token}`);
    expect(mail.html).toContain(`href="${server.url}/verify-email?token=${token}"`);
    // The name the registrant chose is not written into a mail that may reach someone else.
    expect(mail.text).not.toContain('Vera');

    const verified = await post('/auth/verify-email', { token });
    expect(verified.status).toBe(204);
    expect((await me(user)).body.data.currentUser.emailVerified).toBe(true);
    expectError(await post('/auth/verify-email', { token }), 400, 'INVALID_TOKEN');
    expect((await events(user)).map((event) => event.kind)).toContain('email_verified');
  });

  test('unknown, foreign-purpose and expired tokens are 400 INVALID_TOKEN; a bad body is 400 VALIDATION_FAILED naming the field', async () => {
    expectError(await post('/auth/verify-email', { token: 'f'.repeat(64) }), 400, 'INVALID_TOKEN');
    const user = await register(server, 'Expired');
    const token = tokenIn(await waitForMail(outbox(), user.user.email, VERIFY));
    // A reset token is no verification token.
    expect((await post('/auth/forgot-password', { email: user.user.email })).status).toBe(202);
    expectError(await post('/auth/verify-email', { token: tokenIn(await waitForMail(outbox(), user.user.email, RESET)) }), 400, 'INVALID_TOKEN');
    await server.db.pool.query(`update app_private.account_tokens set expires_at = now() - interval '1 second' where user_id = $1`, [user.user.id]);
    expectError(await post('/auth/verify-email', { token }), 400, 'INVALID_TOKEN');
    expect((await me(user)).body.data.currentUser.emailVerified).toBe(false);

    const missing = await post('/auth/verify-email', {});
    expectError(missing, 400, 'VALIDATION_FAILED');
    expect(missing.body.error.message).toMatch(/token/);
    expectError(await post('/auth/verify-email', { token: 42 }), 400, 'VALIDATION_FAILED');
  });

  test('resend answers 202 with the same body for any address; one mail a minute per address, none once verified', async () => {
    const user = await register(server, 'Resend');
    await waitForMail(outbox(), user.user.email, VERIFY);
    const known = await post('/auth/resend-verification', { email: user.user.email });
    const unknown = await post('/auth/resend-verification', { email: unknownAddress() });
    expect(known.status).toBe(202);
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: known.status, body: known.body });
    // Within the minute of the registration's mail: the job runs, and writes nothing.
    await waitFor(async () => (await server.db.pool.query(`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'send_account_mail'`)).rows[0].n === 0, 10_000, 'the resend jobs done');
    expect(await mailsTo(outbox(), user.user.email)).toHaveLength(1);
    // A minute later (the budget's clock moved back), one more; once verified, none.
    await server.db.pool.query(`update app_private.account_tokens set created_at = created_at - interval '61 seconds' where user_id = $1`, [user.user.id]);
    await post('/auth/resend-verification', { email: user.user.email.toUpperCase() });
    const second = await waitForMail(outbox(), user.user.email, VERIFY, { n: 2 });
    expect((await post('/auth/verify-email', { token: tokenIn(second) })).status).toBe(204);
    await server.db.pool.query(`update app_private.account_tokens set created_at = created_at - interval '61 seconds' where user_id = $1`, [user.user.id]);
    await post('/auth/resend-verification', { email: user.user.email });
    await waitFor(async () => (await server.db.pool.query(`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'send_account_mail'`)).rows[0].n === 0, 10_000, 'the resend job done');
    expect(await mailsTo(outbox(), user.user.email)).toHaveLength(2);
  });

  test('accepting an invitation mailed to the address verifies it', async () => {
    const org = await createOrganization(server, 'Verify');
    const owner = org.admin;
    const invitee = await register(server, 'Invitee');
    const invited = await gql(server, InviteToOrganizationDocument, { email: invitee.user.email, roleId: org.roles.Developer }, as(owner, org));
    expect(invited.errors).toBeUndefined();
    const invitation = await waitForMail(outbox(), invitee.user.email, /invited/);
    const accepted = await gql(server, AcceptInvitationDocument, { token: tokenIn(invitation) }, { token: invitee.accessToken });
    expect(accepted.errors).toBeUndefined();
    expect((await me(invitee)).body.data.currentUser.emailVerified).toBe(true);
    expect((await me(owner)).body.data.currentUser.emailVerified).toBe(false);
  });

  test("another user's emailVerified is not shown (null)", async () => {
    const { admin: owner, id: organizationId } = await createOrganization(server, 'Peers');
    const peer = await register(server, 'Peer B');
    // The peer's address is verified; its owner (an Admin, who reads members) must not learn even that.
    await server.db.pool.query('update app_private.user_secrets set email_verified_at = now() where user_id = $1', [peer.user.id]);
    await server.db.pool.query(`insert into app_public.organization_memberships (organization_id, user_id) values ($1, $2)`, [organizationId, peer.user.id]);
    const seen = await http(server, 'POST', '/graphql', {
      body: { query: '{ users { nodes { rowId emailVerified } } }' },
      headers: { ...bearer(owner), 'x-organization-id': organizationId },
    });
    const nodes = dataOf(seen.body).users.nodes as { rowId: string; emailVerified: boolean | null }[];
    expect(nodes.find((user) => user.rowId === peer.user.id)).toEqual({ rowId: peer.user.id, emailVerified: null });
    expect(nodes.find((user) => user.rowId === owner.user.id)).toEqual({ rowId: owner.user.id, emailVerified: false });
  });
});

describe('forgot and reset', () => {
  test('known and unknown addresses get the same status and body, and cost the server the same statement (one job each)', async () => {
    const user = await register(server, 'Forgetful');
    const jobs = async () => Number((await server.db.pool.query(`select count(*) from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'send_account_mail'`)).rows[0].count);
    await waitFor(async () => (await jobs()) === 0, 10_000, 'no mail job pending');
    // Every job ever enqueued takes the next id: the requests' own, counted even once they are done.
    const enqueued = async () => Number((await server.db.pool.query(`select pg_sequence_last_value(pg_get_serial_sequence('graphile_worker._private_jobs', 'id')::regclass) as last_value`)).rows[0].last_value);
    const answers: HttpResult[] = [];
    const jobsEach: number[] = [];
    for (const email of [user.user.email, unknownAddress(), 'not-an-address']) {
      const before = await enqueued();
      answers.push(await post('/auth/forgot-password', { email }));
      jobsEach.push((await enqueued()) - before);
    }
    expect(jobsEach).toEqual([1, 1, 0]);
    expect(answers[0].status).toBe(202);
    expect({ status: answers[1].status, body: answers[1].body }).toEqual({ status: answers[0].status, body: answers[0].body });
    expectError(answers[2], 400, 'VALIDATION_FAILED');
    expect(answers[2].body.error.message).toMatch(/email/);
    await waitFor(async () => (await jobs()) === 0, 10_000, 'the mail jobs done');
    expect((await mailsTo(outbox(), user.user.email)).filter((mail) => RESET.test(mail.subject))).toHaveLength(1);
  });

  test('the reset ends every session at once (tokens 401, refresh refused, realtime closed 4401); the token works once; the old password is gone', async () => {
    const user = await register(server, 'Reset');
    const other = await signInAgain(user);
    const streaming = await subscriber(server.url, other.accessToken, (await createOrganization(server, 'Reset', user)).id);

    await post('/auth/forgot-password', { email: user.user.email });
    await post('/auth/forgot-password', { email: user.user.email });
    const mail = await waitForMail(outbox(), user.user.email, RESET);
    expect(mail.text).toContain(`${server.url}/reset-password?token=`);
    expect(mail.html).toContain('/reset-password?token=');
    const weak = await post('/auth/reset-password', { token: tokenIn(mail), password: 'short' });
    expectError(weak, 400, 'VALIDATION_FAILED');
    expect(weak.body.error.message).toMatch(/password/);
    expect((await post('/auth/reset-password', { token: tokenIn(mail), password: 'a brand new password' })).status).toBe(204);

    for (const session of [user, other]) {
      expectError(await me(session), 401, 'INVALID_TOKEN');
      expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    }
    expect((await streaming.closed).code).toBe(4401);
    expectError(await post('/auth/reset-password', { token: tokenIn(mail), password: 'yet another password' }), 400, 'INVALID_TOKEN');
    expectError(await login(user.user.email, PASSWORD), 401, 'INVALID_CREDENTIALS');
    const fresh = await login(user.user.email, 'a brand new password');
    expect(fresh.status).toBe(200);
    // The mail proved the address; the reset is recorded.
    expect((await me(fresh.body)).body.data.currentUser.emailVerified).toBe(true);
    expect((await events(fresh.body)).map((event) => event.kind)).toEqual(expect.arrayContaining(['password_reset', 'email_verified']));
  });

  test('an expired reset token, another user\'s verification token and a made-up one are refused; nothing changes', async () => {
    const user = await register(server, 'Late');
    await post('/auth/forgot-password', { email: user.user.email });
    const token = tokenIn(await waitForMail(outbox(), user.user.email, RESET));
    await server.db.pool.query(`update app_private.account_tokens set expires_at = now() - interval '1 second' where user_id = $1 and purpose = 'reset_password'`, [user.user.id]);
    expectError(await post('/auth/reset-password', { token, password: 'a brand new password' }), 400, 'INVALID_TOKEN');
    const stranger = await register(server, 'Stranger');
    const strangerToken = tokenIn(await waitForMail(outbox(), stranger.user.email, VERIFY));
    expectError(await post('/auth/reset-password', { token: strangerToken, password: 'a brand new password' }), 400, 'INVALID_TOKEN');
    expectError(await post('/auth/reset-password', { token: randomUUID(), password: 'a brand new password' }), 400, 'INVALID_TOKEN');
    expect((await me(user)).status).toBe(200);
    expect((await login(user.user.email, PASSWORD)).status).toBe(200);
  });
});

describe('changing the password', () => {
  test('needs the current password; ends every other session, keeps this one', async () => {
    const user = await register(server, 'Changer');
    const other = await signInAgain(user);
    expectError(await post('/auth/change-password', { currentPassword: 'wrong password', newPassword: 'a brand new password' }, bearer(user)), 401, 'INVALID_CREDENTIALS');
    expect((await me(other)).status).toBe(200);
    expectError(await post('/auth/change-password', { currentPassword: PASSWORD, newPassword: 'a brand new password' }), 401, 'NOT_AUTHENTICATED');
    expectError(await post('/auth/change-password', { currentPassword: PASSWORD, newPassword: 'short' }, bearer(user)), 400, 'VALIDATION_FAILED');

    expect((await post('/auth/change-password', { currentPassword: PASSWORD, newPassword: 'a brand new password' }, bearer(user))).status).toBe(204);
    expect((await me(user)).status).toBe(200);
    expectError(await me(other), 401, 'INVALID_TOKEN');
    expectError(await login(user.user.email, PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await login(user.user.email, 'a brand new password')).status).toBe(200);
    expect((await events(user)).map((event) => event.kind)).toEqual(expect.arrayContaining(['password_changed', 'session_ended']));
  });
});

describe('sessions', () => {
  test('lists your live sessions (coarse address, user agent, which is current) and never anyone else\'s', async () => {
    const user = await register(server, 'Lister');
    const phone = await post('/auth/login', { email: user.user.email, password: PASSWORD }, { 'user-agent': 'PhoneBrowser/1.0' });
    const stranger = await register(server, 'Other lister');
    const listed = await http(server, 'GET', '/auth/sessions', { headers: bearer(user) });
    expect(listed.status).toBe(200);
    const sessions = listed.body.sessions as { id: string; createdAt: string; lastUsedAt: string; userAgent: string | null; ip: string | null; current: boolean }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    const phoneSession = sessions.find((session) => session.userAgent === 'PhoneBrowser/1.0')!;
    expect(phoneSession).toMatchObject({ current: false, ip: '127.0.0.0/24', createdAt: expect.any(String), lastUsedAt: expect.any(String) });
    const strangers = (await http(server, 'GET', '/auth/sessions', { headers: bearer(stranger) })).body.sessions;
    expect(strangers.map((session: { id: string }) => session.id)).not.toContain(phoneSession.id);
    expectError(await http(server, 'GET', '/auth/sessions'), 401, 'NOT_AUTHENTICATED');
    expect(phone.status).toBe(200);
  });

  test('DELETE ends one of yours at once; another user\'s, an ended one or a made-up id is 404; a malformed id 400', async () => {
    const user = await register(server, 'Ender');
    const other = await signInAgain(user);
    const stranger = await register(server, 'Bystander');
    const ids = (await http(server, 'GET', '/auth/sessions', { headers: bearer(user) })).body.sessions as { id: string; current: boolean }[];
    const otherId = ids.find((session) => !session.current)!.id;
    const strangerId = (await http(server, 'GET', '/auth/sessions', { headers: bearer(stranger) })).body.sessions[0].id;

    expectError(await http(server, 'DELETE', `/auth/sessions/${strangerId}`, { headers: bearer(user) }), 404, 'NOT_FOUND');
    expect((await me(stranger)).status).toBe(200);
    expectError(await http(server, 'DELETE', '/auth/sessions/not-a-uuid', { headers: bearer(user) }), 400, 'VALIDATION_FAILED');
    expectError(await http(server, 'DELETE', `/auth/sessions/${randomUUID()}`, { headers: bearer(user) }), 404, 'NOT_FOUND');
    expect((await http(server, 'DELETE', `/auth/sessions/${otherId}`, { headers: bearer(user) })).status).toBe(204);
    expectError(await me(other), 401, 'INVALID_TOKEN');
    expect((await post('/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401);
    expect((await me(user)).status).toBe(200);
    expectError(await http(server, 'DELETE', `/auth/sessions/${otherId}`, { headers: bearer(user) }), 404, 'NOT_FOUND');
  });

  test('logout scopes: current (the default), others, all; an unknown scope is 400 and ends nothing', async () => {
    const user = await register(server, 'Scoper');
    const [second, third] = [await signInAgain(user), await signInAgain(user)];
    expectError(await post('/auth/logout', { scope: 'everything' }, bearer(user)), 400, 'VALIDATION_FAILED');
    expect((await me(user)).status).toBe(200);

    expect((await post('/auth/logout', { scope: 'others' }, bearer(user))).status).toBe(204);
    expect((await me(user)).status).toBe(200);
    expectError(await me(second), 401, 'INVALID_TOKEN');
    expectError(await me(third), 401, 'INVALID_TOKEN');

    const [fourth, fifth] = [await signInAgain(user), await signInAgain(user)];
    expect((await post('/auth/logout', undefined, bearer(fourth))).status).toBe(204);
    expectError(await me(fourth), 401, 'INVALID_TOKEN');
    expect((await me(fifth)).status).toBe(200);
    expect((await post('/auth/logout', { scope: 'all' }, bearer(fifth))).status).toBe(204);
    expectError(await me(fifth), 401, 'INVALID_TOKEN');
    expectError(await me(user), 401, 'INVALID_TOKEN');
  });
  test("a cookie client signing out its other sessions keeps its own cookie (no Set-Cookie clearing it)", async () => {
    const registered = await http(server, 'POST', '/auth/register', {
      body: { email: `cookie-${randomUUID()}@example.test`, password: PASSWORD, name: 'Cookie' },
      headers: { 'x-refresh-cookie': '1' },
    });
    const cookie = registered.headers.get('set-cookie')!.split(';')[0];
    const other = await signInAgain(registered.body);
    const out = await post('/auth/logout', { scope: 'others' }, { ...bearer(registered.body), 'x-refresh-cookie': '1', cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toBeNull();
    expectError(await me(other), 401, 'INVALID_TOKEN');
    expect((await http(server, 'POST', '/auth/refresh', { body: {}, headers: { 'x-refresh-cookie': '1', cookie } })).status).toBe(200);
  });
});

describe('security events', () => {
  test('sign-in, failed sign-in (no password kept), sign-out, refresh-token reuse: recorded for their user, readable by that user only', async () => {
    const user = await register(server, 'Watched');
    const stranger = await register(server, 'Peeker');
    await login(user.user.email, 'not my password');
    const second = await signInAgain(user);
    const rotated = await post('/auth/refresh', { refreshToken: second.refreshToken });
    await post('/auth/refresh', { refreshToken: second.refreshToken }); // reuse: the session is revoked
    const third = await signInAgain(user);
    await post('/auth/logout', undefined, bearer(third));
    expect(rotated.status).toBe(200);

    const own = await events(user);
    expect(own.map((event) => event.kind)).toEqual(['signed_in', 'sign_in_failed', 'signed_in', 'refresh_token_reused', 'signed_in', 'signed_out']);
    expect(own.every((event) => event.userId === user.user.id && event.ip === '127.0.0.0/24')).toBe(true);
    const { rows } = await server.db.pool.query(`select to_jsonb(e)::text as row from app_public.security_events e where user_id = $1`, [user.user.id]);
    expect(rows.map((row) => row.row).join()).not.toContain('not my password');

    // The stranger sees their own sign-in only; anonymous callers see nothing.
    expect((await events(stranger)).map((event) => event.userId)).toEqual([stranger.user.id]);
    const anonymous = await http(server, 'POST', '/graphql', { body: { query: '{ securityEvents { nodes { kind } } }' } });
    expect(anonymous.body.data?.securityEvents ?? null).toBeNull();
  });

  test('an unknown address records nothing for anyone', async () => {
    const before = Number((await server.db.pool.query('select count(*) from app_public.security_events')).rows[0].count);
    await login(unknownAddress(), 'whatever password');
    expect(Number((await server.db.pool.query('select count(*) from app_public.security_events')).rows[0].count)).toBe(before);
  });
});

describe('the refresh budget', () => {
  test('is per session: past it one session waits (429 with Retry-After, its token kept), while another session from the same address refreshes', async () => {
    const tight = await startTestServer({ RATE_LIMIT_REFRESH_PER_SESSION_PER_MINUTE: '3' });
    try {
      const register_ = await http(tight, 'POST', '/auth/register', { body: { email: `budget-${randomUUID()}@example.test`, password: PASSWORD, name: 'Reloader' } });
      let refreshToken = register_.body.refreshToken as string;
      for (let i = 0; i < 3; i++) {
        const refreshed = await http(tight, 'POST', '/auth/refresh', { body: { refreshToken } });
        expect(refreshed.status).toBe(200);
        refreshToken = refreshed.body.refreshToken;
      }
      const limited = await http(tight, 'POST', '/auth/refresh', { body: { refreshToken } });
      expectError(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // The office colleague on the same address.
      const colleague = await http(tight, 'POST', '/auth/register', { body: { email: `colleague-${randomUUID()}@example.test`, password: PASSWORD, name: 'Colleague' } });
      expect((await http(tight, 'POST', '/auth/refresh', { body: { refreshToken: colleague.body.refreshToken } })).status).toBe(200);
      // The limited token was not rotated: a minute later (the clock moved back) it still works.
      await tight.db.pool.query(`update app_private.refresh_tokens set created_at = created_at - interval '61 seconds'`);
      expect((await http(tight, 'POST', '/auth/refresh', { body: { refreshToken } })).status).toBe(200);
    } finally {
      await tight.close();
    }
  });
});

describe('rate limits', () => {
  test('every account endpoint a stranger can call is limited per client IP (429 RATE_LIMITED with Retry-After)', async () => {
    const tight = await startTestServer({ RATE_LIMIT_AUTH_PER_MINUTE: '3' });
    try {
      const calls: [string, unknown][] = [
        ['/auth/verify-email', { token: 'f'.repeat(64) }],
        ['/auth/resend-verification', { email: unknownAddress() }],
        ['/auth/forgot-password', { email: unknownAddress() }],
        ['/auth/reset-password', { token: 'f'.repeat(64), password: 'a brand new password' }],
        ['/auth/change-password', { currentPassword: PASSWORD, newPassword: 'a brand new password' }],
      ];
      for (const [path, body] of calls) {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await http(tight, 'POST', path, { body })).status);
        expect(statuses.slice(0, 3).every((status) => status !== 429), path).toBe(true);
        const limited = await http(tight, 'POST', path, { body });
        expectError(limited, 429, 'RATE_LIMITED');
        expect(Number(limited.headers.get('retry-after')), path).toBeGreaterThan(0);
      }
    } finally {
      await tight.close();
    }
  });
});

describe('housekeeping', () => {
  test('the hourly clean_up_accounts task deletes only what is past its retention', async () => {
    const user = await register(server, 'Kept');
    const pool = server.db.pool;
    const session = async (expires: string, revoked: string | null) =>
      (await pool.query(`insert into app_private.sessions (user_id, expires_at, revoked_at) values ($1, now() + $2::interval, now() + $3::interval) returning id`, [user.user.id, expires, revoked])).rows[0].id as string;
    const gone = [await session('-31 days', null), await session('1 day', '-31 days')];
    const kept = [await session('-29 days', null), await session('1 day', '-29 days'), await session('1 day', null)];
    const token = async (expires: string) =>
      (await pool.query(`insert into app_private.account_tokens (token_hash, user_id, purpose, email, expires_at) values (sha256(gen_random_uuid()::text::bytea), $1, 'reset_password', $2, now() + $3::interval) returning token_hash`, [user.user.id, user.user.email, expires])).rows[0].token_hash as Buffer;
    const [oldToken, recentToken] = [await token('-2 days'), await token('-1 hour')];
    const event = async (age: string) => (await pool.query(`insert into app_public.security_events (user_id, kind, created_at) values ($1, 'signed_in', now() - $2::interval) returning id`, [user.user.id, age])).rows[0].id as string;
    const [oldEvent, recentEvent] = [await event('91 days'), await event('89 days')];

    await pool.query(`select graphile_worker.add_job('clean_up_accounts')`);
    await waitFor(async () => (await pool.query(`select 1 from graphile_worker.jobs where task_identifier = 'clean_up_accounts'`)).rowCount === 0, 10_000, 'the cleanup job done');

    const exists = async (sql: string, value: unknown) => (await pool.query(sql, [value])).rowCount === 1;
    for (const id of gone) expect(await exists('select 1 from app_private.sessions where id = $1', id)).toBe(false);
    for (const id of kept) expect(await exists('select 1 from app_private.sessions where id = $1', id)).toBe(true);
    expect(await exists('select 1 from app_private.account_tokens where token_hash = $1', oldToken)).toBe(false);
    expect(await exists('select 1 from app_private.account_tokens where token_hash = $1', recentToken)).toBe(true);
    expect(await exists('select 1 from app_public.security_events where id = $1', oldEvent)).toBe(false);
    expect(await exists('select 1 from app_public.security_events where id = $1', recentEvent)).toBe(true);
    expect((await me(user)).status).toBe(200);
  });
});
