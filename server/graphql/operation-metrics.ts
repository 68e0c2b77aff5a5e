// Records which GraphQL operation a request ran (its name and type, on the Fastify request: /metrics and
// the response-size limit read it; its type on the request's ledger too, for its transactions:
// pg-adaptor.ts) and counts executed operations by name and outcome (`ok` or
// `error`); a request to /graphql that never reached execution (its body, parse, validation or limit
// refusals) is counted as `rejected` once its response is sent.
import type { FastifyRequest } from 'fastify';
import { getOperationAST } from 'postgraphile/graphql';
import type { Metrics } from '../ops/metrics.ts';
import { fastifyRequestOf } from '../request-context.ts';

export function makeOperationMetricsPlugin(metrics: Metrics): GraphileConfig.Plugin {
  return {
    name: 'RowgateOperationMetricsPlugin',
    version: '1.0.0',
    grafast: {
      middleware: {
        async execute(next, event) {
          const { document, operationName, requestContext } = event.args;
          const operation = getOperationAST(document, operationName);
          // The executed operation's own name: clients seldom send `operationName` for one-operation documents.
          const name = operation?.name?.value;
          const request = fastifyRequestOf(requestContext);
          if (request && operation) {
            request.graphqlOperation = { name, type: operation.operation };
            request.ledger.operation = operation.operation;
          }
          const result = await next();
          const failed = 'errors' in result && Array.isArray(result.errors) && result.errors.length > 0;
          metrics.countOperation(name, failed ? 'error' : 'ok');
          return result;
        },
      },
    },
  };
}

/** The name a refused request gave its operation: `operationName`, or the document's first operation name. */
function requestedOperationName(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { operationName, query } = body as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string') return operationName;
  // A refused document may not parse (or be too large to parse); a cheap look at its start is enough.
  return typeof query === 'string' ? /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(query.slice(0, 200))?.[1] : undefined;
}

/** What a GET carried as a GraphQL request: only a query string naming a document (not a browser's visit, nor an upgrade). */
const sentOverGet = (query: unknown) =>
  typeof query === 'object' && query !== null && ('query' in query || 'documentId' in query) ? query : undefined;

/** /graphql's onResponse: a GraphQL request (a POST, or a GET naming a document) refused before it ran. */
export const countRejected = (metrics: Metrics) =>
  async function countRejected(request: FastifyRequest) {
    const sent = request.method === 'POST' ? request.body : request.method === 'GET' ? sentOverGet(request.query) : undefined;
    if (sent !== undefined && !request.graphqlOperation) metrics.countOperation(requestedOperationName(sent), 'rejected');
  };
