// One log format for every long-running process (npm start, start:server, start:worker): pino's JSON
// lines, which Fastify writes for requests, with numeric levels and a `name` saying which part spoke
// (`rowgate` for start-up and shutdown, `server`, `worker`). graphile-worker's and graphile-migrate's
// loggers write through it, and so does whatever a library prints on the console (PostGraphile's notes,
// such as a UUID given where a global id was expected), once the process routes its console here. The
// command-line tools (db:seed, db:backup, …) keep printing plain text for the person who ran them.
import { format } from 'node:util';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Credentials are never written, whoever logs the object that holds them. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.currentPassword', '*.newPassword', '*.refreshToken', '*.accessToken', '*.token'];

/**
 * The process's logger: JSON lines at `level` on `stream`, or by default errors on stderr (a failed start's
 * one line among them) and everything else on stdout.
 */
export function makeLogger({ level = 'info', stream }: { level?: string; stream?: NodeJS.WritableStream } = {}): Logger {
  const standard = pino.multistream(
    [
      { level: 'trace', stream: pino.destination({ fd: 1, sync: true }) },
      { level: 'error', stream: pino.destination({ fd: 2, sync: true }) },
    ],
    { dedupe: true },
  );
  return pino({ level, redact: { paths: REDACT, remove: true } }, stream ?? standard);
}

/**
 * An entry point's logging: the root `log` (pass children of it to the server and the worker), the
 * console routed through it (named `console`), and `say` for the process's own start-up and shutdown
 * lines (named `rowgate`).
 */
export function processLog(): { log: Logger; say: Logger } {
  const log = makeLogger();
  routeConsole(log.child({ name: 'console' }));
  return { log, say: log.child({ name: 'rowgate' }) };
}

/** The process's console writes through `log` from now on, at the level each method implies. */
function routeConsole(log: Logger): void {
  const to = (level: LogLevel) => (...args: unknown[]) => log[level](format(...args));
  console.debug = to('debug');
  console.log = console.info = to('info');
  console.warn = to('warn');
  console.error = to('error');
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A plain `(level, message)` function over `log`, for code that takes one (the worker). */
export const logTo = (log: Logger) => (level: LogLevel, message: string) => log[level](message);

/** The level of a message from a @graphile/logger Logger (graphile-worker, graphile-migrate). */
export const GRAPHILE_LEVELS: Record<string, LogLevel> = { error: 'error', warning: 'warn', info: 'info', debug: 'debug' };
