// /graphql, in the order a request meets it. The routes live in a Fastify scope of their own (grafserv's
// adaptor only calls scope.route), and the hooks below are theirs: nothing here looks at a URL, and no
// other route runs them. What the request's transactions did is kept in its ledger (request-ledger.ts).
//
//   onRequest      the media type of the answer (responses.ts); a GET's WebSocket upgrade takes its
//                  place first (realtime/websocket.ts)
//   preValidation  the caller (auth/authenticate.ts): the token is verified; whether its session stands
//                  is left to the request's own transaction
//                  a POST's body is one GraphQL request (request-body.ts)
//   preHandler     after the app's rate limit: a POST's Idempotency-Key (idempotency.ts)
//   handler        grafserv: PostGraphile plans and runs the operation; each transaction opens in one
//                  round trip, with the session check and the key's claim (pg-adaptor.ts)
//   onSend         a session its transactions did not check is checked now (auth/session-check.ts); the
//                  answer's codes, status and size (responses.ts); an idempotent mutation's answer kept,
//                  or the first one replayed (idempotency.ts)
//   onResponse     a request refused before it ran is counted (operation-metrics.ts)
import type { FastifyInstance, RouteOptions } from 'fastify';
import type pg from 'pg';
import type { makeGraphQLWSConfig } from 'postgraphile/grafserv';
import { authenticateRequest, type Authenticator } from '../auth/authenticate.ts';
import { checkSessionAfterAnswer } from '../auth/session-check.ts';
import type { ServerConfig } from '../config.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { realtimeRoutes, type RealtimeRouteConfig } from '../realtime/websocket.ts';
import { GRAPHQL_PATH, type SettingsConfig } from '../request-context.ts';
import { keepOrReplayAnswer, readIdempotencyKey } from './idempotency.ts';
import { countRejected } from './operation-metrics.ts';
import { checkRequestBody } from './request-body.ts';
import { finishAnswer, negotiateAnswer } from './responses.ts';

type Serv = Parameters<typeof makeGraphQLWSConfig>[0] & { addTo(app: FastifyInstance): Promise<void> };

interface GraphQLRouteOptions {
  serv: Serv;
  realtime: Realtime;
  authenticator: Authenticator;
  pool: pg.Pool;
  metrics: Metrics;
  config: RealtimeRouteConfig & SettingsConfig & Pick<ServerConfig, 'graphql'>;
}

type Phase = 'onRequest' | 'preValidation' | 'preHandler' | 'onSend' | 'onResponse';

export async function graphqlRoute(scope: FastifyInstance, { serv, realtime, authenticator, pool, metrics, config }: GraphQLRouteOptions) {
  scope.decorateRequest('idempotency', undefined);
  // GET (urql's default for queries) and POST alike: the session is asked about in the transaction's
  // first message, or after the answer when nothing reached the database; never in a round trip of its own.
  const authenticated = authenticateRequest(authenticator, { sessionCheck: 'in-transaction' });
  const answered = [checkSessionAfterAnswer(authenticator.sessions), finishAnswer(config.graphql.maxResponseBytes)];
  const get = { onRequest: [negotiateAnswer], preValidation: [authenticated], onSend: answered, onResponse: [countRejected(metrics)] };
  const post = {
    ...get,
    preValidation: [authenticated, checkRequestBody(config.graphql)],
    preHandler: [readIdempotencyKey],
    onSend: [...answered, keepOrReplayAnswer(pool, config)],
  };
  // GraphiQL and the watch stream are grafserv's routes in this scope too; they take none of this.
  scope.addHook('onRoute', (route) => {
    if (route.url !== GRAPHQL_PATH) return;
    const phases: Partial<Record<Phase, unknown[]>> = route.method === 'POST' ? post : get;
    for (const [phase, hooks] of Object.entries(phases) as [Phase, RouteOptions[Phase][]][]) {
      (route as Record<Phase, unknown>)[phase] = [...hooks, ...[route[phase] ?? []].flat()];
    }
  });
  await scope.register(realtimeRoutes, { serv, realtime, config });
  await serv.addTo(scope);
}
