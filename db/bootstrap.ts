// Creates what migrations cannot: the cluster-wide roles and the database itself. Idempotent, and it
// re-asserts role attributes on every run so a hand-edited role cannot silently keep BYPASSRLS.
import pg from 'pg';
import type { RolePasswords } from './config.ts';
import { ROLES } from './roles.ts';

const MIN_SERVER_VERSION = 150000;
/** PostgreSQL's own databases: bootstrap revokes CONNECT from PUBLIC on rowgate's, so it must never be one of these. */
const RESERVED_DATABASES = ['postgres', 'template0', 'template1'];

export async function bootstrap(adminUrl: string, databaseName: string, passwords: RolePasswords): Promise<void> {
  if (RESERVED_DATABASES.includes(databaseName)) {
    throw new Error(
      `rowgate needs a database of its own, not PostgreSQL's "${databaseName}": put its name in the path of DATABASE_URL, e.g. postgres://USER:PASSWORD@HOST:PORT/rowgate`,
    );
  }
  const client = await connect(withDatabase(adminUrl, 'postgres'));
  try {
    const { rows } = await client.query<{ version: number }>(`select current_setting('server_version_num')::int as version`);
    if (rows[0].version < MIN_SERVER_VERSION) {
      throw new Error(`rowgate needs PostgreSQL 15 or newer; the server runs ${rows[0].version}`);
    }
    await ensureRole(client, ROLES.owner, 'login nosuperuser nocreatedb nocreaterole nobypassrls inherit', passwords.owner);
    await ensureRole(client, ROLES.definer, 'nologin nosuperuser nocreatedb nocreaterole bypassrls noinherit');
    await ensureRole(client, ROLES.authenticator, 'login nosuperuser nocreatedb nocreaterole nobypassrls noinherit', passwords.authenticator);
    await ensureRole(client, ROLES.worker, 'login nosuperuser nocreatedb nocreaterole nobypassrls inherit', passwords.worker);
    await ensureRole(client, ROLES.anonymous, 'nologin nosuperuser nocreatedb nocreaterole nobypassrls inherit');
    await ensureRole(client, ROLES.user, 'nologin nosuperuser nocreatedb nocreaterole nobypassrls inherit');
    await client.query(`grant ${ROLES.anonymous}, ${ROLES.user} to ${ROLES.authenticator}`);
    // The owner hands SECURITY DEFINER functions to the definer role, which needs membership.
    await client.query(`grant ${ROLES.definer} to ${ROLES.owner}`);
    await ensureDatabase(client, databaseName);
    await enableStatementStatistics(client);
  } finally {
    await client.end();
  }
}

/**
 * pg_stat_statements in the maintenance database (its view covers every database), where the server loads
 * it: the embedded one always does; on another server it is the operator's choice (shared_preload_libraries).
 */
async function enableStatementStatistics(client: pg.Client) {
  const { rows } = await client.query<{ loaded: boolean }>(
    `select 'pg_stat_statements' = any(string_to_array(current_setting('shared_preload_libraries'), ', ')) as loaded`,
  );
  if (rows[0].loaded) await client.query('create extension if not exists pg_stat_statements');
}

async function ensureRole(client: pg.Client, name: string, attributes: string, password?: string) {
  const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [name]);
  if (!rowCount) await client.query(`create role ${name}`);
  await client.query(`alter role ${name} ${attributes}`);
  if (password) await client.query(`alter role ${name} password ${client.escapeLiteral(password)}`);
}

export async function ensureDatabase(client: pg.Client, databaseName: string, template?: string) {
  const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [databaseName]);
  const name = client.escapeIdentifier(databaseName);
  if (!rowCount) {
    await client.query(`create database ${name} owner ${ROLES.owner}${template ? ` template ${client.escapeIdentifier(template)}` : ''}`);
  }
  await grantDatabaseAccess(client, databaseName);
}

/** The same rule graphile-migrate's reset applies: nobody connects unless named here. */
export async function grantDatabaseAccess(client: pg.Client, databaseName: string) {
  const name = client.escapeIdentifier(databaseName);
  await client.query(`revoke all on database ${name} from public`);
  await client.query(`grant connect on database ${name} to ${ROLES.authenticator}, ${ROLES.worker}`);
  // graphile-worker's migrations start with CREATE SCHEMA IF NOT EXISTS, which PostgreSQL checks for
  // CREATE on the database even when the schema exists.
  await client.query(`grant create on database ${name} to ${ROLES.worker}`);
}

export function withDatabase(url: string, databaseName: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${databaseName}`;
  return parsed.toString();
}

export function withLogin(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = password;
  return parsed.toString();
}

/** Connects with a bounded wait; the error names host and port, never the password. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    const { hostname, port } = new URL(url);
    throw new Error(`Cannot connect to PostgreSQL at ${hostname}:${port || 5432}: ${(error as Error).message}`);
  }
  return client;
}

/**
 * Runs `fn` with search_path pg_catalog, so that pg_get_expr, pg_get_functiondef and regclass output name
 * every object with its schema whatever the caller's search_path, then gives the session its own back.
 */
export async function withQualifiedNames<T>(client: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  const { rows } = await client.query<{ search_path: string }>('show search_path');
  await client.query("select pg_catalog.set_config('search_path', 'pg_catalog', false)");
  try {
    return await fn();
  } finally {
    await client.query("select pg_catalog.set_config('search_path', $1, false)", [rows[0].search_path]);
  }
}
