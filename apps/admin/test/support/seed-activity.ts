import { createChronicleClient, type ChronicleClient } from "@chronicle/client";
import type { ClientEvent, GameBatchEvent } from "@chronicle/contracts";
import { randomUUID } from "node:crypto";
import type { AdminServer } from "./admin-server.ts";

export interface SeededActivity {
  learnerA: string;
  learnerB: string;
  examSessionA: string;
  /** The client seq numbers sent for examSessionA: 0, 1 and 3, so seq 2 is a gap. */
  sentSeqs: number[];
  topicId: string;
  topicName: string;
  studySessionB: string;
  gameSessionA: string;
  rejectedEventId: string;
}

/** Client events go over the wire as JSON; the router checks them, so fixtures need not be typed one by one. */
type WireEvent = Record<string, unknown>;

async function ingest(client: ChronicleClient, events: WireEvent[]) {
  return client.telemetry.ingest.mutate({ source: "web", events: events as unknown as ClientEvent[] });
}

function clientEvent(type: string, sessionId: string, payload: Record<string, unknown>, extra: WireEvent = {}): WireEvent {
  return { id: randomUUID(), event_type: type, session_id: sessionId, client_ts: new Date().toISOString(), payload, ...extra };
}

/** A learner takes a short exam in the player's way: create, answer (changing one answer), submit, with the client's view events. */
async function takeExam(client: ChronicleClient, topicId: string, answers: number[], seqs: number[]) {
  const created = await client.sessions.create.mutate({ mode: "practice", topicIds: [topicId], questionCount: answers.length });
  const session = await client.sessions.get.query({ sessionId: created.sessionId });
  for (const [i, selectedIndex] of answers.entries()) {
    await client.sessions.answer.mutate({ sessionId: created.sessionId, position: i + 1, action: "select", selectedIndex });
  }
  // Changing the first answer records ANSWER_CHANGED, which the topic view's answer-change patterns count.
  await client.sessions.answer.mutate({ sessionId: created.sessionId, position: 1, action: "select", selectedIndex: (answers[0]! + 1) % 4 });
  const views = seqs.map((seq) => {
    const question = session.questions[Math.min(seq, session.questions.length - 1)]!;
    return clientEvent("QUESTION_VIEWED", created.sessionId, { position: question.position }, { seq, question_id: question.questionId });
  });
  await ingest(client, views);
  await client.sessions.submit.mutate({ sessionId: created.sessionId });
  return { sessionId: created.sessionId, questionIds: session.questions.map((q) => q.questionId) };
}

/** One mission of seed 003 reported by a game server, then closed so its eight features are computed. */
async function playMission(service: ChronicleClient, studentId: string) {
  const sessionId = randomUUID();
  const start = Date.now() - 10 * 60_000;
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const event = (eventType: string, minutes: number, data: Record<string, unknown>) =>
    ({ event_id: randomUUID(), student_id: studentId, session_id: sessionId, event_type: eventType, timestamp: at(minutes), data, mission_id: "mission-alpha", game_version: "1.0.0" }) as unknown as GameBatchEvent;
  await service.telemetry.ingestGameBatch.mutate({
    batch_id: `admin-test-${sessionId}`,
    client_version: "1.0.0",
    events: [
      event("mission_start", 0, { difficulty: "medium" }),
      event("task_start", 0, { task_id: "t1", expected_duration_seconds: 120 }),
      event("task_start", 1, { task_id: "t2", expected_duration_seconds: 60 }),
      event("failure", 2, { task_id: "t2" }),
      event("retry", 2, { task_id: "t2" }),
      event("recovery", 3, { task_id: "t2" }),
      event("collaboration", 3, { peer_count: 2 }),
      event("task_complete", 4, { task_id: "t1", duration_seconds: 100 }),
      event("task_complete", 5, { task_id: "t2", duration_seconds: 200 }),
    ],
  });
  await service.game.closeSession.mutate({ sessionId });
  return sessionId;
}

/**
 * Realistic activity for two learners through the real HTTP API (the typed client, real tokens):
 * exams, study answers, a check-in, suggestion counters, a game mission and one rejected event.
 */
export async function seedActivity(server: AdminServer): Promise<SeededActivity> {
  const [learnerA, learnerB] = [randomUUID(), randomUUID()];
  const clientFor = async (role: "learner" | "service", sub: string, scope?: string) =>
    createChronicleClient({ url: server.url, token: await server.backend.token(role, sub, scope) });
  const [a, b, service] = await Promise.all([clientFor("learner", learnerA), clientFor("learner", learnerB), clientFor("service", randomUUID(), "events:game")]);

  const topics = await a.sessions.topics.query();
  const topic = topics.find((candidate) => candidate.questionCount >= 6) ?? topics[0]!;
  const sentSeqs = [0, 1, 3];
  const examA = await takeExam(a, topic.id, [0, 1, 2, 3], sentSeqs);
  await takeExam(b, topic.id, [2, 2, 1, 0, 3], [0, 1, 2]);

  const studySessionB = randomUUID();
  const submit = (questionId: string, isCorrect: boolean) =>
    clientEvent("question_submit", studySessionB, {
      question_id: questionId, topic_id: topic.id, selected_answer: isCorrect ? "A" : "B", correct_answer: "A", is_correct: isCorrect,
      time_to_answer_seconds: 25, is_first_attempt: true, attempt_number: 1, hint_used: false, explanation_viewed: false,
    });
  await ingest(b, [
    clientEvent("session_start", studySessionB, { device_type: "web", timezone: "Europe/Madrid" }, { seq: 0 }),
    { ...submit(examA.questionIds[0]!, false), seq: 1 },
    { ...submit(examA.questionIds[1]!, true), seq: 2 },
  ]);

  const rejected = clientEvent("PAUSE_BLUR", examA.sessionId, { state: "sideways" });
  const refused = await ingest(a, [rejected]);
  if (refused.rejected !== 1) throw new Error(`The malformed PAUSE_BLUR was not rejected: ${JSON.stringify(refused)}`);

  await a.gamification.checkin.mutate();
  for (const [event, count] of [["suggestion_shown", 6], ["suggestion_accepted", 3], ["suggestion_skipped", 1], ["suggestion_edited", 1], ["suggestion_undo", 1]] as const) {
    await a.counters.ingest.mutate({ event, count });
  }
  const gameSessionA = await playMission(service, learnerA);

  await server.backend.settle();
  return { learnerA, learnerB, examSessionA: examA.sessionId, sentSeqs, topicId: topic.id, topicName: topic.name, studySessionB, gameSessionA, rejectedEventId: rejected.id as string };
}
