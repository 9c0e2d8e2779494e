/** One suggested topic and what the learner did with it. */
export interface TopicSuggestion {
  topicId: string;
  status: "pending" | "accepted" | "skipped";
}

export interface SuggestionTrayState {
  suggestions: TopicSuggestion[];
  /** The last accept or skip, which Undo puts back. */
  lastDecision: { status: "accepted" | "skipped"; topicIds: string[] } | null;
}

export type SuggestionTrayAction =
  | { type: "decide"; status: "accepted" | "skipped"; topicIds: readonly string[] }
  | { type: "edit"; fromTopicId: string; toTopicId: string }
  | { type: "undo" };

export function initialTrayState(topicIds: readonly string[]): SuggestionTrayState {
  return { suggestions: topicIds.map((topicId) => ({ topicId, status: "pending" })), lastDecision: null };
}

export function reduceSuggestionTray(state: SuggestionTrayState, action: SuggestionTrayAction): SuggestionTrayState {
  switch (action.type) {
    case "decide": {
      const decided = new Set(action.topicIds);
      return {
        suggestions: state.suggestions.map((s) => (decided.has(s.topicId) && s.status === "pending" ? { ...s, status: action.status } : s)),
        lastDecision: { status: action.status, topicIds: [...action.topicIds] },
      };
    }
    case "edit":
      return {
        ...state,
        suggestions: state.suggestions.map((s) => (s.topicId === action.fromTopicId ? { ...s, topicId: action.toTopicId } : s)),
      };
    case "undo": {
      if (!state.lastDecision) return state;
      const restored = new Set(state.lastDecision.topicIds);
      return {
        suggestions: state.suggestions.map((s) => (restored.has(s.topicId) ? { ...s, status: "pending" } : s)),
        lastDecision: null,
      };
    }
  }
}
