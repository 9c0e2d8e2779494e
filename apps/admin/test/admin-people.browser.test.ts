import { ingestBatches } from "@chronicle/db";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAdminHarness } from "./support/admin-harness.ts";
import { seriousAxeViolations, type AxeFinding } from "./support/axe-check.ts";
import { hasChromium, saveScreenshot } from "./support/chromium.ts";
import { seedActivity, type SeededActivity } from "./support/seed-activity.ts";

const ADMIN_ID = "00000000-0000-4000-8000-0000000000ad";
const PHONE = { width: 390, height: 844 };

/** True when the page is wider than its window: the user would have to scroll sideways. */
function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

// Without Debian's Chromium there is no browser to drive; build-admin-once.ts says so once per run.
describe.skipIf(!hasChromium)("the admin names people and questions, works on a phone and passes axe", () => {
  const harness = useAdminHarness();
  let seeded: SeededActivity;
  const admin = () => harness.server.backend.callerFor({ userId: ADMIN_ID, role: "admin", scopes: [] }).admin;

  it("lists learners with names and pseudonyms, searches by name and id prefix, and opens a learner by name", async () => {
    seeded = await seedActivity(harness.server);
    await harness.server.backend.service(randomUUID(), ["learners:names"]).learners.setDisplayName({ userId: seeded.learnerA, displayName: "Ada Lovelace" });
    const [labelB] = await admin().learnerLabels({ userIds: [seeded.learnerB] });
    await harness.server.backend.settle();
    const { watermark } = await admin().learners({});
    const page = await harness.openSignedInPage("/admin/learners");
    const table = page.getByRole("table", { name: "Learners" });
    await table.getByRole("link", { name: "Learner Ada Lovelace" }).waitFor();
    // XP and mastery come from projections, so the directory says up to when they count.
    await page.locator(".as-of").filter({ hasText: `As of ${watermark.consistentThrough!.slice(0, 19).replace("T", " ")} UTC` }).waitFor();
    expect(await table.getByRole("link", { name: `Learner ${labelB!.label}` }).count()).toBe(1);
    // No learner reads as a bare 8-digit id.
    expect((await table.locator("tbody td:first-child a").allTextContents()).filter((text) => /^[0-9a-f]{8}$/.test(text))).toEqual([]);
    await saveScreenshot(page, "learners");

    await page.getByLabel("Find a learner").fill("lovelace");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText(/^1 learner matching “lovelace”/).waitFor();
    await page.getByLabel("Find a learner").fill(seeded.learnerB.slice(0, 6));
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText(new RegExp(`^1 learner matching “${seeded.learnerB.slice(0, 6)}”`)).waitFor();
    await table.getByRole("link", { name: `Learner ${labelB!.label}` }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(`^${labelB!.label}`) }).waitFor();
    expect(new URL(page.url()).searchParams.get("userId")).toBe(seeded.learnerB);
  });

  it("shows question text, not hex ids, in the topic view and the explorer; a row opens its details", async () => {
    const topic = await admin().topic({ topicId: seeded.topicId });
    const changed = topic.answerChanges.byQuestion[0]!;
    const [text] = await admin().questionTexts({ questionIds: [changed.questionId] });
    const page = await harness.openSignedInPage(`/admin/topics?topicId=${seeded.topicId}`);
    const changes = page.getByRole("table", { name: "Answer changes by question" });
    await changes.getByText(text!.stem, { exact: true }).waitFor();
    await saveScreenshot(page, "topic-question-text");

    // Every answer change, whoever made it: the question above is among them.
    await page.goto(`${harness.server.url}/admin/events?type=ANSWER_CHANGED`);
    const rows = page.getByRole("table", { name: "Events" }).locator("tbody tr");
    await rows.first().waitFor();
    // The row of the change on that question names the question by its text.
    const answered = rows.filter({ hasText: "ANSWER_CHANGED" }).filter({ hasText: text!.stem }).first();
    await answered.getByText(text!.stem, { exact: true }).waitFor();
    // A click anywhere in the row (here its time cell) opens the detail panel.
    await answered.locator("td").first().click();
    const details = page.locator(".event-detail");
    await details.waitFor();
    const event = (await admin().events({ filters: { types: ["ANSWER_CHANGED"] }, limit: 50 })).events.find((row) => row.questionId === changed.questionId);
    expect(await details.getByLabel("Payload").textContent()).toBe(JSON.stringify(event!.payload, null, 2));
    expect(await details.getByRole("link", { name: "Open the session timeline" }).getAttribute("href")).toBe(`/admin/sessions/${event!.sessionId}`);
    await saveScreenshot(page, "explorer-detail");
    await details.getByRole("link", { name: "Open the session timeline" }).click();
    await page.getByRole("heading", { name: "Session timeline" }).waitFor();
    await page.locator(".timeline").getByText(text!.stem, { exact: true }).first().waitFor();
  });

  it("filters the type picker by family and search", async () => {
    const page = await harness.openSignedInPage("/admin/events");
    const picker = page.getByRole("group", { name: /^Event types/ });
    await page.getByRole("checkbox", { name: "game", exact: true }).check();
    expect(await picker.getByRole("checkbox", { name: "ANSWER_SELECTED" }).count()).toBe(0);
    expect(await picker.getByRole("checkbox", { name: "mission_start" }).count()).toBe(1);
    await page.getByRole("checkbox", { name: "game", exact: true }).uncheck();
    await page.getByLabel("Search event types").fill("answer_sel");
    expect(await picker.locator("label").allTextContents()).toEqual(["ANSWER_SELECTED"]);
  });

  it("shows seed 001's sync batch logs with the error and conflict filters and the success rate", async () => {
    const started = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const row = (minutesAgo: number, status: "completed" | "partial", conflicts: number, durationMs: number) => ({
      batchId: randomUUID(), userId: seeded.learnerA, endpoint: "sync.batch" as const, itemCount: 4, successCount: 4 - conflicts - (status === "partial" ? 1 : 0),
      duplicateCount: 0, failureCount: status === "partial" ? 1 : 0, conflictCount: conflicts, startTime: started(minutesAgo), durationMs, status,
    });
    await harness.server.backend.db.orm.insert(ingestBatches).values([row(5, "completed", 0, 100), row(10, "partial", 1, 300), row(20, "completed", 2, 200)]);
    const page = await harness.openSignedInPage("/admin/sync?window=1h");
    const tileValue = (label: string) => page.locator(".stat-tile", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
    await tileValue("Success rate").filter({ hasText: "66.67%" }).waitFor();
    expect(await tileValue("Average duration").textContent()).toBe("200 ms");
    const rows = page.getByRole("table", { name: "Sync batches" }).locator("tbody tr");
    expect(await rows.count()).toBe(3);
    await page.getByLabel("Status").selectOption("error");
    await page.waitForURL((url) => url.searchParams.get("status") === "error");
    await page.waitForFunction(() => document.querySelectorAll("table tbody tr").length === 1);
    await page.getByLabel("Status").selectOption("");
    await page.getByRole("checkbox", { name: "Only batches with conflicts" }).check();
    await page.waitForFunction(() => document.querySelectorAll("table tbody tr").length === 2);
    await saveScreenshot(page, "sync-batches");
  });

  it("fits a 390 px phone on every page, with the menu collapsed, and axe finds nothing serious on any page", async () => {
    const pages = ["/admin/", "/admin/events", "/admin/learners", `/admin/learners?userId=${seeded.learnerA}`, "/admin/topics", `/admin/topics?topicId=${seeded.topicId}`,
      "/admin/game", "/admin/counters", "/admin/quarantine", "/admin/exports", "/admin/sync", "/admin/live", `/admin/sessions/${seeded.examSessionA}`];
    const page = await harness.openSignedInPage("/admin/");
    await page.setViewportSize(PHONE);
    const sideways: string[] = [];
    const findings: Record<string, AxeFinding[]> = {};
    for (const path of pages) {
      await page.goto(`${harness.server.url}${path}`);
      await page.locator("h1").first().waitFor();
      // A page may show several loading notes at once (a topic and its list): wait until none is left.
      await page.waitForFunction(() => document.querySelector(".loading-note") === null);
      if (await scrollsSideways(page)) sideways.push(path);
      findings[path] = await seriousAxeViolations(page);
      await saveScreenshot(page, `phone-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "health"}`);
    }
    expect(sideways).toEqual([]);
    expect(await page.getByRole("navigation", { name: "Admin areas" }).isVisible()).toBe(false);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Admin areas" }).getByRole("link", { name: "Learners" }).click();
    await page.getByRole("heading", { name: "Learners", level: 1 }).waitFor();
    console.log(`[measure] axe (serious+critical) per admin page: ${Object.entries(findings).map(([path, found]) => `${path} ${found.length}`).join(", ")}`);
    expect(findings).toEqual(Object.fromEntries(pages.map((path) => [path, []])));
    expect(harness.pageErrors).toEqual([]);
  }, 600_000);
});
