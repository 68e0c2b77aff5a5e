// Turns a run into tables: printed, stored as bench/results/<scale>.json, and written into
// BENCHMARKS.md above its hand-written part (kept as it is), with a cost-growth table over every scale
// whose results are stored.
import fs from 'node:fs/promises';
import type { LoadResult } from './load.ts';
import type { Scale } from './options.ts';
import type { PermissionCost } from './permission.ts';
import type { Isolation } from './isolation.ts';
import type { RealtimeResult } from './realtime.ts';
import type { AuditLag } from './writes.ts';
import type { DrainResult } from './audit-drain.ts';

export interface Results {
  scale: Scale;
  generatedAt: string;
  commit: string;
  machine: { cpus: number; model: string; memoryGiB: number; node: string; postgres: string };
  dataset: { key: string; tasks: number; organizations: number; users: number; teams: number; dependencies: number; buildSeconds: number };
  window: { seconds: number; warmupSeconds: number };
  /** peer: PostGraphile 4, postgraphile5: stock PostGraphile 5, serving the same page (absent from runs stored before they were measured). */
  page: { concurrency: number; graphql: LoadResult; raw: LoadResult; owner: LoadResult; peer?: LoadResult; postgraphile5?: LoadResult }[];
  create: { concurrency: number; result: LoadResult; audit: AuditLag }[];
  permission: PermissionCost;
  auth: { login: LoadResult; verified: LoadResult };
  /** Absent from runs stored before they were measured. */
  isolation?: Isolation;
  realtime?: RealtimeResult[];
  /** Page and createTask at concurrency 8, and the realtime team of 1,000, by number of server processes. */
  processes?: { processes: number; page: LoadResult; create: LoadResult; team?: RealtimeResult }[];
  /** The audit backlog drained by 1, 2 and 4 worker processes. */
  drain?: DrainResult[];
  pagePlan: string;
}

const RESULTS_DIR = new URL('./results/', import.meta.url);
const BENCHMARKS = new URL('../BENCHMARKS.md', import.meta.url);
/** Everything below this line in BENCHMARKS.md is written by hand and survives every run. */
const HAND_WRITTEN = '<!-- Generated above by `npm run bench`; written by hand below. -->';

const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (value: number) => n(value, value < 10 ? 2 : 1);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean;
}

