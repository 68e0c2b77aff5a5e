// `expire_idempotency_keys`: every hour (the worker's crontab), deletes the Idempotency-Keys of mutations
// older than 24 hours (migration 000022), the window in which a retry gets its first answer.
import type { Task } from 'graphile-worker';

export const RETENTION = '24 hours';

export const expireIdempotencyKeys: Task = async (_payload, { query, logger }) => {
  const { rows } = await query<{ deleted: number }>(`select app_worker.expire_idempotency_keys(interval '${RETENTION}') as deleted`);
  if (rows[0].deleted) logger.info(`deleted ${rows[0].deleted} idempotency keys older than ${RETENTION}`);
};
