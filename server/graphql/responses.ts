// What leaves /graphql, checked once it is written.
//
// Every error carries a code, whatever the Accept header. grafserv answers a document that does not parse
// or validate (and one validation abandons after 100 errors) with graphql-js's own errors, which never
// pass through maskError and carry no code, as a 4xx (application/graphql-response+json) or a 200
// (application/json): such an answer gets VALIDATION_FAILED on each error that has none, a mutation sent
// as GET METHOD_NOT_ALLOWED. Only refused requests are touched; an answer with data never is.
//
// A client that accepts anything (axios' `application/json, text/plain, */*`, fetch's `*/*`) or sends no
// Accept gets application/json, which every client reads; graphql-response+json only when asked for.
//
// A query refused its share of the pool (fair-share.ts) is a 429 with Retry-After, like every rate limit;
// a mutation's answer keeps its status, since an earlier root field of it may have committed. Any answer
// whose database could not be reached is a 503 DATABASE_UNAVAILABLE with Retry-After (a mutation's
// client retries it with the same Idempotency-Key).
//
// The largest answer a query may get (GRAPHQL_MAX_RESPONSE_BYTES): an operation whose answer could be
// larger is refused before it runs (cost.ts, limits.ts), by each field's longest value; this catches
// the rest, an answer built larger anyway (text full of characters JSON escapes). Only queries: a
// mutation's change has committed by the time its answer exists, and withholding that answer would make
// a client retry what already happened.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RETRY_UNAVAILABLE_SECONDS } from '../errors.ts';

interface Answer {
  data?: unknown;
  errors?: { extensions?: Record<string, unknown> }[];
}

/** What a GraphQL client is answered with: application/json unless it asks for graphql-response+json. */
function negotiated(accept: string | undefined): string | undefined {
  if (accept?.includes('application/graphql-response+json') || accept?.includes('text/html')) return accept;
  return 'application/json';
}

function withCodes(payload: string | Buffer, code: string): string | Buffer {
  let answer: Answer;
  try {
    answer = JSON.parse(payload.toString()) as Answer;
  } catch {
    return payload;
  }
  if (answer.data !== undefined || !Array.isArray(answer.errors) || answer.errors.every((e) => typeof e.extensions?.code === 'string')) {
    return payload;
  }
  for (const error of answer.errors) {
    if (typeof error.extensions?.code !== 'string') error.extensions = { ...error.extensions, code };
  }
  return JSON.stringify(answer);
}

function tooLarge(request: FastifyRequest, reply: FastifyReply, size: number, maxBytes: number): string {
  request.log.warn({ size, maxBytes, operation: request.graphqlOperation?.name }, 'GraphQL response over the size limit');
  reply.status(400).type('application/json; charset=utf-8');
  return JSON.stringify({
    errors: [
      {
        message: `The response would be ${size.toLocaleString('en')} bytes; the limit is ${maxBytes.toLocaleString('en')}. Ask for fewer rows or fields.`,
        extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes },
      },
    ],
  });
}

/** /graphql's onRequest: the media type the answer will have. */
export async function negotiateAnswer(request: FastifyRequest) {
  request.headers.accept = negotiated(request.headers.accept);
}

/** /graphql's onSend: the answer's codes, status and size (see above). */
export const finishAnswer = (maxBytes: number) =>
  async function finishAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    if (!(Buffer.isBuffer(payload) || typeof payload === 'string')) return payload;
    if (reply.statusCode === 405) {
      reply.header('allow', 'POST');
      return withCodes(payload, 'METHOD_NOT_ALLOWED');
    }
    // (With application/json, graphql-js's errors come back as a 200.)
    if (reply.statusCode < 500 && !request.graphqlOperation) return withCodes(payload, 'VALIDATION_FAILED');
    const { refused } = request.ledger;
    if (refused === 'unavailable') reply.status(503).header('retry-after', String(RETRY_UNAVAILABLE_SECONDS));
    if (request.graphqlOperation?.type === 'query') {
      if (refused === 'busy') reply.status(429).header('retry-after', '1');
      // A string's length (known at once, even for the rope Grafast builds) is at most its UTF-8 size:
      // an answer longer than the limit is refused without being flattened and counted.
      const size = typeof payload === 'string' && payload.length > maxBytes ? payload.length : Buffer.byteLength(payload);
      if (size > maxBytes) return tooLarge(request, reply, size, maxBytes);
    }
    return payload;
  };
