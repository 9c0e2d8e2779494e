import { loadQuestionBank, rowsOf } from "@chronicle/db";
import { createDevSignInHandler, createHttpServer, serveStaticApp } from "@chronicle/api/http";
import { createTestServer, type TestServer } from "@chronicle/api/testing";
import { sql } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { PLAYER_DIST } from "./player-paths.ts";

export interface LoggedEvent {
  id: string;
  type: string;
  seq: number | null;
  ingestSeq: number;
  payload: Record<string, unknown>;
}

export interface IngestTotals {
  calls: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export interface PlayerServer {
  url: string;
  backend: TestServer;
  /** A real outage: the listener closes and open connections are cut, so browsers get connection errors. */
  goDown(): Promise<void>;
  /** Listens again on the same port, as a restarted server would. */
  comeBack(): Promise<void>;
  /** Moves the server's clock (ctx.now(), session expiry) forward, to test the countdown without waiting. */
  advanceClock(ms: number): void;
  /** The session's events in the order the log received them. */
  sessionEvents(sessionId: string): Promise<LoggedEvent[]>;
  counterTotals(): Promise<Record<string, number>>;
  /** What telemetry.ingest answered over all its calls: a resent batch shows up as duplicates. */
  ingestTotals(): Promise<IngestTotals>;
  close(): Promise<void>;
}

/** The real server (PGlite, the real router and ingest) serving the built player, as `chronicle serve` does. */
export async function startPlayerServer(env: Record<string, string> = {}): Promise<PlayerServer> {
  let clockOffsetMs = 0;
  const backend = await createTestServer("pglite", env, () => new Date(Date.now() + clockOffsetMs));
  await loadQuestionBank(backend.db.orm);
  const player = serveStaticApp({ root: PLAYER_DIST, prefix: "/", appName: "player", buildCommand: "npm run build -w @chronicle/player" });
  const http = createHttpServer(backend.deps, [createDevSignInHandler(backend.deps.env), player]);
  const listen = (port: number) => new Promise<void>((ready) => http.listen(port, "127.0.0.1", () => ready()));
  const stop = () =>
    new Promise<void>((done) => {
      http.closeAllConnections();
      http.close(() => done());
    });
  await listen(0);
  const port = (http.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    backend,
    goDown: stop,
    comeBack: () => listen(port),
    advanceClock(ms) {
      clockOffsetMs += ms;
    },
    async sessionEvents(sessionId) {
      const rows = await rowsOf<{ id: string; type: string; seq: number | null; ingestSeq: string; payload: Record<string, unknown> }>(
        backend.db.orm,
        sql`select id::text as id, event_type as type, seq, ingest_seq::text as "ingestSeq", payload_json as payload
              from events where session_id = ${sessionId}::uuid order by ingest_seq`,
      );
      return rows.map((row) => ({ ...row, ingestSeq: Number(row.ingestSeq) }));
    },
    async counterTotals() {
      const rows = await rowsOf<{ event: string; total: number }>(
        backend.db.orm,
        sql`select event, count(*)::int as total from counter_events group by event`,
      );
      return Object.fromEntries(rows.map((row) => [row.event, row.total]));
    },
    async ingestTotals() {
      const [row] = await rowsOf<IngestTotals>(
        backend.db.orm,
        sql`select count(*)::int as calls, coalesce(sum(success_count), 0)::int as accepted,
                   coalesce(sum(duplicate_count), 0)::int as duplicates,
                   coalesce(sum(failure_count + conflict_count), 0)::int as rejected
              from ingest_batches where endpoint = 'telemetry.ingest'`,
      );
      return row!;
    },
    async close() {
      if (http.listening) await stop();
      await backend.close();
    },
  };
}
