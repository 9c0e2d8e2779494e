import { connect, createServer, type Server, type Socket } from "node:net";

export interface RoundRobinProxy {
  readonly port: number;
  /** Replaces the API ports connections are spread over. */
  setBackends(ports: number[]): void;
  close(): Promise<void>;
}

/**
 * A TCP load balancer for tests: each new connection goes to the next API process in turn, and
 * to the one after it when that one refuses (it was killed), as a real balancer's health checks would.
 */
export async function startRoundRobinProxy(initial: number[]): Promise<RoundRobinProxy> {
  let backends = [...initial];
  let next = 0;
  const sockets = new Set<Socket>();
  const forward = (client: Socket, attemptsLeft: number) => {
    const port = backends[next++ % backends.length]!;
    const upstream = connect(port, "127.0.0.1");
    let isConnected = false;
    upstream.once("connect", () => {
      isConnected = true;
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.once("error", (error: NodeJS.ErrnoException) => {
      if (!isConnected && error.code === "ECONNREFUSED" && attemptsLeft > 1) return forward(client, attemptsLeft - 1);
      client.destroy();
    });
    upstream.once("close", () => {
      if (isConnected) client.destroy();
    });
    client.once("close", () => upstream.destroy());
    sockets.add(upstream);
    upstream.once("close", () => sockets.delete(upstream));
  };
  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.once("close", () => sockets.delete(client));
    client.on("error", () => undefined);
    forward(client, backends.length);
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    setBackends(ports) {
      backends = [...ports];
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
