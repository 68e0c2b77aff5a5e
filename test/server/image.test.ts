// The Dockerfile, as far as it can be checked without Docker: its stages parse and hang together, the
// runtime stage runs as a non-root user with a health check and node (not npm) as the command, and what it
// copies, with the production dependency set (`npm ci --omit=dev`, less what the Dockerfile removes), is
// enough for migrations, the server (console included) and the worker to run. Building the image and
// running it in Docker is left to a machine with Docker.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readDatabaseConfig } from '../../db/config.ts';
import { PROJECT_ROOT } from '../../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { productionKey } from '../support/keys.ts';
import { spawnNode } from '../support/processes.ts';
import { http } from '../support/server.ts';

const run = promisify(execFile);

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  base: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** The Dockerfile's stages: FROM lines and the instructions under them (continuation lines joined). */
function parseDockerfile(text: string): Stage[] {
  const lines = text.replace(/\\\n\s*/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    expect(keyword, `a Dockerfile line without an instruction: ${line}`).toBeDefined();
    if (keyword.toUpperCase() === 'FROM') {
      const [, base, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ base, name, instructions: [] });
    } else {
      expect(stages.length, `${keyword} before FROM`).toBeGreaterThan(0);
      stages.at(-1)!.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

/** COPY [--from=stage] src... dest */
function copies(stage: Stage) {
  return stage.instructions
    .filter((i) => i.keyword === 'COPY')
    .map((i) => {
      const words = i.args.split(/\s+/);
      const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
      const paths = words.filter((w) => !w.startsWith('--'));
      return { from, sources: paths.slice(0, -1), destination: paths.at(-1)! };
    });
}

let stages: Stage[];
let ignored: string[];
beforeAll(async () => {
  stages = parseDockerfile(await fs.readFile(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'));
  ignored = (await fs.readFile(path.join(PROJECT_ROOT, '.dockerignore'), 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
});

const runtime = () => stages.at(-1)!;
const instruction = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);

describe('Dockerfile', () => {
  test('stages: production dependencies with npm ci --omit=dev, the console built, a runtime stage last', () => {
    expect(stages.map((s) => s.name)).toEqual(['dependencies', 'console', 'runtime']);
    for (const stage of stages) expect(stage.base).toMatch(/^(node:24[\w.-]*|dependencies)$/);
    const install = instruction(stages[0], 'RUN').map((i) => i.args).join(' ');
    expect(install).toMatch(/npm ci --omit=dev/);
    expect(instruction(stages[1], 'RUN').map((i) => i.args)).toContain('npm run web:build');
  });

  test('runtime: non-root, production, a health check, node as the process (not npm), ports declared', () => {
    const stage = runtime();
    expect(instruction(stage, 'USER').map((i) => i.args)).toEqual(['node']);
    expect(instruction(stage, 'ENV').map((i) => i.args).join(' ')).toMatch(/NODE_ENV=production/);
    const [check] = instruction(stage, 'HEALTHCHECK');
    expect(check.args).toMatch(/CMD .*\/readyz/);
    const [command] = instruction(stage, 'CMD');
    expect(JSON.parse(command.args)).toEqual(['node', 'server/serve.ts']);
    expect(instruction(stage, 'EXPOSE').map((i) => i.args).join(' ').split(/\s+/).sort()).toEqual(['4000', '9464']);
  });

  test('every COPY names an earlier stage or a path that exists and .dockerignore lets through', async () => {
    const names = new Set<string>();
    for (const stage of stages) {
      for (const copy of copies(stage)) {
        if (copy.from) {
          expect(names.has(copy.from), `COPY --from=${copy.from}: no earlier stage of that name`).toBe(true);
          continue;
        }
        for (const source of copy.sources) {
          await expect(fs.stat(path.join(PROJECT_ROOT, source)), source).resolves.toBeDefined();
          expect(ignored.filter((pattern) => source === pattern || source.startsWith(`${pattern}/`)), `${source} is in .dockerignore`).toEqual([]);
        }
      }
      if (stage.name) names.add(stage.name);
    }
  });
});

describe('the runtime stage, assembled without Docker', () => {
  let db: TestDatabase;
  let app: string;
  const cleanups: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    // Outside the project, so nothing resolves from the project's own node_modules.
    app = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-image-'));
    cleanups.push(() => fs.rm(app, { recursive: true, force: true }));
    await assembleRuntime(app);
  }, 120_000);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    await db?.drop();
  });

  /** What the runtime stage copies, from the project; its node_modules: the production set, hard-linked. */
  async function assembleRuntime(into: string) {
    for (const copy of copies(runtime())) {
      if (copy.from === 'dependencies') {
        await productionDependencies(path.join(into, 'node_modules'));
      } else if (copy.from === 'console') {
        await fs.cp(path.join(PROJECT_ROOT, 'web/dist'), path.join(into, 'web/dist'), { recursive: true });
      } else {
        for (const source of copy.sources) {
          const destination = copy.destination.endsWith('/') ? path.join(into, copy.destination, path.basename(source)) : path.join(into, copy.destination);
          await fs.cp(path.join(PROJECT_ROOT, source), destination, { recursive: true });
        }
      }
    }
  }

  /** `npm ci --omit=dev`'s tree (npm ls --omit=dev), minus what the dependencies stage removes. */
  async function productionDependencies(into: string) {
    const removed = instruction(stages[0], 'RUN')
      .flatMap((i) => [...i.args.matchAll(/rm -rf ([^&;]+)/g)].flatMap((m) => m[1].trim().split(/\s+/)))
      .filter((p) => p.startsWith('node_modules/'))
      .map((p) => p.slice('node_modules/'.length));
    const { stdout } = await run('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 }).catch((error) => error as { stdout: string });
    const root = await fs.realpath(path.join(PROJECT_ROOT, 'node_modules'));
    const topLevel = new Set<string>();
    for (const line of stdout.split('\n')) {
      const real = await fs.realpath(line.trim()).catch(() => undefined);
      if (!real?.startsWith(`${root}/`)) continue;
      const relative = real.slice(root.length + 1);
      if (relative.includes('/node_modules/')) continue; // comes with its parent
      if (removed.some((r) => relative === r || relative.startsWith(`${r}/`))) continue;
      topLevel.add(relative);
    }
    expect(topLevel.size).toBeGreaterThan(50);
    expect(topLevel.has('vitest'), 'a development dependency in the production set').toBe(false);
    await fs.mkdir(into, { recursive: true });
    for (const name of topLevel) {
      await fs.mkdir(path.dirname(path.join(into, name)), { recursive: true });
      await run('cp', ['-al', path.join(root, name), path.join(into, name)]);
    }
  }

  const production = (extra: Record<string, string>) => ({ PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...extra });
  function start(args: string[], env: NodeJS.ProcessEnv) {
    const child = spawnNode(args, env, app);
    cleanups.push(async () => {
      if (child.running) child.process.kill('SIGKILL');
      await child.exited;
    });
    return child;
  }

  test('migrations, the server with its console, and the worker run from it alone', { timeout: 120_000 }, async () => {
    const admin = new URL(inject('adminUrl'));
    const superUrl = new URL(inject('adminUrl'));
    superUrl.pathname = `/${db.name}`;
    const passwords = readDatabaseConfig({}).passwords;
    const migrate = start(['db/cli.ts', 'migrate'], production({
      DATABASE_URL: superUrl.toString(),
      DB_OWNER_PASSWORD: passwords.owner,
      DB_AUTHENTICATOR_PASSWORD: passwords.authenticator,
      DB_WORKER_PASSWORD: passwords.worker,
    }));
    expect(await migrate.exited, migrate.stderr()).toEqual({ code: 0, signal: null });

    const databaseUrl = `postgres://${admin.hostname}:${admin.port}/${db.name}`;
    const server = start(['server/serve.ts'], production({
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      DB_AUTHENTICATOR_PASSWORD: passwords.authenticator,
      JWT_PRIVATE_KEY: await productionKey(),
      CORS_ORIGINS: 'https://app.example',
    }));
    const worker = start(['worker/main.ts'], production({
      DATABASE_URL: databaseUrl,
      DB_WORKER_PASSWORD: passwords.worker,
      SMTP_URL: 'smtp://127.0.0.1:1',
      PUBLIC_URL: 'https://rowgate.example',
      METRICS_PORT: '0',
    }));
    const url = (await server.waitFor(/GraphQL at (\S+)\/graphql/)).replace(/^.*GraphQL at (\S+)\/graphql.*$/s, '$1');
    expect((await http({ url }, 'GET', '/readyz')).status).toBe(200);
    const page = await http<string>({ url }, 'GET', '/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<div id="root">/);
    const monitoring = (await worker.waitFor(/worker metrics at (\S+)\/metrics/)).replace(/^.*worker metrics at (\S+)\/metrics.*$/s, '$1');
    await worker.waitFor(/worker running/);
    expect((await http({ url: monitoring }, 'GET', '/healthz')).status).toBe(200);
    for (const child of [server, worker]) child.process.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  });
});
