// `audit`: one enqueued change → one audit_logs row (and one task_histories row for tasks), exactly once:
// the event key minted by the trigger makes a retried job a no-op (see app_worker.record_audit_event).
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
  const event = payload as AuditEvent;
  await helpers.withPgClient((client) => client.query('select app_worker.record_audit_event($1)', [JSON.stringify(event)]));
};
