// `npm run bench`: builds or reuses the dataset, starts the product on a fresh copy of it, measures every
// scenario at each concurrency, prints the tables and (except with --quick or --only) stores the run and
// rewrites BENCHMARKS.md. A program, not a test: it reports figures and never fails on one.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { connect } from '../db/bootstrap.ts';
import { auditDrain } from './audit-drain.ts';
import { cpuClock, type CpuClock } from './cpu.ts';
import { BENCH_PASSWORD, openDataset, TEAM_DOMAIN, type RunDatabase } from './dataset.ts';
import { isolation } from './isolation.ts';
import { httpLoad, httpLoadsInTurn, sqlLoad, type HttpRequest, type LoadResult, type Window } from './load.ts';
import { readOptions, type BenchOptions } from './options.ts';
import { realtimeLatency, spread, type RealtimeResult } from './realtime.ts';
import { capturePageTransaction, checkPageQuery, graphqlPageRequest, replay, settingsFor, withoutRls, type RecordedQuery } from './page.ts';
import { checkPeerPage, startPeer, type Peer } from './peer.ts';
import { permissionCost } from './permission.ts';
import { publish, render, type Results } from './report.ts';
import { signInEveryone, startStack, type Identity, type Stack } from './stack.ts';
import { auditLag, createTaskRequest } from './writes.ts';

const log = (message: string) => console.log(`bench: ${message}`);
/** The realtime team's larger figure: 1,000 subscribers of one organization. */
const TEAM_SIZE = 1000;
/** Turns the page's GraphQL sides take at each concurrency (load.ts httpLoadsInTurn). */
const PAGE_SLICES = 3;

function summary(r: LoadResult) {
  const cpu = Object.entries(r.cpu).map(([part, ms]) => `${part} ${ms.toFixed(2)}`).join(' ');
  const trips = r.roundTrips === undefined ? '' : `, ${r.roundTrips.toFixed(2)} round trips/request`;
  return `${r.perSecond.toFixed(0)}/s p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} ms${r.failures ? ` FAILURES ${r.failures}` : ''} [CPU ms/request: ${cpu}${trips}]`;
}

/** Round robin with a stride, so consecutive requests come from different organizations. */
function rotation<T>(items: T[]): () => T {
  let i = 0;
  return () => items[(i++ * 7919) % items.length];
}

interface Context {
  options: BenchOptions;
  run: RunDatabase;
  admin: pg.Client;
  origin: string;
  identities: Identity[];
  /** The server's /metrics, one counter. */
  metric(name: string): Promise<number>;
  windowAt(concurrency: number): Window;
  /** PostGraphile 4 and stock PostGraphile 5 on the same database, each with a CPU clock of its own. */
  peers: (Peer & { cpu: CpuClock })[];
}

/**
 * At each concurrency: GraphQL through rowgate and the PostGraphile 4 and 5 peers in turns (their ratios
 * are the figures: load.ts httpLoadsInTurn), then raw `pg` and owner-without-RLS.
 */
async function readPages(ctx: Context, transaction: RecordedQuery[]): Promise<Results['page']> {
  const page: Results['page'] = [];
  for (const concurrency of ctx.options.concurrencies) {
    const window = ctx.windowAt(concurrency);
    const readers = rotation(ctx.identities);
    const sides = [
      { origin: ctx.origin, window, next: () => graphqlPageRequest(readers()) },
      ...ctx.peers.map((peer) => {
        const peerReaders = rotation(ctx.identities);
        return { origin: peer.origin, window: { ...window, cpu: peer.cpu, roundTrips: peer.roundTrips }, next: () => peer.pageRequest(peerReaders()) };
      }),
    ];
    const [graphql, ...peerResults] = await httpLoadsInTurn(sides, PAGE_SLICES);
    const peers: Partial<Record<Peer['name'], LoadResult>> = Object.fromEntries(ctx.peers.map((peer, i) => [peer.name, peerResults[i]]));
    const rawReaders = rotation(ctx.identities);
    const raw = await sqlLoad(ctx.run.authenticatorUrl, window, async (client, i) => {
      await replay(client, transaction, settingsFor(rawReaders(), `raw-${i}`));
    });
    // The opening, the query and commit go out in one write (replay), as the server writes them.
    raw.roundTrips = 1;
    const ownerReaders = rotation(ctx.identities);
    const owner = await sqlLoad(ctx.run.adminUrl, window, async (client, i) => {
      const { statements, settings } = withoutRls(transaction, ownerReaders(), `owner-${i}`);
      await replay(client, statements, settings);
    });
    page.push({ concurrency, graphql, raw, owner, peer: peers['PostGraphile 4'], postgraphile5: peers['PostGraphile 5'] });
    log(`page c=${concurrency}: GraphQL ${summary(graphql)}`);
    log(`page c=${concurrency}: raw ${summary(raw)}`);
    log(`page c=${concurrency}: owner ${summary(owner)}`);
    for (const [name, result] of Object.entries(peers)) log(`page c=${concurrency}: ${name} ${summary(result)}`);
  }
  return page;
}

