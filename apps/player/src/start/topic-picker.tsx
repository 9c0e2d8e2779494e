import type { SessionTopic } from "@chronicle/contracts";

interface TopicPickerProps {
  topics: readonly SessionTopic[];
  selectedIds: ReadonlySet<string>;
  onToggle: (topicId: string) => void;
}

/** Topic filters; none selected means questions from every topic. */
export function TopicPicker({ topics, selectedIds, onToggle }: TopicPickerProps) {
  return (
    <fieldset className="topic-picker">
      <legend>Topics</legend>
      <p className="hint" id="topic-hint">
        Leave all unticked for questions from every topic.
      </p>
      <div className="topic-grid">
        {topics.map((topic) => (
          <label key={topic.id} className="choice" title={topic.description}>
            <input type="checkbox" aria-describedby="topic-hint" checked={selectedIds.has(topic.id)} onChange={() => onToggle(topic.id)} />
            <span>
              {topic.name} <small>({topic.questionCount} questions)</small>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
