// A stop is a stop: SIGTERM or SIGINT sent to the npm process itself (what a process manager or a
// container stop sends when npm is what it started) reaches the node process that drains. Each long-running
// script runs its node under `exec`, so `sh -c`, which would not pass the signal on, is not in between.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { readDatabaseConfig } from '../../db/config.ts';
import { clusterDirOf } from '../../db/embedded.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { productionKey } from '../support/keys.ts';
import { isRunning, refusesConnections, said, spawnNpm, type Child } from '../support/processes.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

/** The ids of `pid`'s children (npm's: the node it ran). */
async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await fs.readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const ids: number[] = [];
  for (const task of tasks) {
    const text = await fs.readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    ids.push(...text.split(/\s+/).filter(Boolean).map(Number));
  }
  return ids;
}

function npm(args: string[], env: Record<string, string>): Child {
  const child = spawnNpm(args, { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env });
  cleanups.push(async () => {
    if (child.running) {
      // What npm ran goes too, even if the signal never reached it (sh's child, then).
      const descendants = async (pid: number): Promise<number[]> => (await Promise.all((await childrenOf(pid)).map(async (c) => [c, ...(await descendants(c))]))).flat();
      for (const pid of await descendants(child.process.pid!)) process.kill(pid, 'SIGKILL');
      child.process.kill('SIGKILL');
    }
    await child.exited;
  });
  return child;
}

const portOf = (url: string) => Number(new URL(url).port);

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-signals-'));
  await fs.chmod(dir, 0o755); // reachable by the `postgres` OS user (we may be root)
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('signalling npm itself', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)('npm start: %s to npm drains, stops the embedded PostgreSQL, exits 0', async (signal) => {
    const dataDir = await tempDir();
    const child = npm(['start'], { DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0', PORT: '0' });
    const line = await child.waitFor(/GraphQL at (\S+)\/graphql/);
    const url = line.replace(/^.*GraphQL at (\S+)\/graphql.*$/s, '$1');
    const [node] = await childrenOf(child.process.pid!);
    const postmaster = Number((await fs.readFile(path.join(await clusterDirOf(dataDir), 'postmaster.pid'), 'utf8')).split('\n')[0]);
    child.process.kill(signal);
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(said(child.stdout(), 'stopping')).toBe(true);
    expect(isRunning(node)).toBe(false);
    expect(isRunning(postmaster)).toBe(false);
    expect(await refusesConnections(portOf(url))).toBe(true);
  }, 120_000);

  test('npm run start:server and start:worker: SIGTERM to npm drains and exits 0', async () => {
    const admin = new URL(inject('adminUrl'));
    const passwords = readDatabaseConfig({}).passwords;
    const databaseUrl = `postgres://${admin.hostname}:${admin.port}/${db.name}`;
    const production = { NODE_ENV: 'production', DATABASE_URL: databaseUrl };
    const server = npm(['run', 'start:server'], {
      ...production,
      PORT: '0',
      DB_AUTHENTICATOR_PASSWORD: passwords.authenticator,
      JWT_PRIVATE_KEY: await productionKey(),
      CORS_ORIGINS: 'https://app.example',
    });
    const worker = npm(['run', 'start:worker'], { ...production, DB_WORKER_PASSWORD: passwords.worker, MAIL_OUTBOX: 'true', PUBLIC_URL: 'https://rowgate.example', DATA_DIR: await tempDir() });
    const url = (await server.waitFor(/GraphQL at (\S+)\/graphql/)).replace(/^.*GraphQL at (\S+)\/graphql.*$/s, '$1');
    await worker.waitFor(/worker running/);
    const nodes = [...(await childrenOf(server.process.pid!)), ...(await childrenOf(worker.process.pid!))];
    expect(nodes).toHaveLength(2);
    server.process.kill('SIGTERM');
    worker.process.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    for (const pid of nodes) expect(isRunning(pid)).toBe(false);
    expect(await refusesConnections(portOf(url))).toBe(true);
  }, 120_000);
});
