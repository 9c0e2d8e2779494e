import type { SyncItem } from "@chronicle/contracts";
import { databaseTargets } from "@chronicle/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";

const progress = (entityId: string): SyncItem => ({
  itemType: "progress",
  itemData: { entityType: "quiz", entityId, progress: 1, updatedAt: "2024-01-20T10:00:00Z" },
});
const broken = { itemType: "progress", itemData: { entityType: "quiz" } } as SyncItem;

describe.each(databaseTargets())("sync.status on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("is empty and good for a learner who never synced, echoing the client's pending count", async () => {
    expect(await server.learner(makeLearner()).sync.status({ pendingItems: 5 })).toEqual({
      syncStatus: { lastSyncTime: null, pendingItems: 5, totalItems: 0, syncHealth: "good" },
    });
    expect((await server.learner(makeLearner()).sync.status(undefined)).syncStatus.pendingItems).toBe(0);
  });

  it("reports the last sync, the items applied, and health from the failed share of the last 20 batches", async () => {
    const learner = makeLearner();
    const sync = server.learner(learner).sync;
    // 9 applied items and 1 failed of 10: 10 % → degraded.
    await sync.batch({ batchId: "b1", items: [...Array.from({ length: 9 }, (_, i) => progress(`q-${i}`)), broken] });
    const status = await sync.status({ pendingItems: 2 });
    expect(status.syncStatus).toMatchObject({ pendingItems: 2, totalItems: 9, syncHealth: "degraded" });
    expect(Date.parse(status.syncStatus.lastSyncTime!)).toBeGreaterThan(Date.now() - 60_000);

    // Another batch of 1 failed of 2: 2/12 ≈ 17 % → still degraded; then 3 of 3 failed: 5/15 ≈ 33 % → poor.
    await sync.batch({ batchId: "b2", items: [progress("q-new"), broken] });
    expect((await sync.status(undefined)).syncStatus).toMatchObject({ totalItems: 10, syncHealth: "degraded" });
    const allFailed = await sync.batch({ batchId: "b3", items: [broken, broken, broken] });
    expect(allFailed.success).toBe(false);
    expect((await sync.status(undefined)).syncStatus.syncHealth).toBe("poor");

    // Twenty clean batches push the failures out of the window.
    for (let i = 0; i < 20; i += 1) await sync.batch({ batchId: `clean-${i}`, items: [progress(`c-${randomUUID()}`)] });
    expect((await sync.status(undefined)).syncStatus).toMatchObject({ totalItems: 30, syncHealth: "good" });
  });
});
