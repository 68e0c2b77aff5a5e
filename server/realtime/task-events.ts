// The stream of one `taskChanged` subscription: its organization's task events, each delivered only if,
// at that moment, RLS lets the subscriber read the row (for DELETED: would let it read the row as it was).
// Everyone else learns nothing; not even a null message. Events are checked one at a time, in commit
// order, so they also arrive in that order. A subscriber that falls behind (events queued, or messages
// unread on its socket) is disconnected rather than buffered without bound. The checks, and the fetch of
// each delivered task, take the subscriber's slots of the pool (connections.query, fair-share.ts): one
// user's many subscriptions share that user's slots, never the whole pool.
import pg from 'pg';
import { SafeError } from 'postgraphile/grafast';
import { databaseUnavailable } from '../database.ts';
import type { Metrics } from '../ops/metrics.ts';
import { CLOSE, type Connection, type Connections } from './connections.ts';
import type { RealtimeHub, TaskEvent } from './hub.ts';

/** Events waiting for their check; more means the subscriber (or its checks) cannot keep up. */
const MAX_QUEUED = 1_000;

/**
 * Whether the subscriber may see the event, by one statement under its own settings: RLS on the row now,
 * or for DELETED, the tasks table's select policies applied to the row as it was (migration 000023).
 */
async function visible(connections: Connections, connection: Connection, event: TaskEvent): Promise<boolean> {
  const id = `${pg.escapeLiteral(event.rowId)}::uuid`;
  const statement =
    event.event === 'DELETED'
      ? `select app_public.deleted_task_visible(${id}) as visible`
      : `select exists (select 1 from app_public.tasks t where t.id = ${id}) as visible`;
  const [row] = await connections.query<{ visible: boolean }>(connection, statement);
  return row.visible;
}

/** What grafast's listen() subscribes to: one stream per subscription, bound to its connection. */
export function taskEventsFor(hub: RealtimeHub, connections: Connections, connection: Connection, metrics: Metrics) {
  return {
    subscribe(): AsyncIterable<TaskEvent> {
      const { organizationId } = connection;
      if (!organizationId) {
        throw new SafeError('Send x-organization-id in connection_init to subscribe to its tasks', { code: 'ORGANIZATION_REQUIRED' });
      }
      return {
        [Symbol.asyncIterator]() {
          const queued: TaskEvent[] = [];
          let wake: (() => void) | undefined;
          let done = false;
          const unsubscribe = hub.subscribeTasks(organizationId, (event) => {
            if (queued.length >= MAX_QUEUED) {
              connections.close(connection, CLOSE.tooSlow, 'Too many events waiting; reconnect and catch up');
              return;
            }
            queued.push(event);
            wake?.();
          });
          const finish = () => {
            done = true;
            unsubscribe();
            wake?.();
          };
          connection.socket.once('close', finish);
          return {
            async next(): Promise<IteratorResult<TaskEvent>> {
              for (;;) {
                if (done || connection.closed) return { value: undefined, done: true };
                const event = queued.shift();
                if (!event) {
                  await new Promise<void>((resolve) => (wake = resolve));
                  wake = undefined;
                  continue;
                }
                // No work for a reader that is not reading (the socket's send refuses it too).
                if (connections.closedIfNotReading(connection)) continue;
                // A check the database could not answer has closed the connection already (1012).
                const seen = await visible(connections, connection, event).catch((error: unknown) => {
                  if (databaseUnavailable(error)) return false;
                  throw error;
                });
                metrics.realtimeEvents.inc({ outcome: seen ? 'delivered' : 'hidden' });
                if (seen) {
                  metrics.realtimeDelivery.observe((performance.now() - event.receivedAt) / 1000);
                  return { value: event, done: false };
                }
              }
            },
            async return(): Promise<IteratorResult<TaskEvent>> {
              connection.socket.off('close', finish);
              finish();
              return { value: undefined, done: true };
            },
          };
        },
      };
    },
  };
}
