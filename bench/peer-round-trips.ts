// Round trips a peer's pool sends to PostgreSQL, counted as rowgate counts its own
// (rowgate_db_round_trips_total); each peer serves the figure at /round-trips.
import type pg from 'pg';

export function countRoundTrips(pool: pg.Pool): () => number {
  let roundTrips = 0;
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      roundTrips += 1;
      return query(...args);
    }) as typeof client.query;
  });
  return () => roundTrips;
}
