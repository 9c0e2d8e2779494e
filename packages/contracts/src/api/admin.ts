import { z } from "zod";
import { eventFamilies } from "../catalog/event-spec.ts";
import { counterEventName } from "./counters.ts";
import { clientBehaviour } from "./client-metrics.ts";
import { behavioralFeatureValues } from "./game.ts";
import { projectionLag } from "./health.ts";
import { consistencyWatermark } from "./watermark.ts";
import { boundedTimestamp } from "../shapes/bounded-timestamp.ts";
import { cursor, eventTypeName, stringKindMeta } from "../shapes/string-shapes.ts";

/** Staff-only procedures of the admin app. Timestamps are ISO-8601 UTC strings; rates are percentages 0..100. */

const isoTimestamp = boundedTimestamp();
// Cursors and SSE ids are printable ASCII Chronicle handed out; their handlers decode them.
const printableAscii = /^[\x21-\x7E]*$/;
const eventFamily = z.enum(eventFamilies);

// ---------------------------------------------------------------- ingestion health

export const MIN_HEALTH_WINDOW_MINUTES = 5;
export const MAX_HEALTH_WINDOW_MINUTES = 10_080;

export const adminIngestionHealthInput = z
  .strictObject({
    windowMinutes: z.int().min(MIN_HEALTH_WINDOW_MINUTES).max(MAX_HEALTH_WINDOW_MINUTES).default(60),
    /** Width of one events/s bucket; by default the window is cut into about 60 buckets. */
    bucketSeconds: z.int().min(10).max(86_400).optional(),
  })
  .default({ windowMinutes: 60 });
export type AdminIngestionHealthInput = z.input<typeof adminIngestionHealthInput>;

export const throughputBucket = z.object({ start: z.string(), events: z.int(), eventsPerSecond: z.number() });
export const batchSizeBucket = z.object({ label: z.string(), min: z.int(), max: z.int(), batches: z.int() });
export const rejectionReason = z.object({ code: z.string(), count: z.int() });
export const percentiles = z.object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() });
export const skewBucket = z.object({ label: z.string(), count: z.int() });

export const ingestionAlert = z.object({
  name: z.enum(["rejection_rate", "insert_failure_rate", "batch_size_at_limit", "batch_size_single"]),
  isFiring: z.boolean(),
  value: z.number(),
  threshold: z.number(),
  message: z.string(),
});
export type IngestionAlert = z.infer<typeof ingestionAlert>;

/** One firing or resolving transition recorded by the alerts job (newest first on ingestion health). */
export const alertTransition = z.object({
  name: z.string(),
  state: z.enum(["firing", "resolved"]),
  value: z.number(),
  threshold: z.number(),
  message: z.string(),
  at: z.string(),
});
export type AlertTransitionOutput = z.infer<typeof alertTransition>;

export const adminIngestionHealthOutput = z.object({
  windowStart: z.string(),
  windowEnd: z.string(),
  bucketSeconds: z.int(),
  totals: z.object({
    batches: z.int(),
    eventsReceived: z.int(),
    accepted: z.int(),
    duplicates: z.int(),
    rejected: z.int(),
    conflicts: z.int(),
  }),
  eventsPerSecond: z.number(),
  throughput: z.array(throughputBucket),
  batchSizes: z.array(batchSizeBucket),
  rejectionRate: z.number(),
  duplicateRate: z.number(),
  topRejectionReasons: z.array(rejectionReason),
  insertLatencyMs: percentiles,
  failedInserts: z.object({ batches: z.int(), events: z.int(), rate: z.number(), sinceProcessStart: z.int() }),
  clockSkew: z.object({
    sampleSize: z.int(),
    /** event_ts − client_ts in milliseconds: positive when the client clock is behind or the event waited in a queue. */
    percentilesMs: percentiles,
    histogram: z.array(skewBucket),
  }),
  projectionLag: z.array(projectionLag),
  alerts: z.array(ingestionAlert),
  /** The alerts job's recent transitions (it runs every minute whether anyone watches or not). */
  alertHistory: z.array(alertTransition),
  /** Seed 000's client behaviour (flush frequency, retry rate, queue overflow rate) as the SDKs reported it. */
  clientBehaviour,
});
export type AdminIngestionHealthOutput = z.infer<typeof adminIngestionHealthOutput>;

