// One request, or one user, must not stall everyone (issue: security). The figures:
//   refused      — the stalling query of the issue (100 × 100 × 100 rows per alias, two aliases): how
//                  fast it is refused (400 QUERY_TOO_COMPLEX, before any SQL);
//   expensive    — about the costliest query the default limits allow (a page of 100 tasks with a page of
//                  95 tasks under each: cost 9,801 of 10,000, 9,600 rows), run back to back by one user
//                  on two connections;
//   nested filter — the red team's filter (1,500 levels of `not`, a sibling condition at each, 48 KB as a
//                  variable), sent back to back by one user on two connections: refused before planning;
//   subscriptions — one user's 180 subscriptions (10 connections × 18) of the heaviest document allowed,
//                  while tasks are written into their organization at 20 a second;
//   cheap        — another user's `tasks(first: 1)`, alone and then beside each of the above: its
//                  latency is what the others feel.
import pg from 'pg';
import { subscriber, type Subscriber } from '../test/support/realtime.ts';
import type { HttpRequest, LoadResult, Window } from './load.ts';
import { httpLoad } from './load.ts';
import { graphqlRequest, type Identity } from './stack.ts';

interface Refusals {
  requests: number;
  p50: number;
  p95: number;
  code: string;
}

export interface Isolation {
  refused: Refusals;
  cheapAlone: LoadResult;
  cheapBeside: LoadResult;
  expensive: LoadResult;
  expensiveBytes: number;
  /** Absent from runs stored before they were measured. */
  nestedFilter?: { refused: Refusals; cheapBeside: LoadResult };
  subscriptions?: { subscriptions: number; writesPerSecond: number; events: number; delivered: number; cheapBeside: LoadResult };
}

const nest = (inner: string) => `tasks(first: 100) { nodes { rowId organization { ${inner} } } }`;
const STALL = `query Stall { a0: ${nest(nest('tasks(first: 100) { nodes { rowId } }'))} a1: ${nest(nest('tasks(first: 100) { nodes { rowId } }'))} }`;
const EXPENSIVE = 'query Expensive { tasks(first: 100) { nodes { rowId title organization { tasks(first: 95) { nodes { rowId title } } } } } }';
const CHEAP = 'query Cheap { tasks(first: 1) { nodes { rowId } } }';
const FILTERED = 'query Filtered($filter: TaskFilter) { tasks(first: 1, filter: $filter) { nodes { rowId } } }';
/** The red team's filter: `levels` of `not`, each beside a condition of its own. */
function nestedNot(levels: number): Record<string, unknown> {
  let filter: Record<string, unknown> = { title: { equalTo: 'x' } };
  for (let i = 0; i < levels; i++) filter = { not: filter, status: { equalTo: 'PENDING' } };
  return filter;
}
/** The heaviest subscription the realtime limits allow: every field of the task and of what it names. */
const HEAVY_SUBSCRIPTION = `subscription Heavy { taskChanged { event rowId task {
  rowId title description status priority metadata createdAt updatedAt completedAt
  assignee { rowId name email } createdBy { rowId name email } team { rowId name description } organization { rowId name slug }
} } }`;
const SUBSCRIBER_CONNECTIONS = 10;
const SUBSCRIPTIONS_PER_CONNECTION = 18;
const WRITES_PER_SECOND = 20;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** `request`, sent one at a time for `seconds`; every answer must be the refusal `code`. */
async function refusal(origin: string, request: HttpRequest, seconds: number, code = 'QUERY_TOO_COMPLEX'): Promise<Refusals> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    // Asked as GraphQL-over-HTTP clients ask (graphql-response+json), whose refusals are 400s.
    const headers = { ...request.headers, accept: 'application/graphql-response+json' };
    const response = await fetch(`${origin}${request.path}`, { method: 'POST', headers, body: request.body });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    latencies.push(performance.now() - started);
    const answered = body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
    if (response.status !== 400 || answered !== code) throw new Error(`an attack was answered ${response.status} ${answered}`);
  }
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), code };
}

