import { eventCatalog, type EventPayloadInput, type EventType } from "@chronicle/contracts";
import { appendEvents, type Executor } from "@chronicle/db";
import { createHash, randomUUID } from "node:crypto";
import type { Logger } from "../observability/logger.ts";
import { canonicalJson } from "../ingest/content-hash.ts";

export interface ServerEvent<T extends EventType = EventType> {
  /** Give a deterministic id (see `derivedEventId`) when the same fact may be emitted twice. */
  id?: string;
  type: T;
  sessionId: string;
  userId: string;
  questionId?: string | null;
  payload: EventPayloadInput<T>;
  /** This event's own time, when it differs from the call's `at` (a projection emitting for a whole batch). */
  at?: string;
}

/** A stable UUID (v5-style, from sha256) for an event derived from another fact, so re-emitting it is a no-op. */
export function derivedEventId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Appends authoritative server events (seed 000 "Server-Side Emission"). Payloads are
 * checked against the contract; an invalid one is a programming error and throws.
 * Storage errors are NOT caught here: use `emitBestEffort` from request handlers.
 */
export async function emitServerEvents(executor: Executor, events: readonly ServerEvent[], at: Date): Promise<void> {
  const eventTs = at.toISOString();
  await appendEvents(
    executor,
    events.map((event) => {
      const spec = eventCatalog[event.type];
      const payload = spec.payload.parse(event.payload) as Record<string, unknown>;
      const id = event.id ?? randomUUID();
      const content = { event_type: event.type, session_id: event.sessionId, user_id: event.userId, question_id: event.questionId ?? null, payload };
      return {
        id,
        event_version: spec.version,
        event_type: event.type,
        family: spec.family,
        event_ts: event.at ?? eventTs,
        client_ts: null,
        seq: null,
        session_id: event.sessionId,
        user_id: event.userId,
        question_id: event.questionId ?? null,
        source: "api" as const,
        payload_json: payload,
        content_hash: createHash("sha256").update(canonicalJson(content)).digest("hex"),
        batch_id: null,
      };
    }),
  );
}

/**
 * Telemetry is best-effort for the learner: a failing insert is logged with its
 * context and swallowed, so the learner's action (already saved) still succeeds.
 */
export async function emitBestEffort(
  deps: { log: Logger; onStored?: () => void },
  executor: Executor,
  events: readonly ServerEvent[],
  at: Date,
): Promise<boolean> {
  try {
    await emitServerEvents(executor, events, at);
    deps.onStored?.();
    return true;
  } catch (error) {
    deps.log.error("telemetry.server_emit_failed", { events: events.map((e) => ({ type: e.type, sessionId: e.sessionId })), error });
    return false;
  }
}
