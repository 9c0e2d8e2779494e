import { databaseTargets } from "@chronicle/db/testing";
import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, listen, makeExamSession, makeLearner, type RunningServer, type TestServer } from "../testing/index.ts";

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they travelled, before any decompression (fetch would undo the gzip and hide it). */
  body: Buffer;
}

function postRaw(url: string, path: string, body: unknown, token: string): Promise<Raw> {
  const text = JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(
      `${url}${path}`,
      { method: "POST", headers: { "content-type": "application/json", "accept-encoding": "gzip", authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on("error", fail);
    req.end(text);
  });
}

describe.each(databaseTargets())("tRPC answers and compression on %s", (driver) => {
  let server: TestServer;
  let http: RunningServer;
  let token: string;
  let sessionId: string;
  let questionIds: string[];
  let seq = 0;
  const batch = (size: number) => ({
    source: "web",
    events: Array.from({ length: size }, (_, i) => clientEvent("QUESTION_VIEWED", sessionId, { seq: seq++, question_id: questionIds[i % 20], payload: { position: (i % 20) + 1 } })),
  });

  beforeAll(async () => {
    server = await createTestServer(driver);
    http = await listen(server.deps);
    const userId = makeLearner();
    const exam = await makeExamSession(server.db, userId, 20);
    sessionId = exam.sessionId;
    questionIds = exam.questionIds;
    token = await server.token("learner", userId);
  });
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });

  it("sends a small ingest acknowledgement as it is, with its length, even to a client that accepts gzip", async () => {
    const answer = await postRaw(http.url, "/trpc/telemetry.ingest", batch(1), token);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    expect(JSON.parse(answer.body.toString("utf8")).result.data.accepted).toBe(1);
  });

  it("gzips a large answer, with the compressed length", async () => {
    const answer = await postRaw(http.url, "/trpc/telemetry.ingest", batch(50), token);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    expect(JSON.parse(gunzipSync(answer.body).toString("utf8")).result.data.accepted).toBe(50);
  });

  it("keeps tRPC's status and headers on a refusal", async () => {
    const answer = await postRaw(http.url, "/trpc/telemetry.ingest", { source: "web", events: "not a list" }, token);
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expect(answer.headers.vary).toMatch(/trpc-accept/);
  });
});
