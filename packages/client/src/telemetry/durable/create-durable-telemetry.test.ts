import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Telemetry } from "../create-telemetry.ts";
import { createDurableTelemetry as createTelemetry } from "./index.ts";
import { createFakeIngest, errorResponse } from "../testing/fake-ingest.ts";

const sessionId = "0190a5c8-0000-7000-8000-00000000000a";
const questionId = "0190a5c8-0000-7000-8000-0000000000f1";

let telemetry: Telemetry | undefined;
let warn: ReturnType<typeof vi.spyOn>;

function trackViews(target: Telemetry, count: number) {
  for (let position = 1; position <= count; position += 1) target.track(sessionId, "QUESTION_VIEWED", { position }, { questionId });
}

/** An `indexedDB` whose databases never open, as in some private-browsing modes. */
function stubFailingIndexedDb() {
  vi.stubGlobal("indexedDB", {
    open() {
      const request: { error: Error; onerror?: () => void } = { error: new Error("The user denied permission to access the database") };
      setTimeout(() => request.onerror?.(), 0);
      return request;
    },
  });
}

beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterEach(() => {
  telemetry?.stop();
  telemetry = undefined;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// The durable queue itself runs in a browser: test/durable-queue.browser.test.ts.
describe("createDurableTelemetry({ durable }) without IndexedDB", () => {
  it("queues in memory after one warning when IndexedDB does not exist", async () => {
    const ingest = createFakeIngest();
    telemetry = createTelemetry({ url: "https://chronicle.test", token: "t", fetch: ingest.fetch, durable: {} });
    trackViews(telemetry, 3);
    await telemetry.flush();

    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toBe(
      "Chronicle telemetry keeps events in memory only, because IndexedDB is not available here; they will not survive a reload.",
    );
    expect(ingest.events().map((event) => event.seq)).toEqual([0, 1, 2]);
  });

  it("hands events tracked before IndexedDB failed to open to the memory queue, in order", async () => {
    stubFailingIndexedDb();
    const ingest = createFakeIngest();
    telemetry = createTelemetry({ url: "https://chronicle.test", token: "t", fetch: ingest.fetch, durable: { dbName: "private" } });
    trackViews(telemetry, 2);
    await telemetry.flush();
    trackViews(telemetry, 1);
    await telemetry.flush();

    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain("because IndexedDB could not be opened (The user denied permission");
    expect(ingest.events().map((event) => [event.seq, (event.payload as { position: number }).position])).toEqual([
      [0, 1],
      [1, 2],
      [2, 1],
    ]);
    expect(telemetry.pending()).toBe(0);
  });

  it("counts dropped events in stats() when it falls back to memory", async () => {
    const ingest = createFakeIngest(() => errorResponse(400, "Invalid input."));
    telemetry = createTelemetry({ url: "https://chronicle.test", token: "t", fetch: ingest.fetch, durable: {} });
    trackViews(telemetry, 4);
    await telemetry.flush();
    expect(await telemetry.stats()).toEqual({ queued: 0, dropped: 4, rejected: 0 });
  });
});
