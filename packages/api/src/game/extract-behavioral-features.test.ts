import type { EventType } from "@chronicle/contracts";
import { describe, expect, it } from "vitest";
import { extractBehavioralFeatures, type SessionGameEvent } from "./extract-behavioral-features.ts";

const at = (minute: number, second = 0) => new Date(Date.UTC(2025, 10, 13, 12, minute, second)).toISOString();
const game = { game_version: "1.0.0" };
const event = (eventType: EventType, ts: string, payload: Record<string, unknown> = {}): SessionGameEvent => ({ eventType, eventTs: ts, clientTs: null, payload: { ...game, ...payload } });
const featuresOf = (events: SessionGameEvent[]) => extractBehavioralFeatures(events).features;

describe("the behavioural feature formulas", () => {
  it("task_completion_rate: distinct completed started tasks over distinct started tasks", () => {
    const events = [
      event("task_start", at(0), { task_id: "a" }),
      event("task_start", at(0), { task_id: "a" }),
      event("task_start", at(0), { task_id: "b" }),
      event("task_start", at(0), { task_id: "c" }),
      event("task_complete", at(1), { task_id: "a" }),
      event("task_complete", at(1), { task_id: "a" }),
      // never started: not a completion of a started task
      event("task_complete", at(1), { task_id: "z" }),
    ];
    // started {a, b, c} = 3, completed of those {a} = 1
    expect(featuresOf(events).task_completion_rate).toBe(0.3333);
    expect(featuresOf([event("task_complete", at(1), { task_id: "z" })]).task_completion_rate).toBe(0);
  });

  it("time_efficiency: mean of min(1, expected / actual), actual from duration_seconds or else event_ts", () => {
    const events = [
      event("task_start", at(0), { task_id: "fast", expected_duration_seconds: 120 }),
      event("task_start", at(0), { task_id: "slow", expected_duration_seconds: 60 }),
      event("task_start", at(0), { task_id: "untimed" }),
      event("task_start", at(0), { task_id: "open", expected_duration_seconds: 30 }),
      event("task_complete", at(1), { task_id: "fast", duration_seconds: 100 }), // 120/100 → capped at 1
      event("task_complete", at(4), { task_id: "slow" }), // 4 minutes = 240 s → 60/240 = 0.25
      event("task_complete", at(4), { task_id: "untimed", duration_seconds: 10 }), // no expected duration: left out
    ];
    expect(featuresOf(events).time_efficiency).toBe(0.625); // (1 + 0.25) / 2
    expect(extractBehavioralFeatures(events).inputs.tasks_timed).toBe(2);
  });

  it("time_efficiency leaves out a task whose actual duration is zero", () => {
    const events = [event("task_start", at(0), { task_id: "a", expected_duration_seconds: 60 }), event("task_complete", at(0), { task_id: "a" })];
    expect(featuresOf(events).time_efficiency).toBe(0);
  });

  it("retry_count: retries plus restarts", () => {
    expect(featuresOf([event("retry", at(0)), event("retry", at(0)), event("restart", at(0)), event("failure", at(0))]).retry_count).toBe(3);
  });

  it("recovery_rate: (recoveries + successes after failure) / failures, capped at 1, 0 without failures", () => {
    const twoOfThree = [event("failure", at(0)), event("failure", at(0)), event("failure", at(0)), event("recovery", at(1)), event("success_after_failure", at(1))];
    expect(featuresOf(twoOfThree).recovery_rate).toBe(0.6667);
    expect(featuresOf([event("failure", at(0)), event("recovery", at(1)), event("recovery", at(1))]).recovery_rate).toBe(1);
    expect(featuresOf([event("recovery", at(1))]).recovery_rate).toBe(0);
  });

  it("distraction_resistance: 1 − distractions / all events, 0 without events", () => {
    const events = [event("distraction", at(0)), event("choice_made", at(0), { choice: "x" }), event("pause", at(0)), event("retry", at(0))];
    expect(featuresOf(events).distraction_resistance).toBe(0.75);
    expect(featuresOf([]).distraction_resistance).toBe(0);
  });

  it("focus_duration: minutes between the first and the last event", () => {
    expect(featuresOf([event("mission_start", at(2)), event("retry", at(0, 30)), event("pause", at(9))]).focus_duration).toBe(8.5);
    expect(featuresOf([event("mission_start", at(2))]).focus_duration).toBe(0);
  });

  it("collaboration_indicators and leadership_indicators: counts of their events", () => {
    const events = [
      event("collaboration", at(0)),
      event("help_given", at(0)),
      event("help_received", at(0)),
      event("help_received", at(0)),
      event("leadership", at(0)),
      event("initiative", at(0)),
      event("initiative", at(0)),
      event("decision_made", at(0), { decision: "go" }),
    ];
    expect(featuresOf(events)).toMatchObject({ collaboration_indicators: 4, leadership_indicators: 3 });
  });
});
