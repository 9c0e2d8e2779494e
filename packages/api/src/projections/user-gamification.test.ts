import { userGamification } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitServerEvents, type ServerEvent } from "../emit/emit-server-events.ts";
import { gamificationSessionId } from "../gamification/gamification-session.ts";
import { catchUpFully } from "../gamification/testing/gamification-fixtures.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { rebuildAggregates } from "./rebuild-aggregates.ts";
import { catchUp } from "./run-projection.ts";
import { userGamificationProjection } from "./user-gamification.ts";

describe.each(databaseTargets())("user-gamification projection on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  const rowOf = async (userId: string) => (await server.db.orm.select().from(userGamification).where(eq(userGamification.userId, userId)))[0];

  it("folds XP, levels, streaks and achievements from the log, batch after batch, and equals a rebuild", async () => {
    const learner = makeLearner();
    const sessionId = gamificationSessionId(learner);
    const event = <T extends ServerEvent["type"]>(type: T, payload: ServerEvent<T>["payload"]): ServerEvent => ({ type, sessionId, userId: learner, payload });
    const emitAt = (iso: string, events: ServerEvent[]) => emitServerEvents(server.db.orm, events, new Date(iso));

    await emitAt("2025-08-01T23:59:59Z", [
      event("streak_continued", { old_streak: 0, new_streak: 1, is_new_record: true }),
      event("xp_earned", { xp_amount: 60, xp_source: "question_correct", new_total_xp: 60 }),
      event("achievement_unlocked", { achievement_id: "first_question", achievement_name: "First question answered", achievement_type: "milestone", xp_reward: 10 }),
    ]);
    // Two events per pass, so one learner's changes span several batches.
    await catchUp(server.db, userGamificationProjection, 2);
    await emitAt("2025-08-02T00:00:01Z", [
      event("streak_continued", { old_streak: 1, new_streak: 2, is_new_record: true }),
      event("xp_earned", { xp_amount: 50, xp_source: "streak", new_total_xp: 110 }),
      event("level_up", { old_level: 1, new_level: 2, total_xp: 110 }),
    ]);
    await catchUpFully(server.db, [userGamificationProjection]);
    expect(await rowOf(learner)).toEqual({
      userId: learner,
      totalXp: 110,
      level: 2,
      currentStreak: 2,
      longestStreak: 2,
      lastCheckinDay: "2025-08-02",
      achievements: ["first_question"],
    });

    // A break keeps the last check-in day and the record; the last streak event of a batch wins.
    await emitAt("2025-08-05T00:00:30Z", [
      event("streak_broken", { old_streak: 2, new_streak: 0, is_new_record: false }),
      event("achievement_unlocked", { achievement_id: "first_quiz_complete", achievement_name: "First quiz finished", achievement_type: "milestone", xp_reward: 10 }),
    ]);
    await catchUpFully(server.db, [userGamificationProjection]);
    const incremental = await rowOf(learner);
    expect(incremental).toMatchObject({ currentStreak: 0, longestStreak: 2, lastCheckinDay: "2025-08-02", achievements: ["first_question", "first_quiz_complete"] });

    await rebuildAggregates(server.db, [userGamificationProjection]);
    await catchUpFully(server.db, [userGamificationProjection]);
    expect(await rowOf(learner)).toEqual(incremental);
  });
});
