import type { AdminLearnerOutput } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { utcIso } from "../projections/sql-utc-iso.ts";

type Performance = AdminLearnerOutput["performance"];

export const PERFORMANCE_SCORES = 20;
const TREND_WINDOW = 5;
/** A change of the mean by at most this many points is "flat". */
const TREND_DEAD_BAND = 2;

const mean = (values: readonly number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100);

/** Recent mean (last 5) against the previous 5, from scores oldest first. */
export function scoreTrend(scores: readonly number[]): Performance["trend"] {
  const recent = scores.slice(-TREND_WINDOW);
  const previous = scores.slice(-2 * TREND_WINDOW, -TREND_WINDOW);
  const recentMean = mean(recent);
  const previousMean = previous.length === 0 ? null : mean(previous);
  if (recentMean === null || previousMean === null) return { recentMean, previousMean, direction: null };
  const change = recentMean - previousMean;
  return { recentMean, previousMean, direction: change > TREND_DEAD_BAND ? "up" : change < -TREND_DEAD_BAND ? "down" : "flat" };
}

/** A learner's weak areas and score series (learner-performance's tables, by primary key and (user_id, scored_at)). */
export async function readLearnerPerformance(executor: Executor, userId: string): Promise<Performance> {
  const user = sql`${userId}::uuid`;
  const [weakAreas, latest] = await Promise.all([
    rowsOf<Performance["weakAreas"][number]>(
      executor,
      sql`select area, mentions, ${utcIso(sql`last_seen_at`)} as "lastSeenAt" from learner_weak_areas
           where user_id = ${user} order by mentions desc, last_seen_at desc, area`,
    ),
    rowsOf<Performance["scores"][number]>(
      executor,
      sql`select kind, item_id as "itemId", score::float8 as score, ${utcIso(sql`scored_at`)} as at from learner_scores
           where user_id = ${user} order by scored_at desc, event_id limit ${PERFORMANCE_SCORES}`,
    ),
  ]);
  const scores = latest.reverse().map((row) => ({ ...row, score: Number(row.score) }));
  return { weakAreas, scores, trend: scoreTrend(scores.map((s) => s.score)) };
}
