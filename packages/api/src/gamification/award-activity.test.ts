import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { awardActivity, emptyProgress, type Activity, type AwardedEvent, type Progress } from "./award-activity.ts";

const userId = randomUUID();
const sessionId = randomUUID();
const at = "2025-03-10T12:00:00.000000Z";

function run(activities: Activity[], start: Progress = emptyProgress()): { progress: Progress; events: AwardedEvent[] } {
  let progress = start;
  const events: AwardedEvent[] = [];
  for (const activity of activities) {
    const result = awardActivity(progress, activity);
    progress = result.progress;
    events.push(...result.events);
  }
  return { progress, events };
}

const answered = (isCorrect: boolean, isFirstAttempt: boolean): Activity => ({
  sourceEventId: randomUUID(),
  userId,
  sessionId,
  at,
  kind: "question_answered",
  isCorrect,
  isFirstAttempt,
});

describe("awardActivity", () => {
  it("awards hand-computed XP and unlocks each achievement once", () => {
    const { progress, events } = run([
      answered(true, true), // 10 + 5 bonus, then first_question +10
      answered(true, false), // 10
      answered(false, true), // 0
      { sourceEventId: randomUUID(), userId, sessionId, at, kind: "material_completed", isFirstCompletion: true }, // 20, first_material_complete +10
      { sourceEventId: randomUUID(), userId, sessionId, at, kind: "material_completed", isFirstCompletion: false }, // 0
      { sourceEventId: randomUUID(), userId, sessionId, at, kind: "quiz_completed", correctAnswers: 8, totalQuestions: 10 }, // 30, first_quiz_complete +10
      answered(true, true), // 15
    ]);
    const xp = events.filter((e) => e.type === "xp_earned").map((e) => e.payload as { xp_amount: number; new_total_xp: number });
    expect(xp.map((p) => p.xp_amount)).toEqual([15, 10, 10, 20, 10, 30, 10, 15]);
    expect(xp.at(-1)!.new_total_xp).toBe(120);
    expect(progress).toMatchObject({ totalXp: 120, level: 2, questionsAnswered: 4, questionsCorrect: 3, materialsCompleted: 1, quizzesCompleted: 1 });
    expect(progress.achievements).toEqual(["first_question", "first_material_complete", "first_quiz_complete"]);
    expect(events.filter((e) => e.type === "level_up").map((e) => e.payload)).toEqual([{ old_level: 1, new_level: 2, total_xp: 105 }]);
  });

  it("scores an exam per correct answer plus the session bonus, and a perfect one earns perfect_quiz", () => {
    const { progress } = run([
      { sourceEventId: randomUUID(), userId, sessionId, at, kind: "exam_submitted", questionCount: 5, answered: 5, correct: 5 },
    ]);
    // 5 × 10 + 20, then first_question 10, first_quiz_complete 10, perfect_quiz 50.
    expect(progress.totalXp).toBe(140);
    expect(progress.achievements).toEqual(["first_question", "first_quiz_complete", "perfect_quiz"]);
  });

  it("gives nothing for an exam left without answers", () => {
    const { progress, events } = run([
      { sourceEventId: randomUUID(), userId, sessionId, at, kind: "exam_submitted", questionCount: 5, answered: 0, correct: 0 },
    ]);
    expect(events).toEqual([]);
    expect(progress).toEqual(emptyProgress());
  });

  it("chains an achievement's reward into a level-up and the level achievement", () => {
    const start: Progress = { ...emptyProgress(), totalXp: 990, level: 4, questionsCorrect: 99, questionsAnswered: 99, achievements: ["first_question"] };
    const { progress, events } = run([answered(true, false)], start);
    // 990 + 10 = 1000 → level 5 → level_5 +100; questions_100 +100 → 1200.
    expect(events.filter((e) => e.type === "achievement_unlocked").map((e) => (e.payload as { achievement_id: string }).achievement_id)).toEqual([
      "questions_100",
      "level_5",
    ]);
    expect(progress).toMatchObject({ totalXp: 1200, level: 5 });
  });

  it("derives the same ids from the same activity, so a replay appends nothing", () => {
    const activity = answered(true, true);
    expect(awardActivity(emptyProgress(), activity).events).toEqual(awardActivity(emptyProgress(), activity).events);
  });
});
