import type { SessionMode } from "@chronicle/contracts";

/** Seed 000's countdown: timed and exam sessions get 90 seconds per question. */
export const SECONDS_PER_TIMED_QUESTION = 90;

/** The session's time limit in seconds, or null for modes without a clock (practice, review). */
export function timeLimitFor(mode: SessionMode, questionCount: number): number | null {
  return mode === "timed" || mode === "exam" ? questionCount * SECONDS_PER_TIMED_QUESTION : null;
}

/** Whole seconds left on the clock at `now`, never negative. */
export function secondsLeftAt(expiresAt: string, now: Date): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now.getTime()) / 1000));
}
