import { z } from "zod";
import { sessionCreatedV2 } from "../families/exam.ts";

// Seed 000's session endpoints (create, get, answer, submit, review) as tRPC procedures.
const sessionId = z.uuid();
// Positions are stored in int4 columns; a session never holds more than 500 questions (seed 000's position range).
const position = z.int().min(1).max(500);
const optionIndex = z.int().min(0).max(4);
const isoTimestamp = z.string();

export const sessionMode = sessionCreatedV2.shape.mode;
export type SessionMode = z.infer<typeof sessionMode>;
export const MAX_SESSION_QUESTIONS = 100;

export const createSessionInput = z.strictObject({
  mode: sessionMode,
  topicIds: sessionCreatedV2.shape.filters.shape.topic_ids,
  difficulty: sessionCreatedV2.shape.filters.shape.difficulty,
  questionCount: z.int().min(1).max(MAX_SESSION_QUESTIONS),
});
export type CreateSessionInput = z.infer<typeof createSessionInput>;

export const createSessionOutput = z.object({
  sessionId,
  mode: sessionMode,
  filters: sessionCreatedV2.shape.filters,
  questionCount: z.int(),
  timeLimitSeconds: sessionCreatedV2.shape.time_limit_seconds,
  createdAt: isoTimestamp,
  expiresAt: isoTimestamp.nullable(),
});
export type CreateSessionOutput = z.infer<typeof createSessionOutput>;

export const sessionIdInput = z.strictObject({ sessionId });

export const sessionStatus = z.enum(["active", "submitted"]);
export const submitReason = z.enum(["manual", "expired"]);

/** A question as the learner sees it while the session runs: never the answer or its explanation. */
export const sessionQuestionView = z.object({
  position,
  questionId: z.uuid(),
  stem: z.string(),
  options: z.array(z.string()),
  selectedIndex: optionIndex.nullable(),
  marked: z.boolean(),
});

export const sessionView = z.object({
  sessionId,
  mode: sessionMode,
  status: sessionStatus,
  questionCount: z.int(),
  timeLimitSeconds: z.int().nullable(),
  createdAt: isoTimestamp,
  expiresAt: isoTimestamp.nullable(),
  /** Whole seconds until the countdown ends; null when the session has no clock or is over. */
  secondsLeft: z.int().min(0).nullable(),
  submittedAt: isoTimestamp.nullable(),
  submitReason: submitReason.nullable(),
  questions: z.array(sessionQuestionView),
});
export type SessionView = z.infer<typeof sessionView>;

export const answerQuestionInput = z.discriminatedUnion("action", [
  z.strictObject({ sessionId, position, action: z.literal("select"), selectedIndex: optionIndex }),
  z.strictObject({ sessionId, position, action: z.literal("mark"), marked: z.boolean() }),
]);
export type AnswerQuestionInput = z.infer<typeof answerQuestionInput>;

export const answerQuestionOutput = z.object({
  sessionId,
  position,
  selectedIndex: optionIndex.nullable(),
  marked: z.boolean(),
  /** The event this action emitted; null when it changed nothing (the same answer again). */
  emitted: z.enum(["ANSWER_SELECTED", "ANSWER_CHANGED", "MARK_FOR_REVIEW_TOGGLED"]).nullable(),
});
export type AnswerQuestionOutput = z.infer<typeof answerQuestionOutput>;

export const submitSessionInput = z.strictObject({ sessionId, reason: z.literal("manual").optional() });

export const sessionScore = z.object({
  sessionId,
  status: z.literal("submitted"),
  submittedAt: isoTimestamp,
  submitReason,
  answered: z.int().min(0),
  correct: z.int().min(0),
  total: z.int().min(0),
  /** correct / total × 100, rounded to two decimals. */
  scorePercent: z.number().min(0).max(100),
});
export type SessionScore = z.infer<typeof sessionScore>;

export const reviewQuestion = z.object({
  position,
  questionId: z.uuid(),
  stem: z.string(),
  options: z.array(z.string()),
  selectedIndex: optionIndex.nullable(),
  correctIndex: optionIndex,
  isCorrect: z.boolean(),
  explanation: z.string(),
  topic: z.object({ id: z.uuid(), name: z.string() }),
});

export const topicResult = z.object({ topicId: z.uuid(), name: z.string(), correct: z.int().min(0), total: z.int().min(0) });

export const sessionReview = z.object({
  score: sessionScore,
  questions: z.array(reviewQuestion),
  topics: z.array(topicResult),
});
export type SessionReview = z.infer<typeof sessionReview>;

/** sessions.recent: the learner's own latest tests, newest first, for the player's history and "resume". */
export const recentSessionsInput = z.strictObject({ limit: z.int().min(1).max(50).optional() }).optional();

export const recentSession = z.object({
  sessionId,
  mode: sessionMode,
  status: sessionStatus,
  questionCount: z.int(),
  answered: z.int().min(0),
  createdAt: isoTimestamp,
  submittedAt: isoTimestamp.nullable(),
  /** Null while the test runs: the score is shown only once it is submitted. */
  scorePercent: z.number().min(0).max(100).nullable(),
  /** True for an active test whose clock (if any) has not run out: the player offers to resume it. */
  canResume: z.boolean(),
});
export type RecentSession = z.infer<typeof recentSession>;
export const recentSessionsOutput = z.array(recentSession);
