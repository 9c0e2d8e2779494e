import { Server as NetServer } from "node:net";
import type { Server, ServerResponse } from "node:http";

export interface HttpDrain {
  /**
   * Stops accepting connections and lets every connection finish what it is doing, up to
   * `drainMs`; then cuts what is left. Resolves when the server is closed.
   */
  drain(drainMs: number): Promise<void>;
}

/**
 * Graceful shutdown for a Node HTTP server (plain or under Fastify). While draining, every
 * response carries `Connection: close`, so clients stop reusing the connection after the answer
 * they were waiting for, and open a new one to another process instead.
 *
 * It deliberately does not close idle keep-alive connections at once (as http.Server#close does
 * since Node 19): a client may be sending its next request on one at that very moment, and would
 * see a connection reset. A request that still arrives on one is answered (with Connection:
 * close); idle ones end at the server's keep-alive timeout, which clients know from the
 * Keep-Alive header, or at the drain deadline.
 */
export function trackHttpDrain(server: Server): HttpDrain {
  const inFlight = new Set<ServerResponse>();
  let isDraining = false;
  server.on("request", (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.on("close", () => inFlight.delete(res));
    if (isDraining) res.setHeader("connection", "close");
  });
  return {
    async drain(drainMs) {
      isDraining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
      const closed = new Promise<void>((done) => NetServer.prototype.close.call(server, () => done()));
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((done) => {
        timer = setTimeout(done, drainMs);
      });
      await Promise.race([closed, deadline]);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
    },
  };
}
