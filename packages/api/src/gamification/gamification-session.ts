import { claimSessions, type Executor } from "@chronicle/db";
import { derivedEventId } from "../emit/emit-server-events.ts";

/**
 * Check-ins and XP for exam sessions happen outside any study session, so each learner
 * has one stable study session that carries those events.
 */
export function gamificationSessionId(userId: string): string {
  return derivedEventId(userId, "gamification-session");
}

/** Registers the learners' gamification sessions in `sessions` if they are not there yet. */
export async function ensureGamificationSessions(executor: Executor, userIds: readonly string[]): Promise<void> {
  await claimSessions(
    executor,
    [...new Set(userIds)].map((userId) => ({ sessionId: gamificationSessionId(userId), userId, family: "study" as const })),
  );
}
