import { z } from "zod";
import { consistencyWatermark } from "./watermark.ts";

/** The eight behavioural features of seed 003; formulas in docs/behavioural-features.md. */
export const behavioralFeatureValues = z.object({
  task_completion_rate: z.number(),
  time_efficiency: z.number(),
  retry_count: z.int(),
  recovery_rate: z.number(),
  distraction_resistance: z.number(),
  focus_duration: z.number(),
  collaboration_indicators: z.int(),
  leadership_indicators: z.int(),
});
export type BehavioralFeatureValues = z.infer<typeof behavioralFeatureValues>;

/** The counts and times a feature set was computed from, kept beside it for audit. */
export const behavioralFeatureInputs = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));
export type BehavioralFeatureInputs = z.infer<typeof behavioralFeatureInputs>;

/** game.closeSession — seed 003's `POST /telemetry/session/{session_id}/close`. */
export const gameCloseSessionInput = z.strictObject({ sessionId: z.uuid() });
export type GameCloseSessionInput = z.input<typeof gameCloseSessionInput>;

/** Seed 003's close response plus the features extracted at the close. */
export const gameCloseSessionOutput = z.object({
  session_id: z.uuid(),
  status: z.literal("closed"),
  started_at: z.string(),
  ended_at: z.string(),
  message: z.string(),
  features: behavioralFeatureValues,
});
export type GameCloseSessionOutput = z.infer<typeof gameCloseSessionOutput>;

/** game.features — the stored features of one closed game session. */
export const gameFeaturesInput = z.strictObject({ sessionId: z.uuid() });
export type GameFeaturesInput = z.input<typeof gameFeaturesInput>;

export const gameFeaturesOutput = z.object({
  session_id: z.uuid(),
  student_id: z.uuid(),
  closed_at: z.string(),
  formula_version: z.int(),
  features: behavioralFeatureValues,
  inputs: behavioralFeatureInputs,
  watermark: consistencyWatermark,
});
export type GameFeaturesOutput = z.infer<typeof gameFeaturesOutput>;
