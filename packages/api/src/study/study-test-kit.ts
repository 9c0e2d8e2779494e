import type { ClientEvent, EventPayloadInput, EventType } from "@chronicle/contracts";
import { questions, topics, type Database } from "@chronicle/db";
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { emitServerEvents } from "../emit/emit-server-events.ts";
import { clientEvent, type RawClientEvent } from "../testing/client-events.ts";
import type { TestServer } from "../testing/test-server.ts";

/** A server clock the test moves: every event ingested gets `clock.at` as its event_ts. */
export interface TestClock {
  at: Date;
  set(iso: string): void;
  now(): Date;
}

export function testClock(iso: string): TestClock {
  const clock: TestClock = {
    at: new Date(iso),
    set(next) {
      clock.at = new Date(next);
    },
    now: () => clock.at,
  };
  return clock;
}

/** A study event of `type` with the given payload (fixture payload when omitted). */
export function studyEvent<T extends EventType>(type: T, sessionId: string, payload?: EventPayloadInput<T>): RawClientEvent {
  return clientEvent(type, sessionId, payload ? { payload } : {});
}

/** Sends a batch through the real telemetry.ingest and expects every event to be stored (or a duplicate). */
export async function ingest(server: TestServer, userId: string, events: readonly RawClientEvent[]): Promise<void> {
  const response = await server.learner(userId).telemetry.ingest({ source: "web", events: events as unknown as ClientEvent[] });
  expect(response.rejected_reasons_sample).toEqual([]);
}

/** Appends server-only events (xp_earned, SESSION_SUBMITTED…) as the server would, at the clock's time. */
export async function emitAsServer(
  server: TestServer,
  at: Date,
  events: readonly { id?: string; type: EventType; sessionId: string; userId: string; questionId?: string; payload: Record<string, unknown> }[],
): Promise<void> {
  await emitServerEvents(server.db.orm, events as Parameters<typeof emitServerEvents>[1], at);
}

/** A topic with `count` bank questions whose correct option is index 1 ("B"). */
export async function makeTopic(db: Database, name: string, count: number, questionIds: string[] = []): Promise<{ topicId: string; questionIds: string[] }> {
  const topicId = randomUUID();
  await db.orm.insert(topics).values({ id: topicId, slug: `${name.toLowerCase()}-${topicId.slice(0, 8)}`, name, description: name });
  const ids = Array.from({ length: count }, (_, i) => questionIds[i] ?? randomUUID());
  if (ids.length > 0) {
    await db.orm.insert(questions).values(
      ids.map((id, i) => ({ id, topicId, stem: `${name} question ${i + 1}`, options: ["A", "B", "C", "D"], correctIndex: 1, explanation: "Because.", difficulty: 2 })),
    );
  }
  return { topicId, questionIds: ids };
}

/** A study question_submit payload for `questionId` in `topicId`. */
export function submitPayload(questionId: string, topicId: string, isCorrect: boolean, extra: Partial<EventPayloadInput<"question_submit">> = {}): EventPayloadInput<"question_submit"> {
  return {
    question_id: questionId,
    topic_id: topicId,
    selected_answer: isCorrect ? "B" : "A",
    correct_answer: "B",
    is_correct: isCorrect,
    time_to_answer_seconds: 30,
    is_first_attempt: true,
    attempt_number: 1,
    hint_used: false,
    ...extra,
  };
}
