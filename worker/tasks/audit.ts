// `audit`: each enqueued change → one audit_logs row (and one task_histories row for tasks), exactly once:
// the event key minted by the trigger makes a retried job a no-op (see app_worker.record_audit_event).
// The payload is a batch: an organization's changes are appended to its pending job (see the trigger),
// and recorded here in the order they were made. If one fails the job is retried; those already
// recorded are skipped then.
import type { Task } from 'graphile-worker';

export interface AuditEvent {
  eventKey: string;
  resourceType: string;
  operation: 'insert' | 'update' | 'delete';
  resourceId: string;
  organizationId: string;
  actorId: string | null;
  changes: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  occurredAt: string;
}

export const audit: Task = async (payload, helpers) => {
  const events = (Array.isArray(payload) ? payload : [payload]) as AuditEvent[];
  await helpers.withPgClient(async (client) => {
    for (const event of events) await client.query('select app_worker.record_audit_event($1)', [JSON.stringify(event)]);
  });
};
