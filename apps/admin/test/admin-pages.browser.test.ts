import { createChronicleClient } from "@chronicle/client";
import type { ClientEvent } from "@chronicle/contracts";
import { exportEvents } from "@chronicle/api/export";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAdminHarness } from "./support/admin-harness.ts";
import { hasChromium, saveScreenshot } from "./support/chromium.ts";
import { recordAdminDownloads } from "./support/first-load-size.ts";
import { seedActivity, type SeededActivity } from "./support/seed-activity.ts";

// Without Debian's Chromium there is no browser to drive; build-admin-once.ts says so once per run.
describe.skipIf(!hasChromium)("every admin page renders real data from the server", () => {
  const harness = useAdminHarness();
  let seeded: SeededActivity;
  const adminCaller = () => harness.server.backend.callerFor({ userId: "00000000-0000-4000-8000-0000000000ad", role: "admin", scopes: [] });
  const tile = (page: Page, label: string) => page.locator(".stat-tile", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");

  it("signs in as the demo admin and shows ingestion health with the seed-000 alerts", async () => {
    seeded = await seedActivity(harness.server);
    const page = await harness.openPage("/admin/");
    const downloads = recordAdminDownloads(page);
    await page.reload();
    await page.getByRole("button", { name: "Sign in as the demo admin" }).waitFor();
    const shell = downloads.gzippedBytes();
    await saveScreenshot(page, "sign-in");
    await page.getByRole("button", { name: "Sign in as the demo admin" }).click();
    await page.getByRole("heading", { name: "Ingestion health", level: 1 }).waitFor();

    const health = await adminCaller().admin.ingestionHealth({ windowMinutes: 60 });
    await tile(page, "Accepted").filter({ hasText: String(health.totals.accepted) }).waitFor();
    expect(health.totals.accepted).toBeGreaterThan(10);
    expect(health.totals.rejected).toBeGreaterThanOrEqual(1);
    const reasons = page.getByRole("table", { name: "Top rejection reasons" });
    expect(await reasons.getByRole("row", { name: /invalid_payload/ }).count()).toBe(1);
    const firing = health.alerts.filter((alert) => alert.isFiring);
    if (firing.length > 0) {
      const banner = page.getByRole("alert").filter({ hasText: /alerts? firing/ });
      for (const alert of firing) expect(await banner.textContent()).toContain(alert.message);
    } else {
      await page.getByText(/No alert is firing/).waitFor();
    }
    expect(await page.getByRole("img", { name: /Events per second over the window/ }).locator("svg.recharts-surface").count()).toBe(1);
    expect(await page.getByRole("img", { name: /Batch sizes of \d+ batches/ }).count()).toBe(1);
    expect(await page.getByRole("img", { name: /Clock skew of \d+ events/ }).count()).toBe(1);
    expect(await page.getByRole("table", { name: "Projection lag" }).getByRole("row").count()).toBe(health.projectionLag.length + 1);
    await saveScreenshot(page, "health");

    const { files, bytes } = downloads.gzippedBytes();
    console.log(`[measure] admin first load: sign-in screen ${shell.files} files, ${(shell.bytes / 1024).toFixed(1)} KiB gzipped; with ingestion health (charts) ${files} files, ${(bytes / 1024).toFixed(1)} KiB gzipped`);
  });

  it("explores events with filters kept in the address, and opens a session timeline with its gap flagged", async () => {
    const page = await harness.openSignedInPage();
    await page.getByRole("navigation", { name: "Admin areas" }).getByRole("link", { name: "Event explorer" }).click();
    await page.getByRole("heading", { name: "Event explorer" }).waitFor();
    await page.getByLabel("Learner id").fill(seeded.learnerA);
    await page.getByRole("checkbox", { name: "exam" }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((url) => url.searchParams.get("learner") === seeded.learnerA && url.searchParams.get("family") === "exam");

    const expected = await adminCaller().admin.events({ filters: { userId: seeded.learnerA, families: ["exam"] }, limit: 50 });
    expect(expected.events.length).toBeGreaterThan(5);
    const rows = page.getByRole("table", { name: "Events" }).locator("tbody tr");
    await page.getByText(`Showing ${expected.events.length} events`).waitFor();
    expect(await rows.count()).toBe(expected.events.length);
    expect(await rows.filter({ hasText: "QUESTION_VIEWED" }).count()).toBe(seeded.sentSeqs.length);
    await saveScreenshot(page, "events");

    // A reload keeps the filters, because they live in the address.
    await page.reload();
    await page.getByText(`Showing ${expected.events.length} events`).waitFor();
    expect(await page.getByLabel("Learner id").inputValue()).toBe(seeded.learnerA);

    await page.getByRole("link", { name: `Session timeline ${seeded.examSessionA}` }).first().click();
    await page.getByRole("heading", { name: "Session timeline" }).waitFor();
    // seqs 0, 1 and 3 arrived: 3 of 4, and seq 2 is flagged.
    await tile(page, "Completeness").filter({ hasText: "75%" }).waitFor();
    expect(await page.locator(".timeline-gap").allTextContents()).toEqual(["Gap: seq 2 never arrived"]);
    const seqs = await page.locator(".timeline li:not(.timeline-gap) .timeline-seq").allTextContents();
    expect(seqs.filter((seq) => seq !== "server")).toEqual(["0", "1", "3"]);
    await saveScreenshot(page, "session-timeline");
  });

  it("shows a learner's XP, daily stats, mastery and recent sessions", async () => {
    const view = await adminCaller().admin.learner({ userId: seeded.learnerA });
    expect(view.recentSessions.length).toBeGreaterThan(0);
    expect(view.daily.length).toBeGreaterThan(0);
    const page = await harness.openSignedInPage(`/admin/learners?userId=${seeded.learnerA}`);
    await page.getByRole("heading", { name: "Recent sessions" }).waitFor();
    expect(await page.getByRole("table", { name: "Recent sessions" }).locator("tbody tr").count()).toBe(Math.min(view.recentSessions.length, 10));
    if (view.gamification) await tile(page, "Total XP").filter({ hasText: String(view.gamification.totalXp) }).waitFor();
    expect(await page.getByRole("img", { name: new RegExp(`on ${view.daily.length} active days`) }).count()).toBe(1);
    expect(await page.getByRole("table", { name: "Topic mastery" }).locator("tbody tr").count()).toBe(view.mastery.length);
    await saveScreenshot(page, "learner");
  });

  it("lists topics and shows one topic's stats, mastery, hardest questions and answer changes", async () => {
    const topic = await adminCaller().admin.topic({ topicId: seeded.topicId });
    expect(topic.answerChanges.rightToWrong + topic.answerChanges.wrongToRight + topic.answerChanges.other).toBeGreaterThan(0);
    const page = await harness.openSignedInPage("/admin/topics");
    await page.getByRole("table", { name: "Topics" }).getByRole("link", { name: seeded.topicName }).click();
    await page.getByRole("heading", { name: seeded.topicName, level: 2 }).waitFor();
    expect(new URL(page.url()).searchParams.get("topicId")).toBe(seeded.topicId);
    await tile(page, "Right → wrong").filter({ hasText: String(topic.answerChanges.rightToWrong) }).waitFor();
    await tile(page, "Wrong → right").filter({ hasText: String(topic.answerChanges.wrongToRight) }).waitFor();
    expect(await page.getByRole("img", { name: /Attempts and correct answers on \d+ days/ }).count()).toBe(topic.daily.length > 0 ? 1 : 0);
    await saveScreenshot(page, "topic");
  });

  it("shows behavioural features per session and per student for the game", async () => {
    const page = await harness.openSignedInPage("/admin/game");
    const sessions = page.getByRole("table", { name: "Behavioural features per session" });
    await sessions.getByRole("link", { name: `Session timeline ${seeded.gameSessionA}` }).waitFor();
    const students = page.getByRole("table", { name: "Average behavioural features per student" });
    // Learners are named, never a bare id: without a registered name, by their pseudonym.
    const [labelA] = await adminCaller().admin.learnerLabels({ userIds: [seeded.learnerA] });
    // Names arrive after the table (one lookup for the page), so wait for it; strict: exactly one link.
    await students.getByRole("link", { name: `Learner ${labelA!.label}` }).waitFor();
    expect(await page.getByRole("img", { name: /Daily averages of four behavioural features/ }).count()).toBe(1);
    await saveScreenshot(page, "game");
  });

  it("shows seed 004's counters with rates per shown suggestion, for 7 and 30 days", async () => {
    const page = await harness.openSignedInPage("/admin/counters");
    // 6 shown: 3 accepted, 1 skipped, 1 edited, 1 undone.
    await tile(page, "Accept rate").filter({ hasText: "50%" }).waitFor();
    // The tile's hint ("per 6 shown") sits inside its <dd>, as a valid <dl> needs.
    expect(await tile(page, "Undo rate").textContent()).toMatch(/^16\.67%per 6 shown$/);
    await page.getByRole("button", { name: "30 days" }).click();
    await page.waitForURL((url) => url.searchParams.get("days") === "30");
    expect(await page.getByRole("button", { name: "30 days" }).getAttribute("aria-pressed")).toBe("true");
    await tile(page, "Accept rate").filter({ hasText: "50%" }).waitFor();
    await saveScreenshot(page, "counters");
  });

  it("groups rejected events by reason with the raw sample", async () => {
    const page = await harness.openSignedInPage("/admin/quarantine");
    const group = page.getByRole("region", { name: "invalid_payload" });
    await group.waitFor();
    expect(await group.getByText("1 event", { exact: true }).count()).toBe(1);
    expect(await group.getByText(`id ${seeded.rejectedEventId}`).count()).toBe(1);
    await saveScreenshot(page, "quarantine");
  });

  it("shows the export status: the run that wrote the log, and what waits for the next", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "chronicle-admin-export-"));
    try {
      const report = await exportEvents(harness.server.backend.db, { outDir, actor: "browser test" });
      expect(report.events).toBeGreaterThan(10);
      const page = await harness.openSignedInPage("/admin/exports");
      await tile(page, "Latest run").filter({ hasText: "succeeded" }).waitFor();
      const newest = page.getByRole("table", { name: "Recent export runs" }).locator("tbody tr").first();
      expect(await newest.textContent()).toContain(`${report.events}`);
      expect(await newest.textContent()).toContain("browser test");
      await saveScreenshot(page, "exports");
      expect(harness.pageErrors).toEqual([]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it("pages through the log with the server's cursor when more events match than one page holds", async () => {
    const learner = createChronicleClient({ url: harness.server.url, token: await harness.server.backend.token("learner", seeded.learnerB) });
    const studySession = randomUUID();
    const pauses = Array.from({ length: 60 }, (_, seq) => ({
      id: randomUUID(), event_type: seq % 2 === 0 ? "session_pause" : "session_resume", session_id: studySession, client_ts: new Date().toISOString(), seq,
      payload: seq % 2 === 0 ? { pause_reason: "break" } : {},
    }));
    for (const batch of [pauses.slice(0, 30), pauses.slice(30)]) await learner.telemetry.ingest.mutate({ source: "web", events: batch as unknown as ClientEvent[] });

    const page = await harness.openSignedInPage(`/admin/events?session=${studySession}`);
    await page.getByText("Showing 50 events; more match.").waitFor();
    await page.getByRole("button", { name: "Load more" }).click();
    await page.getByText("Showing 60 events; that is all that match.").waitFor();
    expect(await page.getByRole("table", { name: "Events" }).locator("tbody tr").count()).toBe(60);
    expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);
    expect(harness.pageErrors).toEqual([]);
  });
});
