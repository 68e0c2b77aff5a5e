// PostGraphile's node-postgres adaptor, with the request's transaction opened in one round trip.
//
// Every round trip is a system call and a context switch on both sides, and on these virtual machines
// they are what a request mostly costs. The stock adaptor sends `begin`, then the settings, then the
// statements, then `commit`; the server used to check the session in a round trip of its own before
// that. Here `begin`, every setting and the session check travel as one multi-statement message (a simple
// query: no parameters, so settings are escaped literals), leaving a page request at three round trips:
// open, the query, commit.
//
// The session check is the policies' own rule (app_public.current_user_id(): the request's claims name
// an active session); when it fails nothing else runs and the request becomes a 401 (session-check.ts).
import pg from 'pg';
import { makePgService, makeWithPgClientViaPgClientAlreadyInTransaction } from 'postgraphile/adaptors/pg';
import { SessionEndedError } from '../auth/session-check.ts';
import { Busy, type FairShare } from '../fair-share.ts';
import { databaseUnavailable, type RequestSettings } from '../role-transactions.ts';
import { ledgerOf, lendConnection, type IdempotencyKey } from '../request-ledger.ts';
import { claimStatement } from './idempotency.ts';

type Settings = Record<string, string | undefined>;

/**
 * The message that opens a request's transaction: `begin`, every setting, the session check, and for a
 * mutation sent with an Idempotency-Key the claim of that key (graphql/idempotency.ts).
 */
export function openTransaction(settings: Settings, idempotency?: IdempotencyKey): { text: string; checksSession: boolean } {
  const assignments = Object.entries(settings)
    .filter((entry): entry is [string, string] => entry[1] != null)
    .map(([name, value]) => `set_config(${pg.escapeLiteral(name)}, ${pg.escapeLiteral(value)}, true)`);
  const checksSession = settings['jwt.claims.sid'] != null;
  const check = checksSession ? ' select app_public.current_user_id() is not null as active;' : '';
  const claim = idempotency ? ` ${claimStatement(idempotency)}` : '';
  return { text: `begin; select ${assignments.join(', ')};${check}${claim}`, checksSession };
}

function oneRoundTripWithPgClient(pool: pg.Pool, fairShare: FairShare) {
  const withPgClient = async <T>(settings: Settings | null, callback: (client: never) => T | Promise<T>): Promise<T> => {
    const ledger = settings ? ledgerOf(settings) : undefined;
    // A caller's slots before a connection (fair-share.ts). Only HTTP requests carry a ledger; a realtime
    // subscriber's event waits for its slots rather than being refused.
    let release: (() => void) | undefined;
    try {
      release = settings ? await fairShare.acquire(settings as RequestSettings, { refuse: ledger !== undefined }) : undefined;
    } catch (error) {
      if (error instanceof Busy) ledger?.refuse('busy');
      throw error;
    }
    const client = await pool.connect().catch((error: Error) => {
      release?.();
      if (databaseUnavailable(error)) ledger?.refuse('unavailable');
      throw error;
    });
    // The pool's round-trip counter credits this request while it holds the connection.
    lendConnection(client, ledger);
    let broken: Error | undefined;
    try {
      if (!settings) return (await makeWithPgClientViaPgClientAlreadyInTransaction(client, false)(null, callback as never)) as T;
      // Only a request's first transaction claims its key: the one of its mutation.
      const claim = ledger?.idempotency?.state === 'asked' ? ledger.idempotency : undefined;
      const { text, checksSession } = openTransaction(settings, claim);
      const results = (await client.query(text).catch((error: { code?: string }) => {
        if (claim && error.code === 'RGIDM') claim.state = 'used';
        throw error;
      })) as unknown as pg.QueryResult<{ active: boolean }>[];
      if (checksSession) {
        const active = results[2].rows[0].active;
        ledger?.sessionFound(active);
        if (!active) throw new SessionEndedError();
      }
      if (claim) claim.state = 'claimed';
      const result = (await makeWithPgClientViaPgClientAlreadyInTransaction(client, true)(null, callback as never)) as T;
      await client.query('commit');
      return result;
    } catch (error) {
      if (settings) await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
      if (databaseUnavailable(error)) ledger?.refuse('unavailable');
      throw error;
    } finally {
      lendConnection(client, undefined);
      // A connection that could not roll back is in an unknown state: the pool discards it.
      client.release(broken);
      release?.();
    }
  };
  return Object.assign(withPgClient, { release() {} });
}

/**
 * The pg service over `pool` (the authenticator's), with the one-round-trip transaction for requests,
 * each taking its caller's slots of `fairShare` first. `watchAs`: a superuser's URL, which installs
 * PostGraphile's watch fixtures (event triggers that announce DDL) for watch mode.
 */
export function makeRequestPgService(pool: pg.Pool, fairShare: FairShare, schemas: string[], watchAs?: string): GraphileConfig.PgServiceConfiguration {
  const service = makePgService({ pool, schemas, ...(watchAs ? { superuserConnectionString: watchAs } : {}) });
  return {
    ...service,
    adaptor: {
      ...service.adaptor,
      createWithPgClient: (adaptorSettings, variant) =>
        variant === 'SUPERUSER' ? service.adaptor.createWithPgClient(adaptorSettings, variant) : (oneRoundTripWithPgClient(adaptorSettings!.pool!, fairShare) as never),
    },
  };
}
