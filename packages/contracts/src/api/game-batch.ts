import { z } from "zod";
import type { EventPayloadInput, EventTypeOfFamily } from "../catalog/index.ts";
import { boundedTimestamp } from "../shapes/bounded-timestamp.ts";
import { eventTypeName, identifier, version } from "../shapes/string-shapes.ts";
import { eventResults } from "./ingest.ts";

type GameEventType = EventTypeOfFamily<"game">;

/** One event of seed 003's batch shape; `data` is checked against the event type's payload schema. */
export type GameBatchEvent = {
  [T in GameEventType]: {
    event_id: string;
    student_id: string;
    event_type: T;
    timestamp: string;
    data: Omit<EventPayloadInput<T>, "mission_id" | "game_version">;
    session_id: string;
    mission_id?: string;
    game_version?: string;
  };
}[GameEventType];

const rawGameEvent = z.custom<GameBatchEvent>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  { error: "each event must be a JSON object" },
);

/** telemetry.ingestGameBatch — seed 003's `{batch_id, client_version, events}` for service tokens. */
export const gameBatchInput = z.strictObject({
  batch_id: identifier(100),
  client_version: version(),
  // No .max here: the server refuses more than MAX_SERVICE_BATCH_EVENTS whole with 413, like every over-limit batch.
  events: z.array(rawGameEvent).min(1),
});
export type GameBatchInput = z.input<typeof gameBatchInput>;

/** The envelope fields of one seed-003 event; `data` is validated separately per event type. */
export const gameBatchEvent = z.strictObject({
  event_id: z.uuid({ error: "event_id must be a UUID so that retries are deduplicated" }),
  student_id: z.uuid(),
  event_type: eventTypeName(),
  timestamp: boundedTimestamp(),
  data: z.record(z.string(), z.unknown()),
  session_id: z.uuid(),
  mission_id: identifier(100).optional(),
  game_version: version().optional(),
});

export const gameBatchOutput = z.object({
  batch_id: z.string(),
  log_id: z.uuid(),
  accepted: z.int(),
  duplicates: z.int(),
  rejected: z.int(),
  rejected_reasons_sample: z.array(z.string()),
  results: eventResults,
});
export type GameBatchOutput = z.infer<typeof gameBatchOutput>;
