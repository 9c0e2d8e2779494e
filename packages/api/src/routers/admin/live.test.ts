import { databaseTargets } from "@chronicle/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, listen, makeExamSession, makeLearner, type RunningServer, type TestServer } from "../../testing/index.ts";
import { ingestAs } from "./admin-test-kit.ts";

interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads a text/event-stream response with fetch (Node 20 has no EventSource) and yields its messages. */
async function* sseMessages(response: Response): AsyncGenerator<SseMessage> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message: SseMessage = {};
      for (const line of block.split("\n")) {
        const colon = line.indexOf(":");
        if (colon <= 0) continue;
        const field = line.slice(0, colon) as keyof SseMessage;
        message[field] = line.slice(colon + 1).replace(/^ /, "");
      }
      yield message;
    }
  }
}

describe.each(databaseTargets())("admin.live over HTTP on %s", (driver) => {
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

  async function subscribe(token: string, input: object, abort: AbortController): Promise<Response> {
    const url = `${http.url}/trpc/admin.live?input=${encodeURIComponent(JSON.stringify(input))}`;
    return fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" }, signal: abort.signal });
  }

  /** The data messages of the stream, until `count` have arrived or the time runs out. */
  async function collect(response: Response, count: number, timeoutMs = 8000): Promise<{ id: string; data: { id: string; type: string; sessionId: string } }[]> {
    const received: { id: string; data: { id: string; type: string; sessionId: string } }[] = [];
    const deadline = Date.now() + timeoutMs;
    const messages = sseMessages(response);
    while (received.length < count && Date.now() < deadline) {
      const next = await Promise.race([messages.next(), new Promise<null>((done) => setTimeout(() => done(null), deadline - Date.now()))]);
      if (next === null || next.done) break;
      const message = next.value;
      if (message.data && message.id) received.push({ id: message.id, data: JSON.parse(message.data) });
    }
    return received;
  }

  it("streams a new event and resumes after lastEventId without repeating it", async () => {
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    const token = await server.token("admin", randomUUID());

    const first = new AbortController();
    const stream = await subscribe(token, {}, first);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const blur = clientEvent("PAUSE_BLUR", sessionId);
    await ingestAs(server, learner, [blur]);
    const [delivered] = await collect(stream, 1);
    first.abort();
    expect(delivered?.data).toMatchObject({ id: blur.id, type: "PAUSE_BLUR", family: "exam", userId: learner, sessionId });
    expect(delivered!.id).toMatch(/^\d+\.\d+$/);

    // While disconnected, two more events arrive; the resumed stream sends exactly those.
    const missed = [clientEvent("PAUSE_BLUR", sessionId, { payload: { state: "focus" } }), clientEvent("NAVIGATE_NEXT", sessionId)];
    await ingestAs(server, learner, missed);
    const second = new AbortController();
    const resumed = await subscribe(token, { lastEventId: delivered!.id }, second);
    const replay = await collect(resumed, 3, 3500);
    second.abort();
    expect(replay.map((m) => m.data.id)).toEqual(missed.map((e) => e.id));
    expect(replay.map((m) => m.id)).not.toContain(delivered!.id);
  });

  it("refuses a learner's token before streaming anything", async () => {
    const token = await server.token("learner", randomUUID());
    const abort = new AbortController();
    const response = await subscribe(token, {}, abort);
    const body = await response.text();
    abort.abort();
    // SSE has already answered 200 when the procedure runs, so tRPC sends the error as an event and closes.
    expect(response.status).toBe(200);
    expect(body).toContain("event: serialized-error");
    expect(body).toContain('"code":"FORBIDDEN"');
    expect(body).not.toMatch(/^id:/m);
  });
});
