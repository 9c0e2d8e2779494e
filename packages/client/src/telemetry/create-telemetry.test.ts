import type { ClientEvent } from "@chronicle/contracts";
import { MAX_KEEPALIVE_REQUEST_BYTES, MAX_LEARNER_BATCH_EVENTS } from "@chronicle/contracts/limits";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTelemetry, type Telemetry, type TelemetryOptions } from "./create-telemetry.ts";
import { acceptAll, createFakeIngest, errorResponse, ingestResponse, type Responder } from "./testing/fake-ingest.ts";

const sessionA = "0190a5c8-0000-7000-8000-00000000000a";
const sessionB = "0190a5c8-0000-7000-8000-00000000000b";
const questionId = "0190a5c8-0000-7000-8000-0000000000f1";

let telemetry: Telemetry | undefined;
let warn: ReturnType<typeof vi.spyOn>;

function setup(respond: Responder = acceptAll, options: Partial<TelemetryOptions> = {}) {
  const ingest = createFakeIngest(respond);
  telemetry = createTelemetry({ url: "https://chronicle.test/", token: "learner-token", fetch: ingest.fetch, ...options });
  return { ingest, telemetry };
}

function trackViews(target: Telemetry, count: number, sessionId = sessionA) {
  for (let position = 1; position <= count; position += 1) target.track(sessionId, "QUESTION_VIEWED", { position }, { questionId });
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

beforeEach(() => {
  vi.useFakeTimers();
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterEach(() => {
  telemetry?.stop();
  telemetry = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("createTelemetry", () => {
  it("sends the queue as soon as it holds 10 events", async () => {
    const { ingest, telemetry } = setup();
    trackViews(telemetry, 9);
    await vi.advanceTimersByTimeAsync(0);
    expect(ingest.requests).toHaveLength(0);

    trackViews(telemetry, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(ingest.requests).toHaveLength(1);
    expect(ingest.requests[0]?.body.events).toHaveLength(10);
    expect(telemetry.pending()).toBe(0);
  });

  it("sends what is queued every 12 seconds", async () => {
    const { ingest, telemetry } = setup();
    trackViews(telemetry, 3);
    await vi.advanceTimersByTimeAsync(11_999);
    expect(ingest.requests).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1);
    expect(ingest.events()).toHaveLength(3);
  });

  it("posts seed 000's batch to telemetry.ingest with the bearer token", async () => {
    const { ingest, telemetry } = setup(acceptAll, { source: "mobile" });
    telemetry.track(sessionA, "ANSWER_SELECTED", { position: 2, selected_index: 1 }, { questionId });
    await telemetry.flush();

    const [request] = ingest.requests;
    expect(request?.url).toBe("https://chronicle.test/trpc/telemetry.ingest");
    expect(request?.init.method).toBe("POST");
    expect(request?.init.headers).toMatchObject({ authorization: "Bearer learner-token", "content-type": "application/json" });
    expect(request?.body.source).toBe("mobile");
    expect(request?.body.events[0]).toMatchObject({
      event_type: "ANSWER_SELECTED",
      event_version: 1,
      session_id: sessionA,
      question_id: questionId,
      seq: 0,
      client_ts: new Date().toISOString(),
      payload: { position: 2, selected_index: 1 },
    });
  });

  it("asks a token function for the token before each request", async () => {
    let issued = 0;
    const { ingest, telemetry } = setup(acceptAll, { token: async () => `token-${(issued += 1)}` });
    trackViews(telemetry, 1);
    await telemetry.flush();
    trackViews(telemetry, 1);
    await telemetry.flush();
    expect(ingest.requests.map((request) => (request.init.headers as Record<string, string>).authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-2",
    ]);
  });

  it("resolves flush() only after the server has answered", async () => {
    const answer = deferred<Response>();
    const { ingest, telemetry } = setup(() => answer.promise);
    trackViews(telemetry, 2);
    let isFlushed = false;
    const flushing = telemetry.flush().then(() => {
      isFlushed = true;
    });

    await vi.advanceTimersByTimeAsync(0);
    expect(ingest.requests).toHaveLength(1);
    expect(isFlushed).toBe(false);
    expect(telemetry.pending()).toBe(2);

    answer.resolve(acceptAll(ingest.requests[0]!) as Response);
    await flushing;
    expect(isFlushed).toBe(true);
    expect(telemetry.pending()).toBe(0);
  });

  it("keeps one request in flight at a time and sends later events after it", async () => {
    const answers = [deferred<Response>(), deferred<Response>()];
    const { ingest, telemetry } = setup(() => answers[ingest.requests.length - 1]!.promise);
    trackViews(telemetry, 10);
    await vi.advanceTimersByTimeAsync(0);
    trackViews(telemetry, 10);
    const flushing = telemetry.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(ingest.requests).toHaveLength(1);

    answers[0]!.resolve(acceptAll(ingest.requests[0]!) as Response);
    await vi.advanceTimersByTimeAsync(0);
    expect(ingest.requests).toHaveLength(2);
    answers[1]!.resolve(acceptAll(ingest.requests[1]!) as Response);
    await flushing;
    expect(ingest.events()).toHaveLength(20);
  });

  it("retries a failing batch twice, then drops it with one warning", async () => {
    const onDrop = vi.fn();
    const { ingest, telemetry } = setup(() => errorResponse(503, "The event store is unavailable."), { onDrop });
    trackViews(telemetry, 4);
    const flushing = telemetry.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    await flushing;

    expect(ingest.requests).toHaveLength(3);
    expect(telemetry.pending()).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/dropped 4 event\(s\) because HTTP 503: The event store is unavailable \(after 3 attempt\(s\)\)\.$/);
    expect(onDrop).toHaveBeenCalledTimes(1);
    expect((onDrop.mock.calls[0]?.[0] as ClientEvent[]).length).toBe(4);
  });

  it("retries after a network error and delivers on the next attempt", async () => {
    let calls = 0;
    const { ingest, telemetry } = setup((request) => {
      calls += 1;
      if (calls === 1) throw new TypeError("Failed to fetch");
      return acceptAll(request);
    });
    trackViews(telemetry, 2);
    const flushing = telemetry.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    await flushing;
    expect(ingest.requests).toHaveLength(2);
    expect(warn).not.toHaveBeenCalled();
  });

  it("waits as long as Retry-After asks before retrying", async () => {
    let calls = 0;
    const { ingest, telemetry } = setup((request) => {
      calls += 1;
      return calls === 1 ? errorResponse(429, "Slow down.", { "retry-after": "3" }) : acceptAll(request);
    });
    trackViews(telemetry, 1);
    const flushing = telemetry.flush();

    await vi.advanceTimersByTimeAsync(2_999);
    expect(ingest.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ingest.requests).toHaveLength(2);
    await flushing;
    expect(ingest.requests[1]!.sentAt - ingest.requests[0]!.sentAt).toBe(3_000);
  });

  it("reports its flushes, retries, answered events and queue overflow with its next requests", async () => {
    let calls = 0;
    const { ingest, telemetry } = setup(
      (request) => {
        calls += 1;
        return calls === 1 ? errorResponse(503, "The event store is unavailable.") : acceptAll(request);
      },
      { maxBuffered: 5, maxQueued: 1000 },
    );
    // Eight events into a queue of five: the three oldest overflow.
    trackViews(telemetry, 8);
    const flushing = telemetry.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    await flushing;
    trackViews(telemetry, 1);
    await telemetry.flush();

    const headers = ingest.requests.map((request) => (request.init.headers as Record<string, string>)["x-chronicle-client-metrics"]);
    expect(headers).toEqual([
      "source=web,flushes=1,requests=1,retries=0,events=0,rejected=0,dropped=3",
      // The 503 arrived, so its report did too; only what happened since is sent again.
      "source=web,flushes=0,requests=1,retries=1,events=0,rejected=0,dropped=0",
      "source=web,flushes=1,requests=1,retries=0,events=5,rejected=0,dropped=0",
    ]);
  });

  it("does not retry a request the server refused with a 400", async () => {
    const { ingest, telemetry } = setup(() => errorResponse(400, "Invalid input: events: a batch needs at least one event."));
    trackViews(telemetry, 2);
    const flushing = telemetry.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    await flushing;
    expect(ingest.requests).toHaveLength(1);
    expect(telemetry.pending()).toBe(0);
    expect(String(warn.mock.calls[0]?.[0])).toContain("HTTP 400: Invalid input");
  });

  it("removes only acknowledged events and lists the rejected ones", async () => {
    const { telemetry } = setup((request) => {
      const [accepted, duplicate, rejected] = request.body.events;
      return ingestResponse([
        { index: 0, id: accepted!.id, status: "accepted" },
        { index: 1, id: duplicate!.id, status: "duplicate" },
        {
          index: 2,
          id: rejected!.id,
          status: "rejected",
          code: "invalid_payload",
          message: "The payload does not match the schema.",
          issues: [{ path: "position", message: "Too small" }],
        },
      ]);
    });
    trackViews(telemetry, 4);
    await telemetry.flush();

    expect(telemetry.pending()).toBe(1);
    expect(telemetry.rejected()).toEqual([
      expect.objectContaining({
        code: "invalid_payload",
        message: "The payload does not match the schema.",
        issues: [{ path: "position", message: "Too small" }],
        event: expect.objectContaining({ seq: 2 }),
      }),
    ]);
  });

  it("sends the events the server did not answer again with the next flush", async () => {
    let calls = 0;
    const { ingest, telemetry } = setup((request) => {
      calls += 1;
      return calls === 1 ? ingestResponse([{ index: 0, id: request.body.events[0]!.id, status: "accepted" }]) : acceptAll(request);
    });
    trackViews(telemetry, 2);
    await telemetry.flush();
    await telemetry.flush();
    expect(ingest.requests.map((request) => request.body.events.map((event) => event.seq))).toEqual([[0, 1], [1]]);
    expect(telemetry.pending()).toBe(0);
  });

  it("numbers each session's events 0, 1, 2… independently", async () => {
    const { ingest, telemetry } = setup();
    trackViews(telemetry, 3, sessionA);
    trackViews(telemetry, 2, sessionB);
    trackViews(telemetry, 2, sessionA);
    await telemetry.flush();
    const seqsOf = (sessionId: string) =>
      ingest.events().filter((event) => event.session_id === sessionId).map((event) => event.seq);
    expect(seqsOf(sessionA)).toEqual([0, 1, 2, 3, 4]);
    expect(seqsOf(sessionB)).toEqual([0, 1]);
  });

  it("continues a session's seq from storage after a reload", async () => {
    const stored = new Map<string, string>();
    const storage = { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) };
    const first = setup(acceptAll, { storage });
    trackViews(first.telemetry, 3);
    first.telemetry.stop();
    const second = setup(acceptAll, { storage });
    trackViews(second.telemetry, 2);
    await second.telemetry.flush();
    expect(second.ingest.events().map((event) => event.seq)).toEqual([3, 4]);
  });

  it("gives events UUIDv7 ids that sort in the order they were tracked", async () => {
    const { ingest, telemetry } = setup();
    for (let i = 0; i < 30; i += 1) {
      trackViews(telemetry, 1);
      vi.advanceTimersByTime(i % 3);
    }
    await telemetry.flush();
    const ids = ingest.events().map((event) => event.id);
    expect(ids).toHaveLength(30);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
  });

  it("never throws from track, even when fetch throws synchronously", async () => {
    const throwingFetch = () => {
      throw new Error("fetch is broken");
    };
    telemetry = createTelemetry({ url: "https://chronicle.test", token: "t", fetch: throwingFetch });
    const target = telemetry;
    expect(() => trackViews(target, 25)).not.toThrow();
    const flushing = target.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(flushing).resolves.toBeUndefined();
    expect(target.pending()).toBe(0);
  });

  it("drops a malformed call with a warning instead of throwing", async () => {
    const { ingest, telemetry } = setup();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => telemetry.track(sessionA, "QUESTION_VIEWED", null as never)).not.toThrow();
    expect(() => telemetry.track("", "QUESTION_VIEWED", { position: 1 })).not.toThrow();
    expect(() => telemetry.track(sessionA, "QUESTION_VIEWED", circular as never)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[0]?.[0])).toBe("Chronicle telemetry dropped a QUESTION_VIEWED event because the payload is not an object.");
    await telemetry.flush();
    expect(ingest.requests).toHaveLength(0);
  });

  it("stops its timer when stopped", async () => {
    const { ingest, telemetry } = setup();
    trackViews(telemetry, 2);
    telemetry.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ingest.requests).toHaveLength(0);
    expect(telemetry.pending()).toBe(2);
  });
});

