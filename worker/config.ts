// Worker configuration: every variable the worker reads, declared once as a schema, read once at start.
import path from 'node:path';
import Type from 'typebox';
import { parseEnvironment, refuseProblems } from '../db/environment.ts';

export interface WorkerConfig {
  concurrency: number;
  /** nodemailer connection URL; unset: messages are written as JSON files under outboxDir. */
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxDir: string;
  /**
   * PUBLIC_URL: where people reach the server and its console; links in mail start with it. Unset (only
   * outside production): the address the server listens on, told by `npm start` (see publicUrlFor), or
   * HOST:PORT's default.
   */
  publicUrl: string | undefined;
  developmentUrl: string;
  /** How long a worker pool's lease lasts (renewed every quarter of it): a dead worker's jobs are taken over after it. */
  leaseSeconds: number;
  /** `start:worker`'s /metrics and /healthz (worker/monitoring.ts): on METRICS_PORT (0 picks one); unset: none. */
  monitoring: { host: string; port: number | undefined; token: string | undefined };
}

/** Every variable readWorkerConfig reads, with its default and bounds; the compose test checks docker-compose.yml against it. */
const WorkerEnvSchema = Type.Object({
  NODE_ENV: Type.String({ default: 'development' }),
  WORKER_CONCURRENCY: Type.Integer({ default: 4, minimum: 1, maximum: 100 }),
  WORKER_LEASE_SECONDS: Type.Integer({ default: 20, minimum: 2, maximum: 600 }),
  SMTP_URL: Type.String({ default: '' }),
  /** `true`: write mail to DATA_DIR/outbox even in production (a staging system). */
  MAIL_OUTBOX: Type.String({ default: '' }),
  MAIL_FROM: Type.String({ default: 'rowgate <no-reply@rowgate.localhost>' }),
  PUBLIC_URL: Type.String({ default: '' }),
  HOST: Type.String({ default: '' }),
  PORT: Type.String({ default: '' }),
  DATA_DIR: Type.String({ default: '.data' }),
  METRICS_HOST: Type.String({ default: '127.0.0.1' }),
  METRICS_PORT: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  METRICS_TOKEN: Type.String({ default: '' }),
});
export const WORKER_VARIABLES = Object.keys(WorkerEnvSchema.properties);

/** Parses the environment; throws a ConfigError naming every variable at fault. */
export function readWorkerConfig(source: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const { env, problems } = parseEnvironment(WorkerEnvSchema, source);
  const production = env.NODE_ENV === 'production';
  // In production mail must leave the machine: a folder inside a container is read by nobody. Writing
  // it to files there is an explicit choice (MAIL_OUTBOX=true), e.g. for a staging system.
  if (production && !env.SMTP_URL && env.MAIL_OUTBOX !== 'true') {
    problems.push('SMTP_URL is required in production (invitation mail); set MAIL_OUTBOX=true to write mail to DATA_DIR/outbox instead');
  }
  let publicUrl: string | undefined;
  try {
    publicUrl = env.PUBLIC_URL ? publicUrlFrom(env.PUBLIC_URL) : undefined;
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (production && !env.PUBLIC_URL) {
    problems.push('PUBLIC_URL is required in production: the address people open the console at (links in mail start with it), e.g. https://rowgate.example.com');
  }
  refuseProblems(problems);
  const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  return {
    concurrency: env.WORKER_CONCURRENCY,
    leaseSeconds: env.WORKER_LEASE_SECONDS,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    outboxDir: path.join(path.resolve(env.DATA_DIR), 'outbox'),
    publicUrl,
    developmentUrl: `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT && env.PORT !== '0' ? env.PORT : 4000}`,
    monitoring: { host: env.METRICS_HOST, port: env.METRICS_PORT, token: env.METRICS_TOKEN || undefined },
  };
}

/** An http(s) URL without query or fragment, its trailing slash dropped (links append /path). */
function publicUrlFrom(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute http(s) URL, got "${value}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) throw new Error(`PUBLIC_URL must be an http(s) URL without query or fragment, got "${value}"`);
  return url.toString().replace(/\/+$/, '');
}
