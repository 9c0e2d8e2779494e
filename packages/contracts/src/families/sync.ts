import { z } from "zod";
import { storableNumber } from "../shapes/storable-number.ts";
import { defineEvent } from "../catalog/event-spec.ts";
import { identifier, label } from "../shapes/string-shapes.ts";

// Seed 001: events captured by the offline-capable client and synced later.
// Field names stay camelCase exactly as that seed's client sends them.
const sync = { family: "sync", retention: "two_years" } as const;

const externalId = identifier(100);
const score = storableNumber(0, 100);
const seconds = z.int().min(0).max(86_400);
const questionCount = z.int().min(0).max(1_000);

export const syncEvents = {
  interview_started: defineEvent({
    ...sync,
    description: "A mock interview began; duration is the planned length in minutes.",
    emitters: ["client"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({ interviewType: z.enum(["mock", "practice", "live"]), duration: z.int().min(1).max(600) }),
  }),
  interview_completed: defineEvent({
    ...sync,
    description: "A mock interview finished with its score (0–100), duration in seconds and weak areas.",
    emitters: ["client"],
    privacy: "performance",
    version: 1,
    payload: z.strictObject({
      interviewId: externalId,
      score,
      duration: seconds,
      questionsAttempted: questionCount,
      correctAnswers: questionCount,
      weakAreas: z.array(label(64)).max(20).optional(),
    }),
  }),
  assessment_submitted: defineEvent({
    ...sync,
    description: "An assessment was submitted, possibly offline and synced later.",
    emitters: ["client"],
    privacy: "performance",
    version: 1,
    payload: z.strictObject({
      assessmentId: externalId,
      score: score.optional(),
      questionsAttempted: questionCount.optional(),
      correctAnswers: questionCount.optional(),
      duration: seconds.optional(),
      submittedOffline: z.boolean().optional(),
    }),
  }),
} as const;
