import { learners } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gamificationSessionId } from "../../gamification/gamification-session.ts";
import { eventsOf, movableClock, settleUntilStable } from "../../gamification/testing/gamification-fixtures.ts";
import { createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";

describe.each(databaseTargets())("gamification.checkin and gamification.profile on %s", (driver) => {
  const clock = movableClock("2025-01-01T12:00:00Z");
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
  const streakEvents = async (userId: string) =>
    (await eventsOf(server.db, userId, ["streak_continued", "streak_broken"])).map((e) => [e.event_type, e.payload]);

  it("counts 23:59:59 UTC and 00:00:01 UTC the next day as two days: streak 2", async () => {
    const learner = makeLearner();
    expect(await checkinAt(learner, "2025-01-01T23:59:59Z")).toEqual({
      isNewCheckin: true,
      checkinDay: "2025-01-01",
      currentStreak: 1,
      longestStreak: 1,
      isNewRecord: true,
    });
    expect(await checkinAt(learner, "2025-01-02T00:00:01Z")).toMatchObject({ isNewCheckin: true, checkinDay: "2025-01-02", currentStreak: 2 });
    await settleUntilStable(server);

    // Streak XP: 5 × 1 + 5 × 2.
    expect(await server.learner(learner).gamification.profile()).toEqual({
      totalXp: 15,
      level: 1,
      xpToNextLevel: 85,
      currentStreak: 2,
      longestStreak: 2,
      lastCheckinDay: "2025-01-02",
      achievements: [],
      watermark: { logPosition: expect.stringMatching(/^\d+:\d+$/), consistentThrough: expect.any(String) },
    });
  });

  it("is idempotent within a UTC day: the second check-in stores nothing and returns the streak", async () => {
    const learner = makeLearner();
    await checkinAt(learner, "2025-01-05T00:00:00Z");
    expect(await checkinAt(learner, "2025-01-05T23:59:59Z")).toEqual({
      isNewCheckin: false,
      checkinDay: "2025-01-05",
      currentStreak: 1,
      longestStreak: 1,
      isNewRecord: false,
    });
    expect(await streakEvents(learner)).toEqual([["streak_continued", { old_streak: 0, new_streak: 1, is_new_record: true }]]);
  });

  it("restarts at 1 after a missed day, reporting streak_broken inline when the job has not yet", async () => {
    const learner = makeLearner();
    await checkinAt(learner, "2025-02-01T08:00:00Z");
    await checkinAt(learner, "2025-02-02T08:00:00Z");
    expect(await checkinAt(learner, "2025-02-04T08:00:00Z")).toMatchObject({ currentStreak: 1, longestStreak: 2, isNewRecord: false });
    expect(await streakEvents(learner)).toEqual([
      ["streak_continued", { old_streak: 0, new_streak: 1, is_new_record: true }],
      ["streak_continued", { old_streak: 1, new_streak: 2, is_new_record: true }],
      ["streak_broken", { old_streak: 2, new_streak: 0, is_new_record: false }],
      ["streak_continued", { old_streak: 0, new_streak: 1, is_new_record: false }],
    ]);
    await settleUntilStable(server);
    expect(await server.learner(learner).gamification.profile()).toMatchObject({ currentStreak: 1, longestStreak: 2, lastCheckinDay: "2025-02-04" });
  });

  it("unlocks streak_3 and streak_7 once over a seven-day streak (5 XP per streak day)", async () => {
    const learner = makeLearner();
    for (let day = 1; day <= 7; day += 1) await checkinAt(learner, `2025-03-0${day}T10:00:00Z`);
    await checkinAt(learner, "2025-03-07T18:00:00Z");
    await settleUntilStable(server);

    const profile = await server.learner(learner).gamification.profile();
    // 5 + 10 + 15 + 20 + 25 + 30 + 35 = 140, streak_3 +15, streak_7 +50.
    expect(profile).toMatchObject({ totalXp: 205, level: 2, currentStreak: 7, longestStreak: 7 });
    expect(profile.achievements).toEqual([
      { id: "streak_3", name: "Three-day streak", type: "streak", xpReward: 15 },
      { id: "streak_7", name: "Seven-day streak", type: "streak", xpReward: 50 },
    ]);
  });

  it("counts the UTC day, not the learner's local day, for learners in Tokyo and Los Angeles", async () => {
    const tokyo = makeLearner();
    const losAngeles = makeLearner();
    await server.db.orm.insert(learners).values([
      { id: tokyo, timezone: "Asia/Tokyo" },
      { id: losAngeles, timezone: "America/Los_Angeles" },
    ]);

    // Tokyo (UTC+9): 07:30 and 22:00 on local 10 March are 9 and 10 March in UTC, so one local day makes a streak of 2.
    expect(await checkinAt(tokyo, "2025-03-10T07:30:00+09:00")).toMatchObject({ checkinDay: "2025-03-09", currentStreak: 1 });
    expect(await checkinAt(tokyo, "2025-03-10T22:00:00+09:00")).toMatchObject({ checkinDay: "2025-03-10", currentStreak: 2 });

    // Los Angeles (UTC−8 in January): 23:30 on local 15 January and 06:00 on local 16 January are both 16 January in UTC.
    expect(await checkinAt(losAngeles, "2025-01-15T23:30:00-08:00")).toMatchObject({ isNewCheckin: true, checkinDay: "2025-01-16", currentStreak: 1 });
    expect(await checkinAt(losAngeles, "2025-01-16T06:00:00-08:00")).toMatchObject({ isNewCheckin: false, checkinDay: "2025-01-16", currentStreak: 1 });
    // 16:30 local on 16 January is 00:30 UTC on the 17th: the next check-in day.
    expect(await checkinAt(losAngeles, "2025-01-16T16:30:00-08:00")).toMatchObject({ isNewCheckin: true, checkinDay: "2025-01-17", currentStreak: 2 });
  });

  it("logs check-ins in the learner's own gamification session", async () => {
    const learner = makeLearner();
    await checkinAt(learner, "2025-04-01T09:00:00Z");
    const [event] = await eventsOf(server.db, learner, ["streak_continued"]);
    expect(event!.session_id).toBe(gamificationSessionId(learner));
  });

  it("shows a newcomer level 1 with nothing earned", async () => {
    expect(await server.learner(makeLearner()).gamification.profile()).toEqual({
      totalXp: 0,
      level: 1,
      xpToNextLevel: 100,
      currentStreak: 0,
      longestStreak: 0,
      lastCheckinDay: null,
      achievements: [],
      watermark: expect.objectContaining({ logPosition: expect.stringMatching(/^\d+:\d+$/) }),
    });
  });

  it("is for learners only", async () => {
    await expect(server.service(makeLearner()).gamification.checkin()).rejects.toBeInstanceOf(TRPCError);
    await expect(server.anonymous().gamification.profile()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
