// The worker's figures for Prometheus: jobs run (by task and outcome), what waits (worker/queue.ts: jobs
// by state, the oldest waiting job, the audit outbox's backlog and lag, set-aside events), runners stuck
// or replaced, and whether the database answers. Registered on the worker's own registry
// (worker/monitoring.ts) or, under `npm start`, on the server's.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { QueueState } from './queue.ts';
import type { RunningWorker } from './runner.ts';

/**
 * One queue read per scrape, however many gauges ask: prom-client calls every collect() of a scrape
 * before awaiting any, so they share the read in flight.
 */
function sharedRead(worker: RunningWorker): () => Promise<QueueState | undefined> {
  let inFlight: Promise<QueueState | undefined> | undefined;
  return () =>
    (inFlight ??= worker
      .queue()
      .catch(() => undefined)
      .finally(() => (inFlight = undefined)));
}

/** `databaseUp`: false when another part of the process already exports rowgate_database_up. */
export function registerWorkerMetrics(registry: Registry, worker: RunningWorker, { databaseUp = true } = {}): void {
  const registers = [registry];
  const jobsRun = new Counter({
    name: 'rowgate_worker_jobs_total',
    help: 'Background jobs run, by task and outcome (ok, retrying, failed = attempts used up)',
    labelNames: ['task', 'outcome'],
    registers,
  });
  worker.onJob((task, outcome) => jobsRun.inc({ task, outcome }));
  const replaced = new Counter({
    name: 'rowgate_worker_runner_restarts_total',
    help: 'graphile-worker runners replaced, by why: stopped by itself, or stuck (no progress)',
    labelNames: ['reason'],
    registers,
  });
  worker.onRunnerReplaced((reason) => replaced.inc({ reason }));
  new Gauge({
    name: 'rowgate_worker_runners_stuck',
    help: 'Runners found making no progress and not yet replaced',
    registers,
    collect() {
      this.set(worker.health().stuckRunners);
    },
  });
  if (databaseUp) {
    new Gauge({
      name: 'rowgate_database_up',
      help: '1 when the database answered this process lately (the worker: its last lease renewal, every 5 s)',
      registers,
      collect() {
        this.set(worker.health().databaseUp ? 1 : 0);
      },
    });
  }

  const read = sharedRead(worker);
  // A gauge read from the queue; NaN when the database does not answer (an absent figure, not a zero).
  const fromQueue = (name: string, help: string, value: (state: QueueState) => number) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const state = await read();
        this.set(state ? value(state) : Number.NaN);
      },
    });
  new Gauge({
    name: 'rowgate_worker_jobs',
    help: 'Jobs in the queue by task and state: waiting (due, free), scheduled (due later, retries included), running, failed (attempts used up)',
    labelNames: ['task', 'state'],
    registers,
    async collect() {
      const state = await read();
      this.reset();
      for (const group of state?.jobs ?? []) this.set({ task: group.task, state: group.state }, group.count);
    },
  });
  fromQueue('rowgate_worker_jobs_permanently_failed', 'Jobs that used up their attempts and wait in the queue for an operator', (state) => state.permanentlyFailed);
  fromQueue('rowgate_worker_oldest_waiting_job_seconds', 'How long the oldest job due and not yet taken has waited', (state) => state.oldestWaitingSeconds);
  fromQueue('rowgate_audit_outbox_events', 'Changes waiting in app_worker.audit_outbox for their audit row', (state) => state.outboxEvents);
  fromQueue('rowgate_audit_outbox_lag_seconds', 'Age of the oldest change waiting for its audit row (0 when none waits)', (state) => state.outboxLagSeconds);
  fromQueue('rowgate_audit_events_set_aside', 'Changes whose audit row can never be written (bad data), kept in app_worker.audit_outbox for an operator', (state) => state.auditEventsSetAside);
}
