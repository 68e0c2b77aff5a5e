// How much of the database one user, and one organization, may hold at once. A server process has a
// pool of DB_POOL_SIZE connections; without a share, ten slow statements from one user held all of them
// and every other tenant waited (a bystander's p50 went from 18 ms to 4.9 s). Every transaction a request
// or a realtime subscriber opens takes a slot of its user (an anonymous caller's IP) and of its
// organization first; past the slots it waits its turn, first come first served. A GraphQL request that
// would wait behind too many of its own (16 per slot), or longer than a statement may run, is refused:
// RATE_LIMITED, HTTP 429 with Retry-After. Realtime work waits instead (each subscriber's own queue of
// events bounds it), so a user's many subscriptions share that user's slots rather than the pool.
import type { ServerConfig } from './config.ts';
import type { RequestSettings } from './role-transactions.ts';

export class Busy extends Error {
  /** Mapped like a SQLSTATE (graphql/mask-error.ts). */
  readonly code = 'RGBSY';
  constructor() {
    super('Too many of your requests are running at once; retry shortly');
  }
}

export interface FairShareLimits {
  perUser: number;
  perOrganization: number;
  /** How long a request may wait for its slots before it is refused. */
  maxWaitMs: number;
}

interface Slots {
  active: number;
  waiting: (() => void)[];
}

export type Release = () => void;

export class FairShare {
  readonly #slots = new Map<string, Slots>();
  readonly #limits: FairShareLimits;

  constructor(limits: FairShareLimits) {
    this.#limits = limits;
  }

  /**
   * Takes a slot of the caller the settings name and of their organization, waiting for them if needed.
   * `refuse: false` (realtime) waits however long it takes; otherwise rejects with Busy as described above.
   */
  async acquire(settings: RequestSettings, { refuse = true } = {}): Promise<Release> {
    const user = settings['jwt.claims.sub'] ?? `ip ${settings['app.client_ip']}`;
    const organization = settings['app.current_org_id'];
    // Always the user's slot first, then the organization's: one order, so no two callers wait on each other.
    const releaseUser = await this.#take(`user ${user}`, this.#limits.perUser, refuse);
    if (!organization) return releaseUser;
    try {
      const releaseOrganization = await this.#take(`organization ${organization}`, this.#limits.perOrganization, refuse);
      return () => {
        releaseOrganization();
        releaseUser();
      };
    } catch (error) {
      releaseUser();
      throw error;
    }
  }

  #take(key: string, limit: number, refuse: boolean): Promise<Release> {
    let slots = this.#slots.get(key);
    if (!slots) this.#slots.set(key, (slots = { active: 0, waiting: [] }));
    const held = slots;
    const release = () => {
      const next = held.waiting.shift();
      if (next) return next();
      held.active -= 1;
      if (held.active === 0) this.#slots.delete(key);
    };
    if (held.active < limit && held.waiting.length === 0) {
      held.active += 1;
      return Promise.resolve(release);
    }
    if (refuse && held.waiting.length >= limit * 16) return Promise.reject(new Busy());
    return new Promise((resolve, reject) => {
      // A released slot passes straight to the next in line (active stays as it is).
      const grant = () => {
        clearTimeout(timer);
        resolve(release);
      };
      held.waiting.push(grant);
      const timer = refuse
        ? setTimeout(() => {
            held.waiting.splice(held.waiting.indexOf(grant), 1);
            reject(new Busy());
          }, this.#limits.maxWaitMs)
        : undefined;
    });
  }
}

/** The configured shares, or 40% (per user) and 60% (per organization) of a pool of `poolSize`. */
export function fairShareFor(config: Pick<ServerConfig, 'statementsPerUser' | 'statementsPerOrganization' | 'statementTimeoutMs'>, poolSize: number): FairShare {
  return new FairShare({
    perUser: config.statementsPerUser ?? Math.max(1, Math.floor(poolSize * 0.4)),
    perOrganization: config.statementsPerOrganization ?? Math.max(1, Math.floor(poolSize * 0.6)),
    maxWaitMs: config.statementTimeoutMs,
  });
}
