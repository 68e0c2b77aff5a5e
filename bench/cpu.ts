// Where the CPU goes during a measured window, from /proc (Linux): the server (with its cluster
// processes) and the worker, PostgreSQL (the postmaster, its live children, and children that exited,
// which the kernel adds to the postmaster's cutime/cstime), and this process (load generator and raw `pg`
// clients).
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface CpuTimes {
  server: number;
  worker: number;
  postgres: number;
  bench: number;
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on every Linux build Node supports

interface Stat {
  parent: number;
  /** CPU ms of the process itself, and of its children that exited and were reaped. */
  own: number;
  reaped: number;
}

/** One read of /proc/<pid>/stat, or undefined if the process is gone or this is not Linux. */
function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
    return { parent: fields[1], own: (fields[11] + fields[12]) * TICK_MS, reaped: (fields[13] + fields[14]) * TICK_MS };
  } catch {
    return undefined;
  }
}

/** Starts a clock; calling the result gives the CPU milliseconds each part spent since. */
export type CpuClock = () => () => CpuTimes;

/** A process and its children: its own CPU, its reaped children's, and its live children's. */
function family(pid: number, pids: number[]): number {
  const main = stat(pid);
  let total = main ? main.own + main.reaped : 0;
  for (const other of pids) {
    const child = stat(other);
    if (child?.parent === pid) total += child.own;
  }
  return total;
}

/**
 * `backendPid` is any PostgreSQL backend's pid (pg_backend_pid()); its parent is the postmaster. The
 * server counts with its children: with SERVER_PROCESSES > 1 they do the serving.
 */
export function cpuClock(serverPid: number, workerPid: number, backendPid: number): CpuClock {
  const postmaster = stat(backendPid)?.parent ?? 0;
  const sample = (): CpuTimes => {
    const pids = os.platform() === 'linux' ? readdirSync('/proc').map(Number).filter(Boolean) : [];
    const bench = process.cpuUsage();
    return { server: family(serverPid, pids), worker: stat(workerPid)?.own ?? 0, postgres: family(postmaster, pids), bench: (bench.user + bench.system) / 1000 };
  };
  return () => {
    const start = sample();
    return () => {
      const now = sample();
      return {
        server: now.server - start.server,
        worker: now.worker - start.worker,
        postgres: now.postgres - start.postgres,
        bench: now.bench - start.bench,
      };
    };
  };
}
