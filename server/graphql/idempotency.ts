// `Idempotency-Key` on mutations (migration 000022). A client that lost its connection after sending a
// mutation cannot tell whether it committed; sent again with the same key, it gets the first answer
// instead of a second change. How:
//   - the key (1 to 255 visible ASCII characters, per signed-in user) and a fingerprint of the request
//     (document, operation name, variables) are read before the operation runs; only a mutation uses
//     them (a query is safe to repeat, and ignores the header);
//   - the mutation's own transaction claims the key in the message that opens it (graphql/pg-adaptor.ts),
//     so the key exists exactly when the change committed, and a claim that finds the key already there
//     stops the mutation before anything runs;
//   - the answer is stored once sent; the same key and request again replay it (same status and body,
//     `Idempotent-Replayed: true`). The same key with another request is 422 IDEMPOTENCY_KEY_REUSED; a key
//     whose request still runs, or whose answer was never stored (the server stopped between the commit
//     and the answer), is 409 IDEMPOTENCY_KEY_IN_USE: it may have taken effect.
// Keys are kept 24 hours (the worker deletes older ones).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import pg from 'pg';
import { getOperationAST } from 'postgraphile/graphql';
import { databaseUnavailable, queryInOneRoundTrip } from '../role-transactions.ts';
import { AppError, DATABASE_UNAVAILABLE_MESSAGE, errorBody, RETRY_UNAVAILABLE_SECONDS } from '../errors.ts';
import { fastifyRequestOf, requestSettings, type SettingsConfig } from '../request-context.ts';
import type { IdempotencyKey } from '../request-ledger.ts';

const HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's Idempotency-Key, once validated. */
    idempotency: IdempotencyKey | undefined;
  }
}

/** The statement that claims the key, for the message opening a mutation's transaction. */
export const claimStatement = ({ key, fingerprint }: IdempotencyKey) => `select app_auth.claim_idempotency_key(${lit(key)}, ${lit(fingerprint)});`;

const lit = (value: string) => pg.escapeLiteral(value);

/** The grafast middleware: a mutation's key goes to its transactions; any other operation's is dropped. */
export const IdempotencyPlugin: GraphileConfig.Plugin = {
  name: 'RowgateIdempotencyPlugin',
  version: '1.0.0',
  grafast: {
    middleware: {
      execute(next, event) {
        const { document, operationName, requestContext } = event.args;
        const request = fastifyRequestOf(requestContext);
        if (request?.idempotency && getOperationAST(document, operationName)?.operation === 'mutation') {
          request.ledger.idempotency = request.idempotency;
        }
        return next();
      },
    },
  },
};

const json = (reply: FastifyReply, status: number, body: unknown) => {
  reply.status(status).type('application/json; charset=utf-8');
  return JSON.stringify(body);
};

/** POST /graphql's preHandler: the key and the request's fingerprint, read before the operation runs. */
export async function readIdempotencyKey(request: FastifyRequest) {
  const key = request.headers[HEADER];
  if (key === undefined) return;
  if (typeof key !== 'string' || !KEY.test(key)) throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
  if (!request.auth) throw new AppError('VALIDATION_FAILED', 'Idempotency-Key needs a signed-in user (keys are kept per user)');
  const { query, documentId, operationName, variables } = request.body as Record<string, unknown>;
  const fingerprint = createHash('sha256').update(JSON.stringify([query ?? null, documentId ?? null, operationName ?? null, variables ?? null])).digest('hex');
  request.idempotency = { key, fingerprint, state: 'asked' };
}

/** /graphql's onSend, once the answer is final (its status and size decided): keep it, or replay the first. */
export const keepOrReplayAnswer = (pool: pg.Pool, config: SettingsConfig) =>
  async function keepOrReplayAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const claim = request.ledger.idempotency;
    if (!claim || claim.state === 'asked') return payload;
    const settings = requestSettings(request, config);
    if (claim.state === 'claimed') {
      // Best effort: an answer not stored makes a retry a 409, never a second change.
      const answer = Buffer.isBuffer(payload) ? payload.toString() : typeof payload === 'string' ? payload : undefined;
      if (answer === undefined) return payload;
      await queryInOneRoundTrip(pool, settings, `select app_auth.record_idempotent_response(${lit(claim.key)}, ${reply.statusCode}, ${lit(answer)})`).catch((error: Error) =>
        request.log.warn({ err: error }, 'the answer to an idempotent mutation was not stored'),
      );
      return payload;
    }
    const found = await queryInOneRoundTrip<{ fingerprint: string; status: number | null; response: string | null }>(
      pool,
      settings,
      `select * from app_auth.idempotent_response(${lit(claim.key)})`,
    ).catch((error: unknown) => {
      // Errors of onSend hooks never reach the error handler: answered here.
      if (!databaseUnavailable(error)) throw error;
      return undefined;
    });
    if (!found) {
      reply.header('retry-after', String(RETRY_UNAVAILABLE_SECONDS));
      return json(reply, 503, errorBody('DATABASE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE));
    }
    const [first] = found;
    if (first && first.fingerprint !== claim.fingerprint) {
      return json(reply, 422, errorBody('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request: send a new key for a new request'));
    }
    if (!first || first.status === null || first.response === null) {
      return json(reply, 409, errorBody('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is running, or ran without its answer being kept: it may have taken effect'));
    }
    reply.status(first.status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8');
    return first.response;
  };
