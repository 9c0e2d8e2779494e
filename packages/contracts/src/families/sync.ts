import { z } from "zod";
import { defineEvent } from "../catalog/event-spec.ts";

// Seed 001: events captured by the offline-capable client and synced later.
const sync = { family: "sync", retention: "two_years" } as const;

export const syncEvents = {
  interview_started: defineEvent({
    ...sync,
    description: "A mock interview began.",
    emitters: ["client"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({ interviewType: z.enum(["mock", "practice", "live"]), duration: z.int().min(1).max(600) }),
  }),
} as const;
