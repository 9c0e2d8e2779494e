import type { SessionReview } from "@chronicle/contracts";

function percent(correct: number, total: number): string {
  return total === 0 ? "–" : `${Math.round((correct / total) * 100)}%`;
}

interface TopicResultsProps {
  topics: SessionReview["topics"];
  onPractise: (topicId: string) => void;
  isStarting: boolean;
}

export function TopicResults({ topics, onPractise, isStarting }: TopicResultsProps) {
  return (
    <section aria-labelledby="topics-title">
      <h2 id="topics-title">By topic</h2>
      <table className="topic-results">
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Correct</th>
            <th scope="col">Score</th>
            <th scope="col">
              <span className="visually-hidden">Practice</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => (
            <tr key={topic.topicId}>
              <th scope="row">{topic.name}</th>
              <td>
                {topic.correct} / {topic.total}
              </td>
              <td>{percent(topic.correct, topic.total)}</td>
              <td>
                <button type="button" onClick={() => onPractise(topic.topicId)} disabled={isStarting} aria-label={`Practise this topic: ${topic.name}`}>
                  Practise this topic
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
