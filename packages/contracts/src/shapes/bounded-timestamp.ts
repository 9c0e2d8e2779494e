import { z } from "zod";

/**
 * Every timestamp a producer or an admin sends lies in [1970-01-01, 2100-01-01) UTC. PostgreSQL's
 * timestamptz cannot hold year 0000 (which ISO-8601 allows), and nothing Chronicle records
 * happened before the Unix epoch or a lifetime ahead; one bound keeps every table storable.
 */
export const MIN_TIMESTAMP = "1970-01-01T00:00:00Z";
export const MAX_TIMESTAMP_EXCLUSIVE = "2100-01-01T00:00:00Z";
const minMs = Date.parse(MIN_TIMESTAMP);
const maxMs = Date.parse(MAX_TIMESTAMP_EXCLUSIVE);

export function isTimestampInRange(iso: string): boolean {
  const ms = Date.parse(iso);
  return ms >= minMs && ms < maxMs;
}

/** An ISO-8601 date-time with an offset (Z or ±hh:mm), within the documented range. */
export function boundedTimestamp() {
  return z.iso
    .datetime({ offset: true })
    .refine(isTimestampInRange, { error: `must be on or after ${MIN_TIMESTAMP} and before ${MAX_TIMESTAMP_EXCLUSIVE}` });
}
