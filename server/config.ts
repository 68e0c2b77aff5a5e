// Server configuration: every environment variable the server reads, declared once as a schema, parsed and
// checked at start. Nothing else in server/ reads process.env.
import path from 'node:path';
import Type, { type Static } from 'typebox';
import { parseEnvironment, refuseProblems, requiredInProduction } from '../db/environment.ts';
import type { InputLimits } from './graphql/input-limits.ts';

const Int = (fallback: number, minimum = 0, maximum = Number.MAX_SAFE_INTEGER) =>
  Type.Integer({ default: fallback, minimum, maximum });

export const EnvSchema = Type.Object({
  NODE_ENV: Type.String({ default: 'development' }),
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Int(4000, 0, 65535),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
  DATA_DIR: Type.String({ default: '.data' }),
  /** Comma-separated allow-list of browser origins; required in production. */
  CORS_ORIGINS: Type.String({ default: '' }),
  /** PKCS#8 PEM private key (ES256 or Ed25519) signing access tokens; required in production. */
  JWT_PRIVATE_KEY: Type.String({ default: '' }),
  JWT_ALGORITHM: Type.Union([Type.Literal('ES256'), Type.Literal('EdDSA')], { default: 'ES256' }),
  JWT_ISSUER: Type.String({ default: 'rowgate' }),
  JWT_AUDIENCE: Type.String({ default: 'rowgate-api' }),
  ACCESS_TOKEN_TTL_SECONDS: Int(900, 30, 900),
  REFRESH_TOKEN_TTL_SECONDS: Int(30 * 24 * 3600, 60),
  JWT_CLOCK_TOLERANCE_SECONDS: Int(5, 0, 60),
  /** Optional external identity provider. */
  AUTH_JWKS_URL: Type.String({ default: '' }),
  AUTH_ISSUER: Type.String({ default: '' }),
  AUTH_AUDIENCE: Type.String({ default: '' }),
  RATE_LIMIT_AUTH_PER_MINUTE: Int(20, 1),
  /** /auth/refresh: each session's own budget (a browser reloading), and a ceiling per client IP (an office shares one). */
  RATE_LIMIT_REFRESH_PER_SESSION_PER_MINUTE: Int(30, 1),
  RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE: Int(600, 1),
  RATE_LIMIT_GRAPHQL_PER_MINUTE: Int(600, 1),
  /** Where request counts live: this process (memory), the cluster's primary, or PostgreSQL (every process and replica). */
  RATE_LIMIT_STORE: Type.Union([Type.Literal('auto'), Type.Literal('memory'), Type.Literal('cluster'), Type.Literal('postgres')], { default: 'auto' }),
  /** `start:server` processes sharing the port (node:cluster). */
  SERVER_PROCESSES: Int(1, 1, 64),
  /** Connections each server process keeps to PostgreSQL. */
  DB_POOL_SIZE: Int(10, 1, 500),
  /** Transactions one user, and one organization, may hold at once per process (server/fair-share.ts); 0: 40% and 60% of the pool. */
  DB_MAX_STATEMENTS_PER_USER: Int(0, 0, 500),
  DB_MAX_STATEMENTS_PER_ORGANIZATION: Int(0, 0, 500),
  GRAPHQL_MAX_DEPTH: Int(12, 1),
  GRAPHQL_MAX_ALIASES: Int(30, 0),
  GRAPHQL_MAX_TOKENS: Int(2000, 10),
  GRAPHQL_MAX_PAGE_SIZE: Int(100, 1),
  /** Levels of objects and lists in any argument or variable (server/graphql/input-limits.ts). */
  GRAPHQL_MAX_INPUT_DEPTH: Int(32, 2),
  /** Items in any list an argument holds (orderBy, in, and/or). */
  GRAPHQL_MAX_LIST_LENGTH: Int(100, 1),
  /** Levels of and/or/not in one `filter`, and conditions in it. */
  GRAPHQL_MAX_FILTER_DEPTH: Int(6, 1),
  GRAPHQL_MAX_FILTER_OPERATORS: Int(50, 1),
  /** Objects one operation's response may hold, nested page sizes multiplied (server/graphql/cost.ts). */
  GRAPHQL_MAX_COST: Int(10_000, 1),
  /** Largest response body of a query, in bytes (a mutation's answer is never withheld after it committed). */
  GRAPHQL_MAX_RESPONSE_BYTES: Int(16 * 1024 * 1024, 1024),
  REQUEST_BODY_LIMIT_BYTES: Int(100_000, 1024),
  /** A request must arrive whole (headers and body) within this; its headers within the lesser of it and 10 s. */
  REQUEST_TIMEOUT_MS: Int(30_000, 100),
  /** HTTP connections one client address may hold at once; not applied behind trusted proxies (TRUST_PROXY_HOPS). */
  HTTP_MAX_CONNECTIONS_PER_IP: Int(256, 1),
  STATEMENT_TIMEOUT_MS: Int(5000, 100),
  PLANNING_TIMEOUT_MS: Int(2000, 100),
  EXECUTION_TIMEOUT_MS: Int(10_000, 1),
  /** A request slower than this is logged at warn (ops/access-log.ts). */
  SLOW_OPERATION_MS: Int(500, 1),
  TRUSTED_DOCUMENTS: Type.Union([Type.Literal('0'), Type.Literal('1')], { default: '0' }),
  /** A port of its own for /metrics (0 picks one); unset: the main port in development, nowhere in production. */
  METRICS_PORT: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  METRICS_HOST: Type.String({ default: '127.0.0.1' }),
  /** When set, /metrics needs `Authorization: Bearer <METRICS_TOKEN>` (and may then be on the main port in production). */
  METRICS_TOKEN: Type.String({ default: '' }),
  /** Realtime (GraphQL subscriptions over WebSocket), per server process. */
  REALTIME_MAX_CONNECTIONS_PER_USER: Int(10, 1),
  REALTIME_MAX_SUBSCRIPTIONS_PER_CONNECTION: Int(20, 1),
  /** WebSocket connections per client IP (before connection_init too), and per process. */
  REALTIME_MAX_CONNECTIONS_PER_IP: Int(100, 1),
  REALTIME_MAX_CONNECTIONS: Int(4000, 1),
  /** Objects one subscription message may hold (server/graphql/subscription-limits.ts), and its bytes. */
  REALTIME_MAX_COST: Int(50, 1),
  REALTIME_MAX_MESSAGE_BYTES: Int(256 * 1024, 1024),
  /** Ping interval; a client that misses a pong within it is disconnected. */
  REALTIME_KEEPALIVE_MS: Int(12_000, 1000),
  /** Invitation budgets, judged by invite_to_organization (migration 000019); unset: its defaults (20, 50, 5, 100). */
  INVITE_MAX_PER_SENDER_PER_HOUR: Type.Optional(Type.Integer({ minimum: 0 })),
  INVITE_MAX_PER_ORGANIZATION_PER_HOUR: Type.Optional(Type.Integer({ minimum: 0 })),
  INVITE_MAX_PER_ADDRESS_PER_DAY: Type.Optional(Type.Integer({ minimum: 0 })),
  INVITE_MAX_PENDING_PER_ORGANIZATION: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Trust X-Forwarded-For from this many proxies in front (0: use the socket address). */
  TRUST_PROXY_HOPS: Int(0, 0, 10),
});
export type Env = Static<typeof EnvSchema>;