async function createTasks(ctx: Context): Promise<Results['create']> {
  const writers = ctx.identities.filter((i) => i.role !== 'Viewer');
  const create: Results['create'] = [];
  for (const concurrency of ctx.options.concurrencies) {
    const title = `bench createTask c${concurrency}`;
    const next = rotation(writers);
    const result = await httpLoad(ctx.origin, ctx.windowAt(concurrency), () => createTaskRequest(next(), title));
    const audit = await auditLag(ctx.admin, title, result.measured);
    create.push({ concurrency, result, audit });
    log(`createTask c=${concurrency}: ${summary(result)}; audit lag p95 ${audit.p95.toFixed(0)} ms, ${audit.jobsPerSecond.toFixed(0)} rows/s`);
  }
  return create;
}

/** `/auth/login` (argon2id) and the cheapest signed-in request, `{ __typename }` (token and session checked). */
async function authentication(ctx: Context): Promise<Results['auth']> {
  const window = ctx.windowAt(8);
  const loginAs = rotation(ctx.identities);
  const login = await httpLoad(ctx.origin, window, (): HttpRequest => ({
    method: 'POST',
    path: '/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: loginAs().email, password: BENCH_PASSWORD }),
  }));
  const verifiedAs = rotation(ctx.identities);
  const verified = await httpLoad(ctx.origin, window, (): HttpRequest => ({
    method: 'POST',
    path: '/graphql',
    headers: { authorization: `Bearer ${verifiedAs().accessToken}`, 'content-type': 'application/json' },
    body: '{"query":"{ __typename }"}',
  }));
  log(`login ${summary(login)}`);
  log(`signed-in { __typename } ${summary(verified)}`);
  return { login, verified };
}

/** A user's expensive (but allowed) queries beside another user's cheap one, in two organizations. */
async function isolationFigures(ctx: Context): Promise<Results['isolation']> {
  const [heavy, other] = [ctx.identities[0], ctx.identities.find((i) => i.organizationId !== ctx.identities[0].organizationId)!];
  const result = await isolation(ctx.origin, ctx.run.adminUrl, ctx.windowAt, heavy, other);
  log(`the stalling query refused in p50 ${result.refused.p50.toFixed(1)} p95 ${result.refused.p95.toFixed(1)} ms (${result.refused.code})`);
  log(`cheap query alone ${summary(result.cheapAlone)}`);
  log(`cheap query beside the expensive one ${summary(result.cheapBeside)}`);
  log(`expensive query (${(result.expensiveBytes / 1e6).toFixed(1)} MB) ${summary(result.expensive)}`);
  log(`cheap query beside the nested filter ${summary(result.nestedFilter!.cheapBeside)}; the filter refused in p50 ${result.nestedFilter!.refused.p50.toFixed(1)} ms`);
  const subscribed = result.subscriptions!;
  log(`cheap query beside ${subscribed.subscriptions} heavy subscriptions (${subscribed.events} events, ${subscribed.delivered} messages) ${summary(subscribed.cheapBeside)}`);
  return result;
}

/**
 * Commit → message latency with 1, 100 and 1,000 subscribers spread over the organizations (50 tasks a
 * second), then 100 and 1,000 subscribers in the team's one organization (20 and 10 a second).
 */
async function realtimeFigures(ctx: Context): Promise<NonNullable<Results['realtime']>> {
  const results: NonNullable<Results['realtime']> = [];
  const common = { seconds: ctx.options.seconds, cpu: ctx.windowAt(1).cpu, checks: () => ctx.metric('rowgate_realtime_checks_total') };
  const report = (result: RealtimeResult) => {
    results.push(result);
    log(
      `realtime ${result.shape} ${result.subscribers} subscribers at ${result.writesPerSecond}/s: ${result.events} events, ${result.delivered} delivered (${result.missed} missed), ` +
        `p50 ${result.p50.toFixed(1)} p95 ${result.p95.toFixed(1)} p99 ${result.p99.toFixed(1)} ms, ${result.deliveredPerSecond.toFixed(0)} deliveries/s, ` +
        `${result.checksPerEvent.toFixed(2)} checks/event, CPU ms/event server ${result.serverCpuPerEvent.toFixed(2)} postgres ${result.postgresCpuPerEvent.toFixed(2)}`,
    );
  };
  for (const n of [1, 100, 1000].filter((count) => count <= ctx.identities.length)) {
    report(await realtimeLatency(ctx.origin, ctx.run.adminUrl, { ...common, shape: 'spread', chosen: spread(ctx.identities, n), writesPerSecond: 50 }));
  }
  const team = await signInEveryone(ctx.origin, ctx.run.adminUrl, TEAM_DOMAIN);
  for (const [n, writesPerSecond] of [[100, 20], [TEAM_SIZE, 10]]) {
    report(await realtimeLatency(ctx.origin, ctx.run.adminUrl, { ...common, shape: 'team', chosen: team.slice(0, n), writesPerSecond }));
  }
  return results;
}

