import type { ValidEvent } from "@chronicle/contracts";
import { createHash } from "node:crypto";

/** JSON with object keys sorted, so that equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The identity of an event's content. Transport details (source, batch, arrival time)
 * are left out so that a retry of the same event through another path is a duplicate.
 */
export function contentHash(event: ValidEvent, userId: string): string {
  const content = {
    user_id: userId,
    event_type: event.event_type,
    event_version: event.event_version,
    session_id: event.session_id,
    question_id: event.question_id,
    client_ts: event.client_ts === null ? null : new Date(event.client_ts).toISOString(),
    seq: event.seq,
    payload: event.payload,
  };
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}
