import { rowsOf } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousAxeViolations } from "./support/axe-check.ts";
import { hasChromium } from "./support/chromium.ts";
import { learnerOn } from "./support/learner.ts";
import { usePlayerHarness, type PlayerHarness } from "./support/player-harness.ts";

const SYNC_BATCH = "**/trpc/sync.batch*";

/** The sync status line's number of items waiting, once it says some are waiting. */
async function waitingCount(page: Page): Promise<number> {
  const line = page.getByRole("status").filter({ hasText: /waiting to sync/ });
  await line.waitFor();
  const match = /(\d+) waiting to sync/.exec((await line.textContent()) ?? "");
  return Number(match?.[1]);
}

/** What the server holds of the learner's synced progress for one test. */
async function syncedOnServer(harness: PlayerHarness, sessionId: string) {
  const db = harness.server.backend.db.orm;
  const batches = await rowsOf<{ itemCount: number; successCount: number; duplicateCount: number; status: string }>(
    db,
    sql`select item_count as "itemCount", success_count as "successCount", duplicate_count as "duplicateCount", status
          from ingest_batches where endpoint = 'sync.batch' order by start_time`,
  );
  const assessments = await rowsOf<{ score: number; maxScore: number }>(
    db,
    sql`select score, max_score as "maxScore" from sync_assessments where assessment_id = ${sessionId}`,
  );
  const progress = await rowsOf<{ entityType: string; entityId: string; progress: number }>(
    db,
    sql`select entity_type as "entityType", entity_id as "entityId", progress from sync_progress order by entity_type, entity_id`,
  );
  return { batches, assessments, progress };
}

// Without Debian's Chromium there is no browser to drive; build-player-once.ts says so once per run.
describe.skipIf(!hasChromium)("the learner's progress sync", () => {
  const harness = usePlayerHarness();

  it("keeps a finished test's progress on the device while sync.batch is unreachable, across a reload, and syncs it once (two tabs open) when the connection returns", async () => {
    const page = await harness.openPage();
    const learner = learnerOn(page);
    let refusedCalls = 0;
    await page.route(SYNC_BATCH, async (route) => {
      refusedCalls += 1;
      await route.abort("connectionrefused");
    });

    await learner.signIn(harness.server.url);
    const sessionId = await learner.startTest({ mode: "Practice", questionCount: 4 });
    await learner.answerWithKey(0);
    await learner.next("n", 2);
    await learner.answerWithKey(1);
    await learner.submit();

    // The results show as usual; the progress waits on the device: an assessment, the test and one item per topic.
    const topicRows = await page.locator(".topic-results tbody tr").count();
    const expectedItems = 2 + topicRows;
    expect(await waitingCount(page)).toBe(expectedItems);
    await page.getByRole("status").filter({ hasText: "did not get through" }).waitFor();
    expect(refusedCalls).toBeGreaterThan(0);
    expect(await page.getByRole("alert").count()).toBe(0);

    // A reload keeps them (IndexedDB) and does not queue the same test a second time.
    await page.reload();
    await page.getByRole("heading", { name: /You scored/ }).waitFor();
    expect(await waitingCount(page)).toBe(expectedItems);
    expect((await syncedOnServer(harness, sessionId)).batches).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // "Sync now" tries at once; still refused, the items stay and the learner sees no error.
    const triesBefore = refusedCalls;
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect.poll(() => refusedCalls).toBeGreaterThan(triesBefore);
    await page.getByRole("button", { name: "Sync now" }).waitFor();
    expect(await waitingCount(page)).toBe(expectedItems);
    expect(await page.getByRole("alert").count()).toBe(0);

    // A second tab of the same learner shares the queue; both will try to sync when the connection returns.
    const otherTab = await page.context().newPage();
    await otherTab.route(SYNC_BATCH, (route) => route.abort("connectionrefused"));
    await learnerOn(otherTab).signIn(harness.server.url);

    // The connection returns: the browser's online event starts a sync in both tabs, which take turns.
    await page.unroute(SYNC_BATCH);
    await otherTab.unroute(SYNC_BATCH);
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await page.getByRole("status").filter({ hasText: /^Progress saved · synced \d\d:\d\d/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("button", { name: "Sync now" }).count()).toBe(0);

    const synced = await syncedOnServer(harness, sessionId);
    expect(synced.batches).toEqual([{ itemCount: expectedItems, successCount: expectedItems, duplicateCount: 0, status: "completed" }]);
    expect(synced.assessments).toHaveLength(1);
    expect(synced.assessments[0]!.maxScore).toBe(4);
    expect(synced.progress.filter((row) => row.entityType === "topic")).toHaveLength(topicRows);
    // Two of four questions answered.
    expect(synced.progress.filter((row) => row.entityType === "quiz")).toEqual([{ entityType: "quiz", entityId: sessionId, progress: 0.5 }]);

    // Opening the results again sends nothing more: the test was synced exactly once.
    await page.reload();
    await page.getByRole("heading", { name: /You scored/ }).waitFor();
    await page.waitForTimeout(1_000);
    expect(await page.getByText(/waiting to sync/).count()).toBe(0);
    expect((await syncedOnServer(harness, sessionId)).batches).toHaveLength(1);
    expect(harness.pageErrors).toEqual([]);
  });
});
