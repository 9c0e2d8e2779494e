import { MAX_LEARNER_BATCH_EVENTS, MAX_SERVICE_BATCH_EVENTS } from "@chronicle/contracts";
import { TRPCError } from "@trpc/server";
import type { Role } from "../auth/principal.ts";

const maxEventsByRole: Record<Role, number> = {
  learner: MAX_LEARNER_BATCH_EVENTS,
  service: MAX_SERVICE_BATCH_EVENTS,
  admin: MAX_LEARNER_BATCH_EVENTS,
};

/** Product rule: above the role's batch limit the whole request is refused, before anything is written. */
export function assertBatchWithinLimit(role: Role, eventCount: number): void {
  const limit = maxEventsByRole[role];
  if (eventCount > limit) {
    throw new TRPCError({
      code: "PAYLOAD_TOO_LARGE",
      message: `A ${role} token may send at most ${limit} events per batch and this batch has ${eventCount}; split it and send the parts.`,
    });
  }
}
