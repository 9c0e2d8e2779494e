import type { SessionTopic } from "@chronicle/contracts";
import { useId, useReducer, useState } from "react";
import { pickSuggestedTopics } from "./pick-suggested-topics.ts";
import { recordCounter } from "./record-counter.ts";
import { SuggestionCard } from "./suggestion-card.tsx";
import { initialTrayState, reduceSuggestionTray } from "./suggestion-tray-state.ts";

interface SuggestedTopicsTrayProps {
  topics: readonly SessionTopic[];
  selectedIds: ReadonlySet<string>;
  onAccept: (topicIds: string[]) => void;
  /** Undo of an accept takes the topics out of the selection again. */
  onUnaccept: (topicIds: string[]) => void;
}

/** Seed 004's suggestion tray for topics; every decision is counted, never who or which topic. */
export function SuggestedTopicsTray({ topics, selectedIds, onAccept, onUnaccept }: SuggestedTopicsTrayProps) {
  const [state, dispatch] = useReducer(reduceSuggestionTray, undefined, () => initialTrayState(pickSuggestedTopics(topics, selectedIds)));
  const [isOpen, setIsOpen] = useState(false);
  const listId = useId();
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));
  const pending = state.suggestions.filter((s) => s.status === "pending" && !selectedIds.has(s.topicId));
  const suggestedIds = new Set(state.suggestions.map((s) => s.topicId));
  const alternatives = topics.filter((topic) => !suggestedIds.has(topic.id) && !selectedIds.has(topic.id));

  const toggle = () => {
    if (!isOpen) recordCounter("suggestion_shown", pending.length);
    setIsOpen(!isOpen);
  };
  const decide = (status: "accepted" | "skipped", topicIds: string[]) => {
    dispatch({ type: "decide", status, topicIds });
    recordCounter(status === "accepted" ? "suggestion_accepted" : "suggestion_skipped", topicIds.length);
    if (status === "accepted") onAccept(topicIds);
  };
  const undo = () => {
    const last = state.lastDecision;
    if (!last) return;
    dispatch({ type: "undo" });
    recordCounter("suggestion_undo", last.topicIds.length);
    if (last.status === "accepted") onUnaccept(last.topicIds);
  };
  const edit = (fromTopicId: string, toTopicId: string) => {
    dispatch({ type: "edit", fromTopicId, toTopicId });
    recordCounter("suggestion_edited", 1);
  };

  const pendingIds = pending.map((s) => s.topicId);
  return (
    <section className="suggestion-tray" aria-label="Suggested topics">
      <button type="button" className="tray-toggle" aria-expanded={isOpen} aria-controls={listId} onClick={toggle}>
        Suggested topics {pending.length > 0 ? `(${pending.length})` : ""}
      </button>
      {isOpen && (
        <div id={listId}>
          {pending.length === 0 && <p className="hint">No more suggestions for now.</p>}
          <ul>
            {pending.map((suggestion) => {
              const topic = topicById.get(suggestion.topicId);
              if (!topic) return null;
              return (
                <SuggestionCard
                  key={suggestion.topicId}
                  topic={topic}
                  alternatives={alternatives}
                  onAccept={() => decide("accepted", [suggestion.topicId])}
                  onSkip={() => decide("skipped", [suggestion.topicId])}
                  onEdit={(toTopicId) => edit(suggestion.topicId, toTopicId)}
                />
              );
            })}
          </ul>
          <div className="tray-actions">
            {pending.length > 1 && (
              <>
                <button type="button" onClick={() => decide("accepted", pendingIds)}>
                  Accept all
                </button>
                <button type="button" onClick={() => decide("skipped", pendingIds)}>
                  Skip all
                </button>
              </>
            )}
            {state.lastDecision && (
              <button type="button" onClick={undo}>
                Undo {state.lastDecision.status === "accepted" ? "accept" : "skip"} ({state.lastDecision.topicIds.length})
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
