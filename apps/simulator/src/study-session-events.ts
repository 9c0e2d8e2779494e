import { randomUUID } from "node:crypto";
import type { SeededRandom } from "@chronicle/api/testing/seeded-random.ts";
import type { SessionEventLog } from "./session-event-log.ts";
import type { StudyCatalog } from "./study-catalog.ts";
import { aiModels, searchQueries, timezones, userAgents } from "./traffic-vocabulary.ts";

export interface StudyLearner {
  /** Chance of answering a practice question right, 0..1. */
  skill: number;
  device: "web" | "mobile" | "tablet";
}

const letters = ["A", "B", "C", "D"] as const;

/**
 * One study session of seed 002: start, search, a material read chunk by chunk, a short quiz
 * with hints and explanations, the AI coach, a pause, and the end with its totals.
 */
export function recordStudySession(random: SeededRandom, log: SessionEventLog, catalog: StudyCatalog, learner: StudyLearner): void {
  const started = log.nowMs;
  const topic = random.pick(catalog.topics);
  log.add("session_start", { device_type: learner.device, user_agent: random.pick(userAgents), timezone: random.pick(timezones) });
  log.wait(random.int(5, 40));
  log.add("search_performed", {
    query: random.pick(searchQueries),
    result_count: random.int(0, 40),
    search_type: random.chance(0.6) ? "semantic" : "keyword",
    ...(random.chance(0.4) ? { filters_applied: { topic: topic.name, difficulty: random.int(1, 5) } } : {}),
  });
  log.wait(random.int(3, 20));
  log.add("topic_explored", { topic_id: topic.id, topic_name: topic.name, topic_level: random.int(0, 4), current_mastery: Math.round(random.next() * 100) / 100 });

  const material = random.pick(catalog.materialsOf(topic.id));
  let materialsViewed = 0;
  if (material) {
    materialsViewed = 1;
    log.wait(random.int(2, 15));
    log.add("material_open", { material_id: material.id, topic_id: topic.id, material_type: material.type, material_name: material.name, total_pages: material.pages });
    const chunks = random.int(2, material.chunkIds.length);
    let readSeconds = 0;
    for (let i = 0; i < chunks; i += 1) {
      const spent = random.int(15, 60);
      readSeconds += spent;
      log.wait(spent);
      log.add("material_read", {
        material_id: material.id,
        topic_id: topic.id,
        chunk_id: material.chunkIds[i]!,
        time_spent_seconds: spent,
        scroll_depth_percent: Math.min(100, Math.round(((i + 1) / chunks) * 100)),
        chunk_index: i,
        is_complete: i === chunks - 1,
      });
      if (random.chance(0.2)) {
        const kind = random.pick(["highlight", "note", "bookmark"] as const);
        const base = { material_id: material.id, topic_id: topic.id, chunk_id: material.chunkIds[i]!, chunk_position: random.int(0, 2000) };
        if (kind === "highlight") log.add("material_highlight", { ...base, annotation_type: "highlight", text_length: random.int(10, 240) });
        else if (kind === "note") log.add("material_note", { ...base, annotation_type: "note", text_length: random.int(20, 600) });
        else log.add("material_bookmark", { ...base, annotation_type: "bookmark" });
      }
    }
    if (chunks === material.chunkIds.length || random.chance(0.3)) {
      log.add("material_complete", { material_id: material.id, topic_id: topic.id, total_time_seconds: readSeconds, completion_percentage: random.int(80, 100) });
    }
  }

  if (random.chance(0.25)) {
    log.add("session_pause", { pause_reason: random.pick(["break", "distraction", "other"] as const) });
    log.wait(random.int(60, 600));
    log.add("session_resume", {});
  }

  const questions = random.shuffle(catalog.questionsOf(topic.id)).slice(0, random.int(3, 8));
  const quizId = randomUUID();
  const quizType = random.pick(["practice", "mock_exam", "flashcards"] as const);
  const quizStarted = log.nowMs;
  log.add("quiz_start", { quiz_id: quizId, total_questions: questions.length, quiz_type: quizType });
  let correct = 0;
  for (const questionId of questions) {
    const ref = { question_id: questionId, topic_id: topic.id };
    log.wait(random.int(2, 10));
    log.add("question_view", { ...ref, question_type: "multiple_choice", difficulty: random.int(1, 5), is_first_view: random.chance(0.7) });
    const hintUsed = random.chance(0.15);
    const answerSeconds = random.int(8, 120);
    if (hintUsed) {
      log.wait(answerSeconds / 2);
      log.add("ai_hint_requested", { ...ref, hint_type: random.chance(0.7) ? "guided" : "direct", time_before_hint: Math.round(answerSeconds / 2) });
    }
    log.wait(hintUsed ? answerSeconds / 2 : answerSeconds);
    const isCorrect = random.chance(learner.skill);
    if (isCorrect) correct += 1;
    const correctAnswer = random.pick(letters);
    const explanationViewed = !isCorrect && random.chance(0.5);
    if (explanationViewed) log.add("ai_explanation_requested", { ...ref, time_before_explanation: answerSeconds });
    log.add("question_submit", {
      ...ref,
      selected_answer: isCorrect ? correctAnswer : random.pick(letters.filter((l) => l !== correctAnswer)),
      correct_answer: correctAnswer,
      is_correct: isCorrect,
      time_to_answer_seconds: answerSeconds,
      confidence_level: random.int(1, 5),
      is_first_attempt: true,
      attempt_number: 1,
      hint_used: hintUsed,
      explanation_viewed: explanationViewed,
    });
  }
  log.add("quiz_complete", {
    quiz_id: quizId,
    total_questions: questions.length,
    correct_answers: correct,
    accuracy: Math.round((correct / questions.length) * 1000) / 1000,
    total_time_seconds: Math.round((log.nowMs - quizStarted) / 1000),
    quiz_type: quizType,
  });

  if (random.chance(0.5)) {
    log.wait(random.int(5, 30));
    log.add("ai_question_asked", {
      topic_id: topic.id,
      question_length: random.int(20, 400),
      context_provided: random.chance(0.5),
      conversation_turn: random.int(1, 6),
      detected_topics: [topic.id],
    });
    log.wait(random.int(3, 20));
    // At most five digits: a longer run reads as a personal number and the contract refuses it.
    const messageId = `msg-${random.int(1, 99_999)}`;
    if (random.chance(0.7)) log.add("ai_feedback_positive", { message_id: messageId, rating: random.int(4, 5), ...(random.chance(0.3) ? { feedback_text: `Clear answer from ${random.pick(aiModels)}` } : {}) });
    else log.add("ai_feedback_negative", { message_id: messageId, rating: random.int(1, 2), ...(random.chance(0.5) ? { feedback_text: "Too long, did not answer my question" } : {}) });
  }

  log.wait(random.int(5, 60));
  const duration = Math.round((log.nowMs - started) / 1000);
  log.add("session_end", {
    duration_seconds: duration,
    active_seconds: Math.round(duration * (0.6 + random.next() * 0.4)),
    materials_viewed: materialsViewed,
    questions_attempted: questions.length,
    xp_earned: correct * 10 + questions.length * 2,
  });
}
