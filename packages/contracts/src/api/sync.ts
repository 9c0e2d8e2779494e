import { z } from "zod";
import { MIN_STORABLE_MAGNITUDE, storableNumber } from "../shapes/storable-number.ts";
import type { ClientEvent } from "../envelope.ts";
import { MAX_SYNC_BATCH_ITEMS } from "../limits.ts";
import { eventIssue, rejectionCode } from "../rejections.ts";
import { boundedTimestamp } from "../shapes/bounded-timestamp.ts";
import { identifier, label } from "../shapes/string-shapes.ts";

/** Seed 001: how a sync conflict (same item changed on client and server) is settled. */
export const conflictStrategies = ["last-write-wins", "client-priority"] as const;
export const conflictStrategy = z.enum(conflictStrategies);
export type ConflictStrategy = z.infer<typeof conflictStrategy>;

export const syncItemTypes = ["event", "progress", "assessment"] as const;
export const syncItemType = z.enum(syncItemTypes);
export type SyncItemType = z.infer<typeof syncItemType>;

/** Like telemetry.ingest, an event item is typed for producers and checked on its own by the server. */
const syncedEvent = z.custom<ClientEvent>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  { error: "an event item must carry one envelope event as a JSON object" },
);

const timestamp = boundedTimestamp();
const externalId = identifier(100);
// sync_assessments keeps scores in float4 columns; a bound keeps them finite there.
const MAX_ASSESSMENT_SCORE = 1_000_000;

/** Progress on one learning entity, as a fraction (0..1) or a percentage (0..100). */
export const syncProgressData = z.strictObject({
  entityType: z.enum(["material", "topic", "quiz", "interview", "course"]),
  entityId: externalId,
  progress: storableNumber(0, 1).optional(),
  percent: storableNumber(0, 100).optional(),
  updatedAt: timestamp,
}).refine((data) => data.progress !== undefined || data.percent !== undefined, {
  error: "progress needs either `progress` (0..1) or `percent` (0..100)",
});

export const syncAssessmentData = z.strictObject({
  assessmentId: externalId,
  score: storableNumber(0, MAX_ASSESSMENT_SCORE),
  maxScore: storableNumber(MIN_STORABLE_MAGNITUDE, MAX_ASSESSMENT_SCORE),
  submittedAt: timestamp,
  answers: z
    .array(z.strictObject({ questionId: externalId, answer: label(64), isCorrect: z.boolean().optional() }))
    .max(500)
    .optional(),
}).refine((data) => data.score <= data.maxScore, { error: "score cannot exceed maxScore", path: ["score"] });

const clientUpdatedAt = timestamp.optional();

export const syncItem = z.discriminatedUnion("itemType", [
  z.strictObject({ itemType: z.literal("event"), itemData: syncedEvent, clientUpdatedAt }),
  z.strictObject({ itemType: z.literal("progress"), itemData: syncProgressData, clientUpdatedAt }),
  z.strictObject({ itemType: z.literal("assessment"), itemData: syncAssessmentData, clientUpdatedAt }),
]);
export type SyncItem = z.input<typeof syncItem>;

/** Typed for producers, but each item is checked against `syncItem` on its own, so one bad item never sinks its batch. */
const rawSyncItem = z.custom<SyncItem>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  { error: "each sync item must be a JSON object" },
);

/**
 * sync.batch — seed 001's `{batchId, items}`; items past the limit refuse the whole batch.
 * `conflictStrategy` overrides the server's CHRONICLE_SYNC_CONFLICT_STRATEGY for this batch.
 */
export const syncBatchInput = z.strictObject({
  batchId: externalId,
  items: z.array(rawSyncItem).min(1, "a sync batch needs at least one item").max(MAX_SYNC_BATCH_ITEMS),
  conflictStrategy: conflictStrategy.optional(),
});
export type SyncBatchInput = z.input<typeof syncBatchInput>;

export const syncItemStatus = z.enum(["synced", "duplicate", "conflict", "failed"]);
export type SyncItemStatus = z.infer<typeof syncItemStatus>;

export const syncItemResult = z.object({
  index: z.int(),
  /** Null when the item named no known itemType. */
  itemType: syncItemType.nullable(),
  status: syncItemStatus,
  /** Which side won when status is `conflict`. */
  resolution: z.enum(["client", "server"]).optional(),
  code: rejectionCode.optional(),
  message: z.string().optional(),
  issues: z.array(eventIssue).optional(),
});
export type SyncItemResult = z.infer<typeof syncItemResult>;

export const syncBatchOutput = z.object({
  success: z.boolean(),
  data: z.object({
    processed: z.int(),
    failed: z.int(),
    conflicts: z.int(),
    results: z.array(syncItemResult),
  }),
});
export type SyncBatchOutput = z.infer<typeof syncBatchOutput>;

export const syncHealth = z.enum(["good", "degraded", "poor"]);
export type SyncHealth = z.infer<typeof syncHealth>;

/** sync.status input: the client reports how many items it still holds in its offline queue. */
export const syncStatusInput = z
  .strictObject({ pendingItems: z.int().min(0).max(1_000_000).optional() })
  .optional()
  .transform((input) => ({ pendingItems: input?.pendingItems ?? 0 }));
export type SyncStatusInput = z.input<typeof syncStatusInput>;

/** sync.status — seed 001's `GET /api/telemetry/status`. */
export const syncStatusOutput = z.object({
  syncStatus: z.object({
    lastSyncTime: z.string().nullable(),
    pendingItems: z.int(),
    totalItems: z.int(),
    syncHealth,
  }),
});
export type SyncStatusOutput = z.infer<typeof syncStatusOutput>;
