// `audit`: drains one organization's audit outbox (migration 000017), a batch per transaction, until it is
// empty. Each event becomes one audit_logs row (and one task_histories row for tasks), exactly once: an
// event leaves the outbox in the transaction that records it, and its key makes a replay a no-op.
import type { Task } from 'graphile-worker';

/** Events per transaction: long enough to spread a commit over many rows, short enough to hold the lock briefly. */
const BATCH = 100;

export const audit: Task = async (payload, helpers) => {
  const { organizationId, eventKey } = payload as { organizationId: string; eventKey?: string };
  await helpers.withPgClient(async (client) => {
    // A job from before the outbox carries its event (one a worker held while migration 000018 ran, so it
    // was not moved): recorded first, as before; its key makes it a no-op if it was recorded already.
    if (eventKey !== undefined) await client.query('select app_worker.record_audit_event($1)', [JSON.stringify(payload)]);
    for (;;) {
      const { rows } = await client.query<{ more: boolean }>('select app_worker.drain_audit_outbox($1, $2) as more', [organizationId, BATCH]);
      if (!rows[0].more) return;
    }
  });
};
