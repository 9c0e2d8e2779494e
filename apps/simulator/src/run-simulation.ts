import { createChronicleClient } from "@chronicle/client";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { DevTokenRequest } from "@chronicle/api/auth/sign-dev-token.ts";
import { seededRandom } from "@chronicle/api/testing/seeded-random.ts";
import { drawDeviceClockSkews, drawServerClockSkew } from "./device-clock.ts";
import type { SimulateOptions } from "./simulate-options.ts";
import { simulateLearnerDay } from "./simulate-learner-day.ts";
import type { SimulatedLearner, SimulationContext } from "./simulation-context.ts";
import { createStudyCatalog } from "./study-catalog.ts";
import { createTrafficTally, totalEvents, type TrafficTally } from "./traffic-tally.ts";

const DAY_MS = 86_400_000;

export interface RunSimulationDeps {
  /** Signs a development token; the server must verify it with the same secret. */
  signToken(request: DevTokenRequest): Promise<string>;
  now?: () => Date;
  /** Called after each simulated learner-day, with how many of learners × days are done and the events sent so far. */
  onProgress?: (done: number, total: number, eventsSent: number) => void;
}

export interface SimulationSummary {
  learners: number;
  days: number;
  learnerIds: string[];
  tally: TrafficTally;
  wallMs: number;
  eventsPerSecond: number;
}

async function makeLearner(options: SimulateOptions, deps: RunSimulationDeps, index: number, clockSkewMs: number): Promise<SimulatedLearner> {
  const userId = randomUUID();
  const token = await deps.signToken({ role: "learner", sub: userId });
  // One generator per learner: the traffic's shape does not depend on how learners interleave.
  const random = seededRandom(options.seed * 1_000_003 + index);
  return {
    userId,
    client: createChronicleClient({ url: options.url, token }),
    random,
    skill: 0.35 + random.next() * 0.55,
    device: random.pick(["web", "web", "mobile", "tablet"] as const),
    startHour: random.int(6, 20),
    syncSessionId: randomUUID(),
    clockSkewMs,
  };
}

/**
 * Drives a running server over HTTP with the typed client, as an external TypeScript service
 * would: `learners` learners live `days` days each, `concurrency` of them at a time. Time is
 * compressed, clocks are not: a learner's days are played now, and each event's client_ts is
 * the device's reading of when it was really recorded (seconds before it is sent), a couple of
 * seconds off and on a few devices minutes off, so ingestion health sees a believable fleet.
 */
export async function runSimulation(options: SimulateOptions, deps: RunSimulationDeps): Promise<SimulationSummary> {
  const started = performance.now();
  const now = deps.now?.() ?? new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const serviceToken = await deps.signToken({ role: "service", sub: randomUUID(), scope: "events:game" });
  // Clocks come from their own generator, so they do not change the seed's traffic.
  const clocks = seededRandom(options.seed * 7919 + 2);
  const gameServerClockSkewMs = drawServerClockSkew(clocks);
  const clockSkews = drawDeviceClockSkews(clocks, options.learners);
  const learners = await Promise.all(Array.from({ length: options.learners }, (_, i) => makeLearner(options, deps, i, clockSkews[i]!)));
  const topics = await learners[0]!.client.sessions.topics.query();
  if (topics.length === 0) throw new Error("The server's question bank is empty; load it with `chronicle seed` and run again.");

  const tally = createTrafficTally();
  const ctx: SimulationContext = {
    service: createChronicleClient({ url: options.url, token: serviceToken }),
    catalog: createStudyCatalog(topics.map((t) => ({ id: t.id, name: t.name }))),
    badRate: options.badRate,
    tally,
    examSessions: [],
    dayStartMs: (day) => today - (options.days - day) * DAY_MS,
    gameServerClockSkewMs,
    trueNowMs: () => Date.now(),
  };

  let next = 0;
  let daysDone = 0;
  const totalDays = learners.length * options.days;
  const worker = async () => {
    while (next < learners.length) {
      const learner = learners[next++]!;
      for (let day = 0; day < options.days; day += 1) {
        await simulateLearnerDay(ctx, learner, day);
        daysDone += 1;
        deps.onProgress?.(daysDone, totalDays, totalEvents(tally));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, learners.length) }, worker));

  const wallMs = performance.now() - started;
  return {
    learners: options.learners,
    days: options.days,
    learnerIds: learners.map((l) => l.userId),
    tally,
    wallMs,
    eventsPerSecond: totalEvents(tally) / (wallMs / 1000),
  };
}
