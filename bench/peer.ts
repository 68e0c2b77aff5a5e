// The peers measured beside rowgate in the same run, started on the run's database as the authenticator,
// verifying the server's own access tokens, asked for the same page: PostGraphile 4
// (bench/peer-postgraphile4.ts) and stock PostGraphile 5 (bench/peer-postgraphile5.ts).
import { TasksPageDocument } from '../test/generated/graphql.ts';
import { spawnNode, type Child } from '../test/support/processes.ts';
import type { RunDatabase } from './dataset.ts';
import type { HttpRequest } from './load.ts';
import { PAGE_SIZE } from './page.ts';
import { graphqlRequest, type Identity } from './stack.ts';

export type PeerName = 'PostGraphile 4' | 'PostGraphile 5';

export interface Peer {
  name: PeerName;
  origin: string;
  pid: number;
  /** Its queries to PostgreSQL so far. */
  roundTrips(): Promise<number>;
  /** The page request, in this peer's names. */
  pageRequest(identity: Identity, first?: number): HttpRequest;
  stop(): Promise<void>;
}

type PageAnswer = { data?: { tasks?: { nodes: { rowId: string }[] }; allTasks?: { nodes: { id: string }[] } }; errors?: unknown };

/** rowgate's TasksPage in PostGraphile 4's names (allTasks; nodeId and id for rowgate's id and rowId). */
const POSTGRAPHILE4_TASKS_PAGE = `query TasksPage($first: Int!) {
  allTasks(first: $first, orderBy: [CREATED_AT_DESC]) {
    nodes { nodeId id title status priority assigneeId teamId createdAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

const PEERS = {
  // Stock PostGraphile 5 with Amber and simplified names has rowgate's own names: the same document.
  'PostGraphile 5': { script: 'bench/peer-postgraphile5.ts', page: TasksPageDocument, rowIds: (a: PageAnswer) => a.data?.tasks?.nodes.map((n) => n.rowId) },
  'PostGraphile 4': { script: 'bench/peer-postgraphile4.ts', page: POSTGRAPHILE4_TASKS_PAGE, rowIds: (a: PageAnswer) => a.data?.allTasks?.nodes.map((n) => n.id) },
} as const;

export async function startPeer(name: PeerName, run: RunDatabase, jwtPublicKey: string): Promise<Peer> {
  const child: Child = spawnNode([PEERS[name].script], {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PEER_DATABASE_URL: run.authenticatorUrl,
    PEER_JWT_PUBLIC_KEY: jwtPublicKey,
  });
  const banner = `peer ${name} at `;
  const line = await child.waitFor(new RegExp(banner)).catch((error) => {
    child.process.kill('SIGKILL');
    throw new Error(`the ${name} peer did not start: ${(error as Error).message}\n${child.stderr().slice(-2000)}`);
  });
  const origin = new URL(line.slice(line.indexOf(banner) + banner.length)).origin;
  return {
    name,
    origin,
    pid: child.process.pid!,
    roundTrips: async () => Number(await (await fetch(`${origin}/round-trips`)).text()),
    pageRequest: (identity, first = PAGE_SIZE) => graphqlRequest(identity, PEERS[name].page, { first }),
    async stop() {
      child.process.kill('SIGTERM');
      await child.exited;
    },
  };
}

/** The peer must answer the page rowgate answers (the same tasks, in the same order), or its figures mean nothing. */
export async function checkPeerPage(origin: string, peer: Peer, identity: Identity, ours: HttpRequest): Promise<void> {
  const ask = async (base: string, request: HttpRequest) =>
    (await (await fetch(base + request.path, { method: request.method, headers: request.headers, body: request.body })).json()) as PageAnswer;
  const [mine, theirs] = await Promise.all([ask(origin, ours), ask(peer.origin, peer.pageRequest(identity))]);
  const a = PEERS['PostGraphile 5'].rowIds(mine) ?? [];
  const b = PEERS[peer.name].rowIds(theirs) ?? [];
  if (a.length === 0 || a.join() !== b.join()) {
    throw new Error(`the ${peer.name} peer answers another page: ${JSON.stringify(theirs.errors ?? b.slice(0, 3))} vs ${JSON.stringify(mine.errors ?? a.slice(0, 3))}`);
  }
}
