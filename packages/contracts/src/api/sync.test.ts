import { describe, expect, it } from "vitest";
import { MAX_SYNC_BATCH_ITEMS } from "../limits.ts";
import { conflictStrategy, syncBatchInput, syncItem } from "./sync.ts";

const event = {
  id: "0190a5c8-0000-7000-8000-0000000000c1",
  session_id: "0190a5c8-0000-7000-8000-0000000000c2",
  event_type: "interview_started",
  payload: { interviewType: "mock", duration: 30 },
} as const;
const progress = { entityType: "material", entityId: "m-1", progress: 0.5, updatedAt: "2024-01-20T10:30:00Z" } as const;
const assessment = { assessmentId: "a-1", score: 8, maxScore: 10, submittedAt: "2024-01-20T10:30:00Z" };

describe("sync batch (seed 001)", () => {
  it("accepts event, progress and assessment items in one batch", () => {
    const batch = syncBatchInput.safeParse({
      batchId: "batch_xyz789",
      items: [
        { itemType: "event", itemData: event },
        { itemType: "progress", itemData: progress, clientUpdatedAt: "2024-01-20T10:30:00Z" },
        { itemType: "assessment", itemData: assessment },
      ],
    });
    expect(batch.success).toBe(true);
  });

  it("refuses progress without a progress value, as an item of its own", () => {
    const { progress: _value, ...withoutValue } = progress;
    const item = { itemType: "progress", itemData: withoutValue };
    expect(syncItem.safeParse(item).success).toBe(false);
    expect(syncBatchInput.safeParse({ batchId: "b", items: [item] }).success).toBe(true);
  });

  it("refuses an assessment scoring above its maximum", () => {
    const item = { itemType: "assessment", itemData: { ...assessment, score: 11 } };
    expect(syncItem.safeParse(item).success).toBe(false);
  });

  it(`refuses a batch of more than ${MAX_SYNC_BATCH_ITEMS} items`, () => {
    const items = Array.from({ length: MAX_SYNC_BATCH_ITEMS + 1 }, () => ({ itemType: "event", itemData: event }));
    expect(syncBatchInput.safeParse({ batchId: "b", items }).success).toBe(false);
    expect(syncBatchInput.safeParse({ batchId: "b", items: items.slice(1) }).success).toBe(true);
  });

  it("knows only seed 001's two conflict strategies", () => {
    expect(conflictStrategy.options).toEqual(["last-write-wins", "client-priority"]);
  });
});
