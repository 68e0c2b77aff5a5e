// GraphQL errors: database errors with a documented SQLSTATE (server/errors.ts DATABASE_ERRORS) reach the
// client as extensions.code with a message we wrote (never PostgreSQL's text, which can quote SQL and key
// values); everything else is masked with an error id that is logged. Codes: docs/error-codes.md.
import { randomUUID } from 'node:crypto';
import { isSafeError } from 'postgraphile/grafast';
import { GraphQLError } from 'postgraphile/graphql';
import type { FastifyBaseLogger } from 'fastify';
import { databaseUnavailable } from '../role-transactions.ts';
import { DATABASE_ERRORS, DATABASE_UNAVAILABLE_MESSAGE } from '../errors.ts';
import type { ConstraintLookup } from './field-errors.ts';

/** postgraphile-plugin-connection-filter refuses a null inside `filter:` with a plain Error (its TODO). */
const NULL_IN_FILTER = /^Null literals are forbidden in filter argument input\.$/;

/** grafast marks a timed-out plan or execution with this symbol in a SafeError's extensions. */
const isTimeout = (extensions: unknown) =>
  typeof extensions === 'object' && extensions !== null && Object.getOwnPropertySymbols(extensions).some((s) => s.description === 'timeout');

/** The error with `code` in its extensions (unless it has one), everything else kept. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (typeof error.extensions?.code === 'string') return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code },
  });
}

export function makeMaskError(log: FastifyBaseLogger, constraints: ConstraintLookup) {
  /** Logged with an id; the client learns only the id. */
  const unexpected = (error: GraphQLError, cause: unknown): GraphQLError => {
    const errorId = randomUUID();
    log.error({ err: cause, errorId, path: error.path }, 'masked GraphQL error');
    return new GraphQLError(`An unexpected error occurred (id ${errorId})`, {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: 'INTERNAL_ERROR', errorId },
    });
  };
  return function maskError(error: GraphQLError): GraphQLError {
    // Not graphql-js's own error (one thrown where a GraphQLError was expected, e.g. a stack overflow):
    // nothing about it was written for clients.
    if (!(error instanceof GraphQLError)) return unexpected(error, error);
    const original = error.originalError as (Error & { code?: unknown; constraint?: string; column?: string; extensions?: { code?: unknown } }) | undefined;
    // Errors without a cause were raised as GraphQL errors (by graphql-js or our plugins), and errors
    // before execution (no path) whose cause is itself a GraphQL error come from coercing the client's
    // variables (a bad enum, UUID or Int, an unknown input field): both describe the client's document
    // in graphql-js's words, never data.
    if (!original || (!error.path && original instanceof GraphQLError)) return withCode(error, 'VALIDATION_FAILED');
    if (databaseUnavailable(original)) {
      return new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, { nodes: error.nodes, path: error.path, extensions: { code: 'DATABASE_UNAVAILABLE' } });
    }
    const sqlState = typeof original.code === 'string' ? original.code : undefined;
    const known = sqlState ? DATABASE_ERRORS[sqlState] : undefined;
    if (known) {
      // Our RGxxx messages are written for clients; PostgreSQL's own are replaced, by the constraint's
      // own message where it has one, naming the input field it is about.
      const field = constraints({ code: sqlState, constraint: original.constraint, column: original.column });
      const message = field?.message ?? known.message ?? original.message;
      return new GraphQLError(message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: known.code, ...(field?.field ? { field: field.field } : {}) },
      });
    }
    // grafast's SafeError is written for clients (an invalid cursor, an empty patch, a planning timeout).
    if (isSafeError(original)) {
      if (isTimeout(original.extensions)) {
        return new GraphQLError('The request took too long', { nodes: error.nodes, path: error.path, extensions: { code: 'TIMEOUT' } });
      }
      const safeCode = (original.extensions as { code?: unknown } | undefined)?.code;
      const code = typeof safeCode === 'string' ? safeCode : 'VALIDATION_FAILED';
      return new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: { code } });
    }
    if (NULL_IN_FILTER.test(original.message)) {
      const message = 'A filter cannot hold null: leave the field out, or use isNull';
      return new GraphQLError(message, { nodes: error.nodes, path: error.path, extensions: { code: 'VALIDATION_FAILED', field: 'filter' } });
    }
    return unexpected(error, original);
  };
}
