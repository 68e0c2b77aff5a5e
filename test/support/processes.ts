// Running, watching and probing real processes in tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { PROJECT_ROOT } from '../../db/migrate.ts';

/** Whether pid is a live process (a zombie waiting to be reaped counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  let stat = '';
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  return !/^\d+ \(.*\) Z/.test(stat);
}

/** Whether nothing listens on 127.0.0.1:port any more. */
export function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

export interface Child {
  process: ChildProcess;
  readonly running: boolean;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first stdout line matching, rejects if the process ends before printing one. */
  waitFor(pattern: RegExp): Promise<string>;
}

/** `node <args>` from the project root (or `cwd`), with the Node running vitest (24), capturing its output. */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv, cwd = PROJECT_ROOT): Child {
  return spawnCommand(process.execPath, args, env, cwd);
}

/** `npm <args>` from the project root, as an operator runs it (npm finds the project's Node 24 first). */
export function spawnNpm(args: string[], env: NodeJS.ProcessEnv): Child {
  return spawnCommand('npm', args, env, PROJECT_ROOT);
}

function spawnCommand(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Child {
  const proc = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let running = true;
  const listeners = new Set<() => void>();
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const listener of listeners) listener();
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on('close', (code, signal) => {
      running = false;
      for (const listener of listeners) listener();
      resolve({ code, signal });
    });
  });
  return {
    process: proc,
    get running() {
      return running;
    },
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = stdout.split('\n').find((l) => pattern.test(l));
          if (line !== undefined) {
            listeners.delete(check);
            resolve(line);
          } else if (!running) {
            listeners.delete(check);
            reject(new Error(`${args.join(' ')} ended before printing ${pattern}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
          }
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** A process's log lines (db/log.ts: pino JSON), read back; lines that are not JSON are left out. */
export function logEntries(output: string): { level: number; name?: string; msg: string }[] {
  return output.split('\n').flatMap((line) => {
    try {
      return line.startsWith('{') ? [JSON.parse(line)] : [];
    } catch {
      return [];
    }
  });
}

/** Whether the part `name` of the process logged `msg` (by default `rowgate`: its start-up and shutdown). */
export const said = (output: string, msg: string | RegExp, name = 'rowgate') =>
  logEntries(output).some((entry) => entry.name === name && (typeof msg === 'string' ? entry.msg === msg : msg.test(entry.msg)));
