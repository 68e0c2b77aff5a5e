// What any WebSocket on /graphql may take, before and after its connection_init:
//   - at the upgrade, a place: at most REALTIME_MAX_CONNECTIONS_PER_IP sockets per client address (429)
//     and REALTIME_MAX_CONNECTIONS per process (503). A connection costs memory (~350 KB idle) whether or
//     not it ever sends credentials, so the places are taken before credentials are known; the per-user
//     cap (connections.ts) comes on top once they are;
//   - on every send: a client that has left more than MAX_UNREAD_BYTES unread is disconnected (1013),
//     never buffered without bound; a message over REALTIME_MAX_MESSAGE_BYTES is not sent, and its
//     subscriber gets an error for that event instead (RESPONSE_TOO_LARGE). Subscription documents are
//     judged to fit before they run (graphql/subscription-limits.ts); this holds whatever they build.
import type { WebSocket } from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { addressKey } from '../request-context.ts';
import { CLOSE, MAX_UNREAD_BYTES } from './connections.ts';
/** graphql-ws writes a subscription's message as {"id":…,"type":"next","payload":…}. */
const NEXT_MESSAGE = /^\{"id":("(?:[^"\\]|\\.)*"),"type":"next"/;

export class SocketPlaces {
  #total = 0;
  readonly #perAddress = new Map<string, number>();
  readonly #limits: ServerConfig['realtime'];

  constructor(limits: ServerConfig['realtime']) {
    this.#limits = limits;
  }

  /** An onRequest hook of the WebSocket route: takes a place for an upgrade, or refuses it. */
  take = async (request: FastifyRequest): Promise<void> => {
    if (!request.ws) return;
    const address = addressKey(request);
    const { maxConnections, maxConnectionsPerIp } = this.#limits;
    if (this.#total >= maxConnections) throw new AppError('SERVER_BUSY', `This server holds ${maxConnections} realtime connections; try again shortly`);
    const mine = this.#perAddress.get(address) ?? 0;
    if (mine >= maxConnectionsPerIp) throw new AppError('RATE_LIMITED', `At most ${maxConnectionsPerIp} realtime connections per address`);
    this.#total += 1;
    this.#perAddress.set(address, mine + 1);
    // The TCP socket outlives the upgrade: its close gives the place back, whatever became of the request.
    request.raw.socket.once('close', () => {
      this.#total -= 1;
      const left = (this.#perAddress.get(address) ?? 1) - 1;
      if (left > 0) this.#perAddress.set(address, left);
      else this.#perAddress.delete(address);
    });
  };
}

/** A `next` message standing in for one that is too large, or undefined when `data` is not a `next`. */
function tooLargeInstead(data: string, maxBytes: number): string | undefined {
  const id = NEXT_MESSAGE.exec(data.slice(0, 200))?.[1];
  if (!id) return undefined;
  const message = `This event's message would be over ${maxBytes.toLocaleString('en')} bytes; select fewer large fields`;
  return `{"id":${id},"type":"next","payload":{"errors":[{"message":${JSON.stringify(message)},"extensions":{"code":"RESPONSE_TOO_LARGE","maxBytes":${maxBytes}}}]}}`;
}

/** Checks every message sent on `socket` (see above); `close` ends it (and counts it). */
export function guardSends(socket: WebSocket, maxMessageBytes: number, close: (code: number, reason: string) => void): void {
  const send = socket.send.bind(socket) as (data: unknown, callback?: (error?: Error) => void) => void;
  socket.send = ((data: unknown, callback?: (error?: Error) => void) => {
    if (socket.bufferedAmount > MAX_UNREAD_BYTES) {
      close(CLOSE.tooSlow, 'Messages are not being read; reconnect and catch up');
      return callback?.();
    }
    // A string's length is at most its UTF-8 size: only a long one needs counting.
    if (typeof data === 'string' && data.length > maxMessageBytes / 3 && Buffer.byteLength(data) > maxMessageBytes) {
      const instead = tooLargeInstead(data, maxMessageBytes);
      if (!instead) {
        close(CLOSE.messageTooLarge, 'Message too large');
        return callback?.();
      }
      return send(instead, callback);
    }
    return send(data, callback);
  }) as WebSocket['send'];
}
