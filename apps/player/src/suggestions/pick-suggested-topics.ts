import type { SessionTopic } from "@chronicle/contracts";

const SUGGESTION_COUNT = 3;

/** Topics worth adding: not chosen yet, the ones with the most practice material first. */
export function pickSuggestedTopics(topics: readonly SessionTopic[], selectedIds: ReadonlySet<string>): string[] {
  return topics
    .filter((topic) => !selectedIds.has(topic.id) && topic.questionCount > 0)
    .sort((a, b) => b.questionCount - a.questionCount || a.name.localeCompare(b.name))
    .slice(0, SUGGESTION_COUNT)
    .map((topic) => topic.id);
}
