// One request must not stall everyone (issue: security). Three figures:
//   refused   — the stalling query of the issue (100 × 100 × 100 rows per alias, two aliases): how fast
//               it is refused (400 QUERY_TOO_COMPLEX, before any SQL);
//   expensive — about the costliest query the default limits allow (a page of 100 tasks with a page of
//               95 tasks under each: cost 9,801 of 10,000, 9,600 rows), run back to back by one user on
//               two connections;
//   cheap     — another user's `tasks(first: 1)`, alone and then beside the expensive load: its latency
//               is what the others feel.
import type { HttpRequest, LoadResult, Window } from './load.ts';
import { httpLoad } from './load.ts';
import { graphqlRequest, type Identity } from './stack.ts';

export interface Isolation {
  refused: { requests: number; p50: number; p95: number; code: string };
  cheapAlone: LoadResult;
  cheapBeside: LoadResult;
  expensive: LoadResult;
  expensiveBytes: number;
}

const nest = (inner: string) => `tasks(first: 100) { nodes { rowId organization { ${inner} } } }`;
const STALL = `query Stall { a0: ${nest(nest('tasks(first: 100) { nodes { rowId } }'))} a1: ${nest(nest('tasks(first: 100) { nodes { rowId } }'))} }`;
const EXPENSIVE = 'query Expensive { tasks(first: 100) { nodes { rowId title organization { tasks(first: 95) { nodes { rowId title } } } } } }';
const CHEAP = 'query Cheap { tasks(first: 1) { nodes { rowId } } }';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The stalling query, sent one at a time; every answer must be the refusal. */
async function refusal(origin: string, request: HttpRequest, seconds: number): Promise<Isolation['refused']> {
  const latencies: number[] = [];
  let code = '';
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    const response = await fetch(`${origin}${request.path}`, { method: 'POST', headers: request.headers, body: request.body });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    latencies.push(performance.now() - started);
    code = body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
    if (response.status !== 400 || code !== 'QUERY_TOO_COMPLEX') throw new Error(`the stalling query was answered ${response.status} ${code}`);
  }
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), code };
}

export async function isolation(origin: string, windowAt: (concurrency: number) => Window, heavy: Identity, other: Identity): Promise<Isolation> {
  const refused = await refusal(origin, graphqlRequest(heavy, STALL, {}), windowAt(1).seconds);
  const expensiveRequest = graphqlRequest(heavy, EXPENSIVE, {});
  const sample = await fetch(`${origin}${expensiveRequest.path}`, { method: 'POST', headers: expensiveRequest.headers, body: expensiveRequest.body });
  const expensiveBytes = (await sample.arrayBuffer()).byteLength;
  if (!sample.ok) throw new Error(`the expensive query was answered ${sample.status}`);
  const cheap = () => graphqlRequest(other, CHEAP, {});
  const cheapAlone = await httpLoad(origin, windowAt(1), cheap);
  const [cheapBeside, expensive] = await Promise.all([httpLoad(origin, windowAt(1), cheap), httpLoad(origin, windowAt(2), () => expensiveRequest)]);
  return { refused, cheapAlone, cheapBeside, expensive, expensiveBytes };
}
