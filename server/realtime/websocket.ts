// GraphQL over WebSocket at /graphql (graphql-transport-ws, the graphql-ws library), on grafserv's own
// subscription handling (makeGraphQLWSConfig: the same parsing, validation rules, limits, trusted
// documents and error masking as HTTP), with what grafserv leaves out: places for sockets and a guard on
// what they are sent (sockets.ts), credentials checked at connection_init, caps on connections per user
// and subscriptions per connection, and subscriptions only.
//
// Queries and mutations are refused on the socket (METHOD_NOT_ALLOWED): over HTTP (POST, or GET for
// queries) each one passes the rate limit, the response-size limit, the access log and the metrics; on a
// socket none of that would hold. Clients send only subscriptions there by default (Apollo's split link,
// urql's subscription exchange, the console).
import websocket, { type WebSocket } from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { makeHandler } from 'graphql-ws/use/@fastify/websocket';
import { makeGraphQLWSConfig, normalizeConnectionParams } from 'postgraphile/grafserv';
import { getOperationAST, GraphQLError, type DocumentNode } from 'postgraphile/graphql';
import type { ServerConfig } from '../config.ts';
import { databaseUnavailable } from '../role-transactions.ts';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../errors.ts';
import type { Realtime } from './realtime.ts';
import { GRAPHQL_PATH } from '../request-context.ts';
import { guardSends, SocketPlaces } from './sockets.ts';

export type RealtimeRouteConfig = Pick<ServerConfig, 'realtime' | 'bodyLimit' | 'production'>;

const refusal = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];

export const realtimeRoutes = fp(async function realtimeRoutes(
  app: FastifyInstance,
  { serv, realtime, config }: { serv: Parameters<typeof makeGraphQLWSConfig>[0]; realtime: Realtime; config: RealtimeRouteConfig },
) {
  const grafservConfig = makeGraphQLWSConfig(serv);
  const { maxSubscriptionsPerConnection, keepAliveMs, maxMessageBytes } = config.realtime;
  const graphqlWs = makeHandler(
    {
      ...grafservConfig,
      onConnect: (ctx) => realtime.connections.open(ctx.extra.socket, ctx.extra.request, normalizeConnectionParams(ctx.connectionParams) ?? {}),
      async onSubscribe(ctx, id, payload) {
        // graphql-ws has already reserved this subscription's place in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > maxSubscriptionsPerConnection) {
          return refusal(`At most ${maxSubscriptionsPerConnection} subscriptions per connection`, 'TOO_MANY_SUBSCRIPTIONS');
        }
        const args = await grafservConfig.onSubscribe!(ctx, id, payload);
        if (!args || Array.isArray(args)) return args;
        const { document, operationName } = args as { document: DocumentNode; operationName?: string | null };
        if (getOperationAST(document, operationName)?.operation !== 'subscription') {
          return refusal('Only subscriptions run on this socket: send queries and mutations as POST /graphql', 'METHOD_NOT_ALLOWED');
        }
        // Whoever may not read the organization's tasks learns nothing from its task events: refused now.
        const connection = realtime.connections.of(ctx.extra.socket);
        if (connection?.organizationId) {
          // A check the database could not answer has closed the connection (1012: reconnect).
          const readable = await realtime.connections.mayReadTasks(connection).catch((error: unknown) => {
            if (databaseUnavailable(error)) return undefined;
            throw error;
          });
          if (readable === undefined) return refusal(DATABASE_UNAVAILABLE_MESSAGE, 'DATABASE_UNAVAILABLE');
          if (!readable) return refusal('You may not read this organization\'s tasks', 'PERMISSION_DENIED');
        }
        return args;
      },
      subscribe: (args) => realtime.subscribe(args as never) as never,
    },
    keepAliveMs,
  );
  const places = new SocketPlaces(config.realtime);
  // Every message this socket is sent is checked (sockets.ts), graphql-ws's own included.
  function wsHandler(this: FastifyInstance, socket: WebSocket, request: FastifyRequest) {
    guardSends(socket, maxMessageBytes, (code, reason) => realtime.connections.refuse(socket, code, reason));
    return graphqlWs.call(this, socket, request);
  }
  // GET /graphql is grafserv's (queries in the query string, graphqlOverGET); the socket rides on that
  // route, which takes its place (counted from the upgrade) first. A person who opens /graphql in a
  // browser is sent where people work: GraphiQL in development, the console in production.
  app.addHook('onRoute', (route) => {
    if (route.url !== GRAPHQL_PATH || route.method !== 'GET') return;
    const handler = route.handler;
    route.wsHandler = wsHandler;
    route.onRequest = [places.take, ...[route.onRequest ?? []].flat()];
    route.handler = async function (this: FastifyInstance, request, reply) {
      if (request.headers.accept?.includes('text/html')) return reply.redirect(config.production ? '/' : '/graphiql');
      return handler.call(this, request, reply);
    };
  });
  // After the hook above: @fastify/websocket's own onRoute hook looks for the wsHandler it sets.
  await app.register(websocket, { options: { maxPayload: config.bodyLimit } });
});
