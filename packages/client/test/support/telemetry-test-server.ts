import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ClientEvent, EventResult, IngestBatchOutput } from "@chronicle/contracts";
import { telemetryTestPage } from "./telemetry-test-page.ts";

/**
 * Serves the test page, the bundled SDK and a fake telemetry.ingest on 127.0.0.1. The fake
 * follows the server's ingest response contract and deduplicates by event id like the real
 * one; it stands in for the server because these tests are about the SDK's storage and tab
 * coordination, while the real ingest is covered by the server's own tests.
 */
export interface TelemetryTestServer {
  readonly origin: string;
  /** How many requests for each event id reached the endpoint while it was up. */
  readonly receipts: Map<string, number>;
  /** Each event the first time it arrived, in arrival order. */
  readonly events: ClientEvent[];
  /** The x-chronicle-client-metrics header of each ingest request that reached the endpoint while it was up. */
  readonly clientMetrics: string[];
  /** Delay before each ingest answer, to keep requests in flight. */
  delayMs: number;
  /** While true the endpoint answers 503 without looking at the events, like a server that is down. */
  isDown: boolean;
  reset(): void;
  close(): Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

export async function startTelemetryTestServer(sdkBundle: string): Promise<TelemetryTestServer> {
  const receipts = new Map<string, number>();
  const events: ClientEvent[] = [];
  const clientMetrics: string[] = [];

  const ingest = (batch: { events: ClientEvent[] }): IngestBatchOutput => {
    const results: EventResult[] = batch.events.map((event, index) => {
      const seen = receipts.get(event.id) ?? 0;
      receipts.set(event.id, seen + 1);
      if (seen > 0) return { index, id: event.id, status: "duplicate" };
      events.push(event);
      return { index, id: event.id, status: "accepted" };
    });
    return {
      batch_id: crypto.randomUUID(),
      accepted: results.filter((result) => result.status === "accepted").length,
      duplicates: results.filter((result) => result.status === "duplicate").length,
      rejected: 0,
      rejected_reasons_sample: [],
      results,
    };
  };

  const server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
      if (request.method === "GET" && path === "/") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        response.end(telemetryTestPage);
      } else if (request.method === "GET" && path === "/sdk.js") {
        response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
        response.end(sdkBundle);
      } else if (request.method === "POST" && path === "/trpc/telemetry.ingest") {
        const body = await readBody(request);
        if (testServer.isDown) {
          sendJson(response, 503, { error: { message: "The event store is unavailable.", code: -32000, data: { httpStatus: 503 } } });
          return;
        }
        if (request.headers.authorization !== "Bearer learner-token") {
          sendJson(response, 401, { error: { message: "The token is missing.", code: -32001, data: { httpStatus: 401 } } });
          return;
        }
        clientMetrics.push(String(request.headers["x-chronicle-client-metrics"]));
        const output = ingest(JSON.parse(body) as { events: ClientEvent[] });
        await sleep(testServer.delayMs);
        sendJson(response, 200, { result: { data: output } });
      } else {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const testServer: TelemetryTestServer = {
    origin: `http://127.0.0.1:${port}`,
    receipts,
    events,
    clientMetrics,
    delayMs: 0,
    isDown: false,
    reset() {
      receipts.clear();
      events.length = 0;
      clientMetrics.length = 0;
      testServer.delayMs = 0;
      testServer.isDown = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return testServer;
}
