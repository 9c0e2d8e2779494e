import type { Database } from "@chronicle/db";
import { randomUUID } from "node:crypto";
import { signDevToken } from "@chronicle/api/auth/sign-dev-token.ts";
import type { ServerEnv } from "@chronicle/api/env.ts";
import { clientEvent, makeExamSession, makeLearner, type RunningServer } from "@chronicle/api/testing/index.ts";

/** Sends one batch and resolves with the number of events it carried, after checking they were all accepted. */
export type Sender = () => Promise<number>;

/** 503s and dropped connections seen (the request was sent again); the benches report them next to their figures. */
export const unavailable = { count: 0 };

/** Accepted now or by an earlier try that was answered 503 while its write went on. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tRPC's JSON envelope
const storedOf = (json: any): number => (json.result?.data.accepted ?? 0) + (json.result?.data.duplicates ?? 0);

/** The one call the senders make: a POST with a bearer token, answered with tRPC's JSON envelope. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tRPC's JSON envelope
export type Post = (path: string, body: unknown, token: string) => Promise<{ status: number; json: any }>;

/** A Post over fetch to a server's base URL, for a sender process that only knows the URL. */
export function postTo(url: string): Post {
  return async (path, body, token) => {
    const response = await fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  };
}

/** Posts until the answer is not a 503, as a client honouring Retry-After would (but after 100 ms, not seconds). */
async function postRetrying(post: Post, path: string, body: unknown, token: string) {
  for (;;) {
    const response = await post(path, body, token).catch(() => null);
    if (response && response.status !== 503) return response;
    // A 503, or a connection the overloaded server closed (its request timeout): send it again.
    unavailable.count += 1;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a learner sender needs, serialisable so another process can send for it. */
export interface LearnerPlan {
  token: string;
  sessionId: string;
  questionIds: string[];
}

/** Learners with an exam session of 20 questions each, and their tokens. */
export async function planLearners(db: Database, env: ServerEnv, count: number): Promise<LearnerPlan[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const userId = makeLearner();
      const exam = await makeExamSession(db, userId, 20);
      const token = await signDevToken(env, { role: "learner", sub: userId });
      return { token, sessionId: exam.sessionId, questionIds: exam.questionIds };
    }),
  );
}

/** Senders of `telemetry.ingest` batches of QUESTION_VIEWED events, one per planned learner. */
export function learnerSenders(post: Post, plans: readonly LearnerPlan[], batchSize: number): Sender[] {
  return plans.map((plan) => {
    let seq = 0;
    return async () => {
      const events = Array.from({ length: batchSize }, (_, i) =>
        clientEvent("QUESTION_VIEWED", plan.sessionId, { seq: seq++, question_id: plan.questionIds[i % 20], payload: { position: (i % 20) + 1 } }),
      );
      const response = await postRetrying(post, "/trpc/telemetry.ingest", { source: "web", events }, plan.token);
      if (storedOf(response.json) !== batchSize) throw new Error(`telemetry batch not fully accepted: ${JSON.stringify(response.json).slice(0, 300)}`);
      return batchSize;
    };
  });
}

/** Learners sending `telemetry.ingest` batches of QUESTION_VIEWED events in their own exam sessions. */
export async function telemetryLearners(db: Database, env: ServerEnv, http: RunningServer, count: number, batchSize: number): Promise<Sender[]> {
  return learnerSenders((path, body, token) => http.post(path, body, token), await planLearners(db, env, count), batchSize);
}

/** Service tokens of game servers (scope events:game). */
export async function planGameServers(env: ServerEnv, count: number): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, () => signDevToken(env, { role: "service", sub: randomUUID(), scope: "events:game" })));
}

/** Game servers sending `ingestGameBatch` batches of choice_made events for 20 players each. */
export function gameServerSenders(post: Post, tokens: readonly string[], batchSize: number): Sender[] {
  return tokens.map((token) => {
    const players = Array.from({ length: 20 }, () => ({ studentId: randomUUID(), sessionId: randomUUID() }));
    return async () => {
      const timestamp = new Date().toISOString();
      const events = Array.from({ length: batchSize }, (_, i) => {
        const player = players[i % players.length]!;
        return {
          event_id: randomUUID(),
          student_id: player.studentId,
          event_type: "choice_made",
          timestamp,
          data: { choice: "help_friend" },
          session_id: player.sessionId,
          mission_id: "mission-alpha",
        };
      });
      const body = { batch_id: `bench-${randomUUID()}`, client_version: "1.0.0", events };
      const response = await postRetrying(post, "/trpc/telemetry.ingestGameBatch", body, token);
      if (storedOf(response.json) !== batchSize) throw new Error(`game batch not fully accepted: ${JSON.stringify(response.json).slice(0, 300)}`);
      return batchSize;
    };
  });
}

/** Game servers sending `ingestGameBatch` batches of choice_made events for 20 players each. */
export async function gameSenders(env: ServerEnv, http: RunningServer, count: number, batchSize: number): Promise<Sender[]> {
  return gameServerSenders((path, body, token) => http.post(path, body, token), await planGameServers(env, count), batchSize);
}
