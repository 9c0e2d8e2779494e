import { signInAtTestProvider, startTestOidcProvider, type TestOidcProvider } from "@chronicle/api/testing/oidc";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "./support/axe-check.ts";
import { hasChromium, launchChromium, saveScreenshot } from "./support/chromium.ts";
import { startPlayerServer, type PlayerServer } from "./support/player-server.ts";

const CLIENT_ID = "chronicle-apps";

// A real OpenID provider on a loopback port and the real server with the built player, driven by Chromium.
describe.skipIf(!hasChromium)("player sign-in with the organisation's OpenID Connect account", () => {
  let provider: TestOidcProvider;
  let server: PlayerServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    provider = await startTestOidcProvider({ ada: { chronicle_role: "learner" }, nobody: {} });
    [server, browser] = await Promise.all([startPlayerServer({ CHRONICLE_OIDC_ISSUER: provider.issuer, CHRONICLE_OIDC_CLIENT_ID: CLIENT_ID }), launchChromium()]);
    provider.registerClient(CLIENT_ID, [`${server.url}/`, `${server.url}/admin/`]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  const openPage = async () => {
    const page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/`);
    return page;
  };

  it("signs a learner in through the provider to the start screen, as the same learner every time", async () => {
    const learnerIds: string[] = [];
    for (let visit = 0; visit < 2; visit += 1) {
      const page = await openPage();
      const button = page.getByRole("button", { name: "Sign in with your organisation's account" });
      await button.waitFor();
      if (visit === 0) {
        expect(await seriousAxeViolations(page)).toEqual([]);
        await saveScreenshot(page, "oidc-sign-in");
      }
      await button.click();
      await page.waitForURL(`${provider.issuer}/**`);
      await signInAtTestProvider(page, "ada");
      await page.getByRole("heading", { name: "Start a test", exact: true }).waitFor();
      await page.getByText(/\(\d+ questions\)/).first().waitFor();
      expect(new URL(page.url()).search).toBe("");
      const token = await page.evaluate(() => sessionStorage.getItem("chronicle.player.token"));
      learnerIds.push((JSON.parse(Buffer.from(token!.split(".")[1]!, "base64url").toString()) as { sub: string }).sub);
      await page.context().close();
    }
    expect(learnerIds[1]).toBe(learnerIds[0]);
    expect(pageErrors).toEqual([]);
  });

  it("tells a person whose account has no role claim what to ask for, and keeps the paste fallback", async () => {
    const page = await openPage();
    await page.getByRole("button", { name: "Sign in with your organisation's account" }).click();
    await signInAtTestProvider(page, "nobody");
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Your account has no 'chronicle_role' claim, so Chronicle cannot tell your role; ask your identity provider's administrator to add it to the ID token.");
    await page.getByLabel("Or paste a learner token").waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("chronicle.player.token"))).toBeNull();
  });
});
