// The second peer `npm run bench` measures beside rowgate: stock PostGraphile 5 (the same version rowgate
// runs), Amber + simplified names, its own grafserv on node:http, over the same database, schema and
// policies as the same login. The same JWT (ES256, issuer and audience checked) is verified by
// PostGraphile's own PgLazyJWTPreset, which maps its claims to `jwt.claims.*`; the context adds the role
// and the organization as rowgate does. What it lacks is what rowgate adds: the session check before the
// answer, rate limits, metrics, the access log, query cost limits, one round trip per transaction.
// Started by bench/main.ts; never part of the product.
import http from 'node:http';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PgLazyJWTPreset } from 'postgraphile/presets/lazy-jwt';
import { countRoundTrips } from './peer-round-trips.ts';

const { PEER_DATABASE_URL, PEER_JWT_PUBLIC_KEY, PEER_POOL_SIZE, JWT_ISSUER = 'rowgate', JWT_AUDIENCE = 'rowgate-api' } = process.env;
if (!PEER_DATABASE_URL || !PEER_JWT_PUBLIC_KEY) throw new Error('PEER_DATABASE_URL and PEER_JWT_PUBLIC_KEY are required');
const pool = new pg.Pool({ connectionString: PEER_DATABASE_URL, max: Number(PEER_POOL_SIZE ?? 10) });
const roundTrips = countRoundTrips(pool);

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PgLazyJWTPreset],
  pgServices: [makePgService({ pool, schemas: ['app_public'] })],
  grafserv: { graphiql: false, pgJwtSecret: PEER_JWT_PUBLIC_KEY, pgJwtVerifyOptions: { algorithms: ['ES256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE } },
  grafast: {
    explain: false,
    context(requestContext, args) {
      const request = requestContext.node?.req;
      const organization = request?.headers['x-organization-id'];
      return {
        pgSettings: {
          ...args.contextValue.pgSettings, // the verified claims (PgLazyJWTPreset)
          role: request?.headers.authorization ? 'app_user' : 'app_anonymous',
          statement_timeout: '5000', // rowgate's STATEMENT_TIMEOUT_MS default
          'app.client_ip': request?.socket.remoteAddress ?? '',
          'app.user_agent': String(request?.headers['user-agent'] ?? '').slice(0, 512),
          ...(typeof organization === 'string' ? { 'app.current_org_id': organization } : {}),
        },
      };
    },
  },
});
const serv = pgl.createServ(grafserv);
const handler = serv.createHandler(); // addTo's own listener would answer /round-trips with a 404 as well
const server = http.createServer((request, response) => {
  if (request.url === '/round-trips') response.end(String(roundTrips()));
  else handler(request, response);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`peer PostGraphile 5 at http://127.0.0.1:${port}/graphql`);
});
process.on('SIGTERM', () => server.close(async () => {
  await pgl.release();
  await pool.end();
  process.exit(0);
}));
