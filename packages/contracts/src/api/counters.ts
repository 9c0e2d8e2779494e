import { z } from "zod";
import { STRING_KIND_KEY } from "../shapes/string-shapes.ts";
import { MAX_COUNTER_COUNT, MAX_SUMMARY_DAYS, MIN_COUNTER_COUNT, MIN_SUMMARY_DAYS } from "../limits.ts";

/** Seed 004: privacy-safe counters. Only viewer, event and time are ever stored. */
export const counterEventNames = [
  "suggestion_shown",
  "suggestion_accepted",
  "suggestion_skipped",
  "suggestion_edited",
  "suggestion_undo",
  "embeddings_opt_in",
  "embeddings_opt_out",
] as const;
export const counterEventName = z.enum(counterEventNames);
export type CounterEventName = z.infer<typeof counterEventName>;

export const counterEventDescriptions: Record<CounterEventName, string> = {
  suggestion_shown: "Suggestions were shown (count = how many).",
  suggestion_accepted: "Suggestions were accepted (count = how many).",
  suggestion_skipped: "Suggestions were skipped (count = how many).",
  suggestion_edited: "A suggestion was edited (a member removed or renamed).",
  suggestion_undo: "Accepted or skipped suggestions were restored (count = how many).",
  embeddings_opt_in: "The viewer opted in to embeddings-based suggestions.",
  embeddings_opt_out: "The viewer opted out of embeddings-based suggestions.",
};

// Seed 004 accepts counts written as text; the text is parsed, never stored.
const numberText = z.string().meta({ [STRING_KIND_KEY]: "number_text", description: "A number written as text; only the parsed number is kept." });

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number.parseInt(value, 10) : Number.NaN;
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(n)));
}

/** Seed 004: `count` is coerced to an integer and clamped to 1..50, never refused. */
export const counterCount = z
  .union([z.number(), numberText])
  .optional()
  .transform((value) => clampInt(value, MIN_COUNTER_COUNT, MAX_COUNTER_COUNT, MIN_COUNTER_COUNT));

/** The event name is checked in the handler so that an unknown one gets seed 004's `invalid_event`. */
export const counterIngestInput = z.object({
  event: z.string().max(64).meta({ [STRING_KIND_KEY]: "event_type", description: "One of the counter event names; anything else is invalid_event." }),
  count: counterCount,
});
export type CounterIngestInput = z.input<typeof counterIngestInput>;
export const counterIngestOutput = z.object({ ok: z.literal(true), stored: z.int() });

/** Seed 004: `days` is coerced and clamped to 1..30. */
export const counterSummaryInput = z
  .object({ days: z.union([z.number(), numberText]).optional() })
  .optional()
  .transform((input) => ({ days: clampInt(input?.days, MIN_SUMMARY_DAYS, MAX_SUMMARY_DAYS, 7) }));
export const counterSummaryOutput = z.object({
  ok: z.literal(true),
  days: z.int(),
  counts: z.record(counterEventName, z.int()),
});
export type CounterSummaryOutput = z.infer<typeof counterSummaryOutput>;

/** Seed 004's error codes, carried in the tRPC error's `data.reason`. */
export const counterErrorCodes = ["telemetry_disabled", "no_viewer", "invalid_event"] as const;
export type CounterErrorCode = (typeof counterErrorCodes)[number];
