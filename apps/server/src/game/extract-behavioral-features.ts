import type { BehavioralFeatureInputs, BehavioralFeatureValues, EventType } from "@chronicle/contracts";

/** Bump when a formula changes, so stored rows say which formulas produced them. */
export const BEHAVIORAL_FORMULA_VERSION = 1;

/** One game event of a session, in log order, as the features need it. */
export interface SessionGameEvent {
  eventType: EventType;
  /** Server time of ingest (ISO). */
  eventTs: string;
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
 * task_complete.duration_seconds, else the seconds between the two events' event_ts. A task
 * is left out when either duration is not positive (a zero duration says nothing about speed).
 */
function timeEfficiencyOf(events: readonly SessionGameEvent[]): { mean: number; timedTasks: number } {
  const firstStart = new Map<string, SessionGameEvent>();
  const firstComplete = new Map<string, SessionGameEvent>();
  for (const event of events) {
    const taskId = taskIdOf(event);
    if (taskId === null) continue;
    if (event.eventType === "task_start" && !firstStart.has(taskId)) firstStart.set(taskId, event);
    if (event.eventType === "task_complete" && !firstComplete.has(taskId)) firstComplete.set(taskId, event);
  }
  const ratios: number[] = [];
  for (const [taskId, complete] of firstComplete) {
    const start = firstStart.get(taskId);
    const expected = positiveNumber(start?.payload.expected_duration_seconds);
    if (!start || expected === null) continue;
    const actual =
      positiveNumber(complete.payload.duration_seconds) ?? positiveNumber((Date.parse(complete.eventTs) - Date.parse(start.eventTs)) / 1000);
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
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const event of events) {
    count.set(event.eventType, (count.get(event.eventType) ?? 0) + 1);
    const taskId = taskIdOf(event);
    if (taskId !== null && event.eventType === "task_start") tasksStarted.add(taskId);
    if (taskId !== null && event.eventType === "task_complete") tasksCompleted.add(taskId);
    const ms = Date.parse(event.eventTs);
    firstMs = Math.min(firstMs, ms);
    lastMs = Math.max(lastMs, ms);
  }
  const n = (type: EventType) => count.get(type) ?? 0;
  const total = events.length;

  // Completions of tasks that never started are not completions of started tasks: the rate stays in 0..1.
  const completedOfStarted = [...tasksCompleted].filter((taskId) => tasksStarted.has(taskId)).length;
  const efficiency = timeEfficiencyOf(events);
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
