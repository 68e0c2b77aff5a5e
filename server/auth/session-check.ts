// A GraphQL request's session is checked inside its own transaction (graphql/pg-adaptor.ts), not in a
// round trip of its own before it: the token's signature, issuer, audience and expiry are verified up
// front as always, and whether its session still stands is asked by the statement that opens the
// transaction, before anything else runs. Where the session has ended the answer is the same 401
// INVALID_TOKEN as before; a request that never reached the database (introspection, `__typename`) has
// its session checked once it is answered, so no revoked token ever gets a 200.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from '../errors.ts';
import type { SessionStore } from './sessions.ts';

/** What every refused access token is told: which check failed is not the client's business. */
export const TOKEN_REFUSED = 'The access token is invalid, expired or revoked';

export class SessionEndedError extends Error {
  readonly code = 'RGSES';
  constructor() {
    super(TOKEN_REFUSED);
  }
}

const INVALID = JSON.stringify(errorBody('INVALID_TOKEN', TOKEN_REFUSED));

export const sessionCheckPlugin = fp(async (app: FastifyInstance, { sessions }: { sessions: SessionStore }) => {
  app.addHook('onSend', async (request: FastifyRequest, reply, payload) => {
    // A CORS preflight is answered before the request context exists.
    const session = request.database?.session;
    if (session === undefined || session === 'active' || !request.auth) return payload;
    const active = session === 'deferred' && (await sessions.isActive(request.auth));
    if (active) return payload;
    reply.status(401).type('application/json; charset=utf-8');
    return INVALID;
  });
});
