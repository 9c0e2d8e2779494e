import { answerQuestionInput, answerQuestionOutput } from "@chronicle/contracts";
import { answerQuestion } from "../../exam/answer-question.ts";
import { examDepsOf } from "../../exam/exam-deps.ts";
import { learnerProcedure } from "../../trpc.ts";

/** Seed 000's POST /v1/sessions/{id}/answer: select an option or toggle the review mark. */
export const answer = learnerProcedure
  .input(answerQuestionInput)
  .output(answerQuestionOutput)
  .mutation(({ ctx, input }) => answerQuestion(examDepsOf(ctx), ctx.principal.userId, input));
