// Counts GraphQL operations by name and outcome for /metrics. Executed operations are counted here (`ok` or
// `error`); a POST /graphql that never reached execution (parse, validation or limit refusals) is counted
// as `rejected` by the metrics plugin when its response is sent.
import { getOperationAST } from 'postgraphile/graphql';
import type { Metrics } from '../ops/metrics.ts';

export function makeOperationMetricsPlugin(metrics: Metrics): GraphileConfig.Plugin {
  return {
    name: 'RowgateOperationMetricsPlugin',
    version: '1.0.0',
    grafast: {
      middleware: {
        async execute(next, event) {
          const { document, operationName, requestContext } = event.args;
          const request = requestContext?.fastifyv5?.request;
          if (request) metrics.markExecuted(request);
          const result = await next();
          const failed = 'errors' in result && Array.isArray(result.errors) && result.errors.length > 0;
          // The executed operation's own name: clients seldom send `operationName` for one-operation documents.
          metrics.countOperation(getOperationAST(document, operationName)?.name?.value, failed ? 'error' : 'ok');
          return result;
        },
      },
    },
  };
}
