import { z } from "zod";
import { defineEvent } from "../catalog/event-spec.ts";

// Seed 002: the study app. Placeholder: one event until the family is completed.
const study = { family: "study", retention: "two_years" } as const;

export const studyEvents = {
  session_pause: defineEvent({
    ...study,
    description: "The learner paused the study timer.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({ pause_reason: z.enum(["break", "distraction", "other"]).optional() }),
  }),
} as const;
