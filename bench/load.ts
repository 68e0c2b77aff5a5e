// Closed-loop load at a fixed concurrency, measured the same way for HTTP (autocannon) and for SQL sent
// straight from `pg`: a warm-up that is thrown away, then a measured window whose latencies go into one
// HDR histogram per run (autocannon's own summary has no p95), and the CPU each process spent in it.
import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';
import pg from 'pg';
import type { CpuClock, CpuTimes } from './cpu.ts';

export interface LoadResult {
  concurrency: number;
  requests: number;
  perSecond: number;
  /** Milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx responses, GraphQL `errors`, socket errors and timeouts; a run with failures is no figure. */
  failures: number;
  /** CPU milliseconds per request, by process. */
  cpu: CpuTimes;
  /** Messages the server's pool sent to PostgreSQL per request (rowgate_db_round_trips_total); HTTP loads only. */
  roundTrips?: number;
  /** When the measured part (after the warm-up) ran, ISO timestamps. */
  measured: { from: string; to: string };
}

export interface Window {
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  cpu: CpuClock;
  /** Reads the server's round-trip counter. */
  roundTrips?: () => Promise<number>;
}

class Latencies {
  readonly #histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
  count = 0;

  record(milliseconds: number) {
    this.#histogram.recordValue(Math.max(1, Math.round(milliseconds * 1000)));
    this.count++;
  }

  result(window: Window, failures: number, cpu: CpuTimes, from: Date): LoadResult {
    const at = (percentile: number) => this.#histogram.getValueAtPercentile(percentile) / 1000;
    const perRequest = (ms: number) => ms / Math.max(1, this.count);
    return {
      concurrency: window.concurrency,
      requests: this.count,
      perSecond: this.count / window.seconds,
      p50: at(50),
      p95: at(95),
      p99: at(99),
      failures,
      cpu: { server: perRequest(cpu.server), worker: perRequest(cpu.worker), postgres: perRequest(cpu.postgres), bench: perRequest(cpu.bench) },
      measured: { from: from.toISOString(), to: new Date().toISOString() },
    };
  }
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** One server's side of an HTTP load: where it goes, its window, and `next` to build each request. */
export interface HttpSide {
  origin: string;
  window: Window;
  next: () => HttpRequest;
}

/** Autocannon on `side` for `seconds`; its latencies go into `latencies` when measured. Returns its failures. */
async function autocannonRun(side: HttpSide, seconds: number, latencies?: Latencies): Promise<number> {
  let failures = 0;
  const summary = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = {
      url: side.origin,
      connections: side.window.concurrency,
      duration: seconds,
      requests: [
        {
          setupRequest: () => side.next() as autocannon.Request,
          // GraphQL reports errors with status 200, so the body is checked too.
          onResponse: (status: number, body: string) => {
            if (status >= 300 || body.includes('"errors":')) failures++;
          },
        },
      ],
    };
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    // Refused requests are failures, not latencies (as in sqlLoad).
    instance.on('response', (_client, status: number, _bytes, milliseconds: number) => {
      if (status < 300) latencies?.record(milliseconds);
    });
  });
  return failures + summary.errors; // autocannon's errors include its timeouts
}

/**
 * HTTP load on several servers in turns: each side's measured window is cut into `slices`, run round
 * robin after a warm-up of their own (the window's before the first, a second before the others). This
 * machine's speed drifts by a third within minutes; measured one after the other, whichever side came
 * last would be measured on another machine, and ratios between sides would be the drift's.
 */
export async function httpLoadsInTurn(sides: HttpSide[], slices: number): Promise<LoadResult[]> {
  const tallies = sides.map(() => ({ latencies: new Latencies(), failures: 0, roundTrips: 0, cpu: { server: 0, worker: 0, postgres: 0, bench: 0 } as CpuTimes, from: undefined as Date | undefined }));
  for (let slice = 0; slice < slices; slice++) {
    for (const [i, side] of sides.entries()) {
      const tally = tallies[i];
      await autocannonRun(side, slice === 0 ? side.window.warmupSeconds : 1);
      tally.from ??= new Date();
      const roundTrips = await side.window.roundTrips?.();
      const cpu = side.window.cpu();
      tally.failures += await autocannonRun(side, side.window.seconds / slices, tally.latencies);
      for (const [part, ms] of Object.entries(cpu()) as [keyof CpuTimes, number][]) tally.cpu[part] += ms;
      if (roundTrips !== undefined) tally.roundTrips += (await side.window.roundTrips!()) - roundTrips;
    }
  }
  return tallies.map((tally, i) => {
    const { window } = sides[i];
    const result = tally.latencies.result(window, tally.failures, tally.cpu, tally.from!);
    // Per request answered, refused ones included: autocannon counts every response it sent for.
    if (window.roundTrips) result.roundTrips = tally.roundTrips / Math.max(1, tally.latencies.count + tally.failures);
    return result;
  });
}

/** HTTP load on `origin`; `next` builds each request, so every one may act as a different user. */
export async function httpLoad(origin: string, window: Window, next: () => HttpRequest): Promise<LoadResult> {
  const [result] = await httpLoadsInTurn([{ origin, window, next }], 1);
  return result;
}

/**
 * SQL load: `window.concurrency` connections, each running `transaction` back to back. A transaction
 * that throws counts as a failure.
 */
export async function sqlLoad(
  url: string,
  window: Window,
  transaction: (client: pg.Client, iteration: number) => Promise<void>,
): Promise<LoadResult> {
  const clients = await Promise.all(
    Array.from({ length: window.concurrency }, async () => {
      // Pipelining, as the server's pool does (bench/page.ts replays its messages as it writes them).
      const client = new pg.Client({ connectionString: url, pipeline: true });
      await client.connect();
      return client;
    }),
  );
  let iteration = 0;
  let failures = 0;
  // Every connection runs transactions until `end`; only a measured run times and counts them.
  const run = (end: number, latencies?: Latencies) =>
    Promise.all(
      clients.map(async (client) => {
        while (performance.now() < end) {
          const started = performance.now();
          try {
            await transaction(client, iteration++);
            latencies?.record(performance.now() - started);
          } catch {
            if (latencies) failures++;
          }
        }
      }),
    );
  try {
    await run(performance.now() + window.warmupSeconds * 1000);
    const latencies = new Latencies();
    const from = new Date();
    const cpu = window.cpu();
    await run(performance.now() + window.seconds * 1000, latencies);
    // Read while the connections are open: a closed backend's CPU reaches the postmaster's totals only
    // once it has been reaped.
    return latencies.result(window, failures, cpu(), from);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
