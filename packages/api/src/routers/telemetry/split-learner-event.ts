import { z } from "zod";

const learnerId = z.uuid();

/**
 * Takes `user_id` off a service's event: the rest is the ordinary envelope, checked as any
 * client's. A missing or malformed user_id gives a null learner, and the event is rejected on
 * its own (invalid_envelope), never the whole batch.
 */
export function splitLearnerEvent(raw: unknown): { userId: string | null; envelope: unknown } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { userId: null, envelope: raw };
  const { user_id: userId, ...envelope } = raw as Record<string, unknown>;
  const parsed = learnerId.safeParse(userId);
  return { userId: parsed.success ? parsed.data.toLowerCase() : null, envelope };
}
