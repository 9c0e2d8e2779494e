import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useAdminHarness } from "./support/admin-harness.ts";
import { seriousAxeViolations } from "./support/axe-check.ts";
import { hasChromium, saveScreenshot } from "./support/chromium.ts";

// Without Debian's Chromium there is no browser to drive; build-admin-once.ts says so once per run.
describe.skipIf(!hasChromium)("ingestion health shows seed 000's client behaviour", () => {
  const harness = useAdminHarness();

  it("shows the flush frequency, retry, queue overflow and rejection rates that SDKs reported", async () => {
    const { url, backend } = harness.server;
    // Two web clients and one mobile client report with their ingest requests, as the SDK does.
    const report = async (source: string, header: string) => {
      const token = await backend.token("learner", randomUUID());
      const response = await fetch(`${url}/trpc/telemetry.ingest`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-chronicle-client-metrics": `source=${source},${header}` },
        body: JSON.stringify({ source, events: [] }),
      });
      expect(response.status).toBeLessThan(500);
    };
    await report("web", "flushes=3,requests=4,retries=1,events=30,rejected=3,dropped=0");
    await report("web", "flushes=1,requests=4,retries=3,events=10,rejected=1,dropped=10");
    await report("mobile", "flushes=2,requests=2,retries=0,events=20,rejected=0,dropped=0");

    const page = await harness.openSignedInPage("/admin/");
    await page.getByRole("heading", { name: "Ingestion health", level: 1 }).waitFor();
    const tile = (label: string) =>
      page.getByLabel("Client behaviour in this window").locator(".stat-tile", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
    await tile("Retry rate").waitFor();
    // 6 flushes over 3 client-minutes; 4 retries of 10 requests; 10 dropped of 60 answered + 10; 4 rejected of 60.
    expect(await tile("Flushes per client-minute").textContent()).toMatch(/^2/);
    expect(await tile("Retry rate").textContent()).toMatch(/^40%/);
    expect(await tile("Queue overflow rate").textContent()).toMatch(/^14\.29%/);
    expect(await tile("Rejected as clients saw it").textContent()).toMatch(/^6\.67%/);
    const table = page.getByRole("table", { name: "Client behaviour by source" });
    await expect.poll(() => table.getByRole("row", { name: /^web/ }).textContent()).toMatch(/2.*50%.*20%.*10%/);
    expect(await table.getByRole("row", { name: /^mobile/ }).textContent()).toMatch(/2.*0%.*0%.*0%/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "health-client-behaviour");
    expect(harness.pageErrors).toEqual([]);
  });
});
