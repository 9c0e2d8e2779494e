import type { SeededRandom } from "@chronicle/api/testing/seeded-random.ts";
import type { SessionEventLog } from "./session-event-log.ts";

export interface ExamQuestion {
  position: number;
  questionId: string;
  optionCount: number;
  /** Known to the bulk loader (it reads the bank); the HTTP simulator answers without it. */
  correctIndex?: number;
}

export type ExamAction =
  | { action: "select"; position: number; questionId: string; selectedIndex: number; atMs: number }
  | { action: "mark"; position: number; questionId: string; marked: boolean; atMs: number };

export interface ExamWalk {
  /** The learner's answer actions in order; the client events are in the session's log. */
  actions: ExamAction[];
  /** How many client events were recorded before each action, so callers can flush in between. */
  clientEventsBefore: number[];
}

function chooseIndex(random: SeededRandom, question: ExamQuestion, skill: number): number {
  if (question.correctIndex === undefined) return random.int(0, question.optionCount - 1);
  if (random.chance(skill)) return question.correctIndex;
  const wrong = Array.from({ length: question.optionCount }, (_, i) => i).filter((i) => i !== question.correctIndex);
  return random.pick(wrong);
}

/**
 * How a learner goes through a test in the player: views each question, answers most of them,
 * sometimes changes an answer or marks one for review, tabs away now and then, and finally
 * jumps back to the marked questions. Client events (QUESTION_VIEWED, NAVIGATE_*, PAUSE_BLUR)
 * go to `log`; answers and marks are returned as actions, because the server records those.
 */
export function walkExam(random: SeededRandom, log: SessionEventLog, questions: readonly ExamQuestion[], skill: number): ExamWalk {
  const actions: ExamAction[] = [];
  const clientEventsBefore: number[] = [];
  const act = (action: ExamAction) => {
    clientEventsBefore.push(log.events.length);
    actions.push(action);
  };
  const marked: ExamQuestion[] = [];
  questions.forEach((question, i) => {
    log.add("QUESTION_VIEWED", { position: question.position }, question.questionId);
    log.wait(random.int(10, 90));
    if (random.chance(0.92)) {
      act({ action: "select", position: question.position, questionId: question.questionId, selectedIndex: chooseIndex(random, question, skill), atMs: log.nowMs });
      if (random.chance(0.12)) {
        log.wait(random.int(5, 30));
        act({ action: "select", position: question.position, questionId: question.questionId, selectedIndex: chooseIndex(random, question, skill), atMs: log.nowMs });
      }
    }
    if (random.chance(0.1)) {
      act({ action: "mark", position: question.position, questionId: question.questionId, marked: true, atMs: log.nowMs });
      marked.push(question);
    }
    if (random.chance(0.08)) {
      log.add("PAUSE_BLUR", { state: "blur" });
      log.wait(random.int(5, 120));
      log.add("PAUSE_BLUR", { state: "focus" });
    }
    const next = questions[i + 1];
    if (next) {
      if (i > 0 && random.chance(0.05)) {
        log.add("NAVIGATE_PREV", { from_position: question.position, to_position: questions[i - 1]!.position });
        log.wait(random.int(3, 15));
        log.add("NAVIGATE_NEXT", { from_position: questions[i - 1]!.position, to_position: question.position });
      }
      log.add("NAVIGATE_NEXT", { from_position: question.position, to_position: next.position });
      log.wait(random.int(1, 4));
    }
  });
  let from = questions.at(-1)?.position ?? 1;
  for (const question of marked) {
    log.add("NAVIGATE_JUMP", { from_position: from, to_position: question.position });
    log.add("QUESTION_VIEWED", { position: question.position }, question.questionId);
    log.wait(random.int(10, 40));
    act({ action: "mark", position: question.position, questionId: question.questionId, marked: false, atMs: log.nowMs });
    from = question.position;
  }
  return { actions, clientEventsBefore };
}
