import type { GameBatchEvent } from "@chronicle/contracts";
import { randomUUID } from "node:crypto";
import { makeBadGameEvent } from "./bad-events.ts";
import { planGameSession, shiftGameSession } from "./game-session-events.ts";
import type { SimulatedLearner, SimulationContext } from "./simulation-context.ts";
import { gameVersions } from "./traffic-vocabulary.ts";
import { countEventStatus } from "./traffic-tally.ts";

const GAME_RESEND_RATE = 0.05;

/**
 * A mission played by the learner, reported by the game server with its service token in one
 * seed-003 batch (sometimes delivered twice), then closed so its features are extracted.
 * Returns the end of the mission on the simulated day's clock.
 */
export async function simulateGame(ctx: SimulationContext, learner: SimulatedLearner, startMs: number): Promise<number> {
  const { random } = learner;
  const played = planGameSession(random, learner.userId, startMs, random.pick(gameVersions));
  // The mission really ended moments ago, and the game server's clock stamps it.
  const endedMs = ctx.trueNowMs() - random.int(500, 5000);
  const plan = shiftGameSession(played, endedMs - played.endMs + ctx.gameServerClockSkewMs);
  const events: unknown[] = [];
  for (const event of plan.events) {
    events.push(event);
    if (random.chance(ctx.badRate)) events.push(makeBadGameEvent(random, learner.userId, plan.sessionId, Date.parse(event.timestamp)));
  }
  const batch = { batch_id: `game-${randomUUID()}`, client_version: plan.gameVersion, events: events as GameBatchEvent[] };
  const sends = random.chance(GAME_RESEND_RATE) ? 2 : 1;
  for (let attempt = 0; attempt < sends; attempt += 1) {
    const answer = await ctx.service.telemetry.ingestGameBatch.mutate(batch);
    for (const result of answer.results) countEventStatus(ctx.tally, "game", result.status);
  }
  await ctx.service.game.closeSession.mutate({ sessionId: plan.sessionId });
  ctx.tally.calls.gameSessionsClosed += 1;
  return played.endMs;
}
