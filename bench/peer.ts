// PostGraphile 4 beside rowgate in the same run (bench/peer-postgraphile4.ts): started on the run's
// database as the authenticator, verifying the server's own access tokens, asked for the same page.
import { spawnNode, type Child } from '../test/support/processes.ts';
import type { RunDatabase } from './dataset.ts';
import type { HttpRequest } from './load.ts';
import { PAGE_SIZE } from './page.ts';
import { graphqlRequest, type Identity } from './stack.ts';

export interface Peer {
  origin: string;
  pid: number;
  /** Its queries to PostgreSQL so far. */
  roundTrips(): Promise<number>;
  stop(): Promise<void>;
}

/** rowgate's TasksPage in PostGraphile 4's names (allTasks; nodeId and id for rowgate's id and rowId). */
const TASKS_PAGE = `query TasksPage($first: Int!) {
  allTasks(first: $first, orderBy: [CREATED_AT_DESC]) {
    nodes { nodeId id title status priority assigneeId teamId createdAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

export async function startPeer(run: RunDatabase, jwtPublicKey: string): Promise<Peer> {
  const child: Child = spawnNode(['bench/peer-postgraphile4.ts'], {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PEER_DATABASE_URL: run.authenticatorUrl,
    PEER_JWT_PUBLIC_KEY: jwtPublicKey,
  });
  const line = await child.waitFor(/PostGraphile 4 at /).catch((error) => {
    child.process.kill('SIGKILL');
    throw new Error(`the PostGraphile 4 peer did not start: ${(error as Error).message}\n${child.stderr().slice(-2000)}`);
  });
  const origin = new URL(line.replace(/^.*PostGraphile 4 at /, '')).origin;
  return {
    origin,
    pid: child.process.pid!,
    roundTrips: async () => Number(await (await fetch(`${origin}/round-trips`)).text()),
    async stop() {
      child.process.kill('SIGTERM');
      await child.exited;
    },
  };
}

export function peerPageRequest(identity: Identity, first = PAGE_SIZE): HttpRequest {
  return graphqlRequest(identity, TASKS_PAGE, { first });
}

/** The peer must answer the page rowgate answers (the same tasks, in the same order), or its figures mean nothing. */
export async function checkPeerPage(origin: string, peer: Peer, identity: Identity, ours: HttpRequest): Promise<void> {
  const ask = async (base: string, request: HttpRequest) =>
    (await (await fetch(base + request.path, { method: request.method, headers: request.headers, body: request.body })).json()) as {
      data?: { tasks?: { nodes: { rowId: string }[] }; allTasks?: { nodes: { id: string }[] } };
      errors?: unknown;
    };
  const [mine, theirs] = await Promise.all([ask(origin, ours), ask(peer.origin, peerPageRequest(identity, PAGE_SIZE))]);
  const a = mine.data?.tasks?.nodes.map((node) => node.rowId) ?? [];
  const b = theirs.data?.allTasks?.nodes.map((node) => node.id) ?? [];
  if (a.length === 0 || a.join() !== b.join()) {
    throw new Error(`the PostGraphile 4 peer answers another page: ${JSON.stringify(theirs.errors ?? b.slice(0, 3))} vs ${JSON.stringify(mine.errors ?? a.slice(0, 3))}`);
  }
}
