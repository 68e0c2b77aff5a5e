// `npm run schema`: prints the GraphQL schema of the running preset, sorted, into schema.graphql (the
// input of graphql-codegen), and the database schema as it is now into migrations/SCHEMA.md
// (db/schema-snapshot.ts). It brings up the database like `npm start` (or uses the one it runs).
import '../graphile-env.ts';
import fs from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { makeSchema } from 'postgraphile';
import { lexicographicSortSchema, printSchema } from 'postgraphile/graphql';
import { connect } from '../../db/bootstrap.ts';
import { readDatabaseConfig } from '../../db/config.ts';
import { openDatabase } from '../../db/database.ts';
import { applyMigrations, PROJECT_ROOT } from '../../db/migrate.ts';
import { printSchemaSnapshot, SNAPSHOT_FILE } from '../../db/schema-snapshot.ts';
import path from 'node:path';
import { readServerConfig } from '../config.ts';
import { Metrics } from '../ops/metrics.ts';
import { makePreset } from './preset.ts';

export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);

/** A logger for presets built outside the server, where nothing is logged. */
const silent = { error() {}, warn() {}, info() {}, debug() {}, fatal() {}, trace() {}, child: () => silent, level: 'silent' };
export const silentLog = silent as never as FastifyBaseLogger;

/** The SDL the server would serve, given a pool of authenticator connections. */
export async function printServedSchema(pool: pg.Pool): Promise<string> {
  const preset = makePreset(readServerConfig({}), { pool, log: silentLog, metrics: new Metrics(pool) });
  const { schema } = await makeSchema(preset);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (import.meta.main) {
  const db = await openDatabase(readDatabaseConfig(), { mode: 'shared' });
  try {
    await applyMigrations(db);
    const pool = new pg.Pool({ connectionString: db.authenticatorUrl, max: 2 });
    try {
      await fs.writeFile(SCHEMA_FILE, await printServedSchema(pool));
      console.log('schema.graphql written');
    } finally {
      await pool.end();
    }
    const owner = await connect(db.ownerUrl);
    try {
      await fs.writeFile(path.join(PROJECT_ROOT, SNAPSHOT_FILE), await printSchemaSnapshot(owner, path.join(PROJECT_ROOT, 'migrations')));
      console.log(`${SNAPSHOT_FILE} written`);
    } finally {
      await owner.end();
    }
  } finally {
    await db.close();
  }
}
