// Writes on rows the caller may not change are refused, never silently ignored (API.md §3). PostgreSQL
// filters such rows out of an UPDATE or DELETE without an error; PostGraphile then answers `updateX`
// with a null record and no error (which Apollo Client, urql and graphql-request all report as a
// success) and `deleteX` with an error naming the table.
//
// Here both fail with NOT_FOUND when the row is missing or another organization's (the two answers are
// identical, so neither is an existence oracle), and with PERMISSION_DENIED when the caller can read the
// row but not change it. Telling those apart takes one SELECT of the row under the caller's own rules,
// planned only on the refusal path: when the write succeeds, its key values are inhibited and the
// SELECT never runs.
import type { PgResource } from 'postgraphile/@dataplan/pg';
import { PgDeleteSingleStep, PgUpdateSingleStep } from 'postgraphile/@dataplan/pg';
import { inhibitOnNull, lambda, object, SafeError, trap, TRAP_ERROR, TRAP_INHIBITED, type Step } from 'postgraphile/grafast';
import { wrapPlans } from 'postgraphile/utils';

const NOT_CHANGED = 'No such record, or you may not change it';
const MAY_NOT_CHANGE = 'You may read this record but not change it';

type WriteStep = PgUpdateSingleStep | PgDeleteSingleStep;

/** The write's row key (the unique columns it was planned with), each value released only if `$refused`. */
function keyIfRefused($write: WriteStep, $refused: Step<boolean>): Record<string, Step> {
  // getBys and getDep are the step's own record of its key; @dataplan/pg keeps them unexported.
  const internals = $write as unknown as { getBys: { name: string; depId: number }[]; getDep(depId: number): Step };
  return Object.fromEntries(
    internals.getBys.map(({ name, depId }) => [
      name,
      inhibitOnNull(lambda([$refused, internals.getDep(depId)], ([refused, value]) => (refused ? value : null))),
    ]),
  );
}

/** Throws the refusal when `$refused`; true otherwise. */
function refusal($write: WriteStep, $refused: Step<boolean>): Step<true> {
  const resource = $write.resource as PgResource;
  const $readable = trap(resource.get(keyIfRefused($write, $refused)), TRAP_INHIBITED, { valueForInhibited: 'NULL' });
  return lambda([$refused, $readable], ([refused, readable]) => {
    if (!refused) return true as const;
    if (readable != null) throw new SafeError(MAY_NOT_CHANGE, { code: 'PERMISSION_DENIED' });
    throw new SafeError(NOT_CHANGED, { code: 'NOT_FOUND' });
  });
}

export const RefusedWritesPlugin = wrapPlans(
  (context) => (context.scope.isRootMutation && (context.scope.isPgUpdateMutation || context.scope.isPgDeleteMutation) ? true : null),
  () => (plan, $source, fieldArgs, info) => {
    const $payload = plan($source, fieldArgs, info) as ReturnType<typeof object<{ result: Step }>>;
    const $write = $payload.get('result');
    if ($write instanceof PgUpdateSingleStep) {
      const $refused = lambda($write, (record) => record == null);
      // The payload's fields read `result`; `changed` only makes the payload fail with the refusal.
      return object({ result: $write, changed: refusal($write, $refused) });
    }
    if ($write instanceof PgDeleteSingleStep) {
      // A delete that matched no row fails with an error of the step's own; trapped, it tells us to
      // refuse. `changed` comes first: a payload with two failed parts fails with the first one's error.
      const $outcome = trap($write, TRAP_ERROR, { valueForError: 'PASS_THROUGH' });
      const $refused = lambda($outcome, (outcome) => outcome instanceof Error);
      return object({ changed: refusal($write, $refused), result: $write });
    }
    return $payload;
  },
  { name: 'RowgateRefusedWritesPlugin' },
);
