import type { SessionMode } from "@chronicle/contracts";
import { randomUUID } from "node:crypto";
import { derivedEventId, type ServerEvent } from "@chronicle/api/emit/emit-server-events.ts";
import { timeLimitFor } from "@chronicle/api/exam/time-limit.ts";
import type { SeededRandom } from "@chronicle/api/testing/seeded-random.ts";
import { flushClientBatches } from "./bulk-client-batches.ts";
import { addSession, type DayBuffer } from "./bulk-day-buffer.ts";
import { serverEventRow } from "./bulk-event-rows.ts";
import { walkExam, type ExamAction } from "./exam-walk.ts";
import { createSessionEventLog } from "./session-event-log.ts";

export interface BankQuestion {
  id: string;
  topicId: string;
  correctIndex: number;
  optionCount: number;
}

export interface BulkLearner {
  userId: string;
  skill: number;
  source: "web" | "mobile";
  /** The learner's device clock error (see device-clock.ts): client_ts is true time plus this. */
  clockSkewMs: number;
}

const modes: readonly SessionMode[] = ["practice", "practice", "timed", "exam"];

/** The server events sessions.answer emits for the actions, with the same select/change/mark rules. */
function answerEvents(sessionId: string, userId: string, actions: readonly ExamAction[]): { event: ServerEvent; atMs: number }[] {
  const selected = new Map<number, number>();
  const marked = new Map<number, boolean>();
  const events: { event: ServerEvent; atMs: number }[] = [];
  for (const action of actions) {
    const base = { sessionId, userId, questionId: action.questionId };
    if (action.action === "mark") {
      if ((marked.get(action.position) ?? false) === action.marked) continue;
      marked.set(action.position, action.marked);
      events.push({ event: { ...base, type: "MARK_FOR_REVIEW_TOGGLED", payload: { position: action.position, marked: action.marked } }, atMs: action.atMs });
      continue;
    }
    const before = selected.get(action.position);
    if (before === action.selectedIndex) continue;
    selected.set(action.position, action.selectedIndex);
    events.push({
      event:
        before === undefined
          ? { ...base, type: "ANSWER_SELECTED", payload: { position: action.position, selected_index: action.selectedIndex } }
          : { ...base, type: "ANSWER_CHANGED", payload: { position: action.position, from_index: before, to_index: action.selectedIndex } },
      atMs: action.atMs,
    });
  }
  return events;
}

/**
 * A whole test as the server would have stored it: test_sessions and its questions from the
 * real bank, SESSION_CREATED, the answers graded against the bank's correct_index with the
 * learner's skill, the player's client batches, SESSION_SUBMITTED and usually REVIEW_OPENED.
 */
export function loadExamSession(buffer: DayBuffer, random: SeededRandom, learner: BulkLearner, bank: readonly BankQuestion[], topicIds: readonly string[], startMs: number, badRate: number): number {
  const topics = random.shuffle(topicIds).slice(0, random.int(1, 2));
  const candidates = random.shuffle(bank.filter((q) => topics.includes(q.topicId)));
  const picked = candidates.slice(0, Math.min(candidates.length, random.int(5, 15)));
  if (picked.length === 0) return startMs;
  const sessionId = randomUUID();
  const { userId } = learner;
  const log = createSessionEventLog(sessionId, startMs + random.int(1, 4) * 1000, learner.clockSkewMs);
  const questions = picked.map((q, i) => ({ position: i + 1, questionId: q.id, optionCount: q.optionCount, correctIndex: q.correctIndex }));
  const walk = walkExam(random, log, questions, learner.skill);
  const submitMs = log.nowMs + random.int(2, 20) * 1000;
  let mode = random.pick(modes);
  // A walk longer than the countdown would have been cut short by expiry; such a learner is given an untimed practice test instead.
  const limit = timeLimitFor(mode, picked.length);
  if (limit !== null && submitMs - startMs > limit * 1000) mode = "practice";
  const timeLimitSeconds = timeLimitFor(mode, picked.length);
  const createdAt = new Date(startMs).toISOString();
  const submittedAt = new Date(submitMs).toISOString();
  const filters = { topic_ids: topics };

  addSession(buffer, sessionId, userId, "exam", createdAt);
  buffer.testSessions.push({
    id: sessionId,
    user_id: userId,
    mode,
    question_count: picked.length,
    time_limit_seconds: timeLimitSeconds,
    status: "submitted",
    created_at: createdAt,
    expires_at: timeLimitSeconds === null ? null : new Date(startMs + timeLimitSeconds * 1000).toISOString(),
    submitted_at: submittedAt,
    submit_reason: "manual",
    filters,
  });
  const answers = answerEvents(sessionId, userId, walk.actions);
  const finalAnswer = new Map<number, number>();
  const finalMark = new Map<number, boolean>();
  for (const { event } of answers) {
    const payload = event.payload as { position: number; selected_index?: number; to_index?: number; marked?: boolean };
    if (event.type === "MARK_FOR_REVIEW_TOGGLED") finalMark.set(payload.position, payload.marked!);
    else finalAnswer.set(payload.position, (payload.to_index ?? payload.selected_index)!);
  }
  for (const q of questions) {
    buffer.testSessionQuestions.push({ session_id: sessionId, position: q.position, question_id: q.questionId, selected_index: finalAnswer.get(q.position) ?? null, is_marked: finalMark.get(q.position) ?? false });
  }

  const created: ServerEvent<"SESSION_CREATED"> = {
    id: derivedEventId(sessionId, "SESSION_CREATED"),
    type: "SESSION_CREATED",
    sessionId,
    userId,
    payload: { mode, filters, question_count: picked.length, time_limit_seconds: timeLimitSeconds },
  };
  buffer.events.push(serverEventRow(created, createdAt));
  for (const { event, atMs } of answers) buffer.events.push(serverEventRow(event, new Date(atMs).toISOString()));
  const origin = { userId, endpoint: "telemetry.ingest", source: learner.source, badRate, resendRate: 0.03, clockSkewMs: learner.clockSkewMs } as const;
  // The player flushes its queue before it submits.
  flushClientBatches(buffer, random, origin, log.events, submitMs - 1000);
  buffer.events.push(serverEventRow({ id: derivedEventId(sessionId, "SESSION_SUBMITTED"), type: "SESSION_SUBMITTED", sessionId, userId, payload: { reason: "manual" } }, submittedAt));
  let endMs = submitMs;
  if (random.chance(0.7)) {
    endMs += random.int(5, 90) * 1000;
    buffer.events.push(serverEventRow({ id: derivedEventId(sessionId, "REVIEW_OPENED"), type: "REVIEW_OPENED", sessionId, userId, payload: {} }, new Date(endMs).toISOString()));
  }
  return endMs;
}
