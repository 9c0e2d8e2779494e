import type { EventFamily, RejectionCode, ValidEvent } from "@chronicle/contracts";
import { claimSessions, findSessionOwners, findSessionQuestions, type Executor, type SessionClaim } from "@chronicle/db";

export interface OwnedCandidate {
  event: ValidEvent;
  userId: string;
}

export type OwnershipVerdict = { ok: true } | { ok: false; code: RejectionCode; message: string };

const owned: OwnershipVerdict = { ok: true };

/** Families whose sessions the client starts itself; exam sessions only come from sessions.create. */
const clientStartedFamilies: ReadonlySet<EventFamily> = new Set(["study", "game", "sync"]);

/**
 * Seed 000's rules, for a whole batch in three queries: the learner must own every
 * session referenced, and every question must belong to its exam session.
 */
export async function checkOwnership(tx: Executor, candidates: readonly OwnedCandidate[]): Promise<OwnershipVerdict[]> {
  // One claim per session, the first in arrival order: in a group commit, the request that came
  // first owns a new session, exactly as if the requests had been written one after the other.
  const claims = new Map<string, SessionClaim>();
  for (const c of candidates) {
    if (clientStartedFamilies.has(c.event.family) && !claims.has(c.event.session_id)) {
      claims.set(c.event.session_id, { sessionId: c.event.session_id, userId: c.userId, family: c.event.family });
    }
  }
  await claimSessions(tx, [...claims.values()]);
  const owners = await findSessionOwners(tx, candidates.map((c) => c.event.session_id));
  // Each pair once: a group's events name the same few questions over and over.
  const questionPairs = new Map<string, { sessionId: string; questionId: string }>();
  for (const { event } of candidates) {
    if (event.family !== "exam" || event.question_id === null) continue;
    const key = `${event.session_id}:${event.question_id}`;
    if (!questionPairs.has(key)) questionPairs.set(key, { sessionId: event.session_id, questionId: event.question_id });
  }
  const memberships = await findSessionQuestions(tx, [...questionPairs.values()]);

  return candidates.map(({ event, userId }): OwnershipVerdict => {
    const owner = owners.get(event.session_id);
    if (!owner) {
      return { ok: false, code: "unknown_session", message: `Session '${event.session_id}' does not exist; create it with sessions.create first.` };
    }
    if (owner.userId !== userId) {
      return { ok: false, code: "session_not_owned", message: `Session '${event.session_id}' is not yours.` };
    }
    if (owner.family !== event.family) {
      return {
        ok: false,
        code: "session_family_mismatch",
        message: `Session '${event.session_id}' is a ${owner.family} session; ${event.event_type} is a ${event.family} event.`,
      };
    }
    if (event.family === "exam" && event.question_id !== null) {
      const position = memberships.get(`${event.session_id}:${event.question_id}`);
      if (position === undefined) {
        return { ok: false, code: "question_not_in_session", message: `Question '${event.question_id}' is not part of session '${event.session_id}'.` };
      }
      // Seed 000 names a question twice (question_id and payload.position); every reader keys by position, so both must agree.
      const claimed = (event.payload as { position?: unknown }).position;
      if (typeof claimed === "number" && claimed !== position) {
        return {
          ok: false,
          code: "question_not_in_session",
          message: `Question '${event.question_id}' is at position ${position} of session '${event.session_id}', not position ${claimed}.`,
        };
      }
    }
    return owned;
  });
}
