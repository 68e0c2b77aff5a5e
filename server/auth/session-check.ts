// A GraphQL request's session is checked inside its own transaction (graphql/pg-adaptor.ts), not in a
// round trip of its own before it: the token's signature, issuer, audience and expiry are verified up
// front as always, and whether its session still stands is asked by the statement that opens the
// transaction, before anything else runs. Where the session has ended the answer is the same 401
// INVALID_TOKEN as before; a request that never reached the database (introspection, `__typename`) has
// its session checked once it is answered, so no revoked token ever gets a 200.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseUnavailable } from '../role-transactions.ts';
import { DATABASE_UNAVAILABLE_MESSAGE, errorBody, RETRY_UNAVAILABLE_SECONDS, TOKEN_REFUSED } from '../errors.ts';
import type { SessionStore } from './sessions.ts';

export class SessionEndedError extends Error {
  readonly code = 'RGSES';
  constructor() {
    super(TOKEN_REFUSED);
  }
}

const INVALID = JSON.stringify(errorBody('INVALID_TOKEN', TOKEN_REFUSED));
const UNAVAILABLE = JSON.stringify(errorBody('DATABASE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE));

/** /graphql's onSend: the answer stands only if the request's session does (see above). */
export const checkSessionAfterAnswer = (sessions: SessionStore) =>
  async function checkSessionAfterAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const { session, refused } = request.ledger;
    if (session === undefined || session === 'active' || !request.auth) return payload;
    // The database could not be reached, so nothing is known of the session: the answer is a 503
    // (graphql/responses.ts), never a 401 that would sign a console user out.
    if (refused === 'unavailable') return payload;
    let active: boolean;
    try {
      active = session === 'deferred' && (await sessions.isActive(request.auth));
    } catch (error) {
      // Errors of onSend hooks never reach the error handler: answered here.
      if (!databaseUnavailable(error)) throw error;
      reply.status(503).header('retry-after', String(RETRY_UNAVAILABLE_SECONDS)).type('application/json; charset=utf-8');
      return UNAVAILABLE;
    }
    if (active) return payload;
    reply.status(401).type('application/json; charset=utf-8');
    return INVALID;
  };
