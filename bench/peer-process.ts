// What both peer processes (bench/peer-postgraphile4.ts, bench/peer-postgraphile5.ts) share: their
// settings from the environment bench/peer.ts gives them, a pool whose round trips are counted as rowgate
// counts its own (rowgate_db_round_trips_total), the settings rowgate gives a request, and an HTTP server
// that also answers /round-trips and stops on SIGTERM.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const { PEER_DATABASE_URL, PEER_JWT_PUBLIC_KEY, PEER_POOL_SIZE, JWT_ISSUER = 'rowgate', JWT_AUDIENCE = 'rowgate-api' } = process.env;
if (!PEER_DATABASE_URL || !PEER_JWT_PUBLIC_KEY) throw new Error('PEER_DATABASE_URL and PEER_JWT_PUBLIC_KEY are required');

/** The server's public key (PEM) and what its tokens must say, verified as rowgate verifies them. */
export const jwt = { publicKey: PEER_JWT_PUBLIC_KEY, verifyOptions: { algorithms: ['ES256' as const], issuer: JWT_ISSUER, audience: JWT_AUDIENCE } };

export const pool = new pg.Pool({ connectionString: PEER_DATABASE_URL, max: Number(PEER_POOL_SIZE ?? 10) });
let roundTrips = 0;
pool.on('connect', (client) => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    roundTrips += 1;
    return query(...args);
  }) as typeof client.query;
});

/** The settings rowgate's server gives a request (besides the token's claims, which each peer maps itself). */
export function requestSettings(request: http.IncomingMessage | undefined): Record<string, string> {
  const organization = request?.headers['x-organization-id'];
  return {
    role: request?.headers.authorization ? 'app_user' : 'app_anonymous',
    statement_timeout: '5000', // rowgate's STATEMENT_TIMEOUT_MS default
    'app.request_id': randomUUID(),
    'app.client_ip': request?.socket.remoteAddress ?? '',
    'app.user_agent': String(request?.headers['user-agent'] ?? '').slice(0, 512),
    ...(typeof organization === 'string' ? { 'app.current_org_id': organization } : {}),
  };
}

/** Serves `handler` (and /round-trips) on a free port, tells bench/peer.ts where, and stops on SIGTERM. */
export function servePeer(name: string, handler: (request: http.IncomingMessage, response: http.ServerResponse) => unknown, release: () => Promise<void> = async () => {}): void {
  const server = http.createServer((request, response) => {
    if (request.url === '/round-trips') response.end(String(roundTrips));
    else void handler(request, response);
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    console.log(`peer ${name} at http://127.0.0.1:${port}/graphql`);
  });
  process.on('SIGTERM', () =>
    server.close(async () => {
      await release();
      await pool.end();
      process.exit(0);
    }),
  );
}
