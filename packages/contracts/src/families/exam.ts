import { z } from "zod";
import { defineEvent } from "../catalog/event-spec.ts";

// Seed 000: the exam-prep test player. Positions are 1-based question slots in a session.
const position = z.int().min(1).max(500);
const optionIndex = z.int().min(0).max(4);
const navigation = z.strictObject({ from_position: position, to_position: position });

const sessionMode = z.enum(["practice", "timed", "exam", "review"]);

/** SESSION_CREATED v1, exactly as seed 000 lists it: `{mode, filters, count}`. */
export const sessionCreatedV1 = z.strictObject({
  mode: sessionMode,
  filters: z.strictObject({
    topic_ids: z.array(z.uuid()).max(50).optional(),
    difficulty: z.array(z.int().min(1).max(5)).max(5).optional(),
  }),
  count: z.int().min(1).max(200),
});

/**
 * SESSION_CREATED v2 renames `count` to `question_count` (it was read as an event
 * count by analysts) and records the time limit, which v1 left implicit.
 */
export const sessionCreatedV2 = z.strictObject({
  mode: sessionMode,
  filters: sessionCreatedV1.shape.filters,
  question_count: z.int().min(1).max(200),
  time_limit_seconds: z.int().min(0).max(86_400).nullable(),
});

export function upcastSessionCreatedV1(v1: z.output<typeof sessionCreatedV1>): z.output<typeof sessionCreatedV2> {
  return { mode: v1.mode, filters: v1.filters, question_count: v1.count, time_limit_seconds: null };
}

const exam = { family: "exam", retention: "indefinite" } as const;

export const examEvents = {
  SESSION_CREATED: defineEvent({
    ...exam,
    description: "A test session was created with its mode, topic filters and question count.",
    emitters: ["server"],
    privacy: "behavioural",
    version: 2,
    payload: sessionCreatedV2,
    previous: { 1: { payload: sessionCreatedV1, upcast: upcastSessionCreatedV1 } },
  }),
  SESSION_SUBMITTED: defineEvent({
    ...exam,
    description: "The session was finalised, by the learner or because its time ran out.",
    emitters: ["server"],
    privacy: "performance",
    version: 1,
    payload: z.strictObject({ reason: z.enum(["manual", "expired"]) }),
  }),
  SESSION_EXPIRED: defineEvent({
    ...exam,
    description: "The session's countdown reached zero before it was submitted.",
    emitters: ["server"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({}),
  }),
  REVIEW_OPENED: defineEvent({
    ...exam,
    description: "The learner opened the review page of a submitted session.",
    emitters: ["server"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({}),
  }),
  QUESTION_VIEWED: defineEvent({
    ...exam,
    description: "A question was displayed to the learner.",
    emitters: ["client"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({ position }),
    requiresQuestion: true,
  }),
  NAVIGATE_NEXT: defineEvent({
    ...exam,
    description: "The learner pressed Next.",
    emitters: ["client"],
    privacy: "behavioural",
    version: 1,
    payload: navigation,
  }),
  NAVIGATE_PREV: defineEvent({
    ...exam,
    description: "The learner pressed Previous.",
    emitters: ["client"],
    privacy: "behavioural",
    version: 1,
    payload: navigation,
  }),
  NAVIGATE_JUMP: defineEvent({
    ...exam,
    description: "The learner jumped to a question through the navigator grid.",
    emitters: ["client"],
    privacy: "behavioural",
    version: 1,
    payload: navigation,
  }),
  ANSWER_SELECTED: defineEvent({
    ...exam,
    description: "An answer option was chosen for a question that had none.",
    emitters: ["server", "client"],
    privacy: "performance",
    version: 1,
    payload: z.strictObject({ position, selected_index: optionIndex }),
    requiresQuestion: true,
  }),
  ANSWER_CHANGED: defineEvent({
    ...exam,
    description: "A previously chosen answer was replaced by another option.",
    emitters: ["server", "client"],
    privacy: "performance",
    version: 1,
    payload: z.strictObject({ position, from_index: optionIndex, to_index: optionIndex }),
    requiresQuestion: true,
  }),
  MARK_FOR_REVIEW_TOGGLED: defineEvent({
    ...exam,
    description: "The review flag of a question was set or cleared.",
    emitters: ["server", "client"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({ position, marked: z.boolean() }),
    requiresQuestion: true,
  }),
  PAUSE_BLUR: defineEvent({
    ...exam,
    description: "The player window lost or regained focus.",
    emitters: ["client"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({ state: z.enum(["blur", "focus"]) }),
  }),
} as const;
