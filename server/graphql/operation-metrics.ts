// Counts GraphQL operations by name and outcome for /metrics.
import type { Metrics } from '../ops/metrics.ts';

export function makeOperationMetricsPlugin(metrics: Metrics): GraphileConfig.Plugin {
  return {
    name: 'RowgateOperationMetricsPlugin',
    version: '1.0.0',
    grafast: {
      middleware: {
        parseAndValidate(next) {
          const result = next();
          if (Array.isArray(result)) metrics.countOperation(undefined, 'rejected');
          return result;
        },
        async execute(next, event) {
          const result = await next();
          const failed = 'errors' in result && Array.isArray(result.errors) && result.errors.length > 0;
          metrics.countOperation(event.args.operationName ?? undefined, failed ? 'error' : 'ok');
          return result;
        },
      },
    },
  };
}