export interface ServerConfig {
  production: boolean;
  host: string;
  port: number;
  logLevel: string;
  dataDir: string;
  corsOrigins: string[];
  jwt: {
    privateKeyPem: string | undefined;
    algorithm: 'ES256' | 'EdDSA';
    issuer: string;
    audience: string;
    accessTokenTtl: number;
    refreshTokenTtl: number;
    clockTolerance: number;
  };
  externalIdp: { jwksUrl: string; issuer: string; audience: string } | undefined;
  rateLimit: {
    authPerMinute: number;
    refreshPerSessionPerMinute: number;
    refreshPerIpPerMinute: number;
    graphqlPerMinute: number;
    store: 'memory' | 'cluster' | 'postgres';
  };
  processes: number;
  poolSize: number;
  /** Slots per user and per organization; undefined: a share of the pool (server/app.ts). */
  statementsPerUser: number | undefined;
  statementsPerOrganization: number | undefined;
  graphql: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxPageSize: number;
    input: InputLimits;
    maxCost: number;
    maxResponseBytes: number;
    trustedDocuments: boolean;
  };
  bodyLimit: number;
  requestTimeoutMs: number;
  /** Connections per client address, or undefined behind proxies (every connection is theirs). */
  maxConnectionsPerAddress: number | undefined;
  statementTimeoutMs: number;
  planningTimeoutMs: number;
  executionTimeoutMs: number;
  slowOperationMs: number;
  trustProxyHops: number;
  /** PostgreSQL settings every API connection starts with (`rowgate.invite_max_*`), as `-c` options. */
  databaseSettings: Record<string, string>;
  realtime: {
    maxConnectionsPerUser: number;
    maxConnectionsPerIp: number;
    maxConnections: number;
    maxSubscriptionsPerConnection: number;
    maxCost: number;
    maxMessageBytes: number;
    keepAliveMs: number;
  };
  metrics: {
    /** Serve /metrics on the main port (no METRICS_PORT; in production only with a token). */
    onMainPort: boolean;
    /** A listener of its own, when METRICS_PORT is set. */
    port: number | undefined;
    host: string;
    token: string | undefined;
  };
}

