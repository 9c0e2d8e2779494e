import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";
import { createChronicleHttp, type ChronicleHttp } from "./create-http-server.ts";

const METRICS_TOKEN = "a-metrics-token-for-tests";

/** The value of one sample line, e.g. chronicle_events_ingested_total{family="exam",…}, or 0 when absent. */
function sample(text: string, name: string, labels: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && labels.split(",").every((label) => l.includes(label)));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

describe("GET /metrics", () => {
  let server: TestServer;
  let http: ChronicleHttp;
  let url: string;
  beforeAll(async () => {
    server = await createTestServer("pglite", { CHRONICLE_METRICS_TOKEN: METRICS_TOKEN });
    http = createChronicleHttp(server.deps);
    await new Promise<void>((ready) => http.server.listen(0, "127.0.0.1", () => ready()));
    url = `http://127.0.0.1:${(http.server.address() as { port: number }).port}`;
  }, 180_000);
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });
  const scrape = async () => (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();

  it("needs CHRONICLE_METRICS_TOKEN as a bearer token when it is set", async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: "Bearer wrong-token-of-some-length" } })).status).toBe(401);
    const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it("counts an ingested batch by family, type and status, its rejections by code, and the request by procedure", async () => {
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    const token = await server.token("learner", learner);
    const before = await scrape();
    const response = await fetch(`${url}/trpc/telemetry.ingest`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ source: "web", events: [clientEvent("PAUSE_BLUR", sessionId), clientEvent("PAUSE_BLUR", sessionId), { event_type: "NOPE" }] }),
    });
    expect(response.status).toBe(200);
    const after = await scrape();
    const accepted = 'family="exam",type="PAUSE_BLUR",status="accepted"'.split(",");
    expect(sample(after, "chronicle_events_ingested_total", accepted.join(",")) - sample(before, "chronicle_events_ingested_total", accepted.join(","))).toBe(2);
    const rejected = (text: string) => text.split("\n").filter((l) => l.startsWith("chronicle_events_rejected_total{")).reduce((sum, l) => sum + Number(l.split(" ").pop()), 0);
    expect(rejected(after) - rejected(before)).toBe(1);
    const ok = 'procedure="telemetry.ingest",status="200"';
    expect(sample(after, "chronicle_http_requests_total", ok) - sample(before, "chronicle_http_requests_total", ok)).toBe(1);
    expect(sample(after, "chronicle_ingest_batch_size_events_count", 'endpoint="telemetry.ingest"')).toBeGreaterThan(
      sample(before, "chronicle_ingest_batch_size_events_count", 'endpoint="telemetry.ingest"'),
    );
  });

  it("reports the shared database's gauges and the process's own metrics", async () => {
    const text = await scrape();
    expect(text).toMatch(/^chronicle_projection_pending_events\{projection="[^"]+"\} \d+/m);
    expect(text).toMatch(/^chronicle_export_events_waiting \d+/m);
    // The migration makes the current month's partitions; making the next ones is the job's, which has not run here.
    expect(text).toMatch(/^chronicle_event_log_months_ahead\{family="exam"\} 0$/m);
    expect(text).toMatch(/^chronicle_database_up 1$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });
});

describe("client metrics piggybacked on ingest requests", () => {
  it("adds a signed-in SDK's reported retries, rejections, drops and requests to the chronicle_client_* counters", async () => {
    const server = await createTestServer("pglite");
    const http = createChronicleHttp(server.deps);
    await new Promise<void>((ready) => http.server.listen(0, "127.0.0.1", () => ready()));
    const url = `http://127.0.0.1:${(http.server.address() as { port: number }).port}`;
    try {
      const learner = makeLearner();
      const { sessionId } = await makeExamSession(server.db, learner);
      const send = async (headers: Record<string, string>) =>
        fetch(`${url}/trpc/telemetry.ingest`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ source: "web", events: [clientEvent("PAUSE_BLUR", sessionId)] }),
        });
      const before = await (await fetch(`${url}/metrics`)).text();
      const token = await server.token("learner", learner);
      await send({ authorization: `Bearer ${token}`, "x-chronicle-client-metrics": "requests=4,retries=2,rejected=1,dropped=3" });
      // Without a valid token the report is ignored.
      await send({ "x-chronicle-client-metrics": "requests=1000,retries=1000" });
      const after = await (await fetch(`${url}/metrics`)).text();
      const moved = (name: string) => {
        const value = (text: string) => Number(text.split("\n").find((l) => l.startsWith(`${name} `))?.split(" ")[1] ?? 0);
        return value(after) - value(before);
      };
      expect(moved("chronicle_client_requests_total")).toBe(4);
      expect(moved("chronicle_client_retries_total")).toBe(2);
      expect(moved("chronicle_client_rejected_events_total")).toBe(1);
      expect(moved("chronicle_client_dropped_events_total")).toBe(3);
    } finally {
      await http.close();
      await server.close();
    }
  }, 180_000);
});
