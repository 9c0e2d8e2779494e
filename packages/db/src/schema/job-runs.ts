import { bigint, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** When each scheduled job last ran anywhere in the cluster, so its interval is cluster-wide. */
export const jobRuns = pgTable("job_runs", {
  name: text("name").primaryKey(),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true, mode: "string" }),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true, mode: "string" }),
  lastHolder: text("last_holder"),
  runs: bigint("runs", { mode: "number" }).notNull().default(0),
  /** Someone asked for a run now (the admin's "Export now"): due at the next tick, whatever the interval. */
  requestedAt: timestamp("requested_at", { withTimezone: true, mode: "string" }),
  requestedBy: text("requested_by"),
});
