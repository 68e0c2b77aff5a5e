// One error type with a stable code; the HTTP status is decided here and nowhere else. Every error body
// is {"error":{"code","message"}}; unexpected errors are logged with an id and never described to clients.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseUnavailable } from './role-transactions.ts';

/** What a client is told while the database cannot be reached, and when to try again. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not answering right now; retry shortly';
export const RETRY_UNAVAILABLE_SECONDS = 5;
/** What every refused access token is told: which check failed is not the client's business. */
export const TOKEN_REFUSED = 'The access token is invalid, expired or revoked';

const STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 401,
  SESSION_REVOKED: 401,
  NOT_AUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  IDENTITY_NOT_LINKED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  EMAIL_TAKEN: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  HEADERS_TOO_LARGE: 431,
  RATE_LIMITED: 429,
  NOT_READY: 503,
  DATABASE_UNAVAILABLE: 503,
  SERVER_BUSY: 503,
  INTERNAL_ERROR: 500,
} as const;
export type ErrorCode = keyof typeof STATUS;
/** Every code an HTTP endpoint may answer (each is in docs/error-codes.md; a test checks). */
export const ERROR_CODES = Object.keys(STATUS) as ErrorCode[];

/**
 * The one table from a database error to what a client is told, over GraphQL (graphql/mask-error.ts) and
 * HTTP (databaseError below): rowgate's own SQLSTATEs, raised by its SQL with messages written for
 * clients (docs/error-codes.md lists each, with what raises it; a test checks both against this table
 * and the migrations), and PostgreSQL's that a client's input can cause, whose own text (which may quote
 * SQL or key values) is replaced by `message`.
 */
export const DATABASE_ERRORS: Record<string, { code: string; message?: string }> = {
  RG401: { code: 'NOT_AUTHENTICATED' },
  RG403: { code: 'PERMISSION_DENIED' },
  RG404: { code: 'NOT_FOUND' },
  RG422: { code: 'VALIDATION_FAILED' },
  RG429: { code: 'RATE_LIMITED' },
  RGESC: { code: 'PRIVILEGE_ESCALATION' },
  RGMEM: { code: 'ALREADY_MEMBER' },
  RGLAD: { code: 'LAST_ADMIN' },
  RGSYS: { code: 'SYSTEM_ROLE' },
  RGCYC: { code: 'DEPENDENCY_CYCLE' },
  RGINV: { code: 'INVITATION_INVALID' },
  RGUSD: { code: 'INVITATION_USED' },
  RGEXP: { code: 'INVITATION_EXPIRED' },
  RGPND: { code: 'LIMIT_REACHED' },
  RGEML: { code: 'EMAIL_TAKEN', message: 'This e-mail address is already registered' },
  RGTOK: { code: 'INVALID_TOKEN' },
  RGLNK: { code: 'IDENTITY_NOT_LINKED' },
  // A mutation's Idempotency-Key was claimed before: its answer is replaced by the first one (idempotency.ts).
  RGIDM: { code: 'IDEMPOTENCY_KEY_USED' },
  // Not PostgreSQL's: the caller already holds its share of the pool and has waited long enough (fair-share.ts).
  RGBSY: { code: 'RATE_LIMITED', message: 'Too many of your requests are running at once; retry shortly' },
  // The request's session ended (app_auth.require_active_session, auth/session-check.ts): over HTTP a 401.
  RGSES: { code: 'INVALID_TOKEN', message: TOKEN_REFUSED },
  '42501': { code: 'PERMISSION_DENIED', message: 'Permission denied' },
  '23505': { code: 'ALREADY_EXISTS', message: 'A record with this value already exists' },
  '23503': { code: 'NOT_FOUND', message: 'A referenced record does not exist' },
  '23514': { code: 'VALIDATION_FAILED', message: 'A value is not allowed' },
  '23502': { code: 'VALIDATION_FAILED', message: 'A required value is missing' },
  '22P02': { code: 'VALIDATION_FAILED', message: 'A value has the wrong format' },
  '22001': { code: 'VALIDATION_FAILED', message: 'A value is too long' },
  '22007': { code: 'VALIDATION_FAILED', message: 'A date or time has the wrong format' },
  '22008': { code: 'VALIDATION_FAILED', message: 'A date or time is out of range' },
  '22023': { code: 'VALIDATION_FAILED', message: 'A value is not allowed' },
  // A NUL character: PostgreSQL text and jsonb cannot hold one.
  '22021': { code: 'VALIDATION_FAILED', message: 'A text value contains a character that cannot be stored (NUL)' },
  '22P05': { code: 'VALIDATION_FAILED', message: 'A JSON value contains a character that cannot be stored (NUL)' },
  '22003': { code: 'VALIDATION_FAILED', message: 'A number is out of range' },
  // jsonb refuses to nest deeper than its parser's stack allows.
  '54001': { code: 'VALIDATION_FAILED', message: 'A value is nested too deeply' },
  '57014': { code: 'TIMEOUT', message: 'The request took too long' },
};

