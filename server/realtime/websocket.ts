// GraphQL over WebSocket at /graphql (graphql-transport-ws, the graphql-ws library), on grafserv's own
// subscription handling (makeGraphQLWSConfig: the same parsing, validation rules, limits, trusted
// documents and error masking as HTTP), with what grafserv leaves out: credentials checked at
// connection_init, and caps on connections per user and subscriptions per connection.
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { makeHandler } from 'graphql-ws/use/@fastify/websocket';
import { makeGraphQLWSConfig, normalizeConnectionParams } from 'postgraphile/grafserv';
import { GraphQLError } from 'postgraphile/graphql';
import type { ServerConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Realtime } from './realtime.ts';

export async function realtimeRoutes(
  app: FastifyInstance,
  { serv, realtime, config }: { serv: Parameters<typeof makeGraphQLWSConfig>[0]; realtime: Realtime; config: ServerConfig },
) {
  await app.register(websocket, { options: { maxPayload: config.bodyLimit } });
  const grafservConfig = makeGraphQLWSConfig(serv);
  const { maxSubscriptionsPerConnection, keepAliveMs } = config.realtime;
  const wsHandler = makeHandler(
    {
      ...grafservConfig,
      onConnect: (ctx) => realtime.connections.open(ctx.extra.socket, ctx.extra.request, normalizeConnectionParams(ctx.connectionParams) ?? {}),
      onSubscribe(ctx, id, payload) {
        // graphql-ws has already reserved this subscription's place in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > maxSubscriptionsPerConnection) {
          return [new GraphQLError(`At most ${maxSubscriptionsPerConnection} subscriptions per connection`, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        }
        return grafservConfig.onSubscribe!(ctx, id, payload);
      },
    },
    keepAliveMs,
  );
  app.route({
    method: 'GET',
    url: '/graphql',
    // A person who opens /graphql in a browser is sent where people work: GraphiQL in development, the
    // console in production. Anything else is told how to speak GraphQL here (never run over GET, so no
    // link can make a signed-in browser run a mutation).
    handler: async (request, reply) => {
      if (request.headers.accept?.includes('text/html')) return reply.redirect(config.production ? '/' : '/graphiql');
      reply.header('allow', 'POST');
      throw new AppError('METHOD_NOT_ALLOWED', `GraphQL takes a POST, or a WebSocket (graphql-transport-ws) for subscriptions; ${config.production ? 'the console is at /' : 'GraphiQL is at /graphiql, the console at /'}`);
    },
    wsHandler,
  });
}
