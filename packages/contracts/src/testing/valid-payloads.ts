import type { EventPayloadInput, EventType } from "../catalog/index.ts";

const material = "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c01";
const chunk = "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c02";
const topic = "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c03";
const question = "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c04";
const quiz = "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c05";
const game = { mission_id: "mission-alpha", game_version: "1.0.0" };

/**
 * One valid newest-version payload per event type. The mapped type makes a new
 * catalog entry without a fixture a type error, so every event stays tested.
 */
export const validPayloads: { [T in EventType]: EventPayloadInput<T> } = {
  SESSION_CREATED: { mode: "timed", filters: { topic_ids: [topic], difficulty: [2, 3] }, question_count: 20, time_limit_seconds: 1800 },
  SESSION_SUBMITTED: { reason: "manual" },
  SESSION_EXPIRED: {},
  REVIEW_OPENED: {},
  QUESTION_VIEWED: { position: 1 },
  NAVIGATE_NEXT: { from_position: 1, to_position: 2 },
  NAVIGATE_PREV: { from_position: 2, to_position: 1 },
  NAVIGATE_JUMP: { from_position: 1, to_position: 7 },
  ANSWER_SELECTED: { position: 1, selected_index: 2 },
  ANSWER_CHANGED: { position: 1, from_index: 2, to_index: 3 },
  MARK_FOR_REVIEW_TOGGLED: { position: 1, marked: true },
  PAUSE_BLUR: { state: "blur" },

  session_start: { device_type: "web", user_agent: "Mozilla/5.0", timezone: "Europe/Madrid" },
  session_end: { duration_seconds: 3600, active_seconds: 3000, materials_viewed: 3, questions_attempted: 12, xp_earned: 150 },
  session_pause: { pause_reason: "break" },
  session_resume: {},
  material_open: { material_id: material, topic_id: topic, material_type: "pdf", material_name: "cardiology.pdf", total_pages: 42 },
  material_read: {
    material_id: material,
    chunk_id: chunk,
    topic_id: topic,
    time_spent_seconds: 30,
    scroll_depth_percent: 75,
    chunk_index: 4,
    is_complete: true,
  },
  material_complete: { material_id: material, topic_id: topic, total_time_seconds: 1200, completion_percentage: 100 },
  material_highlight: { material_id: material, chunk_id: chunk, annotation_type: "highlight", text_length: 48, chunk_position: 120 },
  material_note: { material_id: material, chunk_id: chunk, annotation_type: "note", text_length: 200, chunk_position: 10 },
  material_bookmark: { material_id: material, chunk_id: chunk, annotation_type: "bookmark", chunk_position: 0 },
  question_view: { question_id: question, topic_id: topic, question_type: "multiple_choice", difficulty: 3, is_first_view: true },
  question_submit: {
    question_id: question,
    topic_id: topic,
    selected_answer: "A",
    correct_answer: "B",
    is_correct: false,
    time_to_answer_seconds: 45,
    confidence_level: 4,
    is_first_attempt: true,
    attempt_number: 1,
    hint_used: false,
    explanation_viewed: true,
  },
  quiz_start: { quiz_id: quiz, total_questions: 10, quiz_type: "practice" },
  quiz_complete: { quiz_id: quiz, total_questions: 10, correct_answers: 8, accuracy: 0.8, total_time_seconds: 600, quiz_type: "mock_exam" },
  ai_question_asked: { topic_id: topic, question_length: 80, context_provided: true, conversation_turn: 2, detected_topics: [topic] },
  ai_response_received: { response_length: 900, response_time_ms: 2300, model_used: "gpt-5", tokens_used: 1200 },
  ai_feedback_positive: { message_id: "msg-1", rating: 5, feedback_text: "Clear explanation" },
  ai_feedback_negative: { message_id: "msg-2", rating: 1 },
  ai_hint_requested: { question_id: question, topic_id: topic, hint_type: "guided", time_before_hint: 40 },
  ai_explanation_requested: { question_id: question, topic_id: topic, time_before_explanation: 90 },
  xp_earned: { xp_amount: 10, xp_source: "question_correct", new_total_xp: 1510 },
  level_up: { old_level: 4, new_level: 5, total_xp: 1510 },
  achievement_unlocked: { achievement_id: "streak-7", achievement_name: "Seven-day streak", achievement_type: "streak", xp_reward: 50 },
  streak_continued: { old_streak: 6, new_streak: 7, is_new_record: true },
  streak_broken: { old_streak: 7, new_streak: 0, is_new_record: false },
  search_performed: { query: "heart failure", result_count: 12, filters_applied: { topic: "cardiology" }, search_type: "semantic" },
  topic_explored: { topic_id: topic, topic_name: "Cardiology", topic_level: 2, current_mastery: 0.4 },

  mission_start: { ...game, mission: "alpha", difficulty: "medium" },
  mission_complete: { ...game, outcome: "success", score: 870 },
  task_start: { ...game, task_id: "task-1", expected_duration_seconds: 120 },
  task_complete: { ...game, task_id: "task-1", duration_seconds: 95 },
  choice_made: { ...game, choice: "help_friend" },
  retry: { ...game, task_id: "task-1" },
  restart: { ...game },
  failure: { ...game, task_id: "task-1", reason: "ran out of time" },
  mistake: { ...game, task_id: "task-1" },
  recovery: { ...game, task_id: "task-1" },
  success_after_failure: { ...game, task_id: "task-1" },
  distraction: { ...game, duration_seconds: 20 },
  pause: { ...game },
  collaboration: { ...game, peer_count: 3 },
  help_given: { ...game, peer_count: 1 },
  help_received: { ...game },
  leadership: { ...game },
  initiative: { game_version: "1.0.0" },
  decision_made: { ...game, decision: "take_the_bridge" },
  session_closed: { game_version: "1.0.0" },

  interview_started: { interviewType: "mock", duration: 30 },
  interview_completed: {
    interviewId: "12345",
    score: 85,
    duration: 1800,
    questionsAttempted: 5,
    correctAnswers: 4,
    weakAreas: ["system design"],
  },
  assessment_submitted: { assessmentId: "asm-1", score: 72, questionsAttempted: 10, correctAnswers: 7, duration: 900 },
};
