import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";
import { createChronicleHttp, type ChronicleHttp } from "./create-http-server.ts";

/** Debian's Chromium, never a downloaded browser build (this machine reaches no browser CDN). */
const CHROMIUM_PATH = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn("CORS browser test skipped: Debian's chromium is not installed (apt-get install -y chromium)");

/** A page origin of its own: a server that answers every path with an empty page. */
async function pageOrigin(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>producer</title>");
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", () => ready()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe.skipIf(!hasChromium)("CORS from a browser page on another origin", () => {
  let backend: TestServer;
  let api: ChronicleHttp;
  let apiUrl: string;
  let allowed: { server: Server; url: string };
  let other: { server: Server; url: string };
  let browser: Browser;
  let token: string;
  let sessionId: string;

  beforeAll(async () => {
    allowed = await pageOrigin();
    other = await pageOrigin();
    backend = await createTestServer("pglite", { CHRONICLE_CORS_ORIGINS: `https://unrelated.example, ${allowed.url}` });
    api = createChronicleHttp(backend.deps);
    await new Promise<void>((ready) => api.server.listen(0, "127.0.0.1", () => ready()));
    // "localhost" is another origin than the pages' 127.0.0.1, so every call is cross-origin.
    apiUrl = `http://localhost:${(api.server.address() as AddressInfo).port}`;
    const learner = makeLearner();
    sessionId = (await makeExamSession(backend.db, learner)).sessionId;
    token = await backend.token("learner", learner);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await backend?.close();
    allowed?.server.close();
    other?.server.close();
  });

  /** Sends one event from a page on `origin` with a bearer token, as the SDK does (a preflighted POST). */
  async function sendFrom(origin: string): Promise<{ status: number; accepted: number } | { failed: string }> {
    const page = await browser.newPage();
    try {
      await page.goto(origin);
      return await page.evaluate(
        async ({ apiUrl, token, body }) => {
          try {
            const response = await fetch(`${apiUrl}/trpc/telemetry.ingest`, {
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
              body,
            });
            const json = (await response.json()) as { result?: { data: { accepted: number } } };
            return { status: response.status, accepted: json.result?.data.accepted ?? 0 };
          } catch (error) {
            return { failed: String(error) };
          }
        },
        { apiUrl, token, body: JSON.stringify({ source: "web", events: [clientEvent("PAUSE_BLUR", sessionId)] }) },
      );
    } finally {
      await page.close();
    }
  }

  it("lets a page on an allowed origin send events with a bearer token", async () => {
    expect(await sendFrom(allowed.url)).toEqual({ status: 200, accepted: 1 });
  });

  it("refuses a page on an origin that is not on the list", async () => {
    const before = await backend.db.rows<{ n: number }>(sqlCount());
    const outcome = await sendFrom(other.url);
    expect(outcome).toMatchObject({ failed: expect.stringMatching(/Failed to fetch/) });
    const after = await backend.db.rows<{ n: number }>(sqlCount());
    // The preflight is refused, so the POST never reaches the server.
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

function sqlCount() {
  return sql`select count(*)::int as n from events`;
}
