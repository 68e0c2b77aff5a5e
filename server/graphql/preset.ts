// The PostGraphile preset: Amber + simplified names over app_public, connecting as the authenticator.
// Each request's transaction gets `role` (always: an empty pgSettings would run as the authenticator
// without a transaction), the verified user and session, the organization, and audit metadata.
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import type { WebSocket } from '@fastify/websocket';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { SafeError } from 'postgraphile/grafast';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';
import { makeChangeNullabilityPlugin } from 'postgraphile/utils';
import type { ServerConfig } from '../config.ts';
import { fairShareFor, type FairShare } from '../fair-share.ts';
import type { Metrics } from '../ops/metrics.ts';
import { fastifyRequestOf, GRAPHQL_PATH, requestSettings } from '../request-context.ts';
import { makeDefaultPageSizePlugin } from './default-page-size.ts';
import type { ConstraintLookup } from './field-errors.ts';
import { IdempotencyPlugin } from './idempotency.ts';
import { GraphiQLSignInPreset } from './graphiql-sign-in.ts';
import { makeLimitsPlugin } from './limits.ts';
import { makeMaskError } from './mask-error.ts';
import { makeOperationMetricsPlugin } from './operation-metrics.ts';
import { CallerRequiredPlugin } from './caller-required.ts';
import { makeRequestPgService } from './pg-adaptor.ts';
import { RefusedWritesPlugin } from './refused-writes.ts';
import { makeTrustedDocumentsPreset } from './trusted-documents.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { TaskChangedPlugin } from '../realtime/schema.ts';

/** What a subscription sent as an HTTP request subscribes to. */
const NO_SUBSCRIPTIONS_OVER_HTTP = {
  subscribe(): never {
    throw new SafeError('Subscriptions run over a WebSocket at /graphql (graphql-transport-ws), not HTTP', { code: 'VALIDATION_FAILED' });
  },
};

export interface PresetParts {
  pool: pg.Pool;
  log: FastifyBaseLogger;
  metrics: Metrics;
  /** Field and message of each constraint (field-errors.ts); nothing where errors are not shown. */
  constraints?: ConstraintLookup;
  /** The server's WebSocket connections; absent where nothing subscribes (schema export, bench). */
  realtime?: Realtime;
  /** Slots of the pool per user and organization; by default the configured share of `pool`. */
  fairShare?: FairShare;
  /**
   * A superuser's URL (npm start, outside production): the schema is rebuilt whenever the database's DDL
   * changes (PostGraphile's watch mode), so a column `db:watch` adds is served without a restart.
   */
  watchAs?: string;
}

export function makePreset(config: ServerConfig, parts: PresetParts): GraphileConfig.Preset {
  const { pool, log, metrics, constraints = () => undefined, realtime, fairShare = fairShareFor(config, pool.options.max) } = parts;
  const watching = parts.watchAs !== undefined && !config.production;
  return {
    extends: [
      PostGraphileAmberPreset,
      PgSimplifyInflectionPreset,
      PostGraphileConnectionFilterPreset,
      makeTrustedDocumentsPreset(config),
      ...(config.production ? [] : [GraphiQLSignInPreset]),
    ],
    plugins: [
      makeLimitsPlugin(config),
      makeDefaultPageSizePlugin(config.graphql.maxPageSize),
      RefusedWritesPlugin,
      CallerRequiredPlugin,
      IdempotencyPlugin,
      TaskChangedPlugin,
      makeOperationMetricsPlugin(metrics),
      // Array elements are never null (check constraints), which PostgreSQL's types cannot say.
      makeChangeNullabilityPlugin({ Query: { currentUserPermissions: '[!]' }, Role: { permissions: '[!]!' }, OrganizationMembership: { effectivePermissions: '[!]' } }),
    ],
    pgServices: [makeRequestPgService(pool, fairShare, ['app_public'], watching ? parts.watchAs : undefined)],
    gather: { pgStrictFunctions: true },
    schema: {
      // Rows RLS hides are left out, never nulled: a connection's nodes and edges are never null, so
      // generated types need no `| null` in every map.
      pgForbidSetofFunctionsToReturnNull: true,
      // `filter:` only where a table's comment says +filter (migration 000015), on its indexed columns and
      // the ones tagged; comparisons, lists and a case-insensitive substring, nothing that scans
      // unbounded text, arrays, computed columns or relations.
      defaultBehavior: '-filter',
      connectionFilterAllowedOperators: [
        'isNull', 'equalTo', 'notEqualTo', 'in', 'notIn', 'lessThan', 'lessThanOrEqualTo', 'greaterThan', 'greaterThanOrEqualTo', 'includesInsensitive',
      ],
      // `{}` (a filter form with nothing chosen) means no filter; a null stays an error (mask-error.ts).
      connectionFilterAllowEmptyObjectInput: true,
      connectionFilterArrays: false,
      connectionFilterComputedColumns: false,
      connectionFilterSetofFunctions: false,
    },
    // Filtering through relations (task.assignee.name…) reaches beyond the filtered table's indexes.
    disablePlugins: ['PgConnectionArgFilterBackwardRelationsPlugin', 'PgConnectionArgFilterForwardRelationsPlugin'],
    grafserv: {
      graphqlPath: GRAPHQL_PATH,
      watch: watching,
      graphiql: !config.production,
      graphiqlPath: '/graphiql',
      graphiqlOnGraphQLGET: false,
      // Queries over GET too (urql's default, persisted queries); a mutation over GET is a 405.
      graphqlOverGET: true,
      // The WebSocket route is rowgate's own (server/realtime/websocket.ts), on grafserv's handling.
      websockets: false,
      maxRequestLength: config.bodyLimit,
      maskError: makeMaskError(log, constraints),
      // Grafast writes the answer's JSON itself, from its output plan, instead of building an object
      // tree for JSON.stringify to walk again.
      outputDataAsString: true,
    },
    grafast: {
      explain: false,
      timeouts: { planning: config.planningTimeoutMs, execution: config.executionTimeoutMs },
      context(requestContext) {
        const request = fastifyRequestOf(requestContext);
        if (request) return { pgSettings: requestSettings(request, config), rowgateTaskEvents: NO_SUBSCRIPTIONS_OVER_HTTP };
        // A subscription: the settings of its connection, as authenticated at connection_init.
        const socket = (requestContext as { ws?: { socket: WebSocket } }).ws?.socket;
        return (socket && realtime?.contextOf(socket)) ?? { pgSettings: { role: 'app_anonymous' } };
      },
    },
  };
}