/** Parses the environment; throws a ConfigError naming every variable at fault. */
export function readServerConfig(source: NodeJS.ProcessEnv = process.env): ServerConfig {
  const { env, problems } = parseEnvironment(EnvSchema, source);
  problems.push(...requiredInProduction(source, ['JWT_PRIVATE_KEY', 'CORS_ORIGINS']));
  const idp = [env.AUTH_JWKS_URL, env.AUTH_ISSUER, env.AUTH_AUDIENCE];
  if (idp.some(Boolean) && !idp.every(Boolean)) problems.push('AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE must be set together');
  refuseProblems(problems);
  const production = env.NODE_ENV === 'production';
  const metricsPort = env.METRICS_PORT;
  return {
    production,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    dataDir: path.resolve(env.DATA_DIR),
    corsOrigins: env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    jwt: {
      privateKeyPem: env.JWT_PRIVATE_KEY || undefined,
      algorithm: env.JWT_ALGORITHM,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      accessTokenTtl: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtl: env.REFRESH_TOKEN_TTL_SECONDS,
      clockTolerance: env.JWT_CLOCK_TOLERANCE_SECONDS,
    },
    externalIdp: env.AUTH_JWKS_URL ? { jwksUrl: env.AUTH_JWKS_URL, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE } : undefined,
    rateLimit: {
      authPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE,
      refreshPerSessionPerMinute: env.RATE_LIMIT_REFRESH_PER_SESSION_PER_MINUTE,
      refreshPerIpPerMinute: env.RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE,
      graphqlPerMinute: env.RATE_LIMIT_GRAPHQL_PER_MINUTE,
      // One process counts alone; several on one host count at their primary, unless told otherwise.
      store: env.RATE_LIMIT_STORE === 'auto' ? (env.SERVER_PROCESSES > 1 ? 'cluster' : 'memory') : env.RATE_LIMIT_STORE,
    },
    processes: env.SERVER_PROCESSES,
    poolSize: env.DB_POOL_SIZE,
    statementsPerUser: env.DB_MAX_STATEMENTS_PER_USER || undefined,
    statementsPerOrganization: env.DB_MAX_STATEMENTS_PER_ORGANIZATION || undefined,
    graphql: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxPageSize: env.GRAPHQL_MAX_PAGE_SIZE,
      input: {
        maxDepth: env.GRAPHQL_MAX_INPUT_DEPTH,
        maxListLength: env.GRAPHQL_MAX_LIST_LENGTH,
        maxFilterDepth: env.GRAPHQL_MAX_FILTER_DEPTH,
        maxFilterOperators: env.GRAPHQL_MAX_FILTER_OPERATORS,
      },
      maxCost: env.GRAPHQL_MAX_COST,
      maxResponseBytes: env.GRAPHQL_MAX_RESPONSE_BYTES,
      trustedDocuments: env.TRUSTED_DOCUMENTS === '1',
    },
    bodyLimit: env.REQUEST_BODY_LIMIT_BYTES,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    maxConnectionsPerAddress: env.TRUST_PROXY_HOPS === 0 ? env.HTTP_MAX_CONNECTIONS_PER_IP : undefined,
    statementTimeoutMs: env.STATEMENT_TIMEOUT_MS,
    planningTimeoutMs: env.PLANNING_TIMEOUT_MS,
    executionTimeoutMs: env.EXECUTION_TIMEOUT_MS,
    slowOperationMs: env.SLOW_OPERATION_MS,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    databaseSettings: Object.fromEntries(
      (
        [
          ['rowgate.invite_max_per_sender_per_hour', env.INVITE_MAX_PER_SENDER_PER_HOUR],
          ['rowgate.invite_max_per_organization_per_hour', env.INVITE_MAX_PER_ORGANIZATION_PER_HOUR],
          ['rowgate.invite_max_per_address_per_day', env.INVITE_MAX_PER_ADDRESS_PER_DAY],
          ['rowgate.invite_max_pending_per_organization', env.INVITE_MAX_PENDING_PER_ORGANIZATION],
        ] as const
      ).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])),
    ),
    realtime: {
      maxConnectionsPerUser: env.REALTIME_MAX_CONNECTIONS_PER_USER,
      maxConnectionsPerIp: env.REALTIME_MAX_CONNECTIONS_PER_IP,
      maxConnections: env.REALTIME_MAX_CONNECTIONS,
      maxSubscriptionsPerConnection: env.REALTIME_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxCost: env.REALTIME_MAX_COST,
      maxMessageBytes: env.REALTIME_MAX_MESSAGE_BYTES,
      keepAliveMs: env.REALTIME_KEEPALIVE_MS,
    },
    metrics: {
      onMainPort: metricsPort === undefined && (!production || Boolean(env.METRICS_TOKEN)),
      port: metricsPort,
      host: env.METRICS_HOST,
      token: env.METRICS_TOKEN || undefined,
    },
  };
}
