// The second peer `npm run bench` measures beside rowgate: stock PostGraphile 5 (the same version rowgate
// runs), Amber + simplified names, its own grafserv on node:http, over the same database, schema and
// policies as the same login. The same JWT (ES256, issuer and audience checked) is verified by
// PostGraphile's own PgLazyJWTPreset, which maps its claims to `jwt.claims.*`; the context adds the role,
// the organization and the request's metadata as rowgate does. What it lacks is what rowgate adds: the
// session check before the answer, rate limits, metrics, the access log, query cost limits, one round trip
// per transaction. Started by bench/main.ts; never part of the product.
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PgLazyJWTPreset } from 'postgraphile/presets/lazy-jwt';
import { jwt, pool, requestSettings, servePeer } from './peer-process.ts';

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PgLazyJWTPreset],
  pgServices: [makePgService({ pool, schemas: ['app_public'] })],
  grafserv: { graphiql: false, pgJwtSecret: jwt.publicKey, pgJwtVerifyOptions: jwt.verifyOptions },
  grafast: {
    explain: false,
    context(requestContext, args) {
      // The verified claims (PgLazyJWTPreset) first, then what rowgate sets.
      return { pgSettings: { ...args.contextValue.pgSettings, ...requestSettings(requestContext.node?.req) } };
    },
  },
});
// createHandler, not addTo: addTo's own listener would answer /round-trips with a 404 as well.
servePeer('PostGraphile 5', pgl.createServ(grafserv).createHandler(), () => Promise.resolve(pgl.release()));
