import type { CounterEventName } from "@chronicle/contracts";
import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Seed 004: one row per count, holding only the viewer, the event and the time. */
export const counterEvents = pgTable(
  "counter_events",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    viewerId: uuid("viewer_id").notNull(),
    event: text("event").$type<CounterEventName>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
  },
  (t) => [
    index("counter_events_viewer_event_created_idx").on(t.viewerId, t.event, t.createdAt),
    // The admin counter dashboard counts each event over all viewers in a time window.
    index("counter_events_event_created_idx").on(t.event, t.createdAt),
  ],
);
