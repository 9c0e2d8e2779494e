import { sql } from "drizzle-orm";
import { bigint, doublePrecision, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export type AlertState = "firing" | "resolved";

/**
 * Every firing and resolving transition of the alerts the alerts job evaluates each minute
 * (seed 000's ingestion alerts, export failures, projection lag, store unavailable). An alert's
 * current state is its latest row; shown on ingestion health.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    name: text("name").notNull(),
    state: text("state").$type<AlertState>().notNull(),
    value: doublePrecision("value").notNull(),
    threshold: doublePrecision("threshold").notNull(),
    message: text("message").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
  },
  (table) => [index("alerts_name_id_idx").on(table.name, table.id), index("alerts_at_idx").on(table.at)],
);