/** Two back-to-back senders of the nested filter, beside the cheap load. */
async function nestedFilter(origin: string, window: Window, heavy: Identity, cheap: () => HttpRequest): Promise<NonNullable<Isolation['nestedFilter']>> {
  const attack = graphqlRequest(heavy, FILTERED, { filter: nestedNot(1_500) });
  const seconds = window.warmupSeconds + window.seconds;
  const [cheapBeside, ...refusals] = await Promise.all([httpLoad(origin, window, cheap), refusal(origin, attack, seconds), refusal(origin, attack, seconds)]);
  const latencies = refusals.flatMap((r) => [r.p50, r.p95]);
  return { cheapBeside, refused: { ...refusals[0], requests: refusals[0].requests + refusals[1].requests, p95: Math.max(...latencies) } };
}

/** The heavy user's subscriptions while tasks are written into their organization, beside the cheap load. */
async function heavySubscriptions(origin: string, adminUrl: string, window: Window, heavy: Identity, cheap: () => HttpRequest): Promise<NonNullable<Isolation['subscriptions']>> {
  let delivered = 0;
  const subscribers: Subscriber[] = [];
  const writer = new pg.Client({ connectionString: adminUrl });
  await writer.connect();
  try {
    for (let i = 0; i < SUBSCRIBER_CONNECTIONS; i++) {
      const s = await subscriber(origin, heavy.accessToken, heavy.organizationId, { query: HEAVY_SUBSCRIPTION, onMessage: () => void delivered++ });
      if (s.close || s.errors.length) throw new Error(`the heavy subscriber was refused: ${JSON.stringify(s.close ?? s.errors[0])}`);
      for (let j = 1; j < SUBSCRIPTIONS_PER_CONNECTION; j++) s.subscribeAgain();
      subscribers.push(s);
    }
    let writing = true;
    let events = 0;
    const writes = (async () => {
      for (let next = performance.now(); writing; next += 1000 / WRITES_PER_SECOND) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await writer.query(`insert into app_public.tasks (organization_id, title, description) values ($1, 'bench heavy subscription', repeat('x', 2000))`, [heavy.organizationId]);
        events++;
      }
    })();
    const cheapBeside = await httpLoad(origin, window, cheap);
    writing = false;
    await writes;
    const refused = subscribers.flatMap((s) => s.errors);
    if (refused.length) throw new Error(`a heavy subscription failed: ${JSON.stringify(refused[0])}`);
    return { subscriptions: SUBSCRIBER_CONNECTIONS * SUBSCRIPTIONS_PER_CONNECTION, writesPerSecond: WRITES_PER_SECOND, events, delivered, cheapBeside };
  } finally {
    await writer.end();
    await Promise.all(subscribers.map((s) => s.dispose()));
  }
}

export async function isolation(origin: string, adminUrl: string, windowAt: (concurrency: number) => Window, heavy: Identity, other: Identity): Promise<Isolation> {
  const refused = await refusal(origin, graphqlRequest(heavy, STALL, {}), windowAt(1).seconds);
  const expensiveRequest = graphqlRequest(heavy, EXPENSIVE, {});
  const sample = await fetch(`${origin}${expensiveRequest.path}`, { method: 'POST', headers: expensiveRequest.headers, body: expensiveRequest.body });
  const expensiveBytes = (await sample.arrayBuffer()).byteLength;
  if (!sample.ok) throw new Error(`the expensive query was answered ${sample.status}`);
  const cheap = () => graphqlRequest(other, CHEAP, {});
  const cheapAlone = await httpLoad(origin, windowAt(1), cheap);
  const [cheapBeside, expensive] = await Promise.all([httpLoad(origin, windowAt(1), cheap), httpLoad(origin, windowAt(2), () => expensiveRequest)]);
  return {
    refused,
    cheapAlone,
    cheapBeside,
    expensive,
    expensiveBytes,
    nestedFilter: await nestedFilter(origin, windowAt(1), heavy, cheap),
    subscriptions: await heavySubscriptions(origin, adminUrl, windowAt(1), heavy, cheap),
  };
}
