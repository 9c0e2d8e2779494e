import { sessionScore, submitSessionInput } from "@chronicle/contracts";
import { examDepsOf } from "../../exam/exam-deps.ts";
import { submitSession } from "../../exam/submit-session.ts";
import { learnerProcedure } from "../../trpc.ts";

/** Seed 000's POST /v1/sessions/{id}/submit; submitting again returns the same result. */
export const submit = learnerProcedure
  .input(submitSessionInput)
  .output(sessionScore)
  .mutation(({ ctx, input }) => submitSession(examDepsOf(ctx), ctx.principal.userId, input.sessionId));
