import { userGamification } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitServerEvents } from "../emit/emit-server-events.ts";
import { streakContinuedEvent } from "../gamification/streak-events.ts";
import { eventsOf, movableClock, settleUntilStable } from "../gamification/testing/gamification-fixtures.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { detectBrokenStreaksJob } from "./detect-broken-streaks.ts";

describe.each(databaseTargets())("detect-broken-streaks on %s", (driver) => {
  const clock = movableClock("2025-05-01T12:00:00Z");
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  const checkinAt = (userId: string, iso: string) => {
    clock.set(iso);
    return server.learner(userId).gamification.checkin();
  };
  const runJobAt = (iso: string) => detectBrokenStreaksJob.run(server.deps, clock.set(iso));
  const brokenEvents = async (userId: string) => (await eventsOf(server.db, userId, ["streak_broken"])).map((e) => e.payload);

  it("breaks a streak once after a whole missed UTC day, however often it runs", async () => {
    const learner = makeLearner();
    await checkinAt(learner, "2025-05-01T09:00:00Z");
    await checkinAt(learner, "2025-05-02T23:59:59Z");
    await settleUntilStable(server);

    // 3 May is still open for a check-in: nothing is broken yet.
    await runJobAt("2025-05-03T23:59:00Z");
    expect(await brokenEvents(learner)).toEqual([]);

    await runJobAt("2025-05-04T00:00:30Z");
    await runJobAt("2025-05-04T00:01:30Z");
    expect(await brokenEvents(learner)).toEqual([{ old_streak: 2, new_streak: 0, is_new_record: false }]);
    await settleUntilStable(server);
    await runJobAt("2025-05-05T00:00:30Z");
    expect(await brokenEvents(learner)).toHaveLength(1);
    expect(await server.learner(learner).gamification.profile()).toMatchObject({ currentStreak: 0, longestStreak: 2, lastCheckinDay: "2025-05-02" });

    // The next check-in starts a new streak and does not report the break a second time.
    expect(await checkinAt(learner, "2025-05-05T08:00:00Z")).toMatchObject({ currentStreak: 1, longestStreak: 2, isNewRecord: false });
    expect(await brokenEvents(learner)).toHaveLength(1);
  });

  it("decides on the log, not on a user_gamification that has not caught up", async () => {
    const learner = makeLearner();
    await checkinAt(learner, "2025-06-01T10:00:00Z");
    await settleUntilStable(server);
    // A check-in on 2 June that no projection pass has seen yet.
    await emitServerEvents(server.db.orm, [streakContinuedEvent(learner, "2025-06-02", 1, 1)], new Date("2025-06-02T23:59:59Z"));
    const [stale] = await server.db.orm.select().from(userGamification).where(eq(userGamification.userId, learner));
    expect(stale).toMatchObject({ lastCheckinDay: "2025-06-01", currentStreak: 1 });

    await runJobAt("2025-06-03T00:00:01Z");
    expect(await brokenEvents(learner)).toEqual([]);
  });

  it("never breaks the same streak twice, whether the break was found inline or by the job", async () => {
    const learner = makeLearner();
    await checkinAt(learner, "2025-07-01T10:00:00Z");
    await checkinAt(learner, "2025-07-04T10:00:00Z");
    await settleUntilStable(server);
    await runJobAt("2025-07-10T00:00:30Z");
    await settleUntilStable(server);
    await runJobAt("2025-07-11T00:00:30Z");
    // One break inline on 4 July, one by the job for the streak of 4 July.
    expect(await brokenEvents(learner)).toEqual([
      { old_streak: 1, new_streak: 0, is_new_record: false },
      { old_streak: 1, new_streak: 0, is_new_record: false },
    ]);
  });
});
