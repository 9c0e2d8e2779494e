import { Socket } from "node:net";
import postgres from "postgres";

/** The parts of postgres.js's parsed options a socket factory reads. */
interface ParsedConnectOptions {
  host: string[];
  port: number[];
  path: string | false;
  ssl: unknown;
}

export interface HeardFromDatabase {
  /**
   * The postgres.js `socket` option, or undefined when the connection uses TLS: TLS takes over
   * the raw socket, whose bytes can then no longer be watched, so such a pool reports nothing.
   */
  socket: ((options: ParsedConnectOptions) => Socket) | undefined;
  /** performance.now() when PostgreSQL last sent a byte on any of the pool's connections; -Infinity if never. */
  lastHeardAt(): number;
}

/**
 * Watches when PostgreSQL last sent bytes to the pool. A network stall shows as silence while
 * queries are in flight, whereas a busy but healthy database keeps answering some of them: the
 * breaker opens on a failed probe only when the pool heard nothing either, so CPU load that
 * slows the probe does not open it.
 *
 * postgres.js treats a socket from the `socket` option as its own and writes its startup
 * message at once (a connecting socket queues writes); this factory opens it the way the
 * driver would (unix path, else the hosts in turn), and the driver's connect timeout still applies.
 */
export function heardFromDatabase(url: string): HeardFromDatabase {
  let lastHeardAt = Number.NEGATIVE_INFINITY;
  // Parsing only: postgres() opens no connection until a query runs.
  const { ssl } = postgres(url).options as unknown as ParsedConnectOptions;
  if (ssl) return { socket: undefined, lastHeardAt: () => lastHeardAt };

  let nextHost = 0;
  const socket = (options: ParsedConnectOptions) => {
    const raw = new Socket();
    raw.on("data", () => {
      lastHeardAt = performance.now();
    });
    if (options.path) return raw.connect(options.path);
    const index = nextHost++ % options.host.length;
    const host = options.host[index] ?? "localhost";
    raw.connect(options.port[index] ?? 5432, host);
    return Object.assign(raw, { host });
  };
  return { socket, lastHeardAt: () => lastHeardAt };
}
