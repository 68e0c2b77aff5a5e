// `clean_up_accounts`: every hour (the worker's crontab), deletes sessions over for 30 days with their
// refresh tokens, mailed tokens a day past their expiry, and security events older than 90 days
// (app_worker.clean_up_accounts, migration 000027).
import type { Task } from 'graphile-worker';

export const cleanUpAccounts: Task = async (_payload, { query, logger }) => {
  const { rows } = await query<{ sessions: string; account_tokens: string; security_events: string }>('select * from app_worker.clean_up_accounts()');
  const { sessions, account_tokens: tokens, security_events: events } = rows[0];
  if (sessions !== '0' || tokens !== '0' || events !== '0') {
    logger.info(`deleted ${sessions} sessions, ${tokens} mailed tokens and ${events} security events past their retention`);
  }
};