/**
 * A database error as an HTTP endpoint answers it (its catalog code, when that code has an HTTP status),
 * or undefined: the caller rethrows what it does not know. `messages` words a code for this endpoint.
 */
export function databaseError(error: unknown, messages: Partial<Record<string, string>> = {}): AppError | undefined {
  const { code: sqlState, message } = error as { code?: unknown; message?: string };
  const known = typeof sqlState === 'string' ? DATABASE_ERRORS[sqlState] : undefined;
  if (!known || !(known.code in STATUS)) return undefined;
  return new AppError(known.code as ErrorCode, messages[sqlState as string] ?? known.message ?? message ?? known.code);
}

/** A mailed token (verify-email, reset-password) that is no good is the request's fault: 400, not 401. */
const MAILED_TOKEN_STATUS = 400;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly #status: number;
  constructor(code: ErrorCode, message: string, { mailedToken = false } = {}) {
    super(message);
    this.code = code;
    this.#status = mailedToken ? MAILED_TOKEN_STATUS : STATUS[code];
  }
  get status(): number {
    return this.#status;
  }
}

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}

/** Fastify's own errors (validation, body size, content type) mapped onto our codes. */
function fromFastify(error: FastifyError): AppError | undefined {
  if (error.validation) return new AppError('VALIDATION_FAILED', `Invalid request: ${error.message}`);
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('VALIDATION_FAILED', 'The body is not valid JSON');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new AppError('VALIDATION_FAILED', 'Bad request');
  return undefined;
}

/** An unknown endpoint: 404 NOT_FOUND in the error shape. */
export const notFound = (_request: FastifyRequest, reply: FastifyReply) => reply.status(404).send(errorBody('NOT_FOUND', 'No such endpoint'));

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof AppError ? error : fromFastify(error);
    if (known) {
      return reply.status(known.status).send(errorBody(known.code, known.message));
    }
    // A restart or failover: the client retries; nothing about it (not its token) is in doubt.
    if (databaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply.status(503).header('retry-after', String(RETRY_UNAVAILABLE_SECONDS)).send(errorBody('DATABASE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE));
    }
    const errorId = randomUUID();
    request.log.error({ err: error, errorId }, 'unexpected error');
    return reply.status(500).send(errorBody('INTERNAL_ERROR', `Internal error (id ${errorId})`));
  });
}

/**
 * Requests Node's HTTP server refuses never reach Fastify (oversized headers, malformed request lines, a
 * request that did not arrive within REQUEST_TIMEOUT_MS); they still get our error body.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const known =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('HEADERS_TOO_LARGE', 'The request headers are too large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('REQUEST_TIMEOUT', 'The request did not arrive whole in time')
        : new AppError('VALIDATION_FAILED', 'Malformed HTTP request');
  const reason = { 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[known.status] ?? 'Bad Request';
  const body = JSON.stringify(errorBody(known.code, known.message));
  socket.end(
    `HTTP/1.1 ${known.status} ${reason}\r\n` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
