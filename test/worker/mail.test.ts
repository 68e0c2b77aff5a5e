// Mail delivery: with SMTP_URL through nodemailer's SMTP transport (to a minimal SMTP peer on loopback that
// records what it receives), without it as JSON files in the outbox.
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { readWorkerConfig } from '../../worker/config.ts';
import { makeMailer } from '../../worker/mail.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Speaks just enough SMTP for one client: greets, accepts every command, keeps the DATA section. */
async function smtpPeer(): Promise<{ port: number; messages: string[] }> {
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline).toUpperCase();
        buffer = buffer.slice(newline + 2);
        if (line.startsWith('DATA')) {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (line.startsWith('QUIT')) {
          socket.end('221 bye\r\n');
        } else {
          socket.write('250 ok\r\n');
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { port: (server.address() as net.AddressInfo).port, messages };
}

test('with SMTP_URL the message goes out over SMTP', async () => {
  const peer = await smtpPeer();
  const send = makeMailer(readWorkerConfig({ SMTP_URL: `smtp://127.0.0.1:${peer.port}`, MAIL_FROM: 'rowgate <mail@rowgate.test>' }));
  await send({ to: 'bob@example.test', subject: 'Join Acme on rowgate', text: 'token 1234abcd' });
  expect(peer.messages).toHaveLength(1);
  expect(peer.messages[0]).toMatch(/^To: bob@example\.test/m);
  expect(peer.messages[0]).toMatch(/^Subject: Join Acme on rowgate/m);
  expect(peer.messages[0]).toMatch(/^From: rowgate <mail@rowgate\.test>/m);
  expect(peer.messages[0]).toContain('token 1234abcd');
});

test('without SMTP_URL each message is one JSON file {to, subject, text} in DATA_DIR/outbox', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-mail-'));
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const send = makeMailer(readWorkerConfig({ DATA_DIR: dataDir }));
  await send({ to: 'bob@example.test', subject: 'Hello', text: 'first' });
  await send({ to: 'eve@example.test', subject: 'Hello', text: 'second' });
  const files = (await fs.readdir(path.join(dataDir, 'outbox'))).sort();
  expect(files).toHaveLength(2);
  expect(files.every((f) => f.endsWith('.json'))).toBe(true);
  const messages = await Promise.all(files.map(async (f) => JSON.parse(await fs.readFile(path.join(dataDir, 'outbox', f), 'utf8'))));
  expect(messages.map((m) => m.text).sort()).toEqual(['first', 'second']);
  expect(messages[0]).toEqual({ to: expect.any(String), subject: 'Hello', text: expect.any(String) });
});
