import type { EventPayload } from "@chronicle/contracts";
import { dailyUserStats, questionAttempts, topicDailyStats, topicMastery, weeklyUserStats, type Transaction } from "@chronicle/db";
import { examAnswerAttempt } from "../study/exam-answer-attempt.ts";
import type { AttemptFacts } from "../study/question-attempt.ts";
import { studySubmitAttempt } from "../study/study-submit-attempt.ts";
import { addAttemptStats } from "./attempt-stats.ts";
import { examAnswersAtSubmit } from "./exam-answers-at-submit.ts";
import { submitsExplainedBefore } from "./explanations-before.ts";
import type { LoggedEvent, Projection } from "./projection.ts";
import { recordAttempts } from "./record-attempts.ts";
import { foldIntoTopicMastery } from "./topic-mastery.ts";

/** The batch's attempts in log order: each study submit, then each exam submit's answers by position. */
async function attemptsOf(tx: Transaction, events: readonly LoggedEvent[]): Promise<AttemptFacts[]> {
  const studySubmits = events.filter((e) => e.eventType === "question_submit");
  const examSubmits = events.filter((e) => e.eventType === "SESSION_SUBMITTED");
  const explained = await submitsExplainedBefore(tx, studySubmits);
  const examAnswers = await examAnswersAtSubmit(tx, examSubmits);
  return events.flatMap((event): AttemptFacts[] => {
    if (event.eventType === "question_submit") {
      const payload = event.payload as EventPayload<"question_submit">;
      return [studySubmitAttempt({ ...event, payload }, explained.has(event.id))];
    }
    return (examAnswers.get(event.id) ?? []).map(examAnswerAttempt);
  });
}

/**
 * question_attempts from study question_submit and exam SESSION_SUBMITTED, and what derives
 * from them: topic_daily_stats' attempt columns, the learner's daily/weekly question counts
 * and topic_mastery. Those are computed from the attempts this apply just recorded, in the
 * same transaction, so no projection reads another's table.
 */
export const questionAttemptsProjection: Projection = {
  name: "question-attempts",
  eventTypes: ["question_submit", "SESSION_SUBMITTED"],
  tables: [questionAttempts, topicMastery, topicDailyStats, dailyUserStats, weeklyUserStats],
  async apply(tx: Transaction, events) {
    const recorded = await recordAttempts(tx, await attemptsOf(tx, events));
    await addAttemptStats(tx, recorded);
    await foldIntoTopicMastery(tx, recorded);
  },
};
