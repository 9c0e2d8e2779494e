import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordStoreFailure } from "../../observability/ingest-metrics.ts";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type RawClientEvent, type TestServer } from "../../testing/index.ts";
import { ingestAs, makeAdmin } from "./admin-test-kit.ts";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

describe.each(databaseTargets())("admin.ingestionHealth on %s", (driver) => {
  let server: TestServer;
  // Each test moves the server clock to its own day so that the windows never overlap.
  let clock = new Date();
  beforeAll(async () => {
    server = await createTestServer(driver, {}, () => clock);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function examEvents(count: number, invalid: number): Promise<{ learner: string; events: RawClientEvent[] }> {
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    const events = Array.from({ length: count }, (_, i) =>
      clientEvent("PAUSE_BLUR", sessionId, { seq: i, payload: i < invalid ? { state: "sideways" } : { state: i % 2 ? "blur" : "focus" } }),
    );
    return { learner, events };
  }

  it("reports throughput, batch sizes, rejection and duplicate rates, latency and clock skew of the window", async () => {
    clock = new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS);
    const stored = clock;
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    const skewed = new Date(stored.getTime() - 2000).toISOString();
    const ten = Array.from({ length: 10 }, (_, seq) => clientEvent("PAUSE_BLUR", sessionId, { seq, client_ts: skewed }));
    await ingestAs(server, learner, ten);
    await ingestAs(server, learner, ten);
    await ingestAs(server, learner, [clientEvent("PAUSE_BLUR", sessionId, { payload: { state: "sideways" } })]);
    clock = new Date(stored.getTime() + MINUTE_MS);

    const health = await makeAdmin(server).caller.admin.ingestionHealth({ windowMinutes: 60 });
    expect(health.totals).toEqual({ batches: 3, eventsReceived: 21, accepted: 10, duplicates: 10, rejected: 1, conflicts: 0 });
    expect(health.bucketSeconds).toBe(60);
    expect(health.throughput).toHaveLength(60);
    expect(health.throughput.at(-1)).toEqual({ start: stored.toISOString(), events: 10, eventsPerSecond: 10 / 60 });
    expect(health.throughput.slice(0, -1).every((bucket) => bucket.events === 0)).toBe(true);
    expect(health.eventsPerSecond).toBeCloseTo(10 / 3600, 10);
    expect(Object.fromEntries(health.batchSizes.map((b) => [b.label, b.batches]))).toEqual({
      "1": 1, "2-9": 0, "10-24": 2, "25-49": 0, "50": 0, "51-199": 0, "200-999": 0, "1000": 0,
    });
    expect(health.rejectionRate).toBeCloseTo((1 / 21) * 100, 2);
    expect(health.duplicateRate).toBeCloseTo((10 / 21) * 100, 2);
    expect(health.topRejectionReasons).toEqual([{ code: "invalid_payload", count: 1 }]);
    expect(health.insertLatencyMs.p50).toBeGreaterThanOrEqual(0);
    expect(health.insertLatencyMs.p99).toBeGreaterThanOrEqual(health.insertLatencyMs.p50!);
    expect(health.clockSkew.sampleSize).toBe(10);
    expect(health.clockSkew.percentilesMs).toEqual({ p50: 2000, p95: 2000, p99: 2000 });
    expect(health.clockSkew.histogram.find((b) => b.label === "1s..5s")!.count).toBe(10);
    expect(health.failedInserts).toMatchObject({ batches: 0, events: 0, rate: 0 });
    expect(health.projectionLag.length).toBeGreaterThan(0);
    expect(health.alerts.map((a) => [a.name, a.isFiring])).toEqual([
      ["rejection_rate", false],
      ["insert_failure_rate", false],
      ["batch_size_at_limit", false],
      ["batch_size_single", false],
    ]);
  });

  it("does not fire the rejection-rate alert at exactly 5 %", async () => {
    clock = new Date(Date.now() + DAY_MS);
    const { learner, events } = await examEvents(100, 5);
    await ingestAs(server, learner, events);
    clock = new Date(clock.getTime() + MINUTE_MS);
    const health = await makeAdmin(server).caller.admin.ingestionHealth({ windowMinutes: 5 });
    expect(health.totals).toMatchObject({ eventsReceived: 100, rejected: 5 });
    expect(health.alerts.find((a) => a.name === "rejection_rate")).toMatchObject({ isFiring: false, value: 5, threshold: 5 });
  });

  it("fires the rejection-rate alert above 5 %", async () => {
    clock = new Date(Date.now() + 2 * DAY_MS);
    const { learner, events } = await examEvents(100, 6);
    await ingestAs(server, learner, events);
    clock = new Date(clock.getTime() + MINUTE_MS);
    const health = await makeAdmin(server).caller.admin.ingestionHealth({ windowMinutes: 5 });
    const alert = health.alerts.find((a) => a.name === "rejection_rate")!;
    expect(alert).toMatchObject({ isFiring: true, value: 6, threshold: 5 });
    expect(alert.message).toBe("6% of 100 received events were rejected (alert above 5%).");
    // Two full learner batches, but fewer than 20 batches: the size alerts stay quiet.
    expect(health.alerts.find((a) => a.name === "batch_size_at_limit")).toMatchObject({ isFiring: false, value: 100 });
  });

  it("fires the single-event batch alert when most of at least 20 batches carry one event", async () => {
    clock = new Date(Date.now() + 3 * DAY_MS);
    const { learner, events } = await examEvents(20, 0);
    for (const event of events) await ingestAs(server, learner, [event]);
    clock = new Date(clock.getTime() + MINUTE_MS);
    const health = await makeAdmin(server).caller.admin.ingestionHealth({ windowMinutes: 5 });
    expect(health.alerts.find((a) => a.name === "batch_size_single")).toMatchObject({ isFiring: true, value: 100, threshold: 50 });
  });

  it("counts failed inserts, persists them, and fires the failure-rate alert above 1 %", async () => {
    clock = new Date(Date.now() + 4 * DAY_MS);
    const { learner, events } = await examEvents(3, 0);
    await ingestAs(server, learner, events);
    const batchId = randomUUID();
    recordStoreFailure(server.db, { batchId, endpoint: "telemetry.ingest", eventCount: 7, failedAt: clock.toISOString() });
    clock = new Date(clock.getTime() + MINUTE_MS);
    const health = await makeAdmin(server).caller.admin.ingestionHealth({ windowMinutes: 5 });
    expect(health.failedInserts).toMatchObject({ batches: 1, events: 7, rate: 50 });
    expect(health.failedInserts.sinceProcessStart).toBeGreaterThanOrEqual(1);
    expect(health.alerts.find((a) => a.name === "insert_failure_rate")).toMatchObject({ isFiring: true, value: 50, threshold: 1 });
    const persisted = await server.db.rows<{ n: number }>(
      sql`select count(*)::int as n from ingest_store_failures where batch_id = ${batchId}::uuid`,
    );
    expect(persisted[0]!.n).toBe(1);
  });
});
