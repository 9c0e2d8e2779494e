import { startTestWorker } from "@chronicle/api/testing";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "./support/axe-check.ts";
import { useAdminHarness } from "./support/admin-harness.ts";
import { hasChromium, saveScreenshot } from "./support/chromium.ts";
import { seedActivity } from "./support/seed-activity.ts";

const outDir = mkdtempSync(join(tmpdir(), "chronicle-export-now-"));

// Without Debian's Chromium there is no browser to drive; build-admin-once.ts says so once per run.
describe.skipIf(!hasChromium)("Export now on the admin's Exports page", () => {
  const harness = useAdminHarness({ CHRONICLE_EXPORT_DIR: outDir });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("asks a worker to export, follows the run, and shows it succeeded with every event written", async () => {
    await seedActivity(harness.server);
    const page = await harness.openSignedInPage("/admin/exports");
    await page.getByRole("heading", { name: "Export status", level: 1 }).waitFor();
    expect(await page.getByRole("table", { name: "Recent export runs" }).locator("tbody tr").count()).toBe(0);

    // The request waits in the database until a worker's next tick.
    await page.getByRole("button", { name: "Export now" }).click();
    await page.getByRole("status").filter({ hasText: /Requested at/ }).waitFor();
    expect(await page.getByRole("button", { name: "Export now" }).isDisabled()).toBe(true);
    const worker = startTestWorker(harness.server.backend.deps, ["export-events"]);
    try {
      const newest = page.getByRole("table", { name: "Recent export runs" }).locator("tbody tr").first();
      await newest.filter({ hasText: "succeeded" }).waitFor({ timeout: 15_000 });
      const status = await harness.server.backend.callerFor({ userId: "00000000-0000-4000-8000-0000000000ad", role: "admin", scopes: [] }).admin.exports();
      expect(status.runs[0]).toMatchObject({ status: "succeeded", actor: "chronicle export job" });
      expect(status.runs[0]!.eventsExported).toBeGreaterThan(10);
      expect(status.eventsNotExported).toBe(0);
      expect(await newest.textContent()).toContain(String(status.runs[0]!.eventsExported));
      expect(readdirSync(join(outDir, "events"))).toEqual([`run=${String(status.runs[0]!.id).padStart(6, "0")}`]);
      expect(await page.getByRole("button", { name: "Export now" }).isDisabled()).toBe(false);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, "export-now");
      expect(harness.pageErrors).toEqual([]);
    } finally {
      await worker.stop();
    }
  });
});
