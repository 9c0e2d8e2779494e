import { ShortId } from "../ui/short-id.tsx";
import { useNames } from "./names-context.tsx";

/** A question by its text (clipped to one line, whole on hover) and topic; the short id until the text is known. */
export function QuestionName({ id, showTopic = true }: { id: string; showTopic?: boolean }) {
  const text = useNames().questions.get(id);
  if (!text) return <ShortId id={id} />;
  return (
    <span className="question-name" title={`${text.stem} (${text.topicName}; id ${id})`}>
      <span className="question-stem">{text.stem}</span>
      {showTopic && <small className="question-topic">{text.topicName}</small>}
    </span>
  );
}
