// The PostGraphile preset: Amber + simplified names over app_public, connecting as the authenticator.
// Each request's transaction gets `role` (always: an empty pgSettings would run as the authenticator
// without a transaction), the verified user and session, the organization, and audit metadata.
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { makePgService } from 'postgraphile/adaptors/pg';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makeChangeNullabilityPlugin } from 'postgraphile/utils';
import type { ServerConfig } from '../config.ts';
import type { Metrics } from '../ops/metrics.ts';
import { requestSettings } from '../request-context.ts';
import { makeDefaultPageSizePlugin } from './default-page-size.ts';
import { makeLimitsPlugin } from './limits.ts';
import { makeMaskError } from './mask-error.ts';
import { makeOperationMetricsPlugin } from './operation-metrics.ts';
import { RefusedWritesPlugin } from './refused-writes.ts';
import { makeTrustedDocumentsPreset } from './trusted-documents.ts';

export function makePreset(config: ServerConfig, pool: pg.Pool, log: FastifyBaseLogger, metrics: Metrics): GraphileConfig.Preset {
  return {
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, ...makeTrustedDocumentsPreset(config)],
    plugins: [
      makeLimitsPlugin(config),
      makeDefaultPageSizePlugin(config.graphql.maxPageSize),
      RefusedWritesPlugin,
      makeOperationMetricsPlugin(metrics),
      // Array elements are never null (check constraints), which PostgreSQL's types cannot say.
      makeChangeNullabilityPlugin({ Query: { currentUserPermissions: '[!]' }, Role: { permissions: '[!]!' } }),
    ],
    pgServices: [makePgService({ pool, schemas: ['app_public'] })],
    gather: { pgStrictFunctions: true },
    grafserv: {
      graphqlPath: '/graphql',
      graphiql: !config.production,
      graphiqlPath: '/graphiql',
      graphiqlOnGraphQLGET: false,
      graphqlOverGET: false,
      websockets: false,
      maxRequestLength: config.bodyLimit,
      maskError: makeMaskError(log),
    },
    grafast: {
      explain: false,
      timeouts: { planning: config.planningTimeoutMs, execution: config.executionTimeoutMs },
      context(requestContext) {
        const request = requestContext.fastifyv5?.request as FastifyRequest | undefined;
        return { pgSettings: request ? requestSettings(request, config) : { role: 'app_anonymous' } };
      },
    },
  };
}
