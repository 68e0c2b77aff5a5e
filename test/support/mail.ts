// The worker's mail outbox (one JSON file per message, no SMTP_URL), as the tests read it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { waitFor } from './worker.ts';

export interface Mail {
  file: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Every message in the outbox addressed to `to` (case-insensitive), oldest first. */
export async function mailsTo(outboxDir: string, to: string): Promise<Mail[]> {
  const files = (await fs.readdir(outboxDir).catch(() => [] as string[])).filter((file) => file.endsWith('.json')).sort();
  const mails: Mail[] = [];
  for (const file of files) {
    const message = JSON.parse(await fs.readFile(path.join(outboxDir, file), 'utf8')) as Omit<Mail, 'file'>;
    if (message.to.toLowerCase() === to.toLowerCase()) mails.push({ file, ...message });
  }
  return mails;
}

/** The link's token in a verification, reset or invitation mail. */
export function tokenIn(mail: Mail): string {
  const match = /[?&]token=([^\s&]+)/.exec(mail.text);
  if (!match) throw new Error(`no token link in the mail "${mail.subject}"`);
  return decodeURIComponent(match[1]);
}

/** Waits for the `n`-th mail to `to` whose subject matches, and returns it. */
export async function waitForMail(outboxDir: string, to: string, subject: RegExp, { n = 1, timeoutMs = 10_000 } = {}): Promise<Mail> {
  return waitFor(
    async () => (await mailsTo(outboxDir, to)).filter((mail) => subject.test(mail.subject))[n - 1],
    timeoutMs,
    `mail #${n} to ${to} with a subject like ${subject}`,
  );
}
