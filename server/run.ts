// Starts the HTTP server on an authenticator pool; close() stops accepting, lets in-flight requests
// finish, then releases PostGraphile and the pool.
import pg from 'pg';
import { buildApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import type { JobSource } from './ops/metrics.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(
  config: ServerConfig,
  authenticatorUrl: string,
  options: { poolSize?: number; jobs?: JobSource } = {},
): Promise<RunningServer> {
  const { poolSize = 10, jobs } = options;
  const pool = new pg.Pool({ connectionString: authenticatorUrl, max: poolSize, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => {}); // an idle client's error (server restart) is reported when the pool is next used
  try {
    const app = await buildApp(config, { pool, jobs });
    const address = await app.listen({ host: config.host, port: config.port });
    return {
      url: address,
      async close() {
        await app.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
