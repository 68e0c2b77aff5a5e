// Where the CPU goes during a measured window, from /proc (Linux): the server and worker processes,
// PostgreSQL (the postmaster, its live children, and children that exited, which the kernel adds to the
// postmaster's cutime/cstime), and this process (load generator and raw `pg` clients).
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface CpuTimes {
  server: number;
  worker: number;
  postgres: number;
  bench: number;
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on every Linux build Node supports

/** utime, stime, cutime, cstime in ms, or zeros if the process is gone or this is not Linux. */
function times(pid: number): [number, number, number, number] {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [fields[11], fields[12], fields[13], fields[14]].map((f) => Number(f) * TICK_MS) as [number, number, number, number];
  } catch {
    return [0, 0, 0, 0];
  }
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** Starts a clock; calling the result gives the CPU milliseconds each part spent since. */
export type CpuClock = () => () => CpuTimes;

/** `backendPid` is any PostgreSQL backend's pid (pg_backend_pid()); its parent is the postmaster. */
export function cpuClock(serverPid: number, workerPid: number, backendPid: number): CpuClock {
  const postmaster = parentOf(backendPid);
  const sample = (): CpuTimes => {
    const [u, s, cu, cs] = times(postmaster);
    let postgres = u + s + cu + cs;
    if (os.platform() === 'linux') {
      for (const entry of readdirSync('/proc')) {
        const pid = Number(entry);
        if (pid && parentOf(pid) === postmaster) {
          const [user, system] = times(pid);
          postgres += user + system;
        }
      }
    }
    const own = process.cpuUsage();
    const total = (pid: number) => times(pid).slice(0, 2).reduce((a, b) => a + b, 0);
    return { server: total(serverPid), worker: total(workerPid), postgres, bench: (own.user + own.system) / 1000 };
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