/**
 * Page and createTask at concurrency 8, and the realtime team of 1,000 at 10 tasks a second, with
 * SERVER_PROCESSES=2, beside the one-process figures above: the first stack stops (so it takes no CPU),
 * a second starts on the same data, everyone signs in again.
 */
async function processFigures(
  ctx: Context,
  first: Stack,
  dataDir: string,
  { page, create, realtime }: Pick<Results, 'page' | 'create' | 'realtime'>,
): Promise<NonNullable<Results['processes']>> {
  const one = {
    page: page.find((p) => p.concurrency === 8)?.graphql,
    create: create.find((c) => c.concurrency === 8)?.result,
    team: realtime?.find((r) => r.shape === 'team' && r.subscribers === TEAM_SIZE),
  };
  await first.stop();
  const stack = await startStack(ctx.run, dataDir, { serverProcesses: 2 });
  try {
    const { rows } = await ctx.admin.query<{ pid: number }>('select pg_backend_pid() as pid');
    const cpu = cpuClock(stack.serverPid, stack.workerPid, rows[0].pid);
    const window = { ...ctx.windowAt(8), cpu, roundTrips: stack.roundTrips };
    const readers = rotation(stack.identities);
    const pageTwo = await httpLoad(stack.origin, window, () => graphqlPageRequest(readers()));
    const writers = rotation(stack.identities.filter((i) => i.role !== 'Viewer'));
    const createTwo = await httpLoad(stack.origin, window, () => createTaskRequest(writers(), 'bench createTask 2 processes'));
    log(`2 server processes: page c=8 ${summary(pageTwo)}; createTask c=8 ${summary(createTwo)}`);
    // Node's cluster hands the team's sockets to the processes in turn: each checks its own half.
    const team = (await signInEveryone(stack.origin, ctx.run.adminUrl, TEAM_DOMAIN)).slice(0, TEAM_SIZE);
    const checks = () => stack.metric('rowgate_realtime_checks_total');
    const teamTwo = await realtimeLatency(stack.origin, ctx.run.adminUrl, { shape: 'team', chosen: team, writesPerSecond: 10, seconds: ctx.options.seconds, cpu, checks });
    log(`2 server processes: realtime team ${teamTwo.subscribers} at 10/s: ${teamTwo.missed} missed, p50 ${teamTwo.p50.toFixed(1)} p95 ${teamTwo.p95.toFixed(1)} ms, ${teamTwo.checksPerEvent.toFixed(2)} checks/event`);
    return [
      ...(one.page && one.create ? [{ processes: 1, page: one.page, create: one.create, team: one.team }] : []),
      { processes: 2, page: pageTwo, create: createTwo, team: teamTwo },
    ];
  } finally {
    await stack.stop();
  }
}

/**
 * The audit backlog drained by 1, 2 and 4 worker processes, with nothing else running (the stack stops
 * first: its own worker would drain too): as configured by default (4 audit jobs at once per process),
 * and with one at a time per process, which shows how drainers add up. 200 changes in each of 100
 * organizations (--quick: 50).
 */
async function drainFigures(ctx: Context, stack: Stack, dataDir: string): Promise<NonNullable<Results['drain']>> {
  await stack.stop();
  const results: NonNullable<Results['drain']> = [];
  for (const concurrency of [4, 1]) {
    for (const processes of [1, 2, 4]) {
      const result = await auditDrain(ctx.run, ctx.admin, dataDir, { processes, concurrency, organizations: 100, changesPerOrganization: ctx.options.quick ? 50 : 200 });
      results.push(result);
      log(`audit drain, ${processes} worker processes × ${concurrency}: ${result.rows} rows in ${result.seconds.toFixed(1)} s, ${result.rowsPerSecond.toFixed(0)} rows/s; ${result.notOnce} changes not written once, ${result.outOfOrder} rows out of order`);
    }
  }
  return results;
}

