import type { CreateSessionInput, CreateSessionOutput } from "@chronicle/contracts";
import { sessions, testSessionQuestions, testSessions } from "@chronicle/db";
import { randomUUID } from "node:crypto";
import { derivedEventId, emitBestEffort } from "../emit/emit-server-events.ts";
import type { ExamDeps } from "./exam-deps.ts";
import { pickQuestions } from "./pick-questions.ts";
import { timeLimitFor } from "./time-limit.ts";

/** Filters as SESSION_CREATED records them: only the ones the learner actually set. */
function filtersOf(input: CreateSessionInput): CreateSessionOutput["filters"] {
  return {
    ...(input.topicIds?.length ? { topic_ids: input.topicIds } : {}),
    ...(input.difficulty?.length ? { difficulty: input.difficulty } : {}),
  };
}

/** Picks the questions, stores the session and its questions in one transaction, then emits SESSION_CREATED. */
export async function createSession(deps: ExamDeps, userId: string, input: CreateSessionInput): Promise<CreateSessionOutput> {
  const at = deps.now();
  const questionIds = await pickQuestions(deps.db.orm, input, input.questionCount);
  const sessionId = randomUUID();
  const filters = filtersOf(input);
  const timeLimitSeconds = timeLimitFor(input.mode, input.questionCount);
  const createdAt = at.toISOString();
  const expiresAt = timeLimitSeconds === null ? null : new Date(at.getTime() + timeLimitSeconds * 1000).toISOString();
  await deps.db.transaction(async (tx) => {
    await tx.insert(sessions).values({ id: sessionId, userId, family: "exam", createdAt });
    await tx.insert(testSessions).values({
      id: sessionId,
      userId,
      mode: input.mode,
      questionCount: input.questionCount,
      timeLimitSeconds,
      createdAt,
      expiresAt,
      filters,
    });
    await tx.insert(testSessionQuestions).values(questionIds.map((questionId, i) => ({ sessionId, questionId, position: i + 1 })));
  });
  await emitBestEffort(
    deps,
    deps.db.orm,
    [
      {
        id: derivedEventId(sessionId, "SESSION_CREATED"),
        type: "SESSION_CREATED",
        sessionId,
        userId,
        payload: { mode: input.mode, filters, question_count: input.questionCount, time_limit_seconds: timeLimitSeconds },
      },
    ],
    at,
  );
  return { sessionId, mode: input.mode, filters, questionCount: input.questionCount, timeLimitSeconds, createdAt, expiresAt };
}
