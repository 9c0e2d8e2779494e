import type { SessionTopic } from "@chronicle/contracts";
import { useId, useState } from "react";

interface SuggestionCardProps {
  topic: SessionTopic;
  /** Topics the suggestion may be changed to. */
  alternatives: readonly SessionTopic[];
  onAccept: () => void;
  onSkip: () => void;
  onEdit: (toTopicId: string) => void;
}

export function SuggestionCard({ topic, alternatives, onAccept, onSkip, onEdit }: SuggestionCardProps) {
  const [isEditing, setIsEditing] = useState(false);
  const [replacementId, setReplacementId] = useState(alternatives[0]?.id ?? "");
  const selectId = useId();

  return (
    <li className="suggestion-card">
      <div>
        <strong>{topic.name}</strong>
        <small>{topic.description}</small>
      </div>
      {isEditing ? (
        <div className="suggestion-edit">
          <label htmlFor={selectId}>Suggest instead</label>
          <select id={selectId} value={replacementId} onChange={(event) => setReplacementId(event.target.value)}>
            {alternatives.map((alternative) => (
              <option key={alternative.id} value={alternative.id}>
                {alternative.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={replacementId === ""}
            onClick={() => {
              setIsEditing(false);
              onEdit(replacementId);
            }}
          >
            Save
          </button>
          <button type="button" onClick={() => setIsEditing(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="suggestion-actions">
          <button type="button" onClick={onAccept} aria-label={`Accept suggestion: ${topic.name}`}>
            Accept
          </button>
          <button type="button" onClick={onSkip} aria-label={`Skip suggestion: ${topic.name}`}>
            Skip
          </button>
          <button type="button" onClick={() => setIsEditing(true)} disabled={alternatives.length === 0} aria-label={`Edit suggestion: ${topic.name}`}>
            Edit
          </button>
        </div>
      )}
    </li>
  );
}
