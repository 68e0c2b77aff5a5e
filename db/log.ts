// One log format for every long-running process (npm start, start:server, start:worker): pino's JSON
// lines, which Fastify writes for requests, with numeric levels and a `name` saying which part spoke
// (`rowgate` for start-up and shutdown, `server`, `worker`). graphile-worker's logger writes through it,
// and so does whatever a library prints on the console (graphile-migrate's progress, PostGraphile's notes
// such as a UUID given where a global id was expected), once the process routes its console here. The
// command-line tools (db:seed, db:backup, …) keep printing plain text for the person who ran them.
import { format } from 'node:util';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Credentials are never written, whoever logs the object that holds them. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.currentPassword', '*.newPassword', '*.refreshToken', '*.accessToken', '*.token'];

/** Errors on stderr, written at once (a failed start's one line among them); the rest on stdout, buffered and flushed at exit. */
let standard: ReturnType<typeof pino.multistream> | undefined;
const standardStreams = () =>
  (standard ??= pino.multistream(
    [
      { level: 'trace', stream: pino.destination({ fd: 1, sync: false }) },
      { level: 'error', stream: pino.destination({ fd: 2, sync: true }) },
    ],
    { dedupe: true },
  ));

/** A logger at info writing JSON lines to `stream`, or to the process's standard streams (above). */
export function makeLogger({ stream }: { stream?: NodeJS.WritableStream } = {}): Logger {
  return pino({ level: 'info', redact: { paths: REDACT, remove: true } }, stream ?? standardStreams());
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
