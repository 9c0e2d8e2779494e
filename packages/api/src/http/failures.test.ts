import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceWorker } from "../cluster/worker-presence.ts";
import { clientEvent, createTestServer, listen, makeExamSession, makeLearner, type RunningServer, type TestServer } from "../testing/index.ts";

describe("when the event store fails", () => {
  let server: TestServer;
  let http: RunningServer;
  let token: string;
  let batch: { source: string; events: unknown[] };

  beforeAll(async () => {
    server = await createTestServer("pglite", { CHRONICLE_RETRY_AFTER_SECONDS: "7" });
    http = await listen(server.deps);
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    token = await server.token("learner", learner);
    batch = { source: "web", events: [clientEvent("PAUSE_BLUR", exam.sessionId)] };
    // A real outage: the database is gone while the server keeps serving.
    await server.db.close();
  });
  afterAll(async () => {
    await http?.close();
  });

  it("answers 503 with Retry-After instead of hanging or crashing", async () => {
    const response = await http.post("/trpc/telemetry.ingest", batch, token);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.json.error.data.reason).toBe("store_unavailable");
    expect(response.json.error.message).toMatch(/nothing was written, send it again in 7 seconds/);
  });

  it("logs the failure with its context", async () => {
    const line = server.log.lines.find((l) => l.message === "telemetry.store_failed");
    expect(line?.context).toMatchObject({ endpoint: "telemetry.ingest", events: 1 });
  });

  it("reports the database as disconnected in health", async () => {
    const { json } = await http.get("/trpc/health");
    expect(json.result.data).toMatchObject({ status: "degraded", services: { database: "disconnected" } });
  });
});

describe("request limits over HTTP", () => {
  let server: TestServer;
  let http: RunningServer;
  beforeAll(async () => {
    server = await createTestServer("pglite", { CHRONICLE_MAX_BODY_BYTES: "4096" });
    http = await listen(server.deps);
  });
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });

  it("refuses a body over the limit whole with 413", async () => {
    const token = await server.token("learner", makeLearner());
    const response = await http.post("/trpc/telemetry.ingest", { source: "web", events: [{ padding: "x".repeat(5000) }] }, token);
    expect(response.status).toBe(413);
  });

  it("answers health with status, uptime and database state", async () => {
    const { json } = await http.get("/trpc/health");
    expect(json.result.data).toMatchObject({ status: "healthy", services: { database: "connected", databaseDriver: "pglite" } });
    expect(json.result.data.uptime).toBeGreaterThanOrEqual(0);
  });

  it("reports seed 001's scheduler as running only while some worker runs projections and jobs", async () => {
    expect((await http.get("/trpc/health")).json.result.data.services.scheduler).toBe("stopped");
    const worker = await announceWorker(server.db, "health-test-worker", () => {});
    try {
      expect((await http.get("/trpc/health")).json.result.data.services.scheduler).toBe("running");
    } finally {
      await worker.stop();
    }
    expect((await http.get("/trpc/health")).json.result.data.services.scheduler).toBe("stopped");
  });

  it("answers unknown paths with a 404 that names the API path", async () => {
    const response = await http.get("/nope");
    expect(response.status).toBe(404);
    expect(response.json.message).toMatch(/the API is at \/trpc/);
  });
});
