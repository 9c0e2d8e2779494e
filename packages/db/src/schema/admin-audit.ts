import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type AdminAuditOutcome = "ok" | "error";

/**
 * One row per admin procedure call (who, what, when, and how it ended), written by the
 * audited admin middleware. The input is scrubbed of free-text PII and truncated first.
 */
export const adminAuditLog = pgTable(
  "admin_audit_log",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
    adminUserId: uuid("admin_user_id").notNull(),
    /** The tRPC path, e.g. `admin.events`. */
    procedure: text("procedure").notNull(),
    /** query, mutation or subscription. */
    callType: text("call_type").notNull(),
    inputJson: jsonb("input_json"),
    outcome: text("outcome").$type<AdminAuditOutcome>().notNull(),
    /** The tRPC error code when the call failed. */
    errorCode: text("error_code"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("admin_audit_log_at_idx").on(t.at), index("admin_audit_log_admin_user_id_at_idx").on(t.adminUserId, t.at)],
);
