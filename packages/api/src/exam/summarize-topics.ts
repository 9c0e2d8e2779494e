import type { SessionReview } from "@chronicle/contracts";

type TopicResult = SessionReview["topics"][number];

/** Correct and total answers per topic, topics in order of their first question. */
export function summarizeTopics(questions: readonly { isCorrect: boolean; topic: { id: string; name: string } }[]): TopicResult[] {
  const byTopic = new Map<string, TopicResult>();
  for (const { isCorrect, topic } of questions) {
    const result = byTopic.get(topic.id) ?? { topicId: topic.id, name: topic.name, correct: 0, total: 0 };
    result.total += 1;
    if (isCorrect) result.correct += 1;
    byTopic.set(topic.id, result);
  }
  return [...byTopic.values()];
}