describe("flushOnPageHide", () => {
  it("splits 100 large events into keepalive requests of at most 64 KB and 50 events", async () => {
    const { ingest, telemetry } = setup(acceptAll, { maxQueued: 1000 });
    for (let i = 0; i < 100; i += 1) {
      telemetry.track(sessionA, "QUESTION_VIEWED", { position: i + 1, padding: "é".repeat(1500) } as never);
    }
    telemetry.flushOnPageHide();
    expect(ingest.requests.length).toBeGreaterThan(2);
    for (const request of ingest.requests) {
      expect(request.init.keepalive).toBe(true);
      expect(request.bodyBytes).toBeLessThanOrEqual(MAX_KEEPALIVE_REQUEST_BYTES);
      expect(request.body.events.length).toBeLessThanOrEqual(MAX_LEARNER_BATCH_EVENTS);
    }
    expect(ingest.events().map((event) => event.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    await vi.advanceTimersByTimeAsync(0);
    expect(telemetry.pending()).toBe(0);
  });

  it("keeps events whose keepalive request failed for the next flush", async () => {
    let calls = 0;
    const { ingest, telemetry } = setup((request) => {
      calls += 1;
      if (calls === 1) throw new TypeError("keepalive quota exceeded");
      return acceptAll(request);
    });
    trackViews(telemetry, 3);
    telemetry.flushOnPageHide();
    await vi.advanceTimersByTimeAsync(0);
    expect(telemetry.pending()).toBe(3);
    await telemetry.flush();
    expect(ingest.requests).toHaveLength(2);
    expect(telemetry.pending()).toBe(0);
  });
});