function targets(results: Results, growth: Results[]): Target[] {
  const at8 = results.page.find((p) => p.concurrency === 8) ?? results.page[0];
  const ratio = Math.min(...results.page.map((p) => p.graphql.perSecond / p.raw.perSecond));
  const rls = Math.max(...results.page.map((p) => p.owner.perSecond / p.raw.perSecond));
  const create1 = results.create.find((c) => c.concurrency === 1) ?? results.create[0];
  const lag = Math.max(...results.create.map((c) => c.audit.p95));
  const trips = at8.graphql.roundTrips;
  const list: Target[] = [
    { name: `server CPU per GraphQL page (concurrency ${at8.concurrency})`, goal: '≤ 1.2 ms', measured: `${ms(at8.graphql.cpu.server)} ms`, met: at8.graphql.cpu.server <= 1.2 },
    { name: 'GraphQL page vs raw `pg` throughput (worst concurrency)', goal: '≥ 60%', measured: `${n(ratio * 100, 1)}%`, met: ratio >= 0.6 },
    { name: `GraphQL page p95 at concurrency ${at8.concurrency}`, goal: '≤ 15 ms', measured: `${ms(at8.graphql.p95)} ms`, met: at8.graphql.p95 <= 15 },
    { name: 'round trips to PostgreSQL per page request', goal: '≤ 3', measured: trips === undefined ? 'not measured' : n(trips, 2), met: trips !== undefined && trips <= 3.01 },
    { name: 'RLS cost: owner without RLS vs raw with RLS, req/s (worst concurrency)', goal: '≤ 1.15×', measured: `${n(rls, 2)}×`, met: rls <= 1.15 },
    { name: `createTask p95 at concurrency ${create1.concurrency}`, goal: '≤ 5 ms', measured: `${ms(create1.result.p95)} ms`, met: create1.result.p95 <= 5 },
    { name: '`user_has_permission` per call', goal: '≤ 50 µs', measured: `${n(results.permission.microsecondsPerCall, 1)} µs`, met: results.permission.microsecondsPerCall <= 50 },
    { name: 'Audit lag p95 (worst concurrency)', goal: '≤ 500 ms', measured: `${ms(lag)} ms`, met: lag <= 500 },
  ];
  const peered = results.page.filter((p) => p.peer);
  if (peered.length) {
    const lead = Math.min(...peered.map((p) => p.graphql.perSecond / p.peer!.perSecond));
    const at8Peer = at8.peer ?? peered[0].peer!;
    list.push({
      name: 'rowgate page vs PostGraphile 4 peer, req/s (worst concurrency)',
      goal: '≥ 1.5×',
      measured: `${n(lead, 2)}× (peer at c=${at8Peer.concurrency}: ${n(at8Peer.perSecond)}/s, server CPU ${ms(at8Peer.cpu.server)} ms)`,
      met: lead >= 1.5,
    });
  }
  const stock = results.page.filter((p) => p.postgraphile5);
  if (stock.length) {
    const ratios = stock.map((p) => `${n(p.graphql.perSecond / p.postgraphile5!.perSecond, 2)}× at c=${p.concurrency}`);
    list.push({ name: 'rowgate page vs stock PostGraphile 5 peer, req/s', goal: 'reported', measured: ratios.join(', '), met: true });
  }
  for (const target of realtimeTargets(results.realtime ?? [])) list.push(target);
  if (results.drain?.length) {
    const byDefault = results.drain.filter((d) => d.concurrency === results.drain![0].concurrency);
    const rates = byDefault.map((d) => d.rowsPerSecond);
    const intact = results.drain.every((d) => d.notOnce === 0 && d.outOfOrder === 0);
    const growing = rates.every((rate, i) => i === 0 || rate >= rates[i - 1]);
    list.push({
      name: `audit drain, ${byDefault.map((d) => d.processes).join(' / ')} worker processes (rows/s; once each, in order)`,
      goal: '≥ 1,000, growing',
      measured: `${rates.map((rate) => n(rate)).join(' / ')}${intact ? '' : ' (rows lost, doubled or out of order)'}`,
      met: rates[0] >= 1000 && growing && intact,
    });
  }
  const smallest = growth[0];
  if (smallest && smallest.scale.label !== results.scale.label) {
    const page = (r: Results) => r.page.find((p) => p.concurrency === at8.concurrency)!;
    const cost = page(smallest).graphql.perSecond / page(results).graphql.perSecond;
    list.push({
      name: `GraphQL page cost, ${results.scale.label} vs ${smallest.scale.label} tasks (req/s at concurrency ${at8.concurrency})`,
      goal: 'flat (≤ 1.15×)',
      measured: `${n(cost, 2)}×`,
      met: cost <= 1.15,
    });
  }
  return list;
}

/** The realtime goals of issue 21: RLS-exact delivery whose cost barely grows with subscribers per organization. */
function realtimeTargets(rows: RealtimeResult[]): Target[] {
  const list: Target[] = [];
  const goals = [
    { shape: 'team', subscribers: 100, p95: 100 },
    { shape: 'team', subscribers: 1000, p95: 250 },
    { shape: 'spread', subscribers: 1000, p95: 14 },
  ] as const;
  for (const goal of goals) {
    const r = rows.find((row) => row.shape === goal.shape && row.subscribers === goal.subscribers);
    if (!r) continue;
    list.push({
      name: `realtime, ${n(r.subscribers)} subscribers ${r.shape === 'team' ? 'in one organization' : 'over the organizations'} × ${r.writesPerSecond} tasks/s: missed, p95`,
      goal: `0, ≤ ${goal.p95} ms`,
      measured: `${n(r.missed)}, ${ms(r.p95)} ms`,
      met: r.missed === 0 && r.p95 <= goal.p95,
    });
  }
  if (rows.length) {
    const worst = Math.max(...rows.map((r) => r.checksPerEvent));
    list.push({ name: 'realtime statements deciding who sees an event, per event (one server process, worst shape)', goal: '≤ 1', measured: n(worst, 2), met: worst <= 1 });
  }
  return list;
}

const cpu = (r: LoadResult) => `${n(r.cpu.server, 2)} / ${n(r.cpu.postgres, 2)}`;
const trips = (r: LoadResult) => (r.roundTrips === undefined ? '' : n(r.roundTrips, 2));
const loadRow = (label: string, r: LoadResult) => [label, r.concurrency, n(r.perSecond), ms(r.p50), ms(r.p95), ms(r.p99), n(r.requests), r.failures, cpu(r), trips(r)];

