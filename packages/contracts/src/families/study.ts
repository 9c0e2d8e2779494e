import { z } from "zod";
import { storableNumber } from "../shapes/storable-number.ts";
import { defineEvent } from "../catalog/event-spec.ts";
import { freeText } from "../privacy/scrub-free-text.ts";
import { identifier, label, timeZone } from "../shapes/string-shapes.ts";

// Seed 002: the study app. Field names are the seed's `properties`, plus the ids it
// passes to track_event (material_id, chunk_id, topic_id). A study question's id lives
// in the payload because the envelope's question_id means "a question of this exam session".
const study = { family: "study", retention: "two_years" } as const;

const seconds = z.int().min(0).max(86_400);
const percent = z.int().min(0).max(100);
const count = z.int().min(0).max(100_000);
const xp = z.int().min(0).max(1_000_000_000);
const level = z.int().min(1).max(1_000);
const streak = z.int().min(0).max(100_000);
const difficulty = z.int().min(1).max(5);
const materialRef = { material_id: z.uuid(), topic_id: z.uuid().optional() };
const questionRef = { question_id: z.uuid(), topic_id: z.uuid() };

const pausePayload = z.strictObject({ pause_reason: z.enum(["break", "distraction", "other"]).optional() });
const quizType = z.enum(["practice", "mock_exam", "flashcards"]);
const feedbackPayload = z.strictObject({
  message_id: identifier(100),
  rating: z.int().min(1).max(5).optional(),
  feedback_text: freeText(500).optional(),
});
const streakPayload = z.strictObject({ old_streak: streak, new_streak: streak, is_new_record: z.boolean() });

function annotationPayload<A extends "highlight" | "note" | "bookmark", L extends z.ZodType>(annotationType: A, textLength: L) {
  return z.strictObject({
    ...materialRef,
    chunk_id: z.uuid(),
    annotation_type: z.literal(annotationType),
    text_length: textLength,
    chunk_position: z.int().min(0).max(1_000_000),
  });
}

