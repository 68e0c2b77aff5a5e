// One HTTP request's account of its use of the database, kept in one place: the round trips its
// transactions sent (the access log's `roundTrips`, credited below), where its session check stands when
// the check rides in its own transaction (/graphql: graphql/pg-adaptor.ts; changed only through
// deferSessionCheck and sessionFound), why a transaction could not run, a mutation's Idempotency-Key (set
// by graphql/idempotency.ts, claimed by the transaction) and the operation's type. The settings of the
// request's transactions carry the ledger to the pool connection that runs them (under a symbol, which
// never becomes a setting); the connection credits it with each message it sends while it is the request's.

export interface IdempotencyKey {
  key: string;
  /** SHA-256 of the request: the same key with another request is refused, not replayed. */
  fingerprint: string;
  /** `asked`: sent with the request; `claimed` by the mutation's transaction; `used` before (a replay). */
  state: 'asked' | 'claimed' | 'used';
}

export class RequestLedger {
  /** Messages sent to PostgreSQL on the request's behalf. */
  roundTrips = 0;
  /**
   * Where the session check stands when it was left to the request's transaction: `deferred` until a
   * transaction opens, then `active` or `ended`; undefined when it was checked up front (or there is none).
   */
  #session: 'deferred' | 'active' | 'ended' | undefined;
  /**
   * Why a transaction of the request could not run: refused its fair share of the pool (fair-share.ts; a
   * query's answer is then a 429), or the database could not be reached (a 503).
   */
  refused: 'busy' | 'unavailable' | undefined;
  /** A mutation's Idempotency-Key (graphql/idempotency.ts), claimed by its first transaction. */
  idempotency: IdempotencyKey | undefined;
  /**
   * The GraphQL operation's type, once known (graphql/operation-metrics.ts): a query's statements commit
   * one by one, each with its own transaction (graphql/pg-adaptor.ts).
   */
  operation: 'query' | 'mutation' | 'subscription' | undefined;

  get session() {
    return this.#session;
  }

  /** The token verified; whether its session stands is asked by the request's first transaction. */
  deferSessionCheck() {
    this.#session = 'deferred';
  }

  /** What the statement opening a transaction found of a deferred check's session; once ended, it stays so. */
  sessionFound(active: boolean) {
    if (this.#session === 'deferred' || this.#session === 'active') this.#session = active ? 'active' : 'ended';
  }

  refuse(why: 'busy' | 'unavailable') {
    this.refused = why;
  }
}

const LEDGER = Symbol('ledger');

/** `settings` carrying `ledger` to the connection that will run them. */
export function withLedger<T extends object>(settings: T, ledger: RequestLedger): T {
  return Object.defineProperty(settings, LEDGER, { value: ledger, enumerable: false });
}

/** The ledger of the request whose settings these are, if they are an HTTP request's. */
export const ledgerOf = (settings: object): RequestLedger | undefined => (settings as { [LEDGER]?: RequestLedger })[LEDGER];

const HOLDER = Symbol('ledgerHolder');

/** While a request's transaction holds `connection`, its messages are the request's (undefined: nobody's). */
export function lendConnection(connection: object, ledger: RequestLedger | undefined) {
  (connection as { [HOLDER]?: RequestLedger })[HOLDER] = ledger;
}

/** Called by the pool's round-trip counter (ops/metrics.ts) for each message `connection` sends. */
export function creditRoundTrip(connection: object) {
  const ledger = (connection as { [HOLDER]?: RequestLedger })[HOLDER];
  if (ledger) ledger.roundTrips += 1;
}
