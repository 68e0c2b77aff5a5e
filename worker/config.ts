// Worker configuration, read once from the environment.
import path from 'node:path';

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

/** Every variable readWorkerConfig reads; the compose test checks docker-compose.yml, and the reader, against this list. */
export const WORKER_VARIABLES = ['WORKER_CONCURRENCY', 'WORKER_LEASE_SECONDS', 'SMTP_URL', 'MAIL_OUTBOX', 'MAIL_FROM', 'PUBLIC_URL', 'HOST', 'PORT', 'DATA_DIR', 'METRICS_HOST', 'METRICS_PORT', 'METRICS_TOKEN', 'NODE_ENV'] as const;

export function readWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const concurrency = Number(env.WORKER_CONCURRENCY ?? 4);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 100) {
    throw new Error(`WORKER_CONCURRENCY must be an integer from 1 to 100, got "${env.WORKER_CONCURRENCY}"`);
  }
  const leaseSeconds = Number(env.WORKER_LEASE_SECONDS ?? 20);
  if (!Number.isInteger(leaseSeconds) || leaseSeconds < 2 || leaseSeconds > 600) {
    throw new Error(`WORKER_LEASE_SECONDS must be an integer from 2 to 600, got "${env.WORKER_LEASE_SECONDS}"`);
  }
  const port = env.METRICS_PORT ? Number(env.METRICS_PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new Error(`METRICS_PORT must be a port number (0 picks a free one), got "${env.METRICS_PORT}"`);
  }
  // In production mail must leave the machine: a folder inside a container is read by nobody. Writing
  // it to files there is an explicit choice (MAIL_OUTBOX=true), e.g. for a staging system.
  const smtpUrl = env.SMTP_URL || undefined;
  if (env.NODE_ENV === 'production' && !smtpUrl && env.MAIL_OUTBOX !== 'true') {
    throw new Error('SMTP_URL is required in production (invitation mail); set MAIL_OUTBOX=true to write mail to DATA_DIR/outbox instead');
  }
  const publicUrl = env.PUBLIC_URL ? publicUrlFrom(env.PUBLIC_URL) : undefined;
  if (env.NODE_ENV === 'production' && !publicUrl) {
    throw new Error('PUBLIC_URL is required in production: the address people open the console at (links in mail start with it), e.g. https://rowgate.example.com');
  }
  const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  return {
    concurrency,
    leaseSeconds,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'rowgate <no-reply@rowgate.localhost>',
    outboxDir: path.join(path.resolve(env.DATA_DIR || '.data'), 'outbox'),
    publicUrl,
    developmentUrl: `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT && env.PORT !== '0' ? env.PORT : 4000}`,
    monitoring: { host: env.METRICS_HOST || '127.0.0.1', port, token: env.METRICS_TOKEN || undefined },
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
