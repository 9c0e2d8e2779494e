import { z } from "zod";
import { defineEvent } from "../catalog/event-spec.ts";

// Seed 003: educational-game telemetry. Placeholder: one event until the family is completed.
const game = { family: "game", retention: "ninety_days" } as const;
const gameContext = { mission_id: z.string().min(1).max(100).optional(), game_version: z.string().min(1).max(20) };

export const gameEvents = {
  mission_start: defineEvent({
    ...game,
    description: "A mission began.",
    emitters: ["service", "client"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({ ...gameContext, difficulty: z.enum(["easy", "medium", "hard"]).optional() }),
  }),
} as const;
