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

/** Posts until the answer is not a 503, as a client honouring Retry-After would (but after 100 ms, not seconds). */
async function postRetrying(http: RunningServer, path: string, body: unknown, token: string) {
  for (;;) {
    const response = await http.post(path, body, token).catch(() => null);
    if (response && response.status !== 503) return response;
    // A 503, or a connection the overloaded server closed (its request timeout): send it again.
    unavailable.count += 1;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Learners sending `telemetry.ingest` batches of QUESTION_VIEWED events in their own exam sessions. */
export async function telemetryLearners(db: Database, env: ServerEnv, http: RunningServer, count: number, batchSize: number): Promise<Sender[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const userId = makeLearner();
      const exam = await makeExamSession(db, userId, 20);
      const token = await signDevToken(env, { role: "learner", sub: userId });
      let seq = 0;
      return async () => {
        const events = Array.from({ length: batchSize }, (_, i) =>
          clientEvent("QUESTION_VIEWED", exam.sessionId, { seq: seq++, question_id: exam.questionIds[i % 20], payload: { position: (i % 20) + 1 } }),
        );
        const response = await postRetrying(http, "/trpc/telemetry.ingest", { source: "web", events }, token);
        if (storedOf(response.json) !== batchSize) throw new Error(`telemetry batch not fully accepted: ${JSON.stringify(response.json).slice(0, 300)}`);
        return batchSize;
      };
    }),
  );
}

/** Game servers sending `ingestGameBatch` batches of choice_made events for 20 players each. */
export async function gameSenders(env: ServerEnv, http: RunningServer, count: number, batchSize: number): Promise<Sender[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const token = await signDevToken(env, { role: "service", sub: randomUUID(), scope: "events:game" });
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
        const response = await postRetrying(http, "/trpc/telemetry.ingestGameBatch", body, token);
        if (storedOf(response.json) !== batchSize) throw new Error(`game batch not fully accepted: ${JSON.stringify(response.json).slice(0, 300)}`);
        return batchSize;
      };
    }),
  );
}

