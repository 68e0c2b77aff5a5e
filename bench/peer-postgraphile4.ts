// The peer `npm run bench` measures beside rowgate: PostGraphile 4 (the `postgraphile4` devDependency, an
// alias of postgraphile@4, the version with published figures) serving the same database, schema and
// policies as the same login, with the same JWT (ES256, issuer and audience checked) mapped to the same
// settings: `jwt.claims.*` from the token, the role, the organization, request id, IP and user agent.
// What it does not do is what rowgate adds around the query: the session check before the answer, rate
// limits, metrics, the access log, query cost limits. Started by bench/main.ts; never part of the product.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import postgraphile4 from 'postgraphile4';
import { countRoundTrips } from './peer-round-trips.ts';

const { PEER_DATABASE_URL, PEER_JWT_PUBLIC_KEY, PEER_POOL_SIZE, JWT_ISSUER = 'rowgate', JWT_AUDIENCE = 'rowgate-api' } = process.env;
if (!PEER_DATABASE_URL || !PEER_JWT_PUBLIC_KEY) throw new Error('PEER_DATABASE_URL and PEER_JWT_PUBLIC_KEY are required');
const pool = new pg.Pool({ connectionString: PEER_DATABASE_URL, max: Number(PEER_POOL_SIZE ?? 10) });
const roundTrips = countRoundTrips(pool);
const handler = postgraphile4.postgraphile(pool, 'app_public', {
  jwtSecret: PEER_JWT_PUBLIC_KEY,
  jwtVerifyOptions: { algorithms: ['ES256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
  pgSettings: (request: http.IncomingMessage) => {
    const organization = request.headers['x-organization-id'];
    return {
      role: request.headers.authorization ? 'app_user' : 'app_anonymous',
      statement_timeout: '5000', // rowgate's STATEMENT_TIMEOUT_MS default
      'app.request_id': randomUUID(),
      'app.client_ip': request.socket.remoteAddress ?? '',
      'app.user_agent': String(request.headers['user-agent'] ?? '').slice(0, 512),
      ...(typeof organization === 'string' ? { 'app.current_org_id': organization } : {}),
    };
  },
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  legacyRelations: 'omit',
  disableQueryLog: true,
  graphiql: false,
  retryOnInitFail: false,
});
const server = http.createServer((request, response) => {
  if (request.url === '/round-trips') response.end(String(roundTrips()));
  else void handler(request, response);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`peer PostGraphile 4 at http://127.0.0.1:${port}/graphql`);
});
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
