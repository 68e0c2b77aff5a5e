// The stream of one `taskChanged` subscription: its organization's task events that RLS lets the
// subscriber read (for DELETED: would let it read the row as it was), decided for all of this process's
// subscribers at once (audience.ts). Everyone else learns nothing; not even a null message. Events arrive
// in commit order. A subscriber that falls behind (events queued, or messages unread on its socket) is
// disconnected rather than buffered without bound.
import { SafeError } from 'postgraphile/grafast';
import type { Metrics } from '../ops/metrics.ts';
import type { TaskAudiences } from './audience.ts';
import { CLOSE, type Connection, type Connections } from './connections.ts';
import type { TaskEvent } from './hub.ts';

/** Events waiting to be sent; more means the subscriber cannot keep up. */
const MAX_QUEUED = 1_000;

export interface TaskEventSource {
  audiences: TaskAudiences;
  connections: Connections;
  metrics: Metrics;
}

/** The events one subscription may see, in commit order, until its connection closes or it is returned. */
export function taskEvents({ audiences, connections, metrics }: TaskEventSource, connection: Connection): AsyncIterableIterator<TaskEvent> {
  if (!connection.organizationId) {
    throw new SafeError('Send x-organization-id in connection_init to subscribe to its tasks', { code: 'ORGANIZATION_REQUIRED' });
  }
  const queued: TaskEvent[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const unsubscribe = audiences.subscribe(connection, (event) => {
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
  const iterator: AsyncIterableIterator<TaskEvent> = {
    [Symbol.asyncIterator]: () => iterator,
    async next(): Promise<IteratorResult<TaskEvent>> {
      for (;;) {
        if (done || connection.closed) return { value: undefined, done: true };
        const event = queued.shift();
        if (!event) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if (connections.closedIfNotReading(connection)) continue;
        metrics.realtimeDelivery.observe((performance.now() - event.receivedAt) / 1000);
        return { value: event, done: false };
      }
    },
    async return(): Promise<IteratorResult<TaskEvent>> {
      connection.socket.off('close', finish);
      finish();
      return { value: undefined, done: true };
    },
  };
  return iterator;
}

/** What grafast's listen() subscribes to: one stream per subscription, bound to its connection. */
export function taskEventsFor(source: TaskEventSource, connection: Connection) {
  return { subscribe: (): AsyncIterable<TaskEvent> => taskEvents(source, connection) };
}
