import { z } from "zod";

/** Why an event was not stored in the log. Each code has one documented meaning. */
export const rejectionCodes = {
  invalid_string: "A string (value or key) contains U+0000 or an unpaired surrogate, or a key is named __proto__; PostgreSQL cannot store it.",
  invalid_envelope: "The envelope does not match envelope v1 (id, session_id, event_type, payload…).",
  unknown_event_type: "The event_type is not in the catalog.",
  unknown_event_version: "The event_version is not a version this event type has.",
  payload_too_large: "The payload is larger than 4 KB of UTF-8 JSON.",
  invalid_payload: "The payload does not match the schema of its event type and version.",
  missing_question_id: "This event type needs question_id.",
  unknown_session: "The session does not exist; exam sessions are created by sessions.create.",
  session_not_owned: "The session belongs to another learner.",
  session_family_mismatch: "The session belongs to another event family (an exam event on a study session…).",
  question_not_in_session: "The question is not part of the session.",
  id_conflict: "An event with this id but different content is already stored; ids are never reused.",
  scope_denied: "The token's scope does not allow writing this event family.",
  learner_erased: "The learner was erased (chronicle erase); Chronicle no longer accepts their events.",
  emitter_not_allowed: "Only Chronicle's server emits this event (SESSION_SUBMITTED, xp_earned…); producers cannot send it.",
} as const;

export type RejectionCode = keyof typeof rejectionCodes;
export const rejectionCode = z.enum(Object.keys(rejectionCodes) as [RejectionCode, ...RejectionCode[]]);

/** One validation problem, flattened from zod so that non-TypeScript clients can read it. */
export const eventIssue = z.object({ path: z.string(), message: z.string() });
export type EventIssue = z.infer<typeof eventIssue>;

export function toEventIssues(error: z.ZodError): EventIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}
