import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startAdminServer, type AdminServer } from "./admin-server.ts";
import { hasChromium, launchChromium } from "./chromium.ts";

export interface AdminHarness {
  readonly server: AdminServer;
  /** A fresh tab (own sessionStorage) at `path`, not signed in. */
  openPage(path?: string): Promise<Page>;
  /** A fresh tab signed in as the demo admin through the app's own sign-in button. */
  openSignedInPage(path?: string): Promise<Page>;
  /** Uncaught errors of every page opened, which a passing test expects to be none. */
  readonly pageErrors: string[];
}

/** One real server (with `env` on top of the test defaults) and one Chromium per test file, closed after it. */
export function useAdminHarness(env: Record<string, string> = {}): AdminHarness {
  let server: AdminServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    [server, browser] = await Promise.all([startAdminServer(env), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      if (!server) throw new Error("The admin server is not running; beforeAll did not finish.");
      return server;
    },
    pageErrors,
    async openPage(path = "/admin/") {
      if (!browser || !server) throw new Error("Chromium is not running; beforeAll did not finish.");
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await page.goto(`${server.url}${path}`);
      return page;
    },
    async openSignedInPage(path = "/admin/") {
      const page = await this.openPage(path);
      await page.getByRole("button", { name: "Sign in as the demo admin" }).click();
      await page.getByRole("navigation", { name: "Admin areas" }).waitFor();
      return page;
    },
  };
}
