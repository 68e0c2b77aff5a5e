// The write benchmark: createTask through GraphQL (the insert, its policies and its audit trigger, which
// adds the change to the audit outbox and a job in the same transaction), with the worker running. Audit lag is read afterwards from
// the rows themselves: the audit row's time minus the task's (both are their transactions' start times,
// so the lag is measured from the mutation's start, a little more than from its commit).
import type pg from 'pg';
import { CreateTaskDocument } from '../test/generated/graphql.ts';
import type { LoadResult } from './load.ts';
import { graphqlRequest, type Identity } from './stack.ts';

export interface AuditLag {
  tasks: number;
  audited: number;
  p50: number;
  p95: number;
  /** Audit rows written per second while the mutations ran. */
  jobsPerSecond: number;
  /** Seconds the worker needed after the load stopped to empty the queue. */
  drainSeconds: number;
}

export const createTaskRequest = (identity: Identity, title: string) =>
  graphqlRequest(identity, CreateTaskDocument, { task: { title, priority: 'HIGH' } });

/** Waits for the job queue to empty, then measures the lag of the tasks titled `title` created in `window`. */
export async function auditLag(admin: pg.Client, title: string, window: LoadResult['measured']): Promise<AuditLag> {
  const drainStart = performance.now();
  for (;;) {
    const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from graphile_worker.jobs');
    if (rows[0].n === 0) break;
    if (performance.now() - drainStart > 300_000) throw new Error(`the worker left ${rows[0].n} jobs queued for 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const drainSeconds = (performance.now() - drainStart) / 1000;
  const { rows } = await admin.query<{ tasks: number; audited: number; p50: number; p95: number; during: number }>(
    `select count(*)::int as tasks, count(a.id)::int as audited,
            percentile_cont(0.5) within group (order by extract(epoch from a.created_at - t.created_at) * 1000) as p50,
            percentile_cont(0.95) within group (order by extract(epoch from a.created_at - t.created_at) * 1000) as p95,
            (select count(*)::int from app_public.audit_logs x where x.created_at between $2 and $3) as during
     from app_public.tasks t
     left join app_public.audit_logs a
       on a.organization_id = t.organization_id and a.resource_type = 'task' and a.resource_id = t.id and a.action = 'task.created'
     where t.title = $1 and t.created_at between $2 and $3`,
    [title, window.from, window.to],
  );
  const row = rows[0];
  return {
    tasks: row.tasks,
    audited: row.audited,
    p50: row.p50,
    p95: row.p95,
    jobsPerSecond: row.during / ((Date.parse(window.to) - Date.parse(window.from)) / 1000),
    drainSeconds,
  };
}
