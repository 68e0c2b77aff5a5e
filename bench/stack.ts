// The product as an operator runs it, on the run's copy of the dataset: `start:server` and
// `start:worker` as separate production processes (NODE_ENV=production, so Grafast plans in production
// mode), plus a signed-in session for every user of the dataset.
import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt } from 'jose';
import { connect } from '../db/bootstrap.ts';
import { readDatabaseConfig } from '../db/config.ts';
import { spawnNode, type Child } from '../test/support/processes.ts';
import { BENCH_PASSWORD, type RunDatabase } from './dataset.ts';
import type { HttpRequest } from './load.ts';

export interface Identity {
  userId: string;
  sessionId: string;
  organizationId: string;
  role: 'Admin' | 'Developer' | 'Viewer';
  email: string;
  accessToken: string;
}

export interface Stack {
  origin: string;
  /** The server's rowgate_db_round_trips_total, from its /metrics. */
  roundTrips(): Promise<number>;
  /** Any counter or gauge without labels from the server's /metrics. */
  metric(name: string): Promise<number>;
  serverPid: number;
  workerPid: number;
  /** The PEM key that verifies the server's access tokens (the peer checks them with it). */
  jwtPublicKey: string;
  identities: Identity[];
  stop(): Promise<void>;
}

/** What every benchmark client sends as User-Agent (and what the raw `pg` side puts in app.user_agent). */
export const USER_AGENT = 'rowgate-bench';

/** A GraphQL request as `identity`, in their own organization. */
export function graphqlRequest(identity: Identity, document: unknown, variables: Record<string, unknown>): HttpRequest {
  return {
    method: 'POST',
    path: '/graphql',
    headers: {
      authorization: `Bearer ${identity.accessToken}`,
      'x-organization-id': identity.organizationId,
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
    },
    body: JSON.stringify({ query: String(document), variables }),
  };
}

/** Rate limits are lifted: at these rates they would answer 429, which is not what is measured. */
const UNLIMITED = '1000000000';
/** /metrics on the main port in production needs its token. */
const METRICS_TOKEN = 'bench-metrics';

/** What every production process of the run is started with. */
function productionEnv(run: RunDatabase, dataDir: string) {
  return { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: run.adminUrl, DATA_DIR: dataDir };
}

/** `start:worker` on the run's database, once it says it is running. */
export async function startWorkerProcess(run: RunDatabase, dataDir: string, { profile = [], concurrency = 4 }: { profile?: string[]; concurrency?: number } = {}): Promise<Child> {
  const worker = spawnNode([...profile, 'worker/main.ts'], {
    ...productionEnv(run, dataDir),
    DB_WORKER_PASSWORD: readDatabaseConfig({}).passwords.worker,
    WORKER_CONCURRENCY: String(concurrency),
    // No mail leaves the bench.
    MAIL_OUTBOX: 'true',
    PUBLIC_URL: 'http://bench.localhost',
  });
  await worker.waitFor(/worker running/).catch((error) => {
    worker.process.kill('SIGKILL');
    throw error;
  });
  return worker;
}

export async function startStack(run: RunDatabase, dataDir: string, { profileDir, serverProcesses = 1 }: { profileDir?: string; serverProcesses?: number } = {}): Promise<Stack> {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const passwords = readDatabaseConfig({}).passwords;
  const env = productionEnv(run, dataDir);
  const children: Child[] = [];
  const stop = async () => {
    for (const child of children) child.process.kill('SIGTERM');
    await Promise.all(children.map((child) => child.exited));
  };
  try {
    const server = spawnNode([...profile, 'server/serve.ts'], {
      ...env,
      DB_AUTHENTICATOR_PASSWORD: passwords.authenticator,
      JWT_PRIVATE_KEY: privateKey,
      CORS_ORIGINS: 'http://bench.localhost',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_AUTH_PER_MINUTE: UNLIMITED,
      RATE_LIMIT_GRAPHQL_PER_MINUTE: UNLIMITED,
      // Every client of the bench is this one address: its 1,000 subscribers and its load's connections.
      HTTP_MAX_CONNECTIONS_PER_IP: UNLIMITED,
      REALTIME_MAX_CONNECTIONS_PER_IP: UNLIMITED,
      METRICS_TOKEN,
      SERVER_PROCESSES: String(serverProcesses),
    });
    children.push(server);
    const [line] = await Promise.all([server.waitFor(/GraphQL at /), startWorkerProcess(run, dataDir, { profile }).then((worker) => children.push(worker))]);
    const origin = new URL(/GraphQL at (\S+?)\/graphql/.exec(line)![1]).origin;
    const metric = async (name: string) => {
      const text = await (await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
      return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
    };
    return {
      origin,
      roundTrips: () => metric('rowgate_db_round_trips_total'),
      metric,
      serverPid: server.process.pid!,
      workerPid: children[1].process.pid!,
      jwtPublicKey: publicKey,
      identities: await signInEveryone(origin, run.adminUrl),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signs in every dataset user whose address ends in `@domain` (the organizations', or the team's). */
export async function signInEveryone(origin: string, adminUrl: string, domain = 'bench.test'): Promise<Identity[]> {
  const client = await connect(adminUrl);
  const { rows } = await client
    .query<{ user_id: string; email: string; organization_id: string; role: Identity['role'] }>(
      `select u.id as user_id, u.email, ur.organization_id, r.name as role
       from app_public.users u
       join app_public.user_roles ur on ur.user_id = u.id
       join app_public.roles r on r.id = ur.role_id
       where u.email like '%@' || $1 order by u.email`,
      [domain],
    )
    .finally(() => client.end());
  const identities: Identity[] = [];
  // A few at a time: each login is an argon2 verification, which the server runs off its event loop.
  for (let i = 0; i < rows.length; i += 8) {
    identities.push(
      ...(await Promise.all(
        rows.slice(i, i + 8).map(async (row) => {
          const response = await fetch(`${origin}/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: row.email, password: BENCH_PASSWORD }),
          });
          if (!response.ok) throw new Error(`login as ${row.email} answered ${response.status}`);
          const { accessToken } = (await response.json()) as { accessToken: string };
          const sessionId = String(decodeJwt(accessToken).sid);
          return { userId: row.user_id, sessionId, organizationId: row.organization_id, role: row.role, email: row.email, accessToken };
        }),
      )),
    );
  }
  return identities;
}
