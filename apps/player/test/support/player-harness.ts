import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { hasChromium, launchChromium } from "./chromium.ts";
import { startPlayerServer, type PlayerServer } from "./player-server.ts";

export interface PlayerHarness {
  readonly server: PlayerServer;
  /** A fresh tab (own sessionStorage); uncaught page errors are collected in `pageErrors`. */
  openPage(): Promise<Page>;
  readonly pageErrors: string[];
}

/** One real server and one Chromium per test file, closed after it. */
export function usePlayerHarness(): PlayerHarness {
  let server: PlayerServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    [server, browser] = await Promise.all([startPlayerServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      if (!server) throw new Error("The player server is not running; beforeAll did not finish.");
      return server;
    },
    pageErrors,
    async openPage() {
      if (!browser) throw new Error("Chromium is not running; beforeAll did not finish.");
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      page.on("pageerror", (error) => pageErrors.push(error.message));
      return page;
    },
  };
}