export const studyEvents = {
  session_start: defineEvent({
    ...study,
    description: "The learner started a study session (opened the app, started the timer).",
    emitters: ["client", "server"],
    privacy: "free_text",
    version: 1,
    payload: z.strictObject({
      device_type: z.enum(["web", "mobile", "tablet"]),
      user_agent: freeText(300).optional(),
      timezone: timeZone().optional(),
    }),
  }),
  session_end: defineEvent({
    ...study,
    description: "The study session ended: explicitly, after 30 minutes of inactivity or on close.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({
      duration_seconds: seconds,
      active_seconds: seconds,
      materials_viewed: count,
      questions_attempted: count,
      xp_earned: xp,
      // Why it ended; the server's inactivity job always says "inactivity" (seed 002's 30-minute rule).
      reason: z.enum(["explicit", "inactivity", "close"]).optional(),
    }),
  }),
  session_pause: defineEvent({
    ...study,
    description: "The learner paused the study timer.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: pausePayload,
  }),
  session_resume: defineEvent({
    ...study,
    description: "The learner resumed the study timer; pause_reason repeats why it was paused.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: pausePayload,
  }),
  material_open: defineEvent({
    ...study,
    description: "A study material (PDF, document…) was opened in the viewer.",
    emitters: ["client", "server"],
    privacy: "free_text",
    version: 1,
    payload: z.strictObject({
      ...materialRef,
      material_type: z.enum(["pdf", "document", "slides", "video", "web", "other"]),
      material_name: freeText(200),
      total_pages: z.int().min(1).max(100_000).optional(),
    }),
  }),
  material_read: defineEvent({
    ...study,
    description: "The learner actively read a chunk of a material (sent about every 30 s while reading).",
    emitters: ["client"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({
      ...materialRef,
      chunk_id: z.uuid(),
      time_spent_seconds: z.int().min(0).max(3_600),
      scroll_depth_percent: percent,
      chunk_index: z.int().min(0).max(1_000_000),
      is_complete: z.boolean(),
    }),
  }),
  material_complete: defineEvent({
    ...study,
    description: "The learner finished a whole material (reached the end or marked it complete).",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({ ...materialRef, total_time_seconds: seconds, completion_percentage: percent }),
  }),
  material_highlight: defineEvent({
    ...study,
    description: "The learner highlighted text in a material.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: annotationPayload("highlight", count),
  }),
  material_note: defineEvent({
    ...study,
    description: "The learner added a note to a material; only the note's length is recorded.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: annotationPayload("note", count),
  }),
  material_bookmark: defineEvent({
    ...study,
    description: "The learner bookmarked a place in a material.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    // A bookmark marks a place and has no selected text to measure.
    payload: annotationPayload("bookmark", count.optional()),
  }),
  question_view: defineEvent({
    ...study,
    description: "A practice question was shown to the learner.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({
      ...questionRef,
      question_type: z.enum(["multiple_choice", "multiple_select", "true_false", "short_answer", "flashcard"]),
      difficulty,
      is_first_view: z.boolean(),
    }),
  }),
  question_submit: defineEvent({
    ...study,
    description: "The learner submitted an answer to a practice question; feeds question attempts and mastery.",
    emitters: ["client", "server"],
    privacy: "performance",
    version: 1,
    payload: z.strictObject({
      ...questionRef,
      selected_answer: label(64),
      correct_answer: label(64),
      is_correct: z.boolean(),
      time_to_answer_seconds: seconds,
      confidence_level: z.int().min(1).max(5).optional(),
      is_first_attempt: z.boolean(),
      attempt_number: z.int().min(1).max(10_000),
      hint_used: z.boolean(),
      explanation_viewed: z.boolean().optional(),
    }),
  }),
  quiz_start: defineEvent({
    ...study,
    description: "The learner started a quiz of several questions.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({ quiz_id: z.uuid(), total_questions: z.int().min(1).max(500), quiz_type: quizType }),
  }),
  quiz_complete: defineEvent({
    ...study,
    description: "The learner completed a quiz; accuracy is correct_answers / total_questions.",
    emitters: ["client", "server"],
    privacy: "performance",
    version: 1,
    payload: z.strictObject({
      quiz_id: z.uuid(),
      total_questions: z.int().min(1).max(500),
      correct_answers: z.int().min(0).max(500),
      accuracy: storableNumber(0, 1),
      total_time_seconds: seconds,
      quiz_type: quizType,
    }),
  }),
  ai_question_asked: defineEvent({
    ...study,
    description: "The learner sent a message to the AI coach; only its length is recorded.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({
      topic_id: z.uuid().optional(),
      question_length: count,
      context_provided: z.boolean(),
      conversation_turn: z.int().min(1).max(10_000),
      detected_topics: z.array(z.uuid()).max(20),
    }),
  }),
  ai_response_received: defineEvent({
    ...study,
    description: "The AI coach answered.",
    // The study backend (a service token with events:study) runs the AI coach and reports its answers.
    emitters: ["server", "service"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({
      response_length: count,
      response_time_ms: z.int().min(0).max(600_000),
      model_used: identifier(64),
      tokens_used: z.int().min(0).max(10_000_000),
    }),
  }),
  ai_feedback_positive: defineEvent({
    ...study,
    description: "The learner rated an AI coach answer thumbs-up.",
    emitters: ["client", "server"],
    privacy: "free_text",
    version: 1,
    payload: feedbackPayload,
  }),
  ai_feedback_negative: defineEvent({
    ...study,
    description: "The learner rated an AI coach answer thumbs-down.",
    emitters: ["client", "server"],
    privacy: "free_text",
    version: 1,
    payload: feedbackPayload,
  }),
  ai_hint_requested: defineEvent({
    ...study,
    description: "The learner asked the AI coach for a hint on a practice question.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({ ...questionRef, hint_type: z.enum(["guided", "direct"]), time_before_hint: seconds }),
  }),
  ai_explanation_requested: defineEvent({
    ...study,
    description: "The learner asked the AI coach to explain a practice question.",
    emitters: ["client", "server"],
    privacy: "behavioural",
    version: 1,
    payload: z.strictObject({ ...questionRef, time_before_explanation: seconds }),
  }),
  xp_earned: defineEvent({
    ...study,
    description: "XP was awarded after an activity.",
    emitters: ["server"],
    privacy: "performance",
    version: 1,
    payload: z.strictObject({
      xp_amount: z.int().min(1).max(1_000_000),
      xp_source: z.enum(["question_correct", "question_attempt", "material_complete", "quiz_complete", "streak", "achievement"]),
      new_total_xp: xp,
    }),
  }),
  level_up: defineEvent({
    ...study,
    description: "The learner's XP crossed a level threshold.",
    emitters: ["server"],
    privacy: "performance",
    version: 1,
    payload: z.strictObject({ old_level: level, new_level: level, total_xp: xp }),
  }),
  achievement_unlocked: defineEvent({
    ...study,
    description: "The learner unlocked an achievement (first question, 7-day streak…).",
    emitters: ["server"],
    privacy: "free_text",
    version: 1,
    payload: z.strictObject({
      achievement_id: identifier(100),
      achievement_name: freeText(100),
      achievement_type: z.enum(["streak", "mastery", "milestone"]),
      xp_reward: z.int().min(0).max(1_000_000),
    }),
  }),
  streak_continued: defineEvent({
    ...study,
    description: "The daily check-in extended the learner's streak.",
    emitters: ["server"],
    privacy: "behavioural",
    version: 1,
    payload: streakPayload,
  }),
  streak_broken: defineEvent({
    ...study,
    description: "A missed day reset the learner's streak (detected by the nightly job).",
    emitters: ["server"],
    privacy: "behavioural",
    version: 1,
    payload: streakPayload,
  }),
  search_performed: defineEvent({
    ...study,
    description: "The learner searched materials or topics; the query is scrubbed and capped.",
    emitters: ["client", "server"],
    privacy: "free_text",
    version: 1,
    payload: z.strictObject({
      query: freeText(200),
      result_count: count,
      filters_applied: z
        .record(identifier(64), z.union([label(100), z.number(), z.boolean(), z.array(label(100)).max(50)]))
        .optional(),
      search_type: z.enum(["semantic", "keyword"]),
    }),
  }),
  topic_explored: defineEvent({
    ...study,
    description: "The learner opened a topic page.",
    emitters: ["client", "server"],
    privacy: "free_text",
    version: 1,
    payload: z.strictObject({
      topic_id: z.uuid(),
      topic_name: freeText(200),
      topic_level: z.int().min(0).max(20),
      current_mastery: storableNumber(0, 1).optional(),
    }),
  }),
} as const;
