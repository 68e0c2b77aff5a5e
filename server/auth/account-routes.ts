// The account endpoints (API.md §2): verifying the address, forgetting and resetting the password,
// changing it, and the user's sessions. The rules live in the database (migration 000027); this file
// checks bodies, hashes passwords and tokens, and maps answers to statuses.
//
// Nothing here tells whether an address has an account: resend-verification and forgot-password run the
// same statement for any address (the worker decides whether to write) and answer the same 202 body; a
// mailed token is looked up by its SHA-256 hash, so timing says nothing about the token itself.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { AppError } from '../errors.ts';
import { requestMeta, type Claims } from '../request-context.ts';
import { Email, MailedToken, Password, strictBody } from './bodies.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { SessionStore } from './sessions.ts';

const TokenBody = Type.Object({ token: MailedToken }, { additionalProperties: false });
const EmailBody = Type.Object({ email: Email }, { additionalProperties: false });
const ResetBody = Type.Object({ token: MailedToken, password: Password }, { additionalProperties: false });
const ChangeBody = Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password }, { additionalProperties: false });
const SessionParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const ACCEPTED = { message: 'If this address has an account, a mail is on its way' };

const signedIn = (request: FastifyRequest): Claims => {
  if (!request.auth) throw new AppError('NOT_AUTHENTICATED', 'Send your access token: Authorization: Bearer <accessToken>');
  return request.auth;
};

export async function accountRoutes(app: FastifyInstance, { sessions, config }: { sessions: SessionStore; config: object }) {
  const body = <T extends Type.TSchema>(schema: T) => ({ schema: { body: schema }, validatorCompiler: strictBody, config });

  app.post('/auth/verify-email', body(TokenBody), async (request, reply) => {
    const { token } = request.body as Type.Static<typeof TokenBody>;
    if (!(await sessions.verifyEmail(token, requestMeta(request)))) {
      throw new AppError('INVALID_TOKEN', 'This verification link is unknown, used or expired: ask for a new one', { mailedToken: true });
    }
    return reply.status(204).send();
  });

  app.post('/auth/resend-verification', body(EmailBody), async (request, reply) => {
    const { email } = request.body as Type.Static<typeof EmailBody>;
    await sessions.requestAccountMail('verify_email', email, requestMeta(request));
    return reply.status(202).send(ACCEPTED);
  });

  app.post('/auth/forgot-password', body(EmailBody), async (request, reply) => {
    const { email } = request.body as Type.Static<typeof EmailBody>;
    await sessions.requestAccountMail('reset_password', email, requestMeta(request));
    return reply.status(202).send(ACCEPTED);
  });

  app.post('/auth/reset-password', body(ResetBody), async (request, reply) => {
    const { token, password } = request.body as Type.Static<typeof ResetBody>;
    if (!(await sessions.resetPassword(token, await hashPassword(password), requestMeta(request)))) {
      throw new AppError('INVALID_TOKEN', 'This reset link is unknown, used or expired: ask for a new one', { mailedToken: true });
    }
    return reply.status(204).send();
  });

  app.post('/auth/change-password', body(ChangeBody), async (request, reply) => {
    const claims = signedIn(request);
    const { currentPassword, newPassword } = request.body as Type.Static<typeof ChangeBody>;
    const meta = requestMeta(request);
    if (!(await verifyPassword(await sessions.currentPasswordHash(claims, meta), currentPassword))) {
      throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong');
    }
    await sessions.changePassword(claims, await hashPassword(newPassword), meta);
    return reply.status(204).send();
  });

  // Signed-in only: counted by the per-user limit every signed-in request has.
  app.get('/auth/sessions', async (request) => ({ sessions: await sessions.list(signedIn(request), requestMeta(request)) }));

  app.delete('/auth/sessions/:id', { schema: { params: SessionParams } }, async (request, reply) => {
    const claims = signedIn(request);
    const { id } = request.params as Type.Static<typeof SessionParams>;
    if (!(await sessions.end(claims, id, requestMeta(request)))) throw new AppError('NOT_FOUND', 'You have no live session with this id');
    return reply.status(204).send();
  });
}
