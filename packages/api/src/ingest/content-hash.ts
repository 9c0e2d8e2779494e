import type { ValidEvent } from "@chronicle/contracts";
import { hash } from "node:crypto";

/**
 * Appends `value` as JSON with object keys sorted, so that equal content always serialises
 * the same. Written as one pass into a string, without the entry arrays, sorted copies and
 * joins of a map/join version: the hash runs for every ingested event. The output is
 * byte-for-byte what the earlier version produced (stored hashes depend on it), including
 * its quirks: `undefined` object members are left out and an `undefined` array element
 * leaves an empty slot.
 */
function writeCanonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) as string | undefined ?? "";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ",";
      const element: unknown = value[i];
      if (element !== undefined) out += writeCanonical(element);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  let isFirst = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    out += `${isFirst ? "" : ","}${JSON.stringify(key)}:${writeCanonical(member)}`;
    isFirst = false;
  }
  return `${out}}`;
}

/** JSON with object keys sorted, so that equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return writeCanonical(value);
}

// The events of a request mostly share one client_ts (a game batch's always do), and parsing a
// date is the dearest part of the hash input: the last conversion is remembered.
let lastClientTs: string | null = null;
let lastCanonicalClientTs = "null";

/** client_ts as UTC ISO-8601 in JSON, so that the client's time zone does not change the hash. */
function canonicalClientTs(clientTs: string | null): string {
  if (clientTs === null) return "null";
  if (clientTs !== lastClientTs) {
    lastCanonicalClientTs = JSON.stringify(new Date(clientTs).toISOString());
    lastClientTs = clientTs;
  }
  return lastCanonicalClientTs;
}

/**
 * The identity of an event's content. Transport details (source, batch, arrival time)
 * are left out so that a retry of the same event through another path is a duplicate.
 * The members are written in their sorted order directly: client_ts, event_type,
 * event_version, payload, question_id, seq, session_id, user_id.
 */
export function contentHash(event: ValidEvent, userId: string): string {
  // session_id and question_id passed z.uuid(): hex digits and dashes need no JSON escaping.
  const questionId = event.question_id === null ? "null" : `"${event.question_id}"`;
  const canonical =
    `{"client_ts":${canonicalClientTs(event.client_ts)},"event_type":${JSON.stringify(event.event_type)},"event_version":${JSON.stringify(event.event_version)}` +
    `,"payload":${writeCanonical(event.payload)},"question_id":${questionId},"seq":${JSON.stringify(event.seq)}` +
    `,"session_id":"${event.session_id}","user_id":${JSON.stringify(userId)}}`;
  // The one-shot hash: no Hash object and its stream machinery per event.
  return hash("sha256", canonical, "hex");
}
