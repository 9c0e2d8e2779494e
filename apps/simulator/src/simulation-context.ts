import type { ChronicleClient } from "@chronicle/client";
import type { SeededRandom } from "@chronicle/api/testing/seeded-random.ts";
import type { StudyCatalog } from "./study-catalog.ts";
import type { TrafficTally } from "./traffic-tally.ts";

/** One simulated learner: an id, a signed-in client, and habits drawn from the seed. */
export interface SimulatedLearner {
  userId: string;
  client: ChronicleClient;
  random: SeededRandom;
  /** Chance of answering a practice question right. */
  skill: number;
  device: "web" | "mobile" | "tablet";
  /** UTC hour the learner usually starts studying. */
  startHour: number;
  /** The learner's offline-sync session (seed 001), one per learner. */
  syncSessionId: string;
  /** The device's clock error (see device-clock.ts): client_ts is the true time plus this. */
  clockSkewMs: number;
}

/** What every learner's day shares: the game server's client, the library, the tally. */
export interface SimulationContext {
  service: ChronicleClient;
  catalog: StudyCatalog;
  badRate: number;
  tally: TrafficTally;
  /** Exam sessions created so far: bad events borrow another learner's as a "foreign session". */
  examSessions: { sessionId: string; userId: string }[];
  /** Midnight UTC of simulated day `day` (0-based), in ms. */
  dayStartMs(day: number): number;
  /** The game server's clock error. */
  gameServerClockSkewMs: number;
  /** True time now, in ms: what the server stamps as event_ts, and what device clocks are off from. */
  trueNowMs(): number;
}