async function main() {
  const options = readOptions();
  const dataRoot = path.resolve(process.env.DATA_DIR || '.data');
  log(`dataset ${options.scale.label} (${options.quick ? 'quick' : 'full'} run, ${options.seconds} s per figure after ${options.warmupSeconds} s of warm-up)`);
  const dataset = await openDataset(options.scale, dataRoot);
  log(dataset.buildSeconds ? `built in ${dataset.buildSeconds.toFixed(0)} s` : 'reused');
  const run = await dataset.copyForRun();
  const admin = await connect(run.adminUrl);
  const stack = await startStack(run, path.join(dataRoot, 'bench'), { profileDir: options.profileDir }).catch(async (error) => {
    await Promise.all([admin.end(), run.drop()]);
    await dataset.server.close();
    throw error;
  });
  const peers: Peer[] = [];
  try {
    const { rows } = await admin.query<{ pid: number }>('select pg_backend_pid() as pid');
    const cpu = cpuClock(stack.serverPid, stack.workerPid, rows[0].pid);
    for (const name of ['PostGraphile 4', 'PostGraphile 5'] as const) peers.push(await startPeer(name, run, stack.jwtPublicKey));
    const ctx: Context = {
      options,
      run,
      admin,
      origin: stack.origin,
      identities: stack.identities,
      metric: stack.metric,
      windowAt: (concurrency) => ({ concurrency, seconds: options.seconds, warmupSeconds: options.warmupSeconds, cpu, roundTrips: stack.roundTrips }),
      peers: peers.map((peer) => ({ ...peer, cpu: cpuClock(peer.pid, stack.workerPid, rows[0].pid) })),
    };
    log(`${stack.identities.length} users signed in; server at ${stack.origin}`);
    const developer = stack.identities.find((i) => i.role === 'Developer')!;
    const transaction = await capturePageTransaction(run, developer);
    const pagePlan = await checkPageQuery(run, transaction, developer);
    // Before the scenarios add tasks and organizations of their own.
    const size = await datasetSize(admin);
    for (const peer of peers) await checkPeerPage(stack.origin, peer, developer, graphqlPageRequest(developer));

    const page = options.only.has('page') ? await readPages(ctx, transaction) : [];
    const create = options.only.has('create') ? await createTasks(ctx) : [];
    const auth = options.only.has('auth') ? await authentication(ctx) : undefined;
    const permission = options.only.has('permission') ? await permissionCost(admin) : undefined;
    if (permission) log(`user_has_permission ${permission.microsecondsPerCall.toFixed(1)} µs per call`);
    const isolated = options.only.has('isolation') ? await isolationFigures(ctx) : undefined;
    const realtime = options.only.has('realtime') ? await realtimeFigures(ctx) : [];
    const processes = options.only.has('processes') ? await processFigures(ctx, stack, path.join(dataRoot, 'bench'), { page, create, realtime }) : [];
    const drain = options.only.has('drain') ? await drainFigures(ctx, stack, path.join(dataRoot, 'bench')) : [];
    if (!auth || !permission || !page.length || !create.length || !isolated || !realtime.length || !processes.length || !drain.length) {
      log('--only: a partial run is printed above, not published');
      return;
    }
    const results: Results = {
      scale: options.scale,
      generatedAt: new Date().toISOString(),
      commit: gitCommit(),
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres: (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0].v,
      },
      dataset: { key: dataset.key, buildSeconds: dataset.buildSeconds, ...size },
      window: { seconds: options.seconds, warmupSeconds: options.warmupSeconds },
      page,
      create,
      permission,
      auth,
      isolation: isolated,
      realtime,
      processes,
      drain,
      pagePlan,
    };
    console.log(render(results, [results]));
    if (options.quick) log('--quick: BENCHMARKS.md and bench/results left as they are');
    else {
      await publish(results);
      log(`wrote BENCHMARKS.md and bench/results/${options.scale.label}.json`);
    }
  } finally {
    await Promise.all(peers.map((peer) => peer.stop()));
    await stack.stop();
    await admin.end();
    await run.drop();
    await dataset.server.close();
  }
}

async function datasetSize(admin: pg.Client) {
  const { rows } = await admin.query<Record<'tasks' | 'organizations' | 'users' | 'teams' | 'dependencies', number>>(
    `select (select count(*)::int from app_public.tasks) as tasks,
            (select count(*)::int from app_public.organizations) as organizations,
            (select count(*)::int from app_public.users) as users,
            (select count(*)::int from app_public.teams) as teams,
            (select count(*)::int from app_public.task_dependencies) as dependencies`,
  );
  return rows[0];
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}

await main();
