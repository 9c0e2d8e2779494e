import type { BehavioralFeatureInputs, BehavioralFeatureValues, EventType } from "@chronicle/contracts";
import { gameTimeLine } from "./game-time-line.ts";

/** Bump when a formula changes, so stored rows say which formulas produced them (2: the game's time line). */
export const BEHAVIORAL_FORMULA_VERSION = 2;

/** One game event of a session, in log order, as the features need it. */
export interface SessionGameEvent {
  eventType: EventType;
  /** Server time of ingest (ISO): the receipt. */
  eventTs: string;
  /** The game's own timestamp (client_ts), placed on the session's time line by gameTimeLine. */
  clientTs: string | null;
  payload: Record<string, unknown>;
}

export interface ExtractedFeatures {
  features: BehavioralFeatureValues;
  inputs: BehavioralFeatureInputs;
}

// Ratios are kept to 4 decimals so the REAL columns and features_json agree.
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

function taskIdOf(event: SessionGameEvent): string | null {
  return typeof event.payload.task_id === "string" ? event.payload.task_id : null;
}

function positiveNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * time_efficiency: for each task with a task_start carrying expected_duration_seconds and a
 * task_complete, the first start and first completion are paired; the actual duration is
 * task_complete.duration_seconds, else the seconds between the two events on the session's
 * time line (`times`, from gameTimeLine). A task is left out when either duration is not
 * positive (a zero duration says nothing about speed).
 */
function timeEfficiencyOf(events: readonly SessionGameEvent[], times: readonly number[]): { mean: number; timedTasks: number } {
  const firstStart = new Map<string, number>();
  const firstComplete = new Map<string, number>();
  events.forEach((event, index) => {
    const taskId = taskIdOf(event);
    if (taskId === null) return;
    if (event.eventType === "task_start" && !firstStart.has(taskId)) firstStart.set(taskId, index);
    if (event.eventType === "task_complete" && !firstComplete.has(taskId)) firstComplete.set(taskId, index);
  });
  const ratios: number[] = [];
  for (const [taskId, completeIndex] of firstComplete) {
    const startIndex = firstStart.get(taskId);
    if (startIndex === undefined) continue;
    const expected = positiveNumber(events[startIndex]!.payload.expected_duration_seconds);
    if (expected === null) continue;
    const actual =
      positiveNumber(events[completeIndex]!.payload.duration_seconds) ?? positiveNumber((times[completeIndex]! - times[startIndex]!) / 1000);
    if (actual === null) continue;
    ratios.push(Math.min(1, expected / actual));
  }
  const mean = ratios.length === 0 ? 0 : ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
  return { mean, timedTasks: ratios.length };
}

/**
 * Seed 003's eight behavioural features of one game session, from its game events before
 * the close (never the close itself). Every formula is documented in
 * docs/behavioural-features.md; change one only together with BEHAVIORAL_FORMULA_VERSION.
 */
export function extractBehavioralFeatures(events: readonly SessionGameEvent[]): ExtractedFeatures {
  const count = new Map<EventType, number>();
  const tasksStarted = new Set<string>();
  const tasksCompleted = new Set<string>();
  const times = gameTimeLine(events);
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const [index, event] of events.entries()) {
    count.set(event.eventType, (count.get(event.eventType) ?? 0) + 1);
    const taskId = taskIdOf(event);
    if (taskId !== null && event.eventType === "task_start") tasksStarted.add(taskId);
    if (taskId !== null && event.eventType === "task_complete") tasksCompleted.add(taskId);
    const ms = times[index]!;
    firstMs = Math.min(firstMs, ms);
    lastMs = Math.max(lastMs, ms);
  }
  const n = (type: EventType) => count.get(type) ?? 0;
  const total = events.length;

  // Completions of tasks that never started are not completions of started tasks: the rate stays in 0..1.
  const completedOfStarted = [...tasksCompleted].filter((taskId) => tasksStarted.has(taskId)).length;
  const efficiency = timeEfficiencyOf(events, times);
  const failures = n("failure");
  const recoveries = n("recovery") + n("success_after_failure");

  const features: BehavioralFeatureValues = {
    task_completion_rate: tasksStarted.size === 0 ? 0 : round4(completedOfStarted / tasksStarted.size),
    time_efficiency: round4(efficiency.mean),
    retry_count: n("retry") + n("restart"),
    recovery_rate: failures === 0 ? 0 : round4(Math.min(1, recoveries / failures)),
    // No events is no evidence of focus: 0, like the other rates without a basis.
    distraction_resistance: total === 0 ? 0 : round4(1 - n("distraction") / total),
    focus_duration: total === 0 ? 0 : round4((lastMs - firstMs) / 60_000),
    collaboration_indicators: n("collaboration") + n("help_given") + n("help_received"),
    leadership_indicators: n("leadership") + n("initiative"),
  };
  const inputs: BehavioralFeatureInputs = {
    events_total: total,
    tasks_started: tasksStarted.size,
    tasks_completed: completedOfStarted,
    tasks_timed: efficiency.timedTasks,
    retries: n("retry"),
    restarts: n("restart"),
    failures,
    recoveries: n("recovery"),
    successes_after_failure: n("success_after_failure"),
    distractions: n("distraction"),
    collaborations: n("collaboration"),
    help_given: n("help_given"),
    help_received: n("help_received"),
    leadership: n("leadership"),
    initiative: n("initiative"),
    first_event_at: total === 0 ? null : new Date(firstMs).toISOString(),
    last_event_at: total === 0 ? null : new Date(lastMs).toISOString(),
  };
  return { features, inputs };
}
