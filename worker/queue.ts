// What waits for the worker, in one statement (for /metrics, one scrape each): graphile-worker's jobs by
// task and state, the oldest job waiting for a runner, and the audit outbox (migration 000017).
import type pg from 'pg';

export type JobState = 'waiting' | 'scheduled' | 'running' | 'failed';

export interface QueueState {
  /** Jobs by task and state: due and free (waiting), due later (scheduled, retries included), locked by a runner (running), attempts used up (failed). */
  jobs: { task: string; state: JobState; count: number }[];
  /** Jobs that used up their attempts and stay for an operator (the `failed` ones above, summed). */
  permanentlyFailed: number;
  /** Seconds the oldest waiting job has been due (0 when none waits). */
  oldestWaitingSeconds: number;
  /** Changes waiting for their audit row, and the age in seconds of the oldest (0 when none). */
  outboxEvents: number;
  outboxLagSeconds: number;
  /** Changes set aside because their audit row can never be written. */
  auditEventsSetAside: number;
}

// The oldest pending event is the one with the lowest id (ids follow insertion): one index lookup.
const STATEMENT = `
with jobs as (
  select task_identifier as task,
    case when locked_at is not null then 'running' when attempts >= max_attempts then 'failed'
         when run_at <= now() then 'waiting' else 'scheduled' end as state,
    run_at
  from graphile_worker.jobs
)
select
  coalesce((select json_agg(json_build_object('task', task, 'state', state, 'count', n)) from
    (select task, state, count(*)::int as n from jobs group by task, state) counted), '[]') as jobs,
  coalesce((select extract(epoch from now() - min(run_at)) from jobs where state = 'waiting'), 0)::float8 as oldest_waiting,
  (select count(*) from app_worker.audit_outbox where failed_at is null)::int as outbox_events,
  coalesce((select extract(epoch from now() - (event ->> 'occurredAt')::timestamptz) from app_worker.audit_outbox
    where failed_at is null order by id limit 1), 0)::float8 as outbox_lag,
  (select count(*) from app_worker.audit_outbox where failed_at is not null)::int as set_aside`;

export async function readQueue(pool: pg.Pool): Promise<QueueState> {
  const { rows } = await pool.query(STATEMENT);
  const row = rows[0];
  const jobs: QueueState['jobs'] = row.jobs;
  return {
    jobs,
    permanentlyFailed: jobs.filter((group) => group.state === 'failed').reduce((sum, group) => sum + group.count, 0),
    oldestWaitingSeconds: Math.max(0, row.oldest_waiting),
    outboxEvents: row.outbox_events,
    outboxLagSeconds: Math.max(0, row.outbox_lag),
    auditEventsSetAside: row.set_aside,
  };
}
