import { signInAtTestProvider, startTestOidcProvider, type TestOidcProvider } from "@chronicle/api/testing/oidc";
import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminServer, type AdminServer } from "./support/admin-server.ts";
import { seriousAxeViolations } from "./support/axe-check.ts";
import { hasChromium, launchChromium, saveScreenshot } from "./support/chromium.ts";

const CLIENT_ID = "chronicle-apps";

// A real OpenID provider on a loopback port and the real server with the built admin app, driven by Chromium.
describe.skipIf(!hasChromium)("admin sign-in with the organisation's OpenID Connect account", () => {
  let provider: TestOidcProvider;
  let server: AdminServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    provider = await startTestOidcProvider({ grace: { chronicle_role: "admin" }, ada: { chronicle_role: "learner" } });
    [server, browser] = await Promise.all([startAdminServer({ CHRONICLE_OIDC_ISSUER: provider.issuer, CHRONICLE_OIDC_CLIENT_ID: CLIENT_ID }), launchChromium()]);
    provider.registerClient(CLIENT_ID, [`${server.url}/`, `${server.url}/admin/`]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  const openPage = async (path: string) => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}${path}`);
    return page;
  };

  it("signs an admin in through the provider and back to the page they asked for, which loads its data", async () => {
    await server.backend.learner(randomUUID()).counters.ingest({ event: "suggestion_shown", count: 7 });
    const page = await openPage("/admin/counters");
    const button = page.getByRole("button", { name: "Sign in with your organisation's account" });
    await button.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "oidc-sign-in");

    await button.click();
    await page.waitForURL(`${provider.issuer}/**`);
    await signInAtTestProvider(page, "grace");

    await page.getByRole("navigation", { name: "Admin areas" }).waitFor();
    await page.getByRole("heading", { name: "Suggestion counters", level: 1 }).waitFor();
    await page.getByRole("img", { name: "Raw counter totals, 7 in all" }).waitFor();
    // The code and state are gone from the address bar, and the page is the one they started on.
    expect(new URL(page.url()).pathname).toBe("/admin/counters");
    expect(new URL(page.url()).search).toBe("");
    const token = await page.evaluate(() => sessionStorage.getItem("chronicle.admin.token"));
    const claims = JSON.parse(Buffer.from(token!.split(".")[1]!, "base64url").toString()) as { role: string; sub: string };
    expect(claims.role).toBe("admin");
    expect(pageErrors).toEqual([]);
  });

  it("keeps a learner out of the admin app with a sentence saying why", async () => {
    const page = await openPage("/admin/");
    await page.getByRole("button", { name: "Sign in with your organisation's account" }).click();
    await signInAtTestProvider(page, "ada");
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Your account's 'chronicle_role' claim (learner) does not make you an admin; ask your administrator for admin access.");
    await page.getByRole("heading", { name: "Sign in to the admin app" }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("chronicle.admin.token"))).toBeNull();
  });
});
