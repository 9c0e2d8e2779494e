import { createTelemetry } from "@chronicle/client/telemetry";
import { clientMetrics } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChronicleHttp, type ChronicleHttp } from "../../http/create-http-server.ts";
import { purgeClientMetricsJob } from "../../jobs/purge-client-metrics.ts";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../../testing/index.ts";
import { makeAdmin } from "./admin-test-kit.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

describe.each(databaseTargets())("client behaviour on ingestion health on %s", (driver) => {
  let server: TestServer;
  let http: ChronicleHttp;
  let url: string;
  let clock = new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS);
  beforeAll(async () => {
    server = await createTestServer(driver, {}, () => clock);
    http = createChronicleHttp(server.deps);
    await new Promise<void>((ready) => http.server.listen(0, "127.0.0.1", () => ready()));
    url = `http://127.0.0.1:${(http.server.address() as { port: number }).port}`;
  }, 180_000);
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });

  it("shows the retry, queue overflow, rejection and flush figures an SDK reported with its ingest requests", async () => {
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    let attempts = 0;
    const telemetry = createTelemetry({
      url,
      token: await server.token("learner", learner),
      // The first attempt meets a network failure, so the SDK retries it.
      fetch: async (input, init) => {
        attempts += 1;
        if (attempts === 1) throw new TypeError("network is down");
        return fetch(input, init);
      },
      maxBuffered: 5,
      maxQueued: 1000,
      flushIntervalMs: 3_600_000,
      baseBackoffMs: 1,
      onDrop: () => undefined,
    });
    // Playing a plain-JavaScript caller, whose payload the server rejects.
    const trackUnchecked = telemetry.track as (sessionId: string, type: string, payload: object) => void;
    // Eight events into a queue of five: the three oldest overflow.
    for (let i = 0; i < 7; i += 1) telemetry.track(sessionId, "PAUSE_BLUR", { state: i % 2 ? "blur" : "focus" });
    trackUnchecked(sessionId, "PAUSE_BLUR", { state: "sideways" });
    await telemetry.flush();
    // This second flush reports what the first one saw.
    telemetry.track(sessionId, "PAUSE_BLUR", { state: "blur" });
    await telemetry.flush();
    telemetry.stop();
    expect(attempts).toBe(3);

    clock = new Date(clock.getTime() + MINUTE_MS);
    const { clientBehaviour } = await makeAdmin(server).caller.admin.ingestionHealth({ windowMinutes: 60 });
    // The second request's own answer is reported with the client's next request, so its event is not counted yet.
    const expected = {
      clientMinutes: 1,
      flushes: 2,
      requests: 3,
      retries: 1,
      events: 5,
      rejected: 1,
      dropped: 3,
      retryRate: 33.333,
      queueOverflowRate: 37.5,
      rejectionRate: 20,
      flushesPerClientMinute: 2,
    };
    expect(clientBehaviour.total).toEqual({ source: "all", ...expected });
    expect(clientBehaviour.bySource).toEqual([{ source: "web", ...expected }]);
  });

  it("takes the ingest of a request whose metrics header is malformed, and counts nothing from it", async () => {
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    const token = await server.token("learner", learner);
    clock = new Date(clock.getTime() + DAY_MS);
    const send = (header: string) =>
      fetch(`${url}/trpc/telemetry.ingest`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-chronicle-client-metrics": header },
        body: JSON.stringify({ source: "web", events: [clientEvent("PAUSE_BLUR", sessionId)] }),
      });
    for (const header of ["requests=abc", "retries=-1", "source=desktop,retries=1", "retries", "=", `dropped=1,${"x".repeat(300)}`]) {
      const response = await send(header);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { result: { data: unknown } }).result.data).toMatchObject({ accepted: 1, rejected: 0 });
    }
    clock = new Date(clock.getTime() + MINUTE_MS);
    const { clientBehaviour, totals } = await makeAdmin(server).caller.admin.ingestionHealth({ windowMinutes: 5 });
    expect(totals.accepted).toBe(6);
    expect(clientBehaviour.bySource).toEqual([]);
    expect(clientBehaviour.total).toMatchObject({ requests: 0, retries: 0, dropped: 0, retryRate: null, queueOverflowRate: null });
  });

  it("keeps client figures for 30 days", async () => {
    const now = new Date(clock.getTime() + 2 * DAY_MS);
    const old = new Date(now.getTime() - 31 * DAY_MS).toISOString();
    const recent = new Date(now.getTime() - 29 * DAY_MS).toISOString();
    await server.db.orm.insert(clientMetrics).values([
      { minute: old, source: "mobile", clients: 1, requests: 1 },
      { minute: recent, source: "mobile", clients: 1, requests: 1 },
    ]);
    await purgeClientMetricsJob.run(server.deps, now);
    const left = await server.db.orm.select({ minute: clientMetrics.minute }).from(clientMetrics);
    expect(left.map((row) => Date.parse(row.minute))).not.toContain(Date.parse(old));
    expect(left.map((row) => Date.parse(row.minute))).toContain(Date.parse(recent));
  });
});
