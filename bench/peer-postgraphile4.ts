// The peer `npm run bench` measures beside rowgate: PostGraphile 4 (the `postgraphile4` devDependency, an
// alias of postgraphile@4, the version with published figures) serving the same database, schema and
// policies as the same login, with the same JWT (ES256, issuer and audience checked) mapped to the same
// settings: `jwt.claims.*` from the token, the role, the organization, request id, IP and user agent.
// What it does not do is what rowgate adds around the query: the session check before the answer, rate
// limits, metrics, the access log, query cost limits. Started by bench/main.ts; never part of the product.
import type http from 'node:http';
import postgraphile4 from 'postgraphile4';
import { jwt, pool, requestSettings, servePeer } from './peer-process.ts';

const handler = postgraphile4.postgraphile(pool, 'app_public', {
  jwtSecret: jwt.publicKey,
  jwtVerifyOptions: jwt.verifyOptions,
  pgSettings: (request: http.IncomingMessage) => requestSettings(request),
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  legacyRelations: 'omit',
  disableQueryLog: true,
  graphiql: false,
  retryOnInitFail: false,
});
servePeer('PostGraphile 4', handler);
