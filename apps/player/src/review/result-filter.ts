import type { SessionReview } from "@chronicle/contracts";

export type ResultFilter = "all" | "wrong" | "unanswered" | "marked";

export const resultFilters: { value: ResultFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "wrong", label: "Wrong" },
  { value: "unanswered", label: "Unanswered" },
  { value: "marked", label: "Marked" },
];

type ReviewedQuestion = SessionReview["questions"][number];

/** Which results a filter keeps; "wrong" means answered and wrong, so it never overlaps "unanswered". */
export function keepsQuestion(filter: ResultFilter, question: ReviewedQuestion, markedPositions: ReadonlySet<number>): boolean {
  switch (filter) {
    case "all":
      return true;
    case "wrong":
      return question.selectedIndex !== null && !question.isCorrect;
    case "unanswered":
      return question.selectedIndex === null;
    case "marked":
      return markedPositions.has(question.position);
  }
}
