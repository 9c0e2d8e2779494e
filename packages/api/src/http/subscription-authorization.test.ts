import { databaseTargets } from "@chronicle/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestAs } from "../routers/admin/admin-test-kit.ts";
import { clientEvent, createTestServer, listen, makeExamSession, makeLearner, type RunningServer, type TestServer } from "../testing/index.ts";

/** The URL httpSubscriptionLink builds for a browser's EventSource, which cannot send an Authorization header. */
function streamUrl(base: string, procedure: string, token: string): string {
  return `${base}/trpc/${procedure}?input=${encodeURIComponent("{}")}&connectionParams=${encodeURIComponent(JSON.stringify({ token }))}`;
}

/** Reads the event stream until `isEnough` says so or the time runs out, and returns the text so far. */
async function readStream(response: Response, isEnough: (text: string) => boolean, timeoutMs = 6000): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const deadline = Date.now() + timeoutMs;
  let text = "";
  while (!isEnough(text) && Date.now() < deadline) {
    const next = await Promise.race([reader.read(), new Promise<null>((done) => setTimeout(() => done(null), deadline - Date.now()))]);
    if (next === null || next.done) break;
    text += next.value;
  }
  await reader.cancel().catch(() => undefined);
  return text;
}

describe.each(databaseTargets())("a bearer token in tRPC connectionParams on %s", (driver) => {
  let server: TestServer;
  let http: RunningServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
    http = await listen(server.deps);
  });
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });

  it("signs in a browser's admin.live stream, which cannot send headers", async () => {
    const token = await server.token("admin", randomUUID());
    const abort = new AbortController();
    const response = await fetch(streamUrl(http.url, "admin.live", token), { headers: { accept: "text/event-stream" }, signal: abort.signal });
    expect(response.status).toBe(200);
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    const blur = clientEvent("PAUSE_BLUR", sessionId);
    await ingestAs(server, learner, [blur]);
    const text = await readStream(response, (soFar) => soFar.includes(blur.id) || soFar.includes("serialized-error"));
    abort.abort();
    expect(text).not.toContain("serialized-error");
    expect(text).toContain(blur.id);
  });

  it("still refuses a learner's token on the stream", async () => {
    const token = await server.token("learner", randomUUID());
    const response = await fetch(streamUrl(http.url, "admin.live", token), { headers: { accept: "text/event-stream" } });
    const text = await readStream(response, (soFar) => soFar.includes("serialized-error"));
    expect(text).toContain('"code":"FORBIDDEN"');
  });

  it("is not enough for a query, which must send the Authorization header", async () => {
    const token = await server.token("admin", randomUUID());
    const response = await fetch(`${http.url}/trpc/admin.topics?connectionParams=${encodeURIComponent(JSON.stringify({ token }))}`);
    expect(response.status).toBe(401);
  });
});
