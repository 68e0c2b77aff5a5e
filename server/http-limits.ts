// What HTTP connections may take before any route sees them: a request must arrive whole within
// REQUEST_TIMEOUT_MS (Node checks every ~2 s; Fastify's default is never, and one address held 2,000
// connections by sending bodies a byte at a time), and one client address may hold at most
// HTTP_MAX_CONNECTIONS_PER_IP connections at once (behind trusted proxies every connection is theirs,
// so there the proxies must cap). The WebSocket places of realtime/sockets.ts come on top.
import type { Server } from 'node:http';
import type { ServerConfig } from './config.ts';

/** Fastify's options for the timeouts above. */
export function requestTimeouts(config: Pick<ServerConfig, 'requestTimeoutMs'>) {
  return {
    requestTimeout: config.requestTimeoutMs,
    http: { headersTimeout: Math.min(10_000, config.requestTimeoutMs), connectionsCheckingInterval: Math.min(2_000, config.requestTimeoutMs) },
  };
}

/** Closes at once each connection past the cap of its address. */
export function capConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
