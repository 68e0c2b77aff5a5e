// Where @fastify/rate-limit keeps its counts (RATE_LIMIT_STORE), so that a user's 600 a minute is 600
// whichever process or replica answers:
//   memory   — this process alone (@fastify/rate-limit's own store); right for one process;
//   cluster  — the primary of `start:server`'s processes (rate-limiter-flexible's RateLimiterCluster, over
//              node:cluster's IPC: no database round trip); the default with SERVER_PROCESSES > 1;
//   postgres — a table every process and replica shares (RateLimiterPostgres on app_rate_limits.counts):
//              one more round trip per request, the price of counting across machines.
// rate-limiter-flexible does the counting; this file only adapts it to @fastify/rate-limit's store shape.
import type pg from 'pg';
import { RateLimiterCluster, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ServerConfig } from '../config.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type MakeLimiter = (keyPrefix: string, points: number, seconds: number) => RateLimiterAbstract;

/** A store class for @fastify/rate-limit (which instantiates it), counting with rate-limiter-flexible. */
function flexibleStore(makeLimiter: MakeLimiter) {
  // One limiter per (max, window): the auth routes' and /graphql's budgets are counted apart.
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = (max: number, windowMs: number) => {
    const prefix = `rl:${max}:${windowMs}`;
    let limiter = limiters.get(prefix);
    if (!limiter) limiters.set(prefix, (limiter = makeLimiter(prefix, max, Math.max(1, Math.round(windowMs / 1000)))));
    return limiter;
  };
  return class FlexibleStore {
    incr(key: string, callback: Callback, timeWindow: number, max: number) {
      limiterFor(max, timeWindow)
        .consume(key)
        .then(
          (res) => callback(null, { current: res.consumedPoints, ttl: res.msBeforeNext }),
          // Over the budget, rate-limiter-flexible rejects with the counts; anything else is a failure.
          (rejection: unknown) =>
            rejection instanceof RateLimiterRes ? callback(null, { current: rejection.consumedPoints, ttl: rejection.msBeforeNext }) : callback(rejection as Error),
        );
    }

    child() {
      return this;
    }
  };
}

/** The `store` option for @fastify/rate-limit; undefined keeps its own in-memory store. */
export function rateLimitStore(config: Pick<ServerConfig, 'rateLimit'>, pool: pg.Pool) {
  switch (config.rateLimit.store) {
    case 'memory':
      return undefined;
    case 'cluster':
      return flexibleStore((keyPrefix, points, duration) => new RateLimiterCluster({ keyPrefix, points, duration, timeoutMs: 1000 }));
    case 'postgres':
      return flexibleStore(
        (keyPrefix, points, duration) =>
          new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', schemaName: 'app_rate_limits', tableName: 'counts', tableCreated: true, clearExpiredByTimeout: true, keyPrefix, points, duration }),
      );
  }
}
