import { rowsOf } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { derivedEventId, emitServerEvents, type ServerEvent } from "../emit/emit-server-events.ts";
import type { ExamDeps } from "./exam-deps.ts";

export type SubmitReason = "manual" | "expired";

function submissionEvents(sessionId: string, userId: string, reason: SubmitReason): ServerEvent[] {
  // Derived ids: if two servers finalise the same session at once, the log still holds each fact once.
  const submitted: ServerEvent<"SESSION_SUBMITTED"> = {
    id: derivedEventId(sessionId, "SESSION_SUBMITTED"),
    type: "SESSION_SUBMITTED",
    sessionId,
    userId,
    payload: { reason },
  };
  if (reason === "manual") return [submitted];
  const expired: ServerEvent<"SESSION_EXPIRED"> = { id: derivedEventId(sessionId, "SESSION_EXPIRED"), type: "SESSION_EXPIRED", sessionId, userId, payload: {} };
  return [expired, submitted];
}

/**
 * Finalises the sessions among `sessionIds` that are still active and appends their
 * SESSION_SUBMITTED (preceded by SESSION_EXPIRED when the clock ran out), in ONE transaction:
 * the grading (exam-results, question attempts, XP) is derived from those events, so a
 * session is submitted with its events or not at all; a crash or a failing events insert
 * rolls the state change back and the caller (or the next expiry run) simply tries again.
 * Sessions already submitted are skipped, so calling it again does nothing.
 * Returns the ids it submitted.
 */
export async function submitSessions(deps: ExamDeps, sessionIds: readonly string[], reason: SubmitReason, at: Date): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  const submitted = await deps.db.transaction(async (tx) => {
    const rows = await rowsOf<{ id: string; user_id: string }>(
      tx,
      sql`update test_sessions
             set status = 'submitted', submitted_at = ${at.toISOString()}::timestamptz, submit_reason = ${reason}
           where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(sessionIds)}::jsonb))
             and status = 'active'
          returning id::text as id, user_id::text as user_id`,
    );
    // Last in the transaction: the events insert holds the log-position lock until commit.
    if (rows.length > 0) await emitServerEvents(tx, rows.flatMap((row) => submissionEvents(row.id, row.user_id, reason)), at);
    return rows;
  });
  if (submitted.length > 0) deps.onStored?.();
  return submitted.map((row) => row.id);
}
