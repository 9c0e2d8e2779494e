import { z } from "zod";
import type { ClientEvent } from "../envelope.ts";
import { eventSource } from "../envelope.ts";
import { MAX_REJECTED_REASONS_SAMPLE, MAX_SERVICE_BATCH_EVENTS } from "../limits.ts";
import { eventIssue, rejectionCode } from "../rejections.ts";

/**
 * Each event is typed for TypeScript producers but checked one by one on the server,
 * so one bad event never sinks its batch (seed 000: "invalid events skipped").
 */
const rawEvent = z.custom<ClientEvent>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  { error: "each event must be a JSON object" },
);

/** telemetry.ingest — seed 000's batch contract. The per-role batch limit is enforced by the server. */
export const ingestBatchInput = z.strictObject({
  source: eventSource,
  events: z.array(rawEvent).min(1, "a batch needs at least one event").max(MAX_SERVICE_BATCH_EVENTS),
});
export type IngestBatchInput = z.input<typeof ingestBatchInput>;

export const eventResultStatus = z.enum(["accepted", "duplicate", "rejected"]);
export type EventResultStatus = z.infer<typeof eventResultStatus>;

export const eventResult = z.object({
  index: z.int(),
  id: z.string().nullable(),
  status: eventResultStatus,
  code: rejectionCode.optional(),
  message: z.string().optional(),
  issues: z.array(eventIssue).optional(),
});
export type EventResult = z.infer<typeof eventResult>;

const statuses: ReadonlySet<unknown> = new Set(eventResultStatus.options);

/** A JSON Schema to embed in another: without its own $schema dialect line. */
function withoutDialect(jsonSchema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = jsonSchema;
  return rest;
}

/** What every verdict has: an integer index, an id or null, and a known status. */
function isEventResult(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const result = value as Record<string, unknown>;
  return Number.isInteger(result.index) && (result.id === null || typeof result.id === "string") && statuses.has(result.status);
}

/** Every element, holes included (Array#every would skip a verdict that was never written). */
function areEventResults(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i += 1) if (!isEventResult(value[i])) return false;
  return true;
}

/**
 * The per-event verdicts of an ingest answer, up to 1000 of them. The server builds every verdict
 * itself, so checking the answer is one loop over what a verdict must have, instead of zod running
 * over every member of every verdict (about 0.6 µs an event, on the hot path). The JSON Schema it
 * documents (OpenAPI) is z.array(eventResult)'s own, unchanged.
 */
export const eventResults = z
  .custom<EventResult[]>(areEventResults, {
    error: "results must be a list of verdicts, each with an integer index, an id or null, and a status",
  })
  .meta(withoutDialect(z.toJSONSchema(z.array(eventResult), { io: "output" })));

export const ingestBatchOutput = z.object({
  batch_id: z.uuid(),
  accepted: z.int(),
  duplicates: z.int(),
  rejected: z.int(),
  rejected_reasons_sample: z.array(z.string()).max(MAX_REJECTED_REASONS_SAMPLE),
  results: eventResults,
});
export type IngestBatchOutput = z.infer<typeof ingestBatchOutput>;

/**
 * telemetry.ingestForLearners — the service form of ingest (seed 002's `track_event(user_id=…)`):
 * a backend sends the envelope plus `user_id`, the learner each event is for. Each event is
 * checked on the server; the token's scopes decide which families it may write, and the
 * server refuses more than MAX_SERVICE_BATCH_EVENTS with 413.
 */
const rawLearnerEvent = z.custom<ClientEvent & { user_id: string }>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  { error: "each event must be a JSON object" },
);
export const serviceIngestInput = z.strictObject({
  source: eventSource.default("api"),
  events: z.array(rawLearnerEvent).min(1, "a batch needs at least one event"),
});
export type ServiceIngestInput = z.input<typeof serviceIngestInput>;

/** telemetry.track — seed 001's single-event endpoint, on the same envelope. */
export const trackEventInput = z.strictObject({
  source: eventSource.default("web"),
  event: rawEvent,
});
export type TrackEventInput = z.input<typeof trackEventInput>;

export const trackEventOutput = z.object({
  success: z.boolean(),
  data: z.object({ eventId: z.string().nullable(), serverTimestamp: z.string(), status: eventResultStatus }),
  result: eventResult,
});
export type TrackEventOutput = z.infer<typeof trackEventOutput>;
