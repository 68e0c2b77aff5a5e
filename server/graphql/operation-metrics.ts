// Records which GraphQL operation a request ran (its name and type, on the Fastify request: /metrics and
// the response-size limit read it) and counts executed operations by name and outcome (`ok` or
// `error`). A POST /graphql that never reached execution (parse, validation or limit refusals) is counted
// as `rejected` by the metrics plugin when its response is sent.
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
          if (request && operation) request.graphqlOperation = { name, type: operation.operation };
          const result = await next();
          const failed = 'errors' in result && Array.isArray(result.errors) && result.errors.length > 0;
          metrics.countOperation(name, failed ? 'error' : 'ok');
          return result;
        },
      },
    },
  };
}
