// Writes on rows the caller may not change are refused, never silently ignored (API.md §3). PostgreSQL
// filters such rows out of an UPDATE without an error, and PostGraphile then answers `updateX` with a
// null record and no error, which Apollo Client, urql and graphql-request all report as a success.
// `deleteX` already fails (mask-error.ts maps it); here `updateX` fails the same way.
//
// Both answer NOT_FOUND whether the row is missing, another organization's, or readable but not the
// caller's to change: telling the last case apart would cost another query on the refusal path, and one
// answer for all three can never become an existence oracle.
import { lambda, object, SafeError, type ExecutableStep, type ObjectStep } from 'postgraphile/grafast';
import { wrapPlans } from 'postgraphile/utils';

export const NOT_CHANGED = 'No such record, or you may not change it';

export const RefusedWritesPlugin = wrapPlans(
  (context) => (context.scope.isRootMutation && context.scope.isPgUpdateMutation ? true : null),
  () => (plan, $source, fieldArgs, info) => {
    const $payload = plan($source, fieldArgs, info) as ObjectStep<{ result: ExecutableStep }>;
    const $record = $payload.get('result');
    const $changed = lambda($record, (record) => {
      if (record == null) throw new SafeError(NOT_CHANGED, { code: 'NOT_FOUND' });
      return true;
    });
    // The payload's fields read `result`; `changed` only makes the payload fail with the refusal.
    return object({ result: $record, changed: $changed });
  },
  { name: 'RowgateRefusedWritesPlugin' },
);
