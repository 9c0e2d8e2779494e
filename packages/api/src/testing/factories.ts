import { sessions, testSessionQuestions, testSessions, type Database } from "@chronicle/db";
import { randomUUID } from "node:crypto";

export interface ExamSessionFixture {
  sessionId: string;
  userId: string;
  questionIds: string[];
}

/** A learner id; Chronicle keeps no other learner data for ingestion. */
export function makeLearner(): string {
  return randomUUID();
}

/** An active exam session owned by `userId`, with `questionCount` questions at positions 1..n. */
export async function makeExamSession(db: Database, userId: string, questionCount = 3): Promise<ExamSessionFixture> {
  const sessionId = randomUUID();
  const questionIds = Array.from({ length: questionCount }, () => randomUUID());
  await db.orm.insert(sessions).values({ id: sessionId, userId, family: "exam" });
  await db.orm.insert(testSessions).values({ id: sessionId, userId, mode: "practice", questionCount });
  await db.orm.insert(testSessionQuestions).values(questionIds.map((questionId, i) => ({ sessionId, questionId, position: i + 1 })));
  return { sessionId, userId, questionIds };
}
