import type { GameBatchEvent } from "@chronicle/contracts";
import { randomUUID } from "node:crypto";
import type { SeededRandom } from "@chronicle/api/testing/seeded-random.ts";
import { decisions, failureReasons, missions, storyChoices } from "./traffic-vocabulary.ts";

export interface GameSessionPlan {
  sessionId: string;
  gameVersion: string;
  events: GameBatchEvent[];
  endMs: number;
}

/**
 * One mission of seed 003, as a game server reports it for a student: tasks started and
 * completed, failures with retries and recoveries, choices, distractions and social moments,
 * so each of the eight behavioural features has something to measure.
 */
export function planGameSession(random: SeededRandom, studentId: string, startMs: number, gameVersion: string): GameSessionPlan {
  const sessionId = randomUUID();
  const mission = random.pick(missions);
  const events: GameBatchEvent[] = [];
  let clockMs = startMs;
  const wait = (seconds: number) => {
    clockMs += seconds * 1000;
  };
  // Each member of the GameBatchEvent union pairs an event_type with its data; the helper keeps that pairing.
  const add = <E extends GameBatchEvent>(eventType: E["event_type"], data: E["data"]) => {
    events.push({
      event_id: randomUUID(),
      student_id: studentId,
      session_id: sessionId,
      event_type: eventType,
      timestamp: new Date(clockMs).toISOString(),
      data,
      mission_id: mission.id,
      game_version: gameVersion,
    } as GameBatchEvent);
  };

  add("mission_start", { mission: mission.name, difficulty: random.pick(["easy", "medium", "hard"] as const) });
  const tasks = random.int(2, 4);
  let completed = 0;
  for (let t = 1; t <= tasks; t += 1) {
    const taskId = `${mission.id}-task-${t}`;
    const expected = random.int(60, 240);
    wait(random.int(5, 30));
    add("task_start", { task_id: taskId, expected_duration_seconds: expected });
    if (random.chance(0.35)) {
      wait(random.int(20, 90));
      add("failure", { task_id: taskId, reason: random.pick(failureReasons) });
      if (random.chance(0.5)) add("mistake", { task_id: taskId });
      wait(random.int(3, 15));
      add(random.chance(0.8) ? "retry" : "restart", { task_id: taskId });
      if (random.chance(0.7)) {
        wait(random.int(20, 90));
        add("recovery", { task_id: taskId });
        add("success_after_failure", { task_id: taskId });
      }
    }
    if (random.chance(0.6)) add("choice_made", { choice: random.pick(storyChoices) });
    if (random.chance(0.3)) add("decision_made", { decision: random.pick(decisions) });
    if (random.chance(0.25)) {
      const seconds = random.int(10, 120);
      add(random.chance(0.6) ? "distraction" : "pause", { duration_seconds: seconds });
      wait(seconds);
    }
    if (random.chance(0.3)) add(random.pick(["collaboration", "help_given", "help_received"] as const), { peer_count: random.int(1, 4) });
    if (random.chance(0.15)) add(random.chance(0.5) ? "leadership" : "initiative", {});
    if (random.chance(0.85)) {
      const duration = Math.round(expected * (0.5 + random.next()));
      wait(duration);
      add("task_complete", { task_id: taskId, duration_seconds: duration });
      completed += 1;
    }
  }
  wait(random.int(5, 20));
  add("mission_complete", {
    outcome: completed === tasks ? "success" : completed === 0 ? "failure" : "abandoned",
    score: completed * 250 + random.int(0, 200),
  });
  return { sessionId, gameVersion, events, endMs: clockMs };
}

/**
 * The same mission moved in time: its events' timestamps shifted by `byMs`. Used to place a
 * mission so it ends just before the game server reports it, and to apply the game server's
 * clock error to the timestamps it writes.
 */
export function shiftGameSession(plan: GameSessionPlan, byMs: number): GameSessionPlan {
  const events = plan.events.map((event) => ({ ...event, timestamp: new Date(Date.parse(event.timestamp) + byMs).toISOString() }));
  return { ...plan, events, endMs: plan.endMs + byMs };
}
