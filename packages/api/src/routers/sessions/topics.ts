import { sessionTopicsInput, sessionTopicsOutput } from "@chronicle/contracts";
import { listTopics } from "../../exam/list-topics.ts";
import { learnerProcedure } from "../../trpc.ts";

/** The topics a test can be filtered by (seed 000's topic filters). */
export const topics = learnerProcedure
  .input(sessionTopicsInput)
  .output(sessionTopicsOutput)
  .query(({ ctx }) => listTopics(ctx.db.orm));
