// PostGraphile's node-postgres adaptor, with each of a request's transactions opened in the same write as
// its first statement, and a query's reads committed in that write too.
//
// Every round trip is a system call and a context switch on both sides, and on these virtual machines
// they are what a request mostly costs. The stock adaptor sends `begin`, then the settings, then the
// statements, then `commit`, waiting for each answer; the server used to check the session in a round
// trip of its own before that. Here `begin`, every setting and the session check are one message (a
// simple query: no parameters, so settings are escaped literals), written together with the operation's
// first statement: the pool's connections pipeline (pg's `pipeline` mode, server/run.ts), so neither
// waits for the other.
//
// A query operation only reads, and under READ COMMITTED each of its statements reads its own snapshot
// whether they share a transaction or not: so each statement goes out with an opening of its own (`begin
// read only`) and `commit`, three messages in one write, and a page is one round trip. A mutation (or any
// operation not known to be a query, or one that asks for a transaction: a savepoint) keeps one
// transaction for all its statements, committed at its end: two round trips for a one-statement mutation.
//
// The session check is the policies' own rule (app_auth.require_active_session: the request's claims name
// an active session, or RGSES). It raises, so where the session has ended the transaction is aborted
// before the statement behind it runs (PostgreSQL refuses that statement: the transaction has failed),
// and the request becomes a 401 (session-check.ts). Should the opening fail before `begin`, the statement
// would run as the authenticator, which holds no privileges of its own (NOINHERIT) and is refused.
import pg from 'pg';
import { makePgService, makeWithPgClientViaPgClientAlreadyInTransaction } from 'postgraphile/adaptors/pg';
import { SessionEndedError } from '../auth/session-check.ts';
import { Busy, type FairShare } from '../fair-share.ts';
import { databaseUnavailable, type RequestSettings } from '../role-transactions.ts';
import { ledgerOf, lendConnection, type IdempotencyKey } from '../request-ledger.ts';
import { claimStatement } from './idempotency.ts';

type Settings = Record<string, string | undefined>;

/**
 * The message that opens a request's transaction: `begin` (`read only` for a query's statement), every
 * setting, the session check (which raises where the session has ended) when the claims name a session,
 * and for a mutation sent with an Idempotency-Key the claim of that key (graphql/idempotency.ts; RGIDM
 * where it was used).
 */
export function openTransaction(settings: Settings, { idempotency, readOnly = false }: { idempotency?: IdempotencyKey; readOnly?: boolean } = {}): { text: string; checksSession: boolean } {
  const assignments = Object.entries(settings)
    .filter((entry): entry is [string, string] => entry[1] != null)
    .map(([name, value]) => `set_config(${pg.escapeLiteral(name)}, ${pg.escapeLiteral(value)}, true)`);
  const checksSession = settings['jwt.claims.sid'] != null;
  const check = checksSession ? ' select app_auth.require_active_session();' : '';
  const claim = idempotency ? ` ${claimStatement(idempotency)}` : '';
  return { text: `begin${readOnly ? ' read only' : ''}; select ${assignments.join(', ')};${check}${claim}`, checksSession };
}

type QueryConfig = { text: string; values?: unknown[]; name?: string; rowMode?: 'array' };
type Corkable = { connection: { stream: { cork(): void; uncork(): void } } };

/**
 * What `send` writes on `client`, in one system call (the socket is corked until it returns). On a
 * pipelining connection every query it sends goes out at once, each answered in turn.
 */
export function inOneWrite<T>(client: pg.ClientBase, send: () => T): T {
  const { stream } = (client as unknown as Corkable).connection;
  stream.cork();
  try {
    return send();
  } finally {
    stream.uncork();
  }
}

/**
 * `client` as @dataplan/pg uses it, each statement written in one system call with an opening (`open`
 * sends it; see above). In one transaction, only the first statement has an opening, and the caller
 * commits (`open` tells whether one is open). Statement by statement (`autocommit`), each has an opening
 * and `commit` of its own, until one asks for a transaction (a savepoint: @dataplan/pg's withTransaction),
 * which then holds the rest (the caller commits it). A statement's answer is given once its opening's is
 * known: when the opening failed, its error is the one that counts (the statement only failed because the
 * transaction had).
 */
