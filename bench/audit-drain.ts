// The audit drain: a backlog of changes over many organizations (as after a worker outage), committed at
// once while N `start:worker` processes wait, then timed until every change has its audit row. The rows
// are then checked: each change once, and each organization's chain in the order its changes were made.
import type pg from 'pg';
import type { Child } from '../test/support/processes.ts';
import type { RunDatabase } from './dataset.ts';
import { startWorkerProcess } from './stack.ts';

export interface DrainResult {
  processes: number;
  /** WORKER_CONCURRENCY of each process: its audit jobs at once. */
  concurrency: number;
  organizations: number;
  /** Audit rows the backlog needed: its task changes plus each new organization's own rows. */
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Changes with other than exactly one audit row. */
  notOnce: number;
  /** Audit rows whose change was made before the one the chain put before them. */
  outOfOrder: number;
}

export async function auditDrain(
  run: RunDatabase,
  admin: pg.Client,
  dataDir: string,
  { processes, concurrency, organizations, changesPerOrganization }: { processes: number; concurrency: number; organizations: number; changesPerOrganization: number },
): Promise<DrainResult> {
  const workers: Child[] = [];
  try {
    for (let i = 0; i < processes; i++) workers.push(await startWorkerProcess(run, dataDir, { concurrency }));
    const tag = `drain-${processes}x${concurrency}-${Date.now()}`;
    const { ids, rows } = await commitBacklog(admin, tag, organizations, changesPerOrganization);
    const started = performance.now();
    // An event leaves the outbox in the transaction that writes its row: an empty outbox is a written log.
    for (;;) {
      const { rows: left } = await admin.query<{ n: number }>(
        'select count(*)::int as n from app_worker.audit_outbox where organization_id = any($1) and failed_at is null',
        [ids],
      );
      if (left[0].n === 0) break;
      if (performance.now() - started > 600_000) throw new Error(`the audit drain left ${left[0].n} of ${rows} events in 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const { rows: checked } = await admin.query<{ not_once: number; out_of_order: number }>(
      `with created as (
         select a.organization_id, a.seq, (substring(a.details ->> 'title' from '\\d+$'))::int as made, a.resource_id
         from app_public.audit_logs a where a.organization_id = any($1) and a.action = 'task.created'
       )
       select (select count(*)::int from app_public.tasks t
                 left join (select resource_id, count(*) as n from created group by resource_id) c on c.resource_id = t.id
                 where t.organization_id = any($1) and coalesce(c.n, 0) <> 1) as not_once,
              (select count(*)::int from (
                 select made < lag(made) over (partition by organization_id order by seq) as behind from created) x where behind) as out_of_order`,
      [ids],
    );
    return { processes, concurrency, organizations, rows, seconds, rowsPerSecond: rows / seconds, notOnce: checked[0].not_once, outOfOrder: checked[0].out_of_order };
  } finally {
    for (const worker of workers) worker.process.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));
  }
}

/** New organizations and their changes, in one transaction: the outbox holds them all at once. */
async function commitBacklog(admin: pg.Client, tag: string, organizations: number, changesPerOrganization: number) {
  await admin.query('begin');
  try {
    const { rows: created } = await admin.query<{ id: string }>(
      `insert into app_public.organizations (name, slug) select 'Drain ' || g, $1 || '-' || g from generate_series(1, $2) g returning id`,
      [tag, organizations],
    );
    const ids = created.map((row) => row.id);
    // Interleaved across organizations, numbered in the order they are made.
    await admin.query(
      `insert into app_public.tasks (organization_id, title)
       select o.id, 'Drain change ' || g from generate_series(1, $2) g cross join unnest($1::uuid[]) with ordinality o(id, k) order by g, o.k`,
      [ids, changesPerOrganization],
    );
    const { rows: pending } = await admin.query<{ n: number }>('select count(*)::int as n from app_worker.audit_outbox where organization_id = any($1)', [ids]);
    await admin.query('commit');
    return { ids, rows: pending[0].n };
  } catch (error) {
    await admin.query('rollback');
    throw error;
  }
}
