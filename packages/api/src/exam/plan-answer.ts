import type { AnswerQuestionInput } from "@chronicle/contracts";
import { TRPCError } from "@trpc/server";
import type { ServerEvent } from "../emit/emit-server-events.ts";

export interface SavedQuestionState {
  position: number;
  questionId: string;
  selectedIndex: number | null;
  marked: boolean;
  optionCount: number;
}

export interface AnswerPlan {
  selectedIndex: number | null;
  marked: boolean;
  /** Null when the action changes nothing, e.g. the same answer chosen again. */
  event: ServerEvent<"ANSWER_SELECTED" | "ANSWER_CHANGED" | "MARK_FOR_REVIEW_TOGGLED"> | null;
}

/** What one learner action does to a question's saved state, and which seed 000 event records it. */
export function planAnswer(current: SavedQuestionState, action: AnswerQuestionInput, userId: string): AnswerPlan {
  const base = { sessionId: action.sessionId, userId, questionId: current.questionId };
  const { position } = current;
  if (action.action === "mark") {
    if (action.marked === current.marked) return { selectedIndex: current.selectedIndex, marked: current.marked, event: null };
    return {
      selectedIndex: current.selectedIndex,
      marked: action.marked,
      event: { ...base, type: "MARK_FOR_REVIEW_TOGGLED", payload: { position, marked: action.marked } },
    };
  }
  const chosen = action.selectedIndex;
  if (chosen >= current.optionCount) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Question ${position} has ${current.optionCount} options; choose an index from 0 to ${current.optionCount - 1}.`,
    });
  }
  const keep = { selectedIndex: chosen, marked: current.marked };
  if (current.selectedIndex === chosen) return { ...keep, event: null };
  if (current.selectedIndex === null) {
    return { ...keep, event: { ...base, type: "ANSWER_SELECTED", payload: { position, selected_index: chosen } } };
  }
  return { ...keep, event: { ...base, type: "ANSWER_CHANGED", payload: { position, from_index: current.selectedIndex, to_index: chosen } } };
}