export function render(results: Results, growth: Results[]): string {
  const { machine, dataset, scale } = results;
  const pageRows = results.page.flatMap((p) => [
    [...loadRow('GraphQL `TasksPage`', p.graphql), ''],
    [...loadRow('raw `pg`, same SQL, RLS', p.raw), `GraphQL/raw ${n((p.graphql.perSecond / p.raw.perSecond) * 100, 1)}%`],
    [...loadRow('owner, explicit filter, no RLS', p.owner), `RLS cost ${n(p.owner.perSecond / p.raw.perSecond, 2)}×`],
    ...(p.peer ? [[...loadRow('PostGraphile 4 peer, same page', p.peer), `rowgate/peer ${n(p.graphql.perSecond / p.peer.perSecond, 2)}×`]] : []),
    ...(p.postgraphile5 ? [[...loadRow('stock PostGraphile 5 peer, same page', p.postgraphile5), `rowgate/peer ${n(p.graphql.perSecond / p.postgraphile5.perSecond, 2)}×`]] : []),
  ]);
  const createRows = results.create.map((c) => [
    c.concurrency, n(c.result.perSecond), ms(c.result.p50), ms(c.result.p95), ms(c.result.p99), c.result.failures, cpu(c.result), trips(c.result), n(c.result.cpu.worker, 2),
    `${c.audit.audited}/${c.audit.tasks}`, ms(c.audit.p50), ms(c.audit.p95), n(c.audit.jobsPerSecond), n(c.audit.drainSeconds, 1),
  ]);
  const growthRows = growth.map((g) => {
    const p = g.page.find((x) => x.concurrency === 8) ?? g.page[0];
    const c = g.create.find((x) => x.concurrency === 1) ?? g.create[0];
    return [g.scale.label, n(g.dataset.tasks), p.concurrency, n(p.graphql.perSecond), ms(p.graphql.p95), n(p.raw.perSecond), ms(p.raw.p95), ms(c.result.p95), n(g.permission.microsecondsPerCall, 1), g.generatedAt.slice(0, 10), g.commit];
  });
  return `# Benchmarks

\`npm run bench\` (${scale.label} tasks) on ${machine.cpus} cores (${machine.model}), ${machine.memoryGiB} GiB, Node ${machine.node},
PostgreSQL ${machine.postgres} (embedded, default settings but \`max_connections=300\`), commit \`${results.commit}\`, ${results.generatedAt}.

**Dataset** (\`${dataset.key}\`${dataset.buildSeconds ? `, built for this run in ${n(dataset.buildSeconds)} s` : ''}): ${n(dataset.organizations)} organizations, ${n(dataset.users)} users (in each organization 1 Admin,
6 Developers, 3 Viewers), ${n(dataset.teams)} teams, ${n(dataset.tasks)} tasks, ${n(dataset.dependencies)} dependencies.
**Load**: the server (\`start:server\`) and the worker (\`start:worker\`) run as separate production processes on
127.0.0.1; autocannon and the raw \`pg\` clients run in the bench process on the same ${machine.cpus} cores. Each figure
is ${results.window.seconds} s of closed-loop load after a ${results.window.warmupSeconds} s warm-up; every request acts as the next of
${n(dataset.users)} signed-in users (token verified, session checked, RLS applied) in their own organization.
Latencies in ms; "failures" counts non-2xx, GraphQL errors and socket errors. CPU per request is read from
/proc for each process (PostgreSQL: the postmaster and all its children) over the measured window.

## Targets

${table(['target', 'goal', 'measured', ''], targets(results, growth).map((t) => [t.name, t.goal, t.measured, t.met ? 'met' : '**missed**']))}

## Reading a page: \`tasks(first: 100, orderBy: CREATED_AT_DESC)\`

${table(['path', 'concurrency', 'req/s', 'p50', 'p95', 'p99', 'requests', 'failures', 'CPU ms/request: server / PostgreSQL', 'round trips/request', 'ratio'], pageRows)}

"raw \`pg\`" replays the messages the server sent for this query (captured from its own preset and
adaptor): the opening message (\`begin read only\`, role and claims through \`set_config\`, the session
check), the page query (the same prepared statement) and \`commit\`, written at once on a pipelining
connection. Round trips for GraphQL are the server's own count
(\`rowgate_db_round_trips_total\` on /metrics) per request. "owner" runs that page query with \`organization_id = $n\` added and no RLS, as
the superuser (rowgate's owner role is itself bound by the forced policies). RLS cost = owner req/s ÷ raw req/s.

## Writing: \`createTask\` (policies, triggers, the audit event and its job added in the same transaction)

${table(['concurrency', 'req/s', 'p50', 'p95', 'p99', 'failures', 'CPU ms/request: server / PostgreSQL', 'round trips/request', 'worker CPU ms/request', 'audited', 'audit lag p50', 'audit lag p95', 'audit rows/s', 'drain s'], createRows)}

Audit lag: the audit row's time minus the task's, both their transactions' start (so from the mutation's
start, slightly more than from its commit); "drain" is how long the worker needed after the load stopped.

## Authentication and permission checks

${table(['scenario', 'concurrency', 'req/s', 'p50', 'p95', 'p99', 'requests', 'failures', 'CPU ms/request: server / PostgreSQL', 'round trips/request'], [
    loadRow('`POST /auth/login` (argon2id verification, session created)', results.auth.login),
    loadRow('`{ __typename }` signed in (JWT verified, session checked once answered, no GraphQL SQL)', results.auth.verified),
  ])}

\`app_public.user_has_permission\`: **${n(results.permission.microsecondsPerCall, 1)} µs per call**, from ${n(results.permission.calls)} calls in one
statement over every (member, organization) pair and five permissions (${n(results.permission.granted * 100)}% granted), minus
the same scan without the call.

${results.isolation ? isolationSection(results.isolation) : ''}${results.realtime?.length ? realtimeSection(results.realtime) : ''}${results.processes?.length ? processesSection(results.processes) : ''}${results.drain?.length ? drainSection(results.drain) : ''}## Cost growth with the number of tasks

${table(['scale', 'tasks', 'concurrency', 'GraphQL req/s', 'GraphQL p95', 'raw req/s', 'raw p95', 'createTask p95 (c=1)', 'permission µs', 'run on', 'commit'], growthRows)}

Each row is the latest stored run of that scale (\`bench/results/<scale>.json\`); \`npm run bench -- --scale 10k\`
adds or refreshes one.

## The page query's plan (${scale.label} tasks, as a Developer)

\`\`\`
${results.pagePlan}
\`\`\`
`;
}

