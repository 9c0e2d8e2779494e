import type { SessionReview, SyncItem } from "@chronicle/contracts";

/** A sync item and how urgently it goes: the sync client sends higher priorities first. */
export interface QueuedItem {
  item: SyncItem;
  priority: number;
}

/** The test's score matters most, then that the test is done, then the per-topic figures. */
export const ASSESSMENT_PRIORITY = 2;
export const TEST_PROGRESS_PRIORITY = 1;
export const TOPIC_PROGRESS_PRIORITY = 0;

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100);

/**
 * Seed 001's progress for one finished test: an assessment item with the score and answers, a
 * `quiz` progress item (how much of the test was answered) and a `topic` progress item per
 * topic (its share correct in this test). Every item is stamped with the submit time, so a
 * resend is a duplicate to the server and an older test never overwrites a newer one's topic.
 */
export function progressItemsOf(review: SessionReview): QueuedItem[] {
  const { score, questions, topics } = review;
  const updatedAt = score.submittedAt;
  const items: QueuedItem[] = [];
  if (score.total > 0) {
    items.push({
      priority: ASSESSMENT_PRIORITY,
      item: {
        itemType: "assessment",
        itemData: {
          assessmentId: score.sessionId,
          score: score.correct,
          maxScore: score.total,
          submittedAt: updatedAt,
          answers: questions
            .filter((question) => question.selectedIndex !== null)
            .map((question) => ({ questionId: question.questionId, answer: `option ${question.selectedIndex! + 1}`, isCorrect: question.isCorrect })),
        },
      },
    });
  }
  items.push({
    priority: TEST_PROGRESS_PRIORITY,
    item: { itemType: "progress", itemData: { entityType: "quiz", entityId: score.sessionId, percent: percentOf(score.answered, score.total), updatedAt } },
  });
  for (const topic of topics) {
    items.push({
      priority: TOPIC_PROGRESS_PRIORITY,
      item: { itemType: "progress", itemData: { entityType: "topic", entityId: topic.topicId, percent: percentOf(topic.correct, topic.total), updatedAt } },
    });
  }
  return items;
}
