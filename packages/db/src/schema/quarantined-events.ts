import type { EventIssue, RejectionCode } from "@chronicle/contracts";
import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
    rawJson: jsonb("raw_json").notNull(),
  },
  (t) => [index("quarantined_events_code_received_at_idx").on(t.code, t.receivedAt), index("quarantined_events_user_id_idx").on(t.userId)],
);