function isolationSection(i: Isolation): string {
  const latency = (label: string, r: LoadResult) => [label, r.concurrency, n(r.perSecond), ms(r.p50), ms(r.p95), ms(r.p99), r.failures];
  return `## One request cannot stall the others

${table(['request', 'concurrency', 'req/s', 'p50', 'p95', 'p99', 'failures'], [
    latency('another user\'s `tasks(first: 1)`, alone', i.cheapAlone),
    latency('the same, beside the expensive load', i.cheapBeside),
    latency(`expensive: a page of 100 tasks with 95 tasks under each (cost 9,801, ${n(i.expensiveBytes / 1e6, 1)} MB)`, i.expensive),
    ...(i.nestedFilter ? [latency('another user\'s `tasks(first: 1)`, beside the nested filter (two senders)', i.nestedFilter.cheapBeside)] : []),
    ...(i.subscriptions ? [latency(`another user's \`tasks(first: 1)\`, beside ${i.subscriptions.subscriptions} heavy subscriptions of one user`, i.subscriptions.cheapBeside)] : []),
  ])}
${i.nestedFilter ? `
The red team's filter (1,500 levels of \`not\`, each beside a condition, 48 KB as a variable; it once froze the
server for seconds) is refused with \`${i.nestedFilter.refused.code}\` in p50 ${ms(i.nestedFilter.refused.p50)} / p95 ${ms(i.nestedFilter.refused.p95)} ms (${n(i.nestedFilter.refused.requests)} requests from two senders back to back).` : ''}${i.subscriptions ? `
One user's ${i.subscriptions.subscriptions} subscriptions of the heaviest document the realtime limits allow received ${n(i.subscriptions.delivered)} messages for ${n(i.subscriptions.events)} tasks written at ${i.subscriptions.writesPerSecond} a second into their organization, their checks and fetches within that user's share of the pool.` : ''}

The issue's stalling query (two aliases of 100 × 100 × 100 rows, cost 2,060,602) is refused with
\`${i.refused.code}\` in p50 ${ms(i.refused.p50)} / p95 ${ms(i.refused.p95)} ms (${n(i.refused.requests)} requests, one at a time), before any SQL runs.
The expensive query is near the largest the default cost limit (10,000) allows; the cheap one runs as a
user of another organization at the same time.

`;
}

