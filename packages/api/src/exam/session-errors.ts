import { TRPCError } from "@trpc/server";
import type { TestSessionRecord } from "./test-session-record.ts";

export function sessionNotFound(sessionId: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `No exam session '${sessionId}' exists; create one with sessions.create.` });
}

export function sessionNotYours(sessionId: string): TRPCError {
  return new TRPCError({ code: "FORBIDDEN", message: `Session '${sessionId}' is not yours.` });
}

/** Refuses a change to a session that is over, saying why it ended. */
export function sessionAlreadySubmitted(session: Pick<TestSessionRecord, "id" | "submitReason">): TRPCError {
  const message =
    session.submitReason === "expired"
      ? `Session '${session.id}' ran out of time and was submitted; open its review to see the result.`
      : `Session '${session.id}' is already submitted; open its review to see the result.`;
  return new TRPCError({ code: "PRECONDITION_FAILED", message });
}
