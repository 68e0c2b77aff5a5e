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
}

export interface Window {
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  cpu: CpuClock;
}

class Latencies {
  readonly #histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
  count = 0;

  record(milliseconds: number) {
    this.#histogram.recordValue(Math.max(1, Math.round(milliseconds * 1000)));
    this.count++;
  }

  result(window: Window, failures: number, cpu: CpuTimes): LoadResult {
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
    };
  }
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** HTTP load on `origin`; `next` builds each request, so every one may act as a different user. */
export async function httpLoad(origin: string, window: Window, next: () => HttpRequest): Promise<LoadResult> {
  const run = async (seconds: number, latencies?: Latencies) => {
    let failures = 0;
    const summary = await new Promise<autocannon.Result>((resolve, reject) => {
      const options = {
        url: origin,
        connections: window.concurrency,
        duration: seconds,
        requests: [
          {
            setupRequest: () => next() as autocannon.Request,
            // GraphQL reports errors with status 200, so the body is checked too.
            onResponse: (status: number, body: string) => {
              if (status >= 300 || body.includes('"errors":')) failures++;
            },
          },
        ],
      };
      const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
      instance.on('response', (_client, _status, _bytes, milliseconds: number) => latencies?.record(milliseconds));
    });
    return failures + summary.errors + summary.timeouts;
  };
  await run(window.warmupSeconds);
  const latencies = new Latencies();
  const cpu = window.cpu();
  const failures = await run(window.seconds, latencies);
  return latencies.result(window, failures, cpu());
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
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  const latencies = new Latencies();
  let failures = 0;
  let iteration = 0;
  const measureFrom = performance.now() + window.warmupSeconds * 1000;
  const end = measureFrom + window.seconds * 1000;
  let cpu = () => ({ server: 0, worker: 0, postgres: 0, bench: 0 });
  const startClock = setTimeout(() => (cpu = window.cpu()), window.warmupSeconds * 1000);
  try {
    await Promise.all(
      clients.map(async (client) => {
        for (let now = performance.now(); now < end; now = performance.now()) {
          let failed = false;
          await transaction(client, iteration++).catch(() => (failed = true));
          const done = performance.now();
          if (now < measureFrom || done > end) continue;
          if (failed) failures++;
          else latencies.record(done - now);
        }
      }),
    );
    // Read while the connections are open: a closed backend's CPU reaches the postmaster's totals only
    // once it has been reaped.
    return latencies.result(window, failures, cpu());
  } finally {
    clearTimeout(startClock);
    await Promise.all(clients.map((client) => client.end()));
  }
}