function processesSection(rows: NonNullable<Results['processes']>): string {
  return `## Several server processes (\`SERVER_PROCESSES\`), concurrency 8

${table(['processes', 'page req/s', 'page p95', 'page CPU ms/request: server / PostgreSQL', 'createTask req/s', 'createTask p95', 'createTask CPU ms/request: server / PostgreSQL'], rows.map((r) => [
    r.processes, n(r.page.perSecond), ms(r.page.p95), cpu(r.page), n(r.create.perSecond), ms(r.create.p95), cpu(r.create),
  ]))}

Realtime, the team of 1,000 subscribers at 10 tasks a second, its sockets shared by the processes:

${table(['processes', 'missed', 'p50', 'p95', 'p99', 'checks per event and process', 'CPU ms/event: server / PostgreSQL'], rows.flatMap((r) => (r.team ? [[
    r.processes, n(r.team.missed), ms(r.team.p50), ms(r.team.p95), ms(r.team.p99), n(r.team.checksPerEvent / r.processes, 2), `${n(r.team.serverCpuPerEvent, 1)} / ${n(r.team.postgresCpuPerEvent, 1)}`,
  ]] : [])))}

The same cores serve the server processes, PostgreSQL and the load generator; server CPU is the
primary and its processes together. Rate limits count at the primary (\`RATE_LIMIT_STORE=cluster\`).

`;
}

function drainSection(rows: DrainResult[]): string {
  return `## Audit drain: a backlog of ${n(rows[0].rows)} audit rows over ${rows[0].organizations} organizations

${table(['worker processes', 'audit jobs at once per process', 'rows', 'seconds', 'rows/s', 'changes not written once', 'rows out of order'], rows.map((r) => [
    r.processes, r.concurrency, n(r.rows), n(r.seconds, 2), n(r.rowsPerSecond), r.notOnce, r.outOfOrder,
  ]))}

The changes are committed at once while the workers (\`start:worker\`, \`WORKER_CONCURRENCY\` as shown) wait,
with nothing else running; timed from the commit until the outbox is empty. Out of order: a row whose change
was made before the one its chain put before it.

`;
}

function realtimeSection(rows: RealtimeResult[]): string {
  return `## Realtime: \`taskChanged\`, commit → message

${table(
    ['subscribers', 'where', 'tasks/s', 'events', 'delivered', 'missed', 'p50', 'p95', 'p99', 'deliveries/s', 'checks per event', 'server CPU ms per event', 'PostgreSQL CPU ms per event'],
    rows.map((r) => [
      n(r.subscribers), r.shape === 'team' ? 'one organization' : 'spread', r.writesPerSecond, n(r.events), n(r.delivered), r.missed, ms(r.p50), ms(r.p95), ms(r.p99),
      n(r.deliveredPerSecond), n(r.checksPerEvent, 2), n(r.serverCpuPerEvent, 2), n(r.postgresCpuPerEvent, 2),
    ]),
  )}

Subscribers are graphql-ws clients, each a different signed-in user: spread over the organizations (one per
organization, then the next; tasks inserted round robin over their organizations), or all in one
organization of 1,000 members. Latency runs from the insert's commit to the message's arrival. Who may
see each event is decided by one statement per organization and server process for all its subscribers,
each under its own settings (checks per event: fewer than one when events waiting together are checked
together); the task is then read once per event for every subscriber whose document selects only its
columns, as \`TaskChanged\` does. PostgreSQL's CPU includes the insert and the audit of each write.

`;
}

/** Stores the run, then rewrites BENCHMARKS.md from the largest stored scale. */
export async function publish(results: Results): Promise<void> {
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  await fs.writeFile(new URL(`${results.scale.label}.json`, RESULTS_DIR), `${JSON.stringify(results, null, 2)}\n`);
  const stored: Results[] = [];
  for (const file of await fs.readdir(RESULTS_DIR)) {
    if (file.endsWith('.json')) stored.push(JSON.parse(await fs.readFile(new URL(file, RESULTS_DIR), 'utf8')));
  }
  stored.sort((a, b) => a.dataset.tasks - b.dataset.tasks);
  const largest = stored[stored.length - 1];
  const previous = await fs.readFile(BENCHMARKS, 'utf8').catch(() => '');
  const handWritten = previous.includes(HAND_WRITTEN) ? previous.slice(previous.indexOf(HAND_WRITTEN) + HAND_WRITTEN.length) : '\n';
  await fs.writeFile(BENCHMARKS, `${render(largest, stored)}\n${HAND_WRITTEN}${handWritten}`);
}
