// A realtime subscriber as a frontend runs one: the graphql-ws client over a real WebSocket, credentials in
// connection_init, the typed TaskChanged document. It records every message, error and the close.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { TaskChangedDocument, type TaskChangedSubscription } from '../../client/generated/graphql.ts';

export type TaskChange = TaskChangedSubscription['taskChanged'];

export interface Subscriber {
  messages: TaskChange[];
  errors: unknown[];
  /** Resolves with the socket's close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  /** The socket's close, if it closed already. */
  close?: { code: number; reason: string };
  /** Subscribes once more on the same connection (for the per-connection cap). */
  subscribeAgain(): void;
  dispose(): Promise<void>;
}

export interface SubscriberOptions {
  /** The connection_init payload; defaults to the token and organization given. */
  connectionParams?: Record<string, unknown>;
  /** The subscription document (TaskChanged by default). */
  query?: string;
  /** Called as each message arrives (the bench times them). */
  onMessage?: (message: TaskChange) => void;
}

/**
 * Connects to `origin`'s /graphql and subscribes to taskChanged. Resolves once the server acknowledged
 * the connection and has had a moment to start the subscription (graphql-ws acknowledges no subscribe),
 * or once the connection was refused.
 */
export async function subscriber(origin: string, token: string | undefined, organizationId: string | undefined, options: SubscriberOptions = {}): Promise<Subscriber> {
  let resolveClosed!: (close: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (resolveClosed = resolve));
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const connectionParams = options.connectionParams ?? {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(organizationId ? { 'x-organization-id': organizationId } : {}),
  };
  const client: Client = createClient({
    url: `${origin.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    // The close is what tests look at (on.closed); graphql-ws would also print it.
    onNonLazyError: () => {},
    connectionParams,
    on: {
      connected: () => connected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        result.close = { code, reason };
        resolveClosed({ code, reason });
        connected();
      },
    },
  });
  const result: Subscriber = {
    messages: [],
    errors: [],
    closed,
    subscribeAgain: () => start(),
    dispose: () => client.dispose() as Promise<void>,
  };
  const start = () =>
    client.subscribe<TaskChangedSubscription>(
      { query: options.query ?? String(TaskChangedDocument) },
      {
        next: (message) => {
          if (message.errors) result.errors.push(...message.errors);
          if (message.data) {
            result.messages.push(message.data.taskChanged);
            options.onMessage?.(message.data.taskChanged);
          }
        },
        error: (error) => result.errors.push(error),
        complete: () => {},
      },
    );
  start();
  await ready;
  await new Promise((resolve) => setTimeout(resolve, 300));
  return result;
}
