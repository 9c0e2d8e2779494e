import type { ClientEvent } from "@chronicle/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Telemetry } from "../src/telemetry/index.ts";
import { bundleTelemetrySdk } from "./support/bundle-telemetry-sdk.ts";
import { chromiumPath, hasChromium, launchChromium } from "./support/launch-chromium.ts";
import { startTelemetryTestServer, type TelemetryTestServer } from "./support/telemetry-test-server.ts";

type TestWindow = Window & { telemetry: Telemetry; droppedEvents: ClientEvent[] };

const sessionId = "0190a5c8-0000-7000-8000-00000000000a";
const questionId = "0190a5c8-0000-7000-8000-0000000000f1";

if (!hasChromium) console.log(`Browser tests skipped: Debian's chromium is not installed at ${chromiumPath}.`);

// The suite needs a real browser for IndexedDB, Web Locks and offline emulation; without one it cannot say anything.
describe.skipIf(!hasChromium)("durable telemetry queue in Chromium", () => {
  let browser: Browser;
  let server: TelemetryTestServer;
  let context: BrowserContext;
  let databaseCount = 0;

  beforeAll(async () => {
    server = await startTelemetryTestServer(await bundleTelemetrySdk());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await context?.close();
    server.reset();
  });

  /** A fresh browser profile; each test gets its own database so no test sees another's events. */
  async function openContext(): Promise<BrowserContext> {
    context = await browser.newContext();
    return context;
  }

  async function openPage(query: Record<string, string | number> = {}, db = `chronicle-test-${(databaseCount += 1)}`): Promise<Page> {
    const page = await context.newPage();
    const search = new URLSearchParams({ db, ...Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)])) });
    await page.goto(`${server.origin}/?${search}`);
    return page;
  }

  /** Offline emulation blocks the page itself too, so its two files are fetched by Node instead. */
  async function servePageWhileOffline(): Promise<void> {
    await context.route(/\/(\?.*)?$|\/sdk\.js$/, async (route) => {
      const response = await fetch(route.request().url());
      await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() });
    });
  }

  function trackViews(page: Page, count: number, firstPosition = 1, pauseMs = 0): Promise<void> {
    return page.evaluate(
      async ({ count, firstPosition, pauseMs, sessionId, questionId }) => {
        const { telemetry } = window as unknown as TestWindow;
        for (let position = firstPosition; position < firstPosition + count; position += 1) {
          telemetry.track(sessionId, "QUESTION_VIEWED", { position }, { questionId });
          if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * pauseMs));
        }
      },
      { count, firstPosition, pauseMs, sessionId, questionId },
    );
  }

  const stats = (page: Page) => page.evaluate(() => (window as unknown as TestWindow).telemetry.stats());
  const flush = (page: Page) => page.evaluate(() => (window as unknown as TestWindow).telemetry.flush());
  const positionsOf = (events: readonly ClientEvent[]) => events.map((event) => (event.payload as { position: number }).position);
  const sortedSeqs = () => server.events.map((event) => event.seq).sort((a, b) => (a ?? 0) - (b ?? 0));
  const idsReceivedMoreThanOnce = () => [...server.receipts].filter(([, count]) => count > 1).map(([id]) => id);

  it("keeps events tracked offline across a reload and sends each once when back online", async () => {
    await openContext();
    await servePageWhileOffline();
    const page = await openPage();
    await context.setOffline(true);

    await trackViews(page, 30);
    expect(await stats(page)).toEqual({ queued: 30, dropped: 0, rejected: 0 });
    await page.reload();
    expect(await stats(page)).toEqual({ queued: 30, dropped: 0, rejected: 0 });
    expect(server.receipts.size).toBe(0);

    await context.setOffline(false);
    await expect.poll(() => server.events.length, { timeout: 10_000 }).toBe(30);
    expect(idsReceivedMoreThanOnce()).toEqual([]);
    expect(sortedSeqs()).toEqual(Array.from({ length: 30 }, (_, seq) => seq));
    await expect.poll(async () => (await stats(page)).queued).toBe(0);
  });

  it("holds at most maxEvents, drops and counts the oldest, and reports the overflow to the server after a reload", async () => {
    await openContext();
    await servePageWhileOffline();
    const page = await openPage({ maxEvents: 20 });
    await context.setOffline(true);

    await trackViews(page, 25);
    expect(await stats(page)).toEqual({ queued: 20, dropped: 5, rejected: 0 });
    expect(positionsOf(await page.evaluate(() => (window as unknown as TestWindow).droppedEvents))).toEqual([1, 2, 3, 4, 5]);
    // The page that overflowed is gone before it could tell the server; the next one does.
    await page.reload();

    await context.setOffline(false);
    await expect.poll(() => server.events.length, { timeout: 10_000 }).toBe(20);
    expect(positionsOf(server.events).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 6));
    expect(idsReceivedMoreThanOnce()).toEqual([]);
    await expect.poll(() => stats(page)).toEqual({ queued: 0, dropped: 5, rejected: 0 });
    const reportedDrops = server.clientMetrics.reduce((sum, header) => sum + Number(/(?:^|,)dropped=(\d+)/.exec(header)?.[1] ?? 0), 0);
    expect(reportedDrops).toBe(5);
  });

  it.each([
    { locks: "Web Locks", hideWebLocks: false },
    { locks: "the IndexedDB lease (no Web Locks)", hideWebLocks: true },
  ])("sends each event of two tabs tracking one session once, numbered without gaps, with $locks", async ({ hideWebLocks }) => {
    await openContext();
    if (hideWebLocks) {
      await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "locks", { get: () => undefined }));
    }
    server.delayMs = 300;
    const db = `chronicle-test-${(databaseCount += 1)}`;
    const [first, second] = [await openPage({}, db), await openPage({}, db)];
    expect(await first.evaluate(() => typeof navigator.locks)).toBe(hideWebLocks ? "undefined" : "object");

    await Promise.all([trackViews(first, 40, 1, 20), trackViews(second, 40, 101, 20)]);
    await Promise.all([flush(first), flush(second)]);

    await expect.poll(() => server.events.length, { timeout: 20_000 }).toBe(80);
    expect(idsReceivedMoreThanOnce()).toEqual([]);
    expect(sortedSeqs()).toEqual(Array.from({ length: 80 }, (_, seq) => seq));
    await expect.poll(() => stats(first), { timeout: 5_000 }).toEqual({ queued: 0, dropped: 0, rejected: 0 });
  }, 60_000);

  it("keeps unsent events through a reload in the middle of a session", async () => {
    await openContext();
    const page = await openPage({ maxQueued: 10 });
    await trackViews(page, 10);
    await expect.poll(() => server.events.length, { timeout: 10_000 }).toBe(10);

    // The server goes down, so the next events fail their attempts and wait in the store.
    server.isDown = true;
    await trackViews(page, 5, 11);
    await flush(page);
    expect((await stats(page)).queued).toBe(5);
    await page.reload();
    server.isDown = false;

    await flush(page);
    expect(server.events.length).toBe(15);
    expect(positionsOf(server.events)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(idsReceivedMoreThanOnce()).toEqual([]);
    expect(sortedSeqs()).toEqual(Array.from({ length: 15 }, (_, seq) => seq));
  });
});
