// `audit`: drains one organization's audit outbox (migration 000017), a batch per transaction, until it is
// empty. Each event becomes one audit_logs row (and one task_histories row for tasks), exactly once: an
// event leaves the outbox in the transaction that records it, and its key makes a replay a no-op.
import type { Task } from 'graphile-worker';

/** Events per transaction: long enough to spread a commit over many rows, short enough to hold the lock briefly. */
const BATCH = 100;

export const audit: Task = async (payload, helpers) => {
  const { organizationId } = payload as { organizationId: string };
  await helpers.withPgClient(async (client) => {
    for (;;) {
      const { rows } = await client.query<{ more: boolean }>('select app_worker.drain_audit_outbox($1, $2) as more', [organizationId, BATCH]);
      if (!rows[0].more) return;
    }
  });
};
