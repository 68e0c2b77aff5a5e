// The embedded server's port: pinned (EMBEDDED_PG_PORT) and then refused when taken, or 5433, or, when
// that is taken (a second checkout, another PostgreSQL), a free one. The choice is kept in DATA_DIR/pg-port,
// so the data directory keeps its port across starts.
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

const DEFAULT_PORT = 5433;

export async function choosePort(dataDir: string, pinned: number | undefined): Promise<number> {
  if (pinned === 0) return freePort();
  if (pinned !== undefined) {
    if (!(await portIsFree(pinned))) {
      throw new Error(`EMBEDDED_PG_PORT ${pinned} is taken by another program: choose another, or leave EMBEDDED_PG_PORT unset to get a free port`);
    }
    return pinned;
  }
  const file = path.join(dataDir, 'pg-port');
  const remembered = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim()) || undefined;
  for (const candidate of [remembered, DEFAULT_PORT]) {
    if (candidate && (await portIsFree(candidate))) return remember(file, candidate);
  }
  return remember(file, await freePort());
}

async function remember(file: string, port: number): Promise<number> {
  await fs.writeFile(file, `${port}\n`);
  return port;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