// ---------------------------------------------------------------- event explorer

export const MAX_EXPLORER_PAGE = 200;

export const adminEventRow = z.object({
  id: z.uuid(),
  ingestSeq: z.int(),
  eventType: z.string(),
  eventVersion: z.int(),
  family: z.string(),
  eventTs: z.string(),
  clientTs: z.string().nullable(),
  seq: z.int().nullable(),
  sessionId: z.uuid(),
  userId: z.uuid(),
  questionId: z.uuid().nullable(),
  source: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type AdminEventRow = z.infer<typeof adminEventRow>;

export const adminEventFilters = z.strictObject({
  types: z.array(eventTypeName()).min(1).max(50).optional(),
  families: z.array(eventFamily).min(1).optional(),
  userId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
});
export type AdminEventFilters = z.infer<typeof adminEventFilters>;

export const adminEventsInput = z.strictObject({
  filters: adminEventFilters.default({}),
  /** Opaque: the nextCursor of the previous page. */
  cursor: cursor(printableAscii, 200).nullish(),
  limit: z.int().min(1).max(MAX_EXPLORER_PAGE).default(50),
  /** Sent by tRPC's infinite-query hooks. Pages only run forward (newest first, by cursor). */
  direction: z.literal("forward").optional(),
});
export type AdminEventsInput = z.input<typeof adminEventsInput>;

export const adminEventsOutput = z.object({ events: z.array(adminEventRow), nextCursor: z.string().nullable() });
export type AdminEventsOutput = z.infer<typeof adminEventsOutput>;

export const MAX_TIMELINE_EVENTS = 5000;

export const adminSessionTimelineInput = z.strictObject({ sessionId: z.uuid() });
export const adminSessionTimelineOutput = z.object({
  sessionId: z.uuid(),
  events: z.array(adminEventRow),
  /** True when the session has more than MAX_TIMELINE_EVENTS events and only the first are listed. */
  truncated: z.boolean(),
  maxSeq: z.int().nullable(),
  presentSeqCount: z.int(),
  /** Client seq numbers in 0..maxSeq that never arrived (at most 1000 listed). */
  missingSeqs: z.array(z.int()),
  missingSeqCount: z.int(),
  /** present seq / (max seq + 1) × 100; null when no event carries a seq. */
  completenessPercent: z.number().nullable(),
});
export type AdminSessionTimelineOutput = z.infer<typeof adminSessionTimelineOutput>;

// ---------------------------------------------------------------- learner view

export const adminLearnerInput = z.strictObject({ userId: z.uuid() });

const learnerActivity = {
  questionsAttempted: z.int(),
  questionsCorrect: z.int(),
  studySeconds: z.int(),
  sessionsStarted: z.int(),
  materialsCompleted: z.int(),
  xpEarned: z.int(),
  eventsCount: z.int(),
};

export const adminRecentSession = z.object({
  kind: z.enum(["exam", "study", "game"]),
  sessionId: z.uuid(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** One line a person can read: score, duration or mission. */
  summary: z.string(),
});

export const adminLearnerOutput = z.object({
  userId: z.uuid(),
  daily: z.array(z.object({ day: z.string(), ...learnerActivity })),
  weekly: z.array(z.object({ weekStart: z.string(), activeDays: z.int(), ...learnerActivity })),
  gamification: z
    .object({ totalXp: z.int(), level: z.int(), currentStreak: z.int(), longestStreak: z.int(), lastCheckinDay: z.string().nullable(), achievements: z.array(z.string()) })
    .nullable(),
  mastery: z.array(
    z.object({
      topicId: z.uuid(),
      topicName: z.string().nullable(),
      masteryScore: z.number(),
      questionsAttempted: z.int(),
      questionsCorrect: z.int(),
      lastAttemptAt: z.string().nullable(),
    }),
  ),
  knowledgeGaps: z.array(z.object({ topicId: z.uuid(), topicName: z.string().nullable(), gapScore: z.number(), reason: z.string(), computedAt: z.string() })),
  recentSessions: z.array(adminRecentSession),
  /**
   * Seed 001's interviews and assessments (projection learner-performance): weak areas by how
   * often interviews named them, the last 20 scores oldest first, and the trend: the mean of
   * the last 5 scores against the 5 before ("up"/"down" beyond 2 points, else "flat"; null
   * with fewer than 6 scores).
   */
  performance: z.object({
    weakAreas: z.array(z.object({ area: z.string(), mentions: z.int(), lastSeenAt: z.string() })),
    scores: z.array(z.object({ kind: z.enum(["interview", "assessment"]), itemId: z.string(), score: z.number(), at: z.string() })),
    trend: z.object({ recentMean: z.number().nullable(), previousMean: z.number().nullable(), direction: z.enum(["up", "down", "flat"]).nullable() }),
  }),
  /** The log position and time this answer includes every event up to. */
  watermark: consistencyWatermark,
});
export type AdminLearnerOutput = z.infer<typeof adminLearnerOutput>;

// ---------------------------------------------------------------- topic view

export const adminTopicRow = z.object({
  topicId: z.uuid(),
  /** The bank's slug; a registered study topic's id. */
  slug: z.string(),
  name: z.string(),
  /** "bank": the exam question bank's; "study": registered by a study app (study.registerCatalog). */
  kind: z.enum(["bank", "study"]),
  /** The parent subject a study app registered, if any. */
  subject: z.string().nullable(),
  questions: z.int(),
  attempts: z.int(),
  correct: z.int(),
  accuracyPercent: z.number().nullable(),
});
export const adminTopicsOutput = z.object({
  topics: z.array(adminTopicRow),
  /** The log position and time the attempts and accuracy include every event up to. */
  watermark: consistencyWatermark,
});
export type AdminTopicsOutput = z.infer<typeof adminTopicsOutput>;
export type AdminTopicRow = z.infer<typeof adminTopicRow>;

export const adminTopicInput = z.strictObject({ topicId: z.uuid() });
export const adminTopicOutput = z.object({
  topicId: z.uuid(),
  name: z.string(),
  kind: z.enum(["bank", "study"]),
  subject: z.string().nullable(),
  /** Materials a study app registered under this topic. */
  materials: z.array(z.object({ materialId: z.uuid(), name: z.string() })),
  daily: z.array(z.object({ day: z.string(), attempts: z.int(), correct: z.int(), firstAttempts: z.int(), firstAttemptsCorrect: z.int(), materialsCompleted: z.int() })),
  /** Ten buckets of mastery_score: [0,0.1), [0.1,0.2) … [0.9,1.0]. */
  masteryDistribution: z.array(z.object({ from: z.number(), to: z.number(), learners: z.int() })),
  hardestQuestions: z.array(z.object({ questionId: z.uuid(), firstAttempts: z.int(), firstAttemptsCorrect: z.int(), accuracyPercent: z.number() })),
  answerChanges: z.object({
    rightToWrong: z.int(),
    wrongToRight: z.int(),
    other: z.int(),
    byQuestion: z.array(z.object({ questionId: z.uuid(), rightToWrong: z.int(), wrongToRight: z.int(), other: z.int() })),
  }),
  watermark: consistencyWatermark,
});
export type AdminTopicOutput = z.infer<typeof adminTopicOutput>;

// ---------------------------------------------------------------- game view

export const adminGameInput = z
  .strictObject({ studentId: z.uuid().optional(), sessionId: z.uuid().optional(), from: isoTimestamp.optional(), to: isoTimestamp.optional() })
  .default({});
export type AdminGameInput = z.input<typeof adminGameInput>;

export const adminGameOutput = z.object({
  windowStart: z.string(),
  windowEnd: z.string(),
  sessions: z.array(z.object({ sessionId: z.uuid(), studentId: z.uuid(), closedAt: z.string(), features: behavioralFeatureValues })),
  /** True when more sessions matched than are listed (the newest are listed). */
  sessionsTruncated: z.boolean(),
  students: z.array(z.object({ studentId: z.uuid(), sessions: z.int(), averages: behavioralFeatureValues.extend({ retry_count: z.number(), collaboration_indicators: z.number(), leadership_indicators: z.number() }) })),
  trend: z.array(z.object({ day: z.string(), sessions: z.int(), averages: behavioralFeatureValues.extend({ retry_count: z.number(), collaboration_indicators: z.number(), leadership_indicators: z.number() }) })),
  watermark: consistencyWatermark,
});
export type AdminGameOutput = z.infer<typeof adminGameOutput>;

// ---------------------------------------------------------------- counters

export const adminCountersInput = z.strictObject({ days: z.union([z.literal(7), z.literal(30)]).default(7) }).default({ days: 7 });
export const adminCountersOutput = z.object({
  days: z.int(),
  counts: z.record(counterEventName, z.int()),
  /** Accepted, skipped, edited and undone per shown suggestion, in percent; null when nothing was shown. */
  rates: z.object({ accept: z.number().nullable(), skip: z.number().nullable(), edit: z.number().nullable(), undo: z.number().nullable() }),
});
export type AdminCountersOutput = z.infer<typeof adminCountersOutput>;

// ---------------------------------------------------------------- quarantine

export const adminQuarantineInput = z
  .strictObject({ windowDays: z.int().min(1).max(365).default(7), limit: z.int().min(1).max(50).default(20) })
  .default({ windowDays: 7, limit: 20 });
export const adminQuarantineOutput = z.object({
  windowStart: z.string(),
  groups: z.array(
    z.object({
      code: z.string(),
      count: z.int(),
      firstSeen: z.string(),
      lastSeen: z.string(),
      samples: z.array(z.object({ receivedAt: z.string(), eventId: z.string().nullable(), eventType: z.string().nullable(), message: z.string(), rawJson: z.string() })),
    }),
  ),
});
export type AdminQuarantineOutput = z.infer<typeof adminQuarantineOutput>;

// ---------------------------------------------------------------- live stream

export const exportRunStatus = z.enum(["running", "succeeded", "failed", "abandoned"]);
export const adminExportsOutput = z.object({
  runs: z.array(
    z.object({
      id: z.int(),
      actor: z.string(),
      status: exportRunStatus,
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      eventsExported: z.int(),
      files: z.int(),
      bytes: z.int(),
      error: z.string().nullable(),
    }),
  ),
  lastSucceededAt: z.string().nullable(),
  /** Events in the log after the last successful run, counted up to a cap. */
  eventsNotExported: z.int(),
  eventsNotExportedCapped: z.boolean(),
});
export type AdminExportsOutput = z.infer<typeof adminExportsOutput>;

/** lastEventId is the SSE id of the last event a client saw ("<tx_id>.<ingest_seq>"). */
export const adminLiveInput = z.strictObject({ lastEventId: cursor(printableAscii, 40).nullish() }).default({});
export const adminLiveEvent = z.object({
  id: z.uuid(),
  ingestSeq: z.int(),
  type: z.string(),
  family: z.string(),
  userId: z.uuid(),
  sessionId: z.uuid(),
  eventTs: z.string(),
});
export type AdminLiveEvent = z.infer<typeof adminLiveEvent>;

// ---------------------------------------------------------------- learner directory and names

/**
 * How a learner is named in the admin: a registered display name, else a readable pseudonym made
 * from the id; the demo learner and the erased placeholder are labelled as such, never "00000000".
 */
export const learnerLabelKind = z.enum(["named", "pseudonym", "demo", "erased"]);
export const adminLearnerLabel = z.object({ userId: z.uuid(), label: z.string(), kind: learnerLabelKind });
export type AdminLearnerLabel = z.infer<typeof adminLearnerLabel>;

export const adminLearnerSorts = ["lastActivity", "sessions", "xp", "mastery"] as const;
export const MAX_LEARNERS_PAGE = 100;

export const adminLearnersInput = z
  .strictObject({
    /** An id prefix (hex digits and dashes) or part of a display name. */
    search: z.string().trim().max(100).meta(stringKindMeta("search_query")).optional(),
    sort: z.enum(adminLearnerSorts).default("lastActivity"),
    page: z.int().min(1).max(100_000).default(1),
    pageSize: z.int().min(1).max(MAX_LEARNERS_PAGE).default(25),
  })
  .default({ sort: "lastActivity", page: 1, pageSize: 25 });
export type AdminLearnersInput = z.input<typeof adminLearnersInput>;

export const adminLearnerListRow = adminLearnerLabel.extend({
  /** Start of the learner's latest session of any family; null when none. */
  lastActivityAt: z.string().nullable(),
  sessions: z.int(),
  totalXp: z.int(),
  level: z.int(),
  /** Mean topic mastery × 100, two decimals; null before any attempt. */
  masteryPercent: z.number().nullable(),
});
export const adminLearnersOutput = z.object({
  learners: z.array(adminLearnerListRow),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  /** The log position and time the XP, level and mastery include every event up to (last activity and sessions are always current). */
  watermark: consistencyWatermark,
});
export type AdminLearnersOutput = z.infer<typeof adminLearnersOutput>;

export const MAX_LOOKUP_IDS = 200;
export const adminLearnerLabelsInput = z.strictObject({ userIds: z.array(z.uuid()).min(1).max(MAX_LOOKUP_IDS) });
export const adminLearnerLabelsOutput = z.array(adminLearnerLabel);

/** Question text for ids the admin shows (hardest questions, answer changes, explorer, timelines). */
export const adminQuestionTextsInput = z.strictObject({ questionIds: z.array(z.uuid()).min(1).max(MAX_LOOKUP_IDS) });
export const adminQuestionText = z.object({ questionId: z.uuid(), stem: z.string(), topicId: z.uuid(), topicName: z.string() });
export type AdminQuestionText = z.infer<typeof adminQuestionText>;
export const adminQuestionTextsOutput = z.array(adminQuestionText);

/** learners.setDisplayName (service): the host product names a learner, or removes the name with null. */
export const setLearnerDisplayNameInput = z.strictObject({ userId: z.uuid(), displayName: z.string().trim().min(1).max(100).meta(stringKindMeta("display_name")).nullable() });
export const setLearnerDisplayNameOutput = z.object({ userId: z.uuid(), displayName: z.string().nullable() });

// ---------------------------------------------------------------- sync batch logs (seed 001)

export const syncBatchWindows = ["1h", "24h", "7d"] as const;
export const adminSyncBatchesInput = z
  .strictObject({
    window: z.enum(syncBatchWindows).default("24h"),
    status: z.enum(["completed", "partial", "failed", "error"]).optional(),
    /** Seed 001's `conflictCount > 0`. */
    withConflicts: z.boolean().default(false),
    limit: z.int().min(1).max(200).default(50),
  })
  .default({ window: "24h", withConflicts: false, limit: 50 });
export type AdminSyncBatchesInput = z.input<typeof adminSyncBatchesInput>;

export const adminSyncBatch = z.object({
  batchId: z.uuid(),
  clientBatchId: z.string().nullable(),
  userId: z.uuid(),
  startTime: z.string(),
  durationMs: z.int(),
  status: z.enum(["completed", "partial", "failed"]),
  itemCount: z.int(),
  successCount: z.int(),
  duplicateCount: z.int(),
  failureCount: z.int(),
  conflictCount: z.int(),
});
export const adminSyncBatchesOutput = z.object({
  /** Over every sync batch in the window (the filters narrow only the list). */
  summary: z.object({
    batches: z.int(),
    /** Batches with status completed × 100 / batches, two decimals; null without batches. */
    successRatePercent: z.number().nullable(),
    averageDurationMs: z.number().nullable(),
    items: z.int(),
    conflicts: z.int(),
    /** How the window's items ended: applied, duplicate, conflict, failed. */
    outcomes: z.object({ applied: z.int(), duplicates: z.int(), conflicts: z.int(), failed: z.int() }),
  }),
  batches: z.array(adminSyncBatch),
});
export type AdminSyncBatchesOutput = z.infer<typeof adminSyncBatchesOutput>;
