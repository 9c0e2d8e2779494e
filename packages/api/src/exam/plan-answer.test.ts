import { describe, expect, it } from "vitest";
import { planAnswer, type SavedQuestionState } from "./plan-answer.ts";

const sessionId = "5f1c2a4e-8f7b-4c1d-9a3e-2b6d7c8e9f01";
const userId = "0b9d8c7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e";
const questionId = "1f7ab7e9-cfcd-4bed-baba-772d43c769ac";
const state = (overrides: Partial<SavedQuestionState> = {}): SavedQuestionState => ({
  position: 2,
  questionId,
  selectedIndex: null,
  marked: false,
  optionCount: 4,
  ...overrides,
});
const select = (selectedIndex: number) => ({ sessionId, position: 2, action: "select" as const, selectedIndex });

describe("planAnswer", () => {
  it("records a first answer as ANSWER_SELECTED and a different one as ANSWER_CHANGED", () => {
    expect(planAnswer(state(), select(3), userId)).toEqual({
      selectedIndex: 3,
      marked: false,
      event: { sessionId, userId, questionId, type: "ANSWER_SELECTED", payload: { position: 2, selected_index: 3 } },
    });
    expect(planAnswer(state({ selectedIndex: 3, marked: true }), select(0), userId)).toMatchObject({
      selectedIndex: 0,
      marked: true,
      event: { type: "ANSWER_CHANGED", payload: { position: 2, from_index: 3, to_index: 0 } },
    });
  });

  it("emits nothing for the same answer again or a mark that is already set", () => {
    expect(planAnswer(state({ selectedIndex: 1 }), select(1), userId)).toEqual({ selectedIndex: 1, marked: false, event: null });
    expect(planAnswer(state({ marked: true }), { sessionId, position: 2, action: "mark", marked: true }, userId).event).toBeNull();
  });

  it("toggles the mark without touching the answer", () => {
    expect(planAnswer(state({ selectedIndex: 2, marked: true }), { sessionId, position: 2, action: "mark", marked: false }, userId)).toMatchObject({
      selectedIndex: 2,
      marked: false,
      event: { type: "MARK_FOR_REVIEW_TOGGLED", payload: { position: 2, marked: false } },
    });
  });

  it("refuses an option the question does not have", () => {
    expect(() => planAnswer(state(), select(4), userId)).toThrow("Question 2 has 4 options; choose an index from 0 to 3.");
  });
});
