import { sessionIdInput, sessionView } from "@chronicle/contracts";
import { examDepsOf } from "../../exam/exam-deps.ts";
import { readSession } from "../../exam/read-session.ts";
import { learnerProcedure } from "../../trpc.ts";

/** The learner's own session: questions, saved answers, marks and the countdown. */
export const get = learnerProcedure
  .input(sessionIdInput)
  .output(sessionView)
  .query(({ ctx, input }) => readSession(examDepsOf(ctx), ctx.principal.userId, input.sessionId));
