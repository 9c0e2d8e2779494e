import type { SessionMode } from "@chronicle/contracts";
import { rowsOf, type Executor, type TestSessionStatus } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { isoTimestamp } from "./iso-timestamp.ts";
import { sessionNotFound, sessionNotYours } from "./session-errors.ts";

export interface TestSessionRecord {
  id: string;
  userId: string;
  mode: SessionMode;
  questionCount: number;
  timeLimitSeconds: number | null;
  status: TestSessionStatus;
  createdAt: string;
  expiresAt: string | null;
  submittedAt: string | null;
  submitReason: "manual" | "expired" | null;
}

/** One exam session, or null; `lock` holds its row until the transaction ends so answers and submit never interleave. */
export async function findTestSession(executor: Executor, sessionId: string, lock = false): Promise<TestSessionRecord | null> {
  const [row] = await rowsOf<TestSessionRecord>(
    executor,
    sql`select id::text as "id", user_id::text as "userId", mode, question_count as "questionCount",
               time_limit_seconds as "timeLimitSeconds", status,
               ${isoTimestamp(sql`created_at`)} as "createdAt", ${isoTimestamp(sql`expires_at`)} as "expiresAt",
               ${isoTimestamp(sql`submitted_at`)} as "submittedAt", submit_reason as "submitReason"
          from test_sessions where id = ${sessionId}::uuid
          ${lock ? sql`for update` : sql``}`,
  );
  return row ?? null;
}

/** The session if `userId` owns it; NOT_FOUND or FORBIDDEN otherwise. */
export async function findOwnedSession(executor: Executor, sessionId: string, userId: string, lock = false): Promise<TestSessionRecord> {
  const session = await findTestSession(executor, sessionId, lock);
  if (!session) throw sessionNotFound(sessionId);
  if (session.userId !== userId) throw sessionNotYours(sessionId);
  return session;
}

/** True when the countdown has reached zero but nobody has submitted the session yet. */
export function isOverdue(session: TestSessionRecord, now: Date): boolean {
  return session.status === "active" && session.expiresAt !== null && Date.parse(session.expiresAt) <= now.getTime();
}
