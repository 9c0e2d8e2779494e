import { sessionIdInput, sessionReview } from "@chronicle/contracts";
import { examDepsOf } from "../../exam/exam-deps.ts";
import { reviewSession } from "../../exam/review-session.ts";
import { learnerProcedure } from "../../trpc.ts";

/** Seed 000's GET /v1/sessions/{id}/review, open only once the session is submitted. */
export const review = learnerProcedure
  .input(sessionIdInput)
  .output(sessionReview)
  .query(({ ctx, input }) => reviewSession(examDepsOf(ctx), ctx.principal.userId, input.sessionId));
