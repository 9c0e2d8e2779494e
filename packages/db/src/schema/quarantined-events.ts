import type { EventIssue, RejectionCode } from "@chronicle/contracts";
import { sql } from "drizzle-orm";
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Rejected events are kept here with their reason, so nothing a client sent is lost. */
export const quarantinedEvents = pgTable(
  "quarantined_events",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
    batchId: uuid("batch_id"),
    userId: uuid("user_id"),
    /** The event's id when it was a valid UUID, for matching with client logs. */
    eventId: uuid("event_id"),
    eventType: text("event_type"),
    code: text("code").$type<RejectionCode>().notNull(),
    message: text("message").notNull(),
    issues: jsonb("issues").$type<EventIssue[]>().notNull(),
    /**
     * What was sent, made storable and scrubbed like free text; a body larger than
     * MAX_QUARANTINED_BODY_BYTES keeps only its first bytes, as a JSON string.
     */
    rawJson: jsonb("raw_json").notNull(),
    /** Size in UTF-8 bytes and sha256 of the body as sent, so a truncated body can still be matched. */
    rawBytes: integer("raw_bytes"),
    rawSha256: text("raw_sha256"),
  },
  (t) => [index("quarantined_events_code_received_at_idx").on(t.code, t.receivedAt), index("quarantined_events_user_id_idx").on(t.userId)],
);

/**
 * Rejected events received per learner (or the nil id when none could be read) and UTC day.
 * Past MAX_QUARANTINED_PER_DAY a rejection is still counted here and in the batch log, but its
 * body is no longer stored, so a misbehaving producer cannot grow the quarantine without bound.
 */
export const quarantineDailyCounts = pgTable(
  "quarantine_daily_counts",
  {
    userId: uuid("user_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    received: integer("received").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