function pipelinedClient(client: pg.PoolClient, open: () => Promise<unknown>, autocommit: boolean) {
  let transaction: Promise<unknown> | undefined;
  // Each statement's own commit, answered right after it: a failed one (the connection lost) as its error.
  const commits: Promise<Error | undefined>[] = [];
  return {
    get open() {
      return transaction !== undefined;
    },
    /** The first error of the commits sent with statements, once all are answered. */
    async committed(): Promise<Error | undefined> {
      return (await Promise.all(commits)).find((error) => error !== undefined);
    },
    get connection() {
      return (client as unknown as Corkable).connection;
    },
    escapeIdentifier: (name: string) => client.escapeIdentifier(name),
    addListener: (event: 'notice', listener: (notice: unknown) => void) => client.addListener(event, listener),
    removeListener: (event: 'notice', listener: (notice: unknown) => void) => client.removeListener(event, listener),
    async query(config: QueryConfig): Promise<pg.QueryResult> {
      if (transaction) return client.query(config);
      const holds = !autocommit || config.text.startsWith('savepoint');
      let opening: Promise<unknown>;
      const answer = inOneWrite(client, () => {
        opening = open();
        const answered = client.query(config);
        if (holds) transaction = opening;
        else commits.push(client.query('commit').then(() => undefined, (error: Error) => error));
        return answered;
      });
      const [opened, answered] = await Promise.allSettled([opening!, answer]);
      if (opened.status === 'rejected') throw opened.reason;
      if (answered.status === 'rejected') throw answered.reason;
      return answered.value;
    },
  };
}

function pipelinedWithPgClient(pool: pg.Pool, fairShare: FairShare) {
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
    // Only a request's first transaction claims its key: the one of its mutation.
    const claim = ledger?.idempotency?.state === 'asked' ? ledger.idempotency : undefined;
    // A query's statements only read: each commits on its own (see above), in a read-only transaction.
    const query = ledger?.operation === 'query';
    const opening = settings && openTransaction(settings, { idempotency: claim, readOnly: query });
    const transaction = opening
      ? pipelinedClient(
          client,
          () =>
            client.query(opening.text).then(
              () => {
                if (opening.checksSession) ledger?.sessionFound(true);
                if (claim) claim.state = 'claimed';
              },
              (error: { code?: string }) => {
                if (claim && error.code === 'RGIDM') claim.state = 'used';
                if (error.code !== 'RGSES') throw error;
                ledger?.sessionFound(false);
                throw new SessionEndedError();
              },
            ),
          query,
        )
      : undefined;
    try {
      if (!transaction) return (await makeWithPgClientViaPgClientAlreadyInTransaction(client, false)(null, callback as never)) as T;
      const result = (await makeWithPgClientViaPgClientAlreadyInTransaction(transaction as never, true)(null, callback as never)) as T;
      // An operation that sent no statement opened nothing (its session is checked once answered).
      if (transaction.open) await client.query('commit');
      return result;
    } catch (error) {
      if (transaction?.open) await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
      if (databaseUnavailable(error)) ledger?.refuse('unavailable');
      throw error;
    } finally {
      broken ??= await transaction?.committed();
      lendConnection(client, undefined);
      // A connection that could not roll back, or whose statement's own commit failed, is in an unknown
      // state: the pool discards it.
      client.release(broken);
      release?.();
    }
  };
  return Object.assign(withPgClient, { release() {} });
}

/**
 * The pg service over `pool` (the authenticator's, pipelining), each request's transaction opened in the
 * write of its first statement, after its caller's slots of `fairShare`. `watchAs`: a superuser's URL, which installs
 * PostGraphile's watch fixtures (event triggers that announce DDL) for watch mode.
 */
export function makeRequestPgService(pool: pg.Pool, fairShare: FairShare, schemas: string[], watchAs?: string): GraphileConfig.PgServiceConfiguration {
  const service = makePgService({ pool, schemas, ...(watchAs ? { superuserConnectionString: watchAs } : {}) });
  return {
    ...service,
    adaptor: {
      ...service.adaptor,
      createWithPgClient: (adaptorSettings, variant) =>
        variant === 'SUPERUSER' ? service.adaptor.createWithPgClient(adaptorSettings, variant) : (pipelinedWithPgClient(adaptorSettings!.pool!, fairShare) as never),
    },
  };
}
