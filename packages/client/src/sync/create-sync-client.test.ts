import { syncBatchInput, type SyncBatchInput, type SyncBatchOutput, type SyncItem } from "@chronicle/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSyncClient, type SyncClient, type SyncEvents } from "./create-sync-client.ts";
import { createMemorySyncStore } from "./sync-store.ts";

const progress = (entityId: string): SyncItem => ({
  itemType: "progress",
  itemData: { entityType: "material", entityId, percent: 50, updatedAt: "2026-01-05T10:00:00.000Z" },
});
const assessment = (assessmentId: string): SyncItem => ({
  itemType: "assessment",
  itemData: { assessmentId, score: 8, maxScore: 10, submittedAt: "2026-01-05T10:00:00.000Z" },
});

/** A sync.batch that answers every item synced, except ids listed as failing; or is down. */
function fakeServer() {
  const batches: SyncBatchInput[] = [];
  const server = {
    batches,
    down: false,
    failing: new Set<string>(),
    fetch: vi.fn(async (_url: string, init: RequestInit) => {
      if (server.down) throw new TypeError("Failed to fetch");
      const input = JSON.parse(String(init.body)) as SyncBatchInput;
      // The real sync.batch refuses a malformed batch (a batchId that looks personal, for one) as a whole.
      const checked = syncBatchInput.safeParse(input);
      if (!checked.success) return new Response(JSON.stringify({ error: { message: checked.error.message } }), { status: 400 });
      batches.push(input);
      const results = input.items.map((item, index) => {
        const id = item.itemType === "progress" ? item.itemData.entityId : item.itemType === "assessment" ? item.itemData.assessmentId : "";
        return { index, itemType: item.itemType, status: server.failing.has(id) ? ("failed" as const) : ("synced" as const) };
      });
      const failed = results.filter((r) => r.status === "failed").length;
      const output: SyncBatchOutput = { success: true, data: { processed: results.length - failed, failed, conflicts: 0, results } };
      return new Response(JSON.stringify({ result: { data: output } }), { status: 200, headers: { "content-type": "application/json" } });
    }),
  };
  return server;
}

let client: SyncClient | undefined;
afterEach(() => {
  client?.stop();
  vi.useRealTimers();
});

describe("the sync client", () => {
  it("sends queued items in priority order on demand and reports its status from its own queue", async () => {
    const server = fakeServer();
    client = createSyncClient({ url: "https://chronicle.test/", token: "t", fetch: server.fetch, intervalMs: 0, now: () => new Date("2026-01-05T10:05:00.000Z") });
    await client.enqueue(progress("m1"));
    await client.enqueue(assessment("quiz-1"));
    await client.enqueue(progress("m2"), { priority: 5 });
    expect(await client.getStatus()).toEqual({ lastSyncTime: null, pendingItems: 3, syncedCount: 0, totalCount: 3, syncHealth: "good" });

    await client.syncNow();
    expect(server.fetch).toHaveBeenCalledWith("https://chronicle.test/trpc/sync.batch", expect.objectContaining({ method: "POST" }));
    // The explicit priority 5 first, then the assessment (1), then progress (0).
    expect(server.batches[0]!.items.map((i) => (i.itemType === "assessment" ? i.itemData.assessmentId : (i.itemData as { entityId: string }).entityId))).toEqual(["m2", "quiz-1", "m1"]);
    expect(await client.getStatus()).toEqual({ lastSyncTime: "2026-01-05T10:05:00.000Z", pendingItems: 0, syncedCount: 3, totalCount: 3, syncHealth: "good" });
  });

  it("keeps every item when the server cannot be reached, emits sync:error, and sends them on reconnect", async () => {
    const server = fakeServer();
    const seen: [keyof SyncEvents, unknown][] = [];
    let reconnect = () => {};
    const onReconnect = (callback: () => void) => {
      reconnect = callback;
      return () => {};
    };
    client = createSyncClient({ url: "https://chronicle.test", token: () => "fresh", fetch: server.fetch, intervalMs: 0, onReconnect });
    for (const event of ["sync:start", "sync:complete", "sync:error"] as const) client.on(event, (detail) => seen.push([event, detail]));
    await client.enqueue(progress("m1"));
    server.down = true;
    await client.syncNow();
    expect(seen).toEqual([
      ["sync:start", { pendingItems: 1 }],
      ["sync:error", { error: expect.stringMatching(/Failed to fetch/), pendingItems: 1 }],
    ]);
    expect(await client.getStatus()).toMatchObject({ pendingItems: 1, syncedCount: 0, syncHealth: "poor" });

    server.down = false;
    reconnect();
    await vi.waitFor(async () => expect((await client!.getStatus()).pendingItems).toBe(0));
    expect(seen.at(-1)).toEqual(["sync:complete", { synced: 1, failed: 0, conflicts: 0, pendingItems: 0 }]);
  });

  it("syncs on its schedule, every 5 minutes by default", async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    client = createSyncClient({ url: "https://chronicle.test", token: "t", fetch: server.fetch });
    await client.enqueue(progress("m1"));
    await vi.advanceTimersByTimeAsync(4 * 60 * 1000);
    expect(server.batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60 * 1000);
    expect(server.batches).toHaveLength(1);
  });

  it("drops an item the server refused for good and counts it against the health", async () => {
    const server = fakeServer();
    server.failing.add("broken");
    client = createSyncClient({ url: "https://chronicle.test", token: "t", fetch: server.fetch, intervalMs: 0, store: createMemorySyncStore() });
    await client.enqueue(progress("ok"));
    await client.enqueue(progress("broken"));
    await client.syncNow();
    expect(await client.getStatus()).toMatchObject({ pendingItems: 0, syncedCount: 1, totalCount: 2, syncHealth: "poor" });
  });
});
