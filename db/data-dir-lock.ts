// One rowgate process per data directory. The lock is a listening socket, which the kernel closes when its
// holder dies, so a killed process (reaped or not) never holds it, and a reused pid cannot fake it. It
// answers a would-be second owner with its pid, for the message.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number | undefined) {
    super(`DATA_DIR ${dataDir} is in use by ${pid ? `process ${pid}` : 'another process'} (another "npm start"?). Stop that process or choose another DATA_DIR.`);
  }
}

interface Lock {
  release(): Promise<void>;
}

/** Takes DATA_DIR's lock (DataDirInUseError while `npm start` or another tool holds it). */
export async function lockDataDir(dataDir: string): Promise<Lock> {
  const name = `rowgate-${createHash('sha256').update(await fs.realpath(dataDir)).digest('hex').slice(0, 24)}`;
  // Linux: an abstract socket, which is no file at all. Elsewhere: a socket file, cleared when stale.
  const address = os.platform() === 'linux' ? `\0${name}` : path.join(os.tmpdir(), `${name}.sock`);
  for (;;) {
    const server = net.createServer((socket) => socket.end(String(process.pid)));
    const listening = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      server.once('error', resolve);
      server.listen(address, () => resolve(undefined));
    });
    if (!listening) {
      server.unref();
      return { release: () => new Promise((resolve) => server.close(() => resolve())) };
    }
    if (listening.code !== 'EADDRINUSE') throw listening;
    const holder = await askHolder(address);
    if (holder !== 'gone') throw new DataDirInUseError(dataDir, holder);
    await fs.rm(address, { force: true });
  }
}

/** The pid the lock's holder answers with, or 'gone' when nobody listens on a left-over socket file. */
function askHolder(address: string): Promise<number | undefined | 'gone'> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = net.connect(address);
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(Number(answer) || undefined));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? 'gone' : undefined));
  });
}
