// Worker configuration, read once from the environment.
import path from 'node:path';

export interface WorkerConfig {
  concurrency: number;
  /** nodemailer connection URL; unset: messages are written as JSON files under outboxDir. */
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxDir: string;
  /** Where the invitation mail sends people to accept (the token is appended). */
  acceptUrl: string;
}

/** Every variable readWorkerConfig reads (besides DATA_DIR); the compose test checks against this list. */
export const WORKER_VARIABLES = ['WORKER_CONCURRENCY', 'SMTP_URL', 'MAIL_FROM', 'INVITATION_ACCEPT_URL', 'DATA_DIR'] as const;

export function readWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const concurrency = Number(env.WORKER_CONCURRENCY ?? 4);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 100) {
    throw new Error(`WORKER_CONCURRENCY must be an integer from 1 to 100, got "${env.WORKER_CONCURRENCY}"`);
  }
  return {
    concurrency,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'rowgate <no-reply@rowgate.localhost>',
    outboxDir: path.join(path.resolve(env.DATA_DIR || '.data'), 'outbox'),
    // The console's accept page on npm start's default address.
    acceptUrl: env.INVITATION_ACCEPT_URL || 'http://127.0.0.1:4000/invitations/accept?token=',
  };
}
