// GraphQL errors: database errors with a documented SQLSTATE reach the client as extensions.code with a
// message we wrote (never PostgreSQL's text, which can quote SQL and key values); everything else is
// masked with an error id that is logged. Codes: docs/error-codes.md.
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'postgraphile/graphql';
import type { FastifyBaseLogger } from 'fastify';

const DATABASE_CODES: Record<string, { code: string; message?: string }> = {
  RG403: { code: 'PERMISSION_DENIED' },
  RG422: { code: 'VALIDATION_FAILED' },
  RGLAD: { code: 'LAST_ADMIN' },
  RGSYS: { code: 'SYSTEM_ROLE' },
  RGCYC: { code: 'DEPENDENCY_CYCLE' },
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
  '57014': { code: 'TIMEOUT', message: 'The request took too long' },
};

/** Errors our own plugins raise already carry a code and a safe message. */
const OWN_CODES = new Set(['VALIDATION_FAILED', 'PAGE_SIZE_EXCEEDED', 'PERMISSION_DENIED', 'NOT_FOUND', 'PERSISTED_QUERY_NOT_FOUND']);

export function makeMaskError(log: FastifyBaseLogger) {
  return function maskError(error: GraphQLError): GraphQLError {
    const original = error.originalError as (Error & { code?: unknown; extensions?: { code?: unknown } }) | undefined;
    // Parse and validation errors describe the client's own document; they are safe, and get a code.
    if (!original) {
      return error.extensions?.code ? error : new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } });
    }
    const ownCode = original instanceof GraphQLError ? original.extensions?.code : undefined;
    if (typeof ownCode === 'string' && OWN_CODES.has(ownCode)) return error;
    const sqlState = typeof original.code === 'string' ? original.code : undefined;
    const known = sqlState ? DATABASE_CODES[sqlState] : undefined;
    if (known) {
      // Our RGxxx messages are written for clients; PostgreSQL's own are replaced.
      const message = known.message ?? original.message;
      return new GraphQLError(message, { nodes: error.nodes, path: error.path, extensions: { code: known.code } });
    }
    const errorId = randomUUID();
    log.error({ err: original, errorId, path: error.path }, 'masked GraphQL error');
    return new GraphQLError(`An unexpected error occurred (id ${errorId})`, {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: 'INTERNAL_ERROR', errorId },
    });
  };
}
