import { rowsOf } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { derivedEventId, emitBestEffort, type ServerEvent } from "../emit/emit-server-events.ts";
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
 * Finalises the sessions among `sessionIds` that are still active, in one statement, then
 * emits SESSION_SUBMITTED (preceded by SESSION_EXPIRED when the clock ran out) for exactly
 * those. Sessions already submitted are skipped, so calling it again does nothing.
 * Returns the ids it submitted.
 */
export async function submitSessions(deps: ExamDeps, sessionIds: readonly string[], reason: SubmitReason, at: Date): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  const submitted = await rowsOf<{ id: string; user_id: string }>(
    deps.db.orm,
    sql`update test_sessions
           set status = 'submitted', submitted_at = ${at.toISOString()}::timestamptz, submit_reason = ${reason}
         where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(sessionIds)}::jsonb))
           and status = 'active'
        returning id::text as id, user_id::text as user_id`,
  );
  if (submitted.length === 0) return [];
  const events = submitted.flatMap((row) => submissionEvents(row.id, row.user_id, reason));
  await emitBestEffort(deps, deps.db.orm, events, at);
  return submitted.map((row) => row.id);
}
