// Outgoing mail through nodemailer: SMTP when SMTP_URL is set, otherwise one JSON file per message
// ({to, subject, text, html}) under DATA_DIR/outbox/, which development and tests read.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { WorkerConfig } from './config.ts';

export interface Message {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export type SendMail = (message: Message) => Promise<void>;

export function makeMailer(config: WorkerConfig): SendMail {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return async (message) => {
      await transport.sendMail({ from: config.mailFrom, ...message });
    };
  }
  return async (message) => {
    await fs.mkdir(config.outboxDir, { recursive: true });
    const file = path.join(config.outboxDir, `${Date.now()}-${randomUUID()}.json`);
    // Written under a temporary name and renamed, so a reader never sees half a message.
    await fs.writeFile(`${file}.tmp`, JSON.stringify(message, null, 2));
    await fs.rename(`${file}.tmp`, file);
  };
}
