// `npm start`'s embedded PostgreSQL, kept running. Every 2 s the watchdog asks whether its postmaster
// still runs; if it died (killed, crashed, out of memory), it is started again at once on the same port
// (PostgreSQL replays its WAL, so every acknowledged commit is there), retried up to 5 times 1, 2, 4 and
// 8 s apart. The server and worker ride it out meanwhile (503 DATABASE_UNAVAILABLE, jobs retried) and
// reconnect by themselves. PostgreSQL that cannot be started again, or that dies 5 times in 10 minutes,
// is given up on: something needs an operator, and the process exits non-zero rather than serve 503s.
import type { EmbeddedServer } from './embedded.ts';
import type { Logger } from './log.ts';

export interface Watchdog {
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  giveUp(error: Error): void;
}

const CHECK_MS = 2_000;
const ATTEMPTS = 5;
const DEATHS = 5;
const WINDOW_MS = 10 * 60_000;

/** Watches `server`; returns the function that stops watching (before a deliberate stop). */
export function watchEmbedded(server: Required<Pick<EmbeddedServer, 'running' | 'restart'>>, { log, giveUp }: Watchdog): () => void {
  let checking = false;
  let watching = true;
  const deaths: number[] = [];
  const stop = () => {
    watching = false;
    clearInterval(timer);
  };
  const check = async () => {
    if (checking || !watching || (await server.running())) return;
    checking = true;
    try {
      deaths.push(Date.now());
      while (deaths[0] < Date.now() - WINDOW_MS) deaths.shift();
      if (deaths.length > DEATHS) {
        stop();
        giveUp(new Error(`PostgreSQL died ${deaths.length} times in 10 minutes; not starting it again`));
        return;
      }
      log.error('PostgreSQL stopped unexpectedly; starting it again');
      for (let attempt = 1; watching; attempt++) {
        try {
          await server.restart();
          log.warn(`PostgreSQL is running again (attempt ${attempt})`);
          return;
        } catch (error) {
          if (attempt >= ATTEMPTS) {
            stop();
            giveUp(new Error(`PostgreSQL could not be started again in ${ATTEMPTS} attempts: ${(error as Error).message}`));
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** (attempt - 1)));
        }
      }
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check().catch((error: Error) => log.warn(`could not check PostgreSQL: ${error.message}`)), CHECK_MS);
  return stop;
}
