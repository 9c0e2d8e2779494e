import { createServer, Socket, type AddressInfo, type Server } from "node:net";

/**
 * A TCP proxy in front of PostgreSQL for fault tests: the server under test connects through it,
 * and the test breaks the link the ways networks break, without touching the shared PostgreSQL.
 * - `kill()`: every connection is reset and new ones are refused (the server went away);
 * - `stall()`: connections stay open but no byte moves either way, new ones included (a partition);
 * - `restore()`: traffic flows again on the same port (stalled bytes are delivered).
 */
export interface TcpFaultProxy {
  /** `url` with its host and port replaced by the proxy's. */
  readonly url: string;
  kill(): Promise<void>;
  stall(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  upstream: Socket;
}

export async function startTcpFaultProxy(targetUrl: string): Promise<TcpFaultProxy> {
  const target = new URL(targetUrl);
  const targetHost = target.hostname;
  const targetPort = Number(target.port || 5432);
  const links = new Set<Link>();
  let isStalled = false;
  let server: Server;

  const pipe = (from: Socket, to: Socket) => {
    from.on("data", (chunk) => {
      if (!to.write(chunk)) from.pause();
    });
    to.on("drain", () => {
      if (!isStalled) from.resume();
    });
  };

  const accept = (client: Socket) => {
    const upstream = new Socket();
    const link = { client, upstream };
    links.add(link);
    const drop = () => {
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    if (isStalled) client.pause();
    upstream.connect(targetPort, targetHost, () => {
      pipe(client, upstream);
      pipe(upstream, client);
      if (isStalled) upstream.pause();
    });
  };

  let port = 0;
  const listen = () =>
    new Promise<void>((ready, fail) => {
      server = createServer(accept);
      server.once("error", fail);
      server.listen(port, "127.0.0.1", () => {
        port = (server.address() as AddressInfo).port;
        ready();
      });
    });
  const stopListening = () => new Promise<void>((done) => server.close(() => done()));
  await listen();

  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);

  return {
    url: url.toString(),
    async kill() {
      const closed = stopListening();
      for (const link of links) {
        link.client.resetAndDestroy();
        link.upstream.destroy();
      }
      links.clear();
      await closed;
    },
    stall() {
      isStalled = true;
      for (const link of links) {
        link.client.pause();
        link.upstream.pause();
      }
    },
    async restore() {
      isStalled = false;
      for (const link of links) {
        link.client.resume();
        link.upstream.resume();
      }
      if (!server.listening) await listen();
    },
    async close() {
      for (const link of links) {
        link.client.destroy();
        link.upstream.destroy();
      }
      links.clear();
      if (server.listening) await stopListening();
    },
  };
}
