import { createSessionInput, createSessionOutput } from "@chronicle/contracts";
import { createSession } from "../../exam/create-session.ts";
import { examDepsOf } from "../../exam/exam-deps.ts";
import { learnerProcedure } from "../../trpc.ts";

/** Seed 000's POST /v1/sessions: starts a test from the bank with the learner's filters. */
export const create = learnerProcedure
  .input(createSessionInput)
  .output(createSessionOutput)
  .mutation(({ ctx, input }) => createSession(examDepsOf(ctx), ctx.principal.userId, input));
