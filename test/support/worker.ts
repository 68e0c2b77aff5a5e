// The real graphile-worker runner on a test database, with its mail outbox in a temporary directory.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readWorkerConfig } from '../../worker/config.ts';
import { startWorker, type RunningWorker } from '../../worker/runner.ts';
import { roleUrlsFor, type TestDatabase } from './database.ts';

export interface TestWorker {
  worker: RunningWorker;
  outboxDir: string;
  workerUrl: string;
  stop(): Promise<void>;
}

export function workerUrlFor(db: TestDatabase): string {
  return roleUrlsFor(db).workerUrl;
}

/** `listeningAt`: where the server listens, once it does (as npm start tells its worker). */
export async function startTestWorker(db: TestDatabase, env: Record<string, string> = {}, listeningAt?: () => string | undefined): Promise<TestWorker> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-worker-'));
  const config = readWorkerConfig({ DATA_DIR: dataDir, ...env });
  const workerUrl = workerUrlFor(db);
  const worker = await startWorker(config, workerUrl, { log: () => {}, listeningAt });
  return {
    worker,
    outboxDir: config.outboxDir,
    workerUrl,
    async stop() {
      await worker.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until check() returns a truthy value, or fails after timeoutMs with the message. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs: number, message: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
