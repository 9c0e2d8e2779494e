import { randomUUID } from "node:crypto";
import { sendClientEvents } from "./send-client-events.ts";
import { createSessionEventLog } from "./session-event-log.ts";
import { simulateCounters } from "./simulate-counters.ts";
import { simulateExam } from "./simulate-exam.ts";
import { simulateGame } from "./simulate-game.ts";
import { simulateSync } from "./simulate-sync.ts";
import type { SimulatedLearner, SimulationContext } from "./simulation-context.ts";
import { recordStudySession } from "./study-session-events.ts";
import { recordFailedCall } from "./traffic-tally.ts";

const HOUR_MS = 3_600_000;

/** Runs one activity; a failed call is counted and the learner's day goes on, as it would in an app. */
async function attempt(ctx: SimulationContext, what: string, activity: () => Promise<unknown>): Promise<void> {
  try {
    await activity();
  } catch (error) {
    recordFailedCall(ctx.tally, what, error);
  }
}

/**
 * One learner's day: the check-in, usually a test, a study session, a mission in the game,
 * the suggestion tray and the offline sync. The day's clock orders and spaces its activities;
 * client_ts is stamped at sending (see runSimulation) and the server stamps event_ts on receipt.
 */
export async function simulateLearnerDay(ctx: SimulationContext, learner: SimulatedLearner, day: number): Promise<void> {
  const { random, client } = learner;
  let clockMs = ctx.dayStartMs(day) + learner.startHour * HOUR_MS + random.int(0, 50) * 60_000;
  const later = (minutes: number) => (clockMs += minutes * 60_000);

  await attempt(ctx, "gamification.checkin", async () => {
    await client.gamification.checkin.mutate();
    ctx.tally.calls.checkins += 1;
  });
  if (random.chance(0.8)) {
    await attempt(ctx, "exam session", async () => (clockMs = await simulateExam(ctx, learner, clockMs)));
    later(random.int(5, 60));
  }
  if (random.chance(0.9)) {
    await attempt(ctx, "study session", async () => {
      const log = createSessionEventLog(randomUUID(), clockMs);
      recordStudySession(random, log, ctx.catalog, learner);
      await sendClientEvents(ctx, learner, "study", log.events);
      ctx.tally.calls.studySessions += 1;
      clockMs = log.nowMs;
    });
    later(random.int(10, 120));
  }
  if (random.chance(0.6)) {
    await attempt(ctx, "game session", async () => (clockMs = await simulateGame(ctx, learner, clockMs)));
    later(random.int(5, 30));
  }
  if (random.chance(0.7)) await attempt(ctx, "counters.ingest", () => simulateCounters(ctx, learner));
  if (random.chance(0.5)) await attempt(ctx, "sync.batch", () => simulateSync(ctx, learner, day));
}
