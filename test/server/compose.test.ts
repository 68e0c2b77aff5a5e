// docker-compose.yml stays in step with the code: our services run the image the Dockerfile builds with the
// package scripts' commands, their variables are ones the programs read, production's required settings
// are there, start-up order waits on health, Prometheus scrapes what the programs serve and Grafana is
// provisioned, and the server service's variables are exactly enough to start `npm run start:server` in
// production.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import { DATABASE_VARIABLES, readDatabaseConfig } from '../../db/config.ts';
import { PROJECT_ROOT } from '../../db/migrate.ts';
import { EnvSchema } from '../../server/config.ts';
import { productionKey } from '../support/keys.ts';
import { said } from '../support/processes.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { http } from '../support/server.ts';
import { readWorkerConfig, WORKER_VARIABLES } from '../../worker/config.ts';

const KNOWN_VARIABLES = new Set([...Object.keys(EnvSchema.properties), ...DATABASE_VARIABLES, ...WORKER_VARIABLES]);

interface Service {
  image?: string;
  build?: string;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: (string | number)[];
  volumes?: string[];
}

let compose: { services: Record<string, Service>; volumes?: Record<string, unknown> };
let scripts: Record<string, string>;

beforeAll(async () => {
  compose = parse(await fs.readFile(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8'));
  scripts = JSON.parse(await fs.readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts;
});

/** A service's environment as a map, whichever of compose's two forms it uses. */
function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => {
      const index = entry.indexOf('=');
      return index < 0 ? [entry, ''] : [entry.slice(0, index), entry.slice(index + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

function commandText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(' ') : (value ?? '');
}

function dependsOn(service: Service): Record<string, string | undefined> {
  const deps = service.depends_on ?? {};
  return Array.isArray(deps) ? Object.fromEntries(deps.map((name) => [name, undefined])) : Object.fromEntries(Object.entries(deps).map(([name, d]) => [name, d?.condition]));
}

/** Our programs: services running the image the Dockerfile builds. */
function projectServices(): [string, Service][] {
  return Object.entries(compose.services).filter(([, service]) => service.build !== undefined);
}

describe('docker-compose.yml', () => {
  test('has db, migrate, server, worker, prometheus and grafana; ours are built from the Dockerfile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['db', 'grafana', 'migrate', 'prometheus', 'server', 'worker']);
    expect(projectServices().map(([name, service]) => [name, service.build, service.image])).toEqual([
      ['migrate', '.', 'rowgate'],
      ['server', '.', 'rowgate'],
      ['worker', '.', 'rowgate'],
    ]);
    // Nothing of the host is mounted into them: the image is the deployable.
    for (const [name, service] of projectServices()) expect(service.volumes, name).toBeUndefined();
  });

  test('worker: its own login only, after the migrations', () => {
    const env = environment(compose.services.worker);
    expect(env.NODE_ENV).toBe('production');
    expect(new URL(env.DATABASE_URL).password).toBe('');
    expect(env.DB_WORKER_PASSWORD).toBe(environment(compose.services.migrate).DB_WORKER_PASSWORD);
    expect(Object.keys(env)).not.toContain('DB_OWNER_PASSWORD');
    expect(Object.keys(env)).not.toContain('DB_AUTHENTICATOR_PASSWORD');
    expect(dependsOn(compose.services.worker)).toEqual({ db: 'service_healthy', migrate: 'service_completed_successfully' });
    // Production mail leaves the machine: SMTP_URL is required.
    expect(env.SMTP_URL).toMatch(/^\$\{SMTP_URL:\?/);
    expect(env.PUBLIC_URL).toMatch(/^\$\{PUBLIC_URL:\?/);
  });

  test('worker: /metrics and its health check on its own port, on the compose network only', () => {
    const worker = compose.services.worker;
    const env = environment(worker);
    expect([env.METRICS_HOST, env.METRICS_PORT]).toEqual(['0.0.0.0', '9464']);
    expect(worker.ports).toBeUndefined();
    expect(commandText(worker.healthcheck?.test)).toContain(`http://127.0.0.1:${env.METRICS_PORT}/healthz`);
  });

  test('prometheus scrapes the server and worker at their metrics ports with the alert rules; grafana is provisioned', async () => {
    const prometheus = compose.services.prometheus;
    const config = parse(await fs.readFile(path.join(PROJECT_ROOT, 'monitoring/prometheus.yml'), 'utf8')) as {
      rule_files: string[];
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    const targets = Object.fromEntries(config.scrape_configs.map((c) => [c.job_name, c.static_configs.flatMap((s) => s.targets)]));
    expect(targets).toEqual({
      'rowgate-server': [`server:${environment(compose.services.server).METRICS_PORT}`],
      'rowgate-worker': [`worker:${environment(compose.services.worker).METRICS_PORT}`],
    });
    // Every file a service mounts exists, and the rule file Prometheus loads is mounted there.
    const mounts = (service: Service) => (service.volumes ?? []).filter((v) => v.startsWith('./')).map((v) => v.split(':'));
    for (const [, service] of Object.entries(compose.services)) {
      for (const [source] of mounts(service)) await expect(fs.stat(path.join(PROJECT_ROOT, source)), source).resolves.toBeDefined();
    }
    for (const rules of config.rule_files) expect(mounts(prometheus).map(([, target]) => target)).toContain(rules);
    const grafana = compose.services.grafana;
    expect(environment(grafana).GF_SECURITY_ADMIN_PASSWORD).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD:\?/);
    const provider = parse(await fs.readFile(path.join(PROJECT_ROOT, 'monitoring/grafana/provisioning/dashboards/rowgate.yml'), 'utf8')) as { providers: { options: { path: string } }[] };
    expect(mounts(grafana).map(([, target]) => target)).toEqual(expect.arrayContaining(['/etc/grafana/provisioning', provider.providers[0].options.path]));
    // Their UIs on this machine only.
    for (const service of [prometheus, grafana]) for (const port of service.ports ?? []) expect(String(port)).toMatch(/^127\.0\.0\.1:/);
  });

  test("our services' commands are package scripts' commands, run by node itself (npm would not pass SIGTERM on)", () => {
    // (A script runs its command under `exec`, so npm's signal reaches node: the same command.)
    const byCommand = new Map(Object.entries(scripts).map(([name, command]) => [command.replace(/^exec /, ''), name]));
    const used = projectServices().map(([name, service]) => {
      const command = commandText(service.command);
      expect(byCommand.has(command), `${name}: "${command}" is no package script's command`).toBe(true);
      expect(command, name).toMatch(/^node /);
      return byCommand.get(command);
    });
    expect(used.sort()).toEqual(['migrate', 'start:server', 'start:worker']);
  });

  test('the lists of variables are what the readers read', () => {
    // An environment that records every name it is asked for (production too, which reads more).
    const asked = (read: (env: NodeJS.ProcessEnv) => unknown, base: Record<string, string> = {}) => {
      const names = new Set<string>();
      const env = new Proxy(base, { get: (target, name) => (names.add(String(name)), target[String(name)]) });
      try {
        read(env);
      } catch {
        // a production reader refusing what is missing has asked for it already
      }
      return names;
    };
    for (const base of [{}, { NODE_ENV: 'production' }] as Record<string, string>[]) {
      expect([...asked(readDatabaseConfig, base)].filter((name) => !(DATABASE_VARIABLES as readonly string[]).includes(name))).toEqual([]);
      expect([...asked(readWorkerConfig, base)].filter((name) => !(WORKER_VARIABLES as readonly string[]).includes(name))).toEqual([]);
    }
  });

  test('every variable a project service sets is one the configuration reads', () => {
    for (const [name, service] of projectServices()) {
      for (const variable of Object.keys(environment(service))) {
        expect(KNOWN_VARIABLES.has(variable), `${name} sets ${variable}, which neither server/config.ts nor db/config.ts reads`).toBe(true);
      }
    }
  });

  test('db: postgres:18 with a superuser password, a volume and a pg_isready health check', () => {
    const db = compose.services.db;
    expect(db.image).toBe('postgres:18');
    expect(environment(db).POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    const [volume] = db.volumes ?? [];
    expect(volume).toMatch(/^[\w-]+:\/var\/lib\/postgresql$/);
    expect(compose.volumes).toHaveProperty([volume.split(':')[0]]);
    expect(commandText(db.healthcheck?.test)).toMatch(/pg_isready/);
  });

  test('migrate: production settings with every database password, once the database is healthy', () => {
    const env = environment(compose.services.migrate);
    expect(env.NODE_ENV).toBe('production');
    // readDatabaseConfig refuses production without these.
    for (const name of ['DATABASE_URL', 'DB_OWNER_PASSWORD', 'DB_AUTHENTICATOR_PASSWORD', 'DB_WORKER_PASSWORD']) expect(env[name], name).toBeTruthy();
    const url = new URL(env.DATABASE_URL.replace(/\$\{[^}]*\}/g, 'x'));
    expect([url.username, url.hostname, url.port, url.pathname]).toEqual(['postgres', 'db', '5432', '/rowgate']);
    expect(dependsOn(compose.services.migrate)).toEqual({ db: 'service_healthy' });
  });

  test('server: every variable production requires, listening on all interfaces at the published port', () => {
    const server = compose.services.server;
    const env = environment(server);
    expect(env.NODE_ENV).toBe('production');
    for (const name of ['JWT_PRIVATE_KEY', 'CORS_ORIGINS', 'DATABASE_URL', 'DB_AUTHENTICATOR_PASSWORD']) expect(env[name], name).toBeTruthy();
    // Least privilege: the API server holds neither the superuser's nor the owner's nor the worker's password.
    expect(Object.keys(env)).not.toContain('DB_OWNER_PASSWORD');
    expect(Object.keys(env)).not.toContain('DB_WORKER_PASSWORD');
    expect(new URL(env.DATABASE_URL).password).toBe('');
    expect(env.HOST).toBe('0.0.0.0');
    expect(server.ports).toContain(`${env.PORT}:${env.PORT}`);
    // The password bootstrap sets is the one the server logs in with.
    expect(env.DB_AUTHENTICATOR_PASSWORD).toBe(environment(compose.services.migrate).DB_AUTHENTICATOR_PASSWORD);
    expect(new URL(env.DATABASE_URL).pathname).toBe(new URL(environment(compose.services.migrate).DATABASE_URL.replace(/\$\{[^}]*\}/g, 'x')).pathname);
  });

  test('server: health check on /readyz at its port; starts after migrations succeeded and the database is healthy', () => {
    const server = compose.services.server;
    const check = commandText(server.healthcheck?.test);
    expect(check).toMatch(/^CMD node -e /);
    expect(check).toContain(`http://127.0.0.1:${environment(server).PORT}/readyz`);
    expect(dependsOn(server)).toEqual({ db: 'service_healthy', migrate: 'service_completed_successfully' });
  });

  test('every service_healthy dependency has a health check, and every dependency exists', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [dependency, condition] of Object.entries(dependsOn(service))) {
        expect(compose.services, `${name} depends on ${dependency}`).toHaveProperty([dependency]);
        if (condition === 'service_healthy') expect(compose.services[dependency].healthcheck?.test, `${dependency} health check`).toBeTruthy();
        expect(['service_started', 'service_healthy', 'service_completed_successfully']).toContain(condition);
      }
    }
  });
});

describe('the server service, run as compose would run it (without docker)', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase(); });
  afterAll(() => db?.drop());

  test("its variables, and no others, are enough for `npm run start:server` in production", { timeout: 60_000 }, async () => {
    const service = environment(compose.services.server);
    const admin = new URL(inject('adminUrl'));
    // The same names as the service sets; values for this test cluster (it uses the development passwords).
    const values: Record<string, string> = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `postgres://${admin.hostname}:${admin.port}/${db.name}`,
      DB_AUTHENTICATOR_PASSWORD: readDatabaseConfig({}).passwords.authenticator,
      JWT_PRIVATE_KEY: await productionKey(),
      CORS_ORIGINS: 'https://app.example',
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: '0',
    };
    expect(Object.keys(values).sort()).toEqual(Object.keys(service).sort());

    const script = /\S+\.ts$/.exec(scripts['start:server'])?.[0] ?? '';
    expect(script).toBe('server/serve.ts');
    const child = spawn(process.execPath, [script], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...values },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const check = () => {
          const match = /GraphQL at (http:\/\/\S+)\/graphql/.exec(stdout);
          // The metrics line comes right after it.
          if (match && said(stdout, /^metrics /)) resolve(match[1]);
        };
        child.stdout.on('data', check);
        void exited.then(() => reject(new Error(`start:server exited\nstdout:\n${stdout}\nstderr:\n${stderr}`)));
      });
      expect((await http({ url }, 'GET', '/readyz')).status).toBe(200);
      expect((await http({ url }, 'GET', '/graphiql')).status).toBe(404);
      // Metrics on their own listener only.
      const metricsUrl = /metrics at (http:\/\/\S+)\/metrics/.exec(stdout)?.[1];
      expect(metricsUrl).toBeDefined();
      expect((await http({ url: metricsUrl! }, 'GET', '/metrics')).status).toBe(200);
      expect((await http({ url }, 'GET', '/metrics')).status).toBe(404);
      child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    }
  });

  test('without DB_AUTHENTICATOR_PASSWORD, production refuses to start, naming it', async () => {
    const child = spawn(process.execPath, ['server/serve.ts'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1:1/rowgate', JWT_PRIVATE_KEY: 'x', CORS_ORIGINS: 'https://app.example' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/DB_AUTHENTICATOR_PASSWORD/);
  });
});
