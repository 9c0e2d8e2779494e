import { z } from "zod";
import { noInput } from "./no-input.ts";

/** sessions.topics takes nothing: every learner sees the whole bank's topics. */
export const sessionTopicsInput = noInput;

/** A topic a learner can filter a test by, with how many questions the bank holds for it. */
export const sessionTopic = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  questionCount: z.int().min(0),
});
export type SessionTopic = z.infer<typeof sessionTopic>;

export const sessionTopicsOutput = z.array(sessionTopic);
