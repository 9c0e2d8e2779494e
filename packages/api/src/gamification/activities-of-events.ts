import type { EventPayloadInput } from "@chronicle/contracts";
import type { Executor } from "@chronicle/db";
import type { LoggedEvent } from "../projections/projection.ts";
import type { Activity } from "./award-activity.ts";
import { scoreSubmittedExams } from "./score-submitted-exams.ts";
import { gamificationSessionId } from "./gamification-session.ts";
import { findRepeatMaterialCompletions } from "./repeat-material-completions.ts";
import { findRepeatQuestionAttempts } from "./repeat-question-attempts.ts";

/** The event types that can earn XP. */
export const xpSourceEventTypes = ["question_submit", "material_complete", "quiz_complete", "SESSION_SUBMITTED", "streak_continued"] as const;

/**
 * Turns a batch of logged events into activities, in log order. The lookups they need
 * (exam scores, earlier completions) read only the log before each event and the
 * question bank, and run as one query each for the whole batch.
 */
export async function activitiesOf(executor: Executor, events: readonly LoggedEvent[]): Promise<Activity[]> {
  const examScores = await scoreSubmittedExams(executor, events.filter((e) => e.eventType === "SESSION_SUBMITTED"));
  const repeatCompletions = await findRepeatMaterialCompletions(executor, events.filter((e) => e.eventType === "material_complete"));
  const repeatAttempts = await findRepeatQuestionAttempts(executor, events.filter((e) => e.eventType === "question_submit"));

  const activities: Activity[] = [];
  for (const event of events) {
    const base = { sourceEventId: event.id, userId: event.userId, sessionId: event.sessionId, at: event.eventTs };
    switch (event.eventType) {
      case "question_submit": {
        const payload = event.payload as EventPayloadInput<"question_submit">;
        // The log numbers attempts (as question_attempts does); the payload's is_first_attempt is ignored.
        activities.push({ ...base, kind: "question_answered", isCorrect: payload.is_correct, isFirstAttempt: !repeatAttempts.has(event.id) });
        break;
      }
      case "material_complete":
        activities.push({ ...base, kind: "material_completed", isFirstCompletion: !repeatCompletions.has(event.id) });
        break;
      case "quiz_complete": {
        const payload = event.payload as EventPayloadInput<"quiz_complete">;
        activities.push({ ...base, kind: "quiz_completed", correctAnswers: payload.correct_answers, totalQuestions: payload.total_questions });
        break;
      }
      case "SESSION_SUBMITTED": {
        const score = examScores.get(event.id);
        if (!score?.isFirstSubmission) break;
        // XP is a study event: it goes to the learner's gamification session, not into the exam session's stream.
        const { questionCount, answered, correct } = score;
        activities.push({ ...base, sessionId: gamificationSessionId(event.userId), kind: "exam_submitted", questionCount, answered, correct });
        break;
      }
      case "streak_continued": {
        const payload = event.payload as EventPayloadInput<"streak_continued">;
        activities.push({ ...base, kind: "streak_continued", newStreak: payload.new_streak });
        break;
      }
    }
  }
  return activities;
}
