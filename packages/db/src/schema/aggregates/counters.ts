import { date, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/** Counter totals per viewer, event and UTC day; they outlive the 30-day raw counter rows. */
export const counterDailyTotals = pgTable(
  "counter_daily_totals",
  {
    viewerId: uuid("viewer_id").notNull(),
    event: text("event").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    total: integer("total").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.viewerId, t.event, t.day] })],
);
