import type { SyncBatchInput, SyncItem } from "@chronicle/contracts";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";

const progress = (entityId: string, value: number, updatedAt: string): SyncItem => ({
  itemType: "progress",
  itemData: { entityType: "material", entityId, progress: value, updatedAt },
});
const assessment = (assessmentId: string, score: number, submittedAt: string, clientUpdatedAt?: string): SyncItem => ({
  itemType: "assessment",
  itemData: { assessmentId, score, maxScore: 10, submittedAt },
  ...(clientUpdatedAt ? { clientUpdatedAt } : {}),
});
const eventItem = (event: object): SyncItem => ({ itemType: "event", itemData: event as never });
// Malformed items are sent as the wire would send them.
const malformed = (item: object) => item as SyncItem;
const batchOf = (items: SyncItem[], extra: Partial<SyncBatchInput> = {}): SyncBatchInput => ({ batchId: `batch-${randomUUID()}`, items, ...extra });

async function storedProgress(server: TestServer, userId: string, entityId: string) {
  const [row] = await server.db.rows<{ progress: number; client_updated_at: string }>(
    sql`select progress, to_char(client_updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as client_updated_at
          from sync_progress where user_id = ${userId}::uuid and entity_id = ${entityId}`,
  );
  return row;
}

describe.each(databaseTargets())("sync.batch on %s", (driver) => {
  let server: TestServer;
  let clientFirst: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  // A second server configured for client-priority; its own hook, so each start has its own timeout.
  beforeAll(async () => {
    clientFirst = await createTestServer(driver, { CHRONICLE_SYNC_CONFLICT_STRATEGY: "client-priority" });
  });
  afterAll(async () => {
    await server?.close();
    await clientFirst?.close();
  });

  it("syncs an event through the ingest pipeline, and reports it as a duplicate when sent again", async () => {
    const learner = makeLearner();
    const event = clientEvent("interview_started", randomUUID());
    const first = await server.learner(learner).sync.batch(batchOf([eventItem(event)]));
    const again = await server.learner(learner).sync.batch(batchOf([eventItem(event)]));
    expect(first).toEqual({ success: true, data: { processed: 1, failed: 0, conflicts: 0, results: [{ index: 0, itemType: "event", status: "synced" }] } });
    expect(again.data.results).toEqual([{ index: 0, itemType: "event", status: "duplicate" }]);
    const rows = await server.db.rows<{ user_id: string }>(sql`select user_id::text as user_id from events where id = ${event.id}::uuid`);
    expect(rows).toEqual([{ user_id: learner }]);
  });

  it("last-write-wins: applies newer progress, refuses older progress as a conflict the server wins", async () => {
    const learner = makeLearner();
    const sync = server.learner(learner).sync;
    await sync.batch(batchOf([progress("m-1", 0.5, "2024-01-20T10:00:00Z")]));
    const response = await sync.batch(
      batchOf([progress("m-1", 0.2, "2024-01-20T09:00:00Z"), progress("m-1", 0.8, "2024-01-20T11:00:00Z"), progress("m-1", 0.8, "2024-01-20T11:00:00Z")]),
    );
    expect(response.data).toMatchObject({ processed: 3, failed: 0, conflicts: 1 });
    expect(response.data.results).toEqual([
      { index: 0, itemType: "progress", status: "conflict", resolution: "server", message: expect.stringMatching(/progress on material 'm-1' from 2024-01-20T10:00:00.000Z/) },
      { index: 1, itemType: "progress", status: "synced" },
      { index: 2, itemType: "progress", status: "duplicate" },
    ]);
    expect(await storedProgress(server, learner, "m-1")).toEqual({ progress: 0.8, client_updated_at: "2024-01-20T11:00:00Z" });
  });

  it("client-priority: the client's older progress replaces the server's newer value, reported as a resolved conflict", async () => {
    const learner = makeLearner();
    const sync = clientFirst.learner(learner).sync;
    // percent 90 is stored as the fraction 0.9
    await sync.batch(batchOf([{ itemType: "progress", itemData: { entityType: "topic", entityId: "t-1", percent: 90, updatedAt: "2024-01-20T10:00:00Z" } }]));
    const response = await sync.batch(batchOf([{ itemType: "progress", itemData: { entityType: "topic", entityId: "t-1", progress: 0.3, updatedAt: "2024-01-20T08:00:00Z" } }]));
    expect(response.data.results).toEqual([
      { index: 0, itemType: "progress", status: "conflict", resolution: "client", message: expect.stringMatching(/replaced the server's newer progress on topic 't-1'/) },
    ]);
    const [row] = await clientFirst.db.rows<{ progress: number }>(sql`select progress from sync_progress where user_id = ${learner}::uuid and entity_id = 't-1'`);
    expect(row!.progress).toBeCloseTo(0.3, 6);
  });

  it("lets a batch name its own strategy over the server's", async () => {
    const learner = makeLearner();
    await server.learner(learner).sync.batch(batchOf([progress("m-2", 0.9, "2024-01-20T10:00:00Z")]));
    const response = await server.learner(learner).sync.batch(batchOf([progress("m-2", 0.1, "2024-01-20T09:00:00Z")], { conflictStrategy: "client-priority" }));
    expect(response.data.results[0]).toMatchObject({ status: "conflict", resolution: "client" });
  });

  it("syncs assessments by clientUpdatedAt (else submittedAt) under both strategies", async () => {
    const learner = makeLearner();
    const first = await server.learner(learner).sync.batch(batchOf([assessment("a-1", 7, "2024-01-20T10:00:00Z")]));
    expect(first.data.results[0]).toMatchObject({ status: "synced" });
    const retry = await server.learner(learner).sync.batch(batchOf([assessment("a-1", 7, "2024-01-20T10:00:00Z")]));
    expect(retry.data.results[0]).toMatchObject({ status: "duplicate" });
    const stale = await server.learner(learner).sync.batch(batchOf([assessment("a-1", 9, "2024-01-20T10:00:00Z", "2024-01-20T09:00:00Z")]));
    expect(stale.data.results[0]).toMatchObject({ status: "conflict", resolution: "server" });
    const newer = await server.learner(learner).sync.batch(batchOf([assessment("a-1", 9, "2024-01-20T10:00:00Z", "2024-01-20T12:00:00Z")]));
    expect(newer.data.results[0]).toMatchObject({ status: "synced" });
    const [row] = await server.db.rows<{ score: number }>(sql`select score from sync_assessments where user_id = ${learner}::uuid and assessment_id = 'a-1'`);
    expect(row!.score).toBe(9);

    const elsewhere = makeLearner();
    await clientFirst.learner(elsewhere).sync.batch(batchOf([assessment("a-2", 8, "2024-01-20T12:00:00Z")]));
    const overwritten = await clientFirst.learner(elsewhere).sync.batch(batchOf([assessment("a-2", 3, "2024-01-20T11:00:00Z")]));
    expect(overwritten.data.results[0]).toMatchObject({ status: "conflict", resolution: "client" });
  });

  it("reports bad items as failed without sinking the batch, and quarantines them", async () => {
    const learner = makeLearner();
    const badEvent = { ...clientEvent("interview_started", randomUUID()), payload: { interviewType: "exam", duration: 30 } };
    const response = await server.learner(learner).sync.batch(
      batchOf([
        progress("m-3", 0.4, "2024-01-20T10:00:00Z"),
        malformed({ itemType: "progress", itemData: { entityType: "material", entityId: "m-4", updatedAt: "2024-01-20T10:00:00Z" } }),
        malformed({ itemType: "bookmark", itemData: {} }),
        eventItem(badEvent),
        assessment("a-3", 5, "2024-01-20T10:00:00Z"),
      ]),
    );
    expect(response).toMatchObject({ success: true, data: { processed: 2, failed: 3, conflicts: 0 } });
    expect(response.data.results.map((r) => [r.itemType, r.status, r.code])).toEqual([
      ["progress", "synced", undefined],
      ["progress", "failed", "invalid_payload"],
      [null, "failed", "invalid_envelope"],
      ["event", "failed", "invalid_payload"],
      ["assessment", "synced", undefined],
    ]);
    expect(response.data.results[1]!.issues).toEqual([expect.objectContaining({ message: expect.stringMatching(/progress/) })]);
    const quarantined = await server.db.rows<{ code: string }>(sql`select code from quarantined_events where user_id = ${learner}::uuid order by code`);
    expect(quarantined.map((q) => q.code)).toEqual(["invalid_envelope", "invalid_payload", "invalid_payload"]);
  });

  it("writes one batch-log row for the whole batch, with the client's batch id and every item counted", async () => {
    const learner = makeLearner();
    const input = batchOf([
      eventItem(clientEvent("interview_started", randomUUID())),
      progress("m-5", 0.4, "2024-01-20T10:00:00Z"),
      progress("m-5", 0.1, "2024-01-20T09:00:00Z"),
      malformed({ itemType: "assessment", itemData: { assessmentId: "a-9" } }),
    ]);
    await server.learner(learner).sync.batch(input);
    const logs = await server.db.rows(
      sql`select endpoint, client_batch_id, item_count, success_count, duplicate_count, failure_count, conflict_count, status
            from ingest_batches where user_id = ${learner}::uuid`,
    );
    expect(logs).toEqual([
      {
        endpoint: "sync.batch",
        client_batch_id: input.batchId,
        item_count: 4,
        success_count: 2,
        duplicate_count: 0,
        failure_count: 1,
        conflict_count: 1,
        status: "partial",
      },
    ]);
  });

  it("refuses the whole batch when it is not a sync batch at all", async () => {
    await expect(server.learner(makeLearner()).sync.batch({ batchId: "b", items: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(server.service(randomUUID()).sync.batch(batchOf([progress("m", 1, "2024-01-20T10:00:00Z")]))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
