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
  /** HTTP headers of the upgrade request (X-Forwarded-For behind a trusted proxy). */
  headers?: Record<string, string>;
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
    webSocketImpl: options.headers
      ? class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: options.headers });
          }
        }
      : WebSocket,
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

export interface RawSocket {
  socket: WebSocket;
  /** Parsed messages the server sent, in order. */
  received: { id?: string; type: string; payload?: any }[];
  /** Resolves with the close code once the socket closes. */
  closed: Promise<number>;
  send(message: Record<string, unknown>): void;
}

/**
 * A WebSocket speaking graphql-transport-ws by hand, for what a well-behaved client never does (closing
 * mid-handshake, not reading). Resolves once open; rejects with the HTTP status when the upgrade is refused.
 */
export function rawSocket(origin: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
  const received: RawSocket['received'] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, received, closed, send: (message) => socket.send(JSON.stringify(message)) }));
    socket.once('unexpected-response', (_request, response) => reject(Object.assign(new Error(`upgrade refused: ${response.statusCode}`), { status: response.statusCode })));
    socket.once('error', reject);
  });
}
