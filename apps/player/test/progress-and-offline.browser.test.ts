import { describe, expect, it } from "vitest";
import { hasChromium, saveScreenshot } from "./support/chromium.ts";
import { describeEvent, serverEvents } from "./support/event-checks.ts";
import { demoLearnerApi } from "./support/demo-learner-api.ts";
import { learnerOn } from "./support/learner.ts";
import { usePlayerHarness } from "./support/player-harness.ts";
import { waitFor } from "./support/wait-for.ts";

/** Longer than several retries, so the answer really waited out the outage. */
const OUTAGE_MS = 4_000;

// Without Debian's Chromium there is no browser to drive; build-player-once.ts says so once per run.
describe.skipIf(!hasChromium)("the learner's level and answers given offline", () => {
  const harness = usePlayerHarness();

  it("shows a level progress bar toward the next level on the start screen and the results", async () => {
    const page = await harness.openPage();
    const learner = learnerOn(page);
    await learner.signIn(harness.server.url);
    const api = await demoLearnerApi(harness.server);
    const bar = page.getByRole("progressbar", { name: /^Level \d+ · \d+ of \d+ XP toward level \d+/ });
    const expectBarFor = async (profile: { level: number; totalXp: number; xpToNextLevel: number }) => {
      const start = 50 * profile.level * (profile.level - 1);
      const label = `Level ${profile.level} · ${profile.totalXp - start} of ${profile.totalXp - start + profile.xpToNextLevel} XP toward level ${profile.level + 1}`;
      await page.getByRole("progressbar", { name: label }).waitFor();
      expect(Number(await bar.getAttribute("value"))).toBe(profile.totalXp - start);
    };
    await expectBarFor(await api.gamification.profile());

    await learner.startTest({ mode: "Practice", questionCount: 2 });
    await learner.answerWithKey(0);
    await learner.next("n", 2);
    await learner.answerWithKey(1);
    await learner.submit();
    await page.locator(".rewards-banner").filter({ hasText: /^\+\d+ XP/ }).waitFor();
    // The bar follows the XP the test earned (completing a test always earns some).
    const after = await waitFor(() => api.gamification.profile(), (profile) => profile.totalXp > 0);
    await page.reload();
    await expectBarFor(after);
    await saveScreenshot(page, "player-results-level");
    expect(harness.pageErrors).toEqual([]);
  });

  it("an offline answer saved after reconnect", async () => {
    const page = await harness.openPage();
    const learner = learnerOn(page);
    await learner.signIn(harness.server.url);
    const sessionId = await learner.startTest({ mode: "Practice", questionCount: 3 });
    await learner.answerWithKey(0);
    expect(await learner.saveStatus()).toBe("✓ Saved");
    await learner.next("n", 2);

    await harness.server.goDown();
    await page.keyboard.press("3");
    // The choice stays on screen, marked as not saved yet, and no error tells the learner to do it again.
    await page.locator(".save-status").filter({ hasText: "will be saved when it is back" }).waitFor();
    expect(await learner.selectedIndex()).toBe(2);
    await page.waitForTimeout(OUTAGE_MS);
    expect(await learner.saveStatus()).toMatch(/^Not saved yet/);
    expect(await page.getByRole("alert").filter({ hasText: /could not save/ }).count()).toBe(0);
    const answersAt = async (position: number) =>
      serverEvents(await harness.server.sessionEvents(sessionId)).map(describeEvent).filter((event) => event === `ANSWER_SELECTED ${position}`);
    expect(await answersAt(2)).toEqual([]);
    await saveScreenshot(page, "player-answer-will-be-saved");

    await harness.server.comeBack();
    await page.locator(".save-status.is-saved").filter({ hasText: "Saved" }).waitFor({ timeout: 15_000 });
    expect(await answersAt(2)).toEqual(["ANSWER_SELECTED 2"]);
    // After a reload the answer comes from the server: it is stored, not just shown.
    await page.reload();
    await learner.atQuestion(2);
    expect(await learner.selectedIndex()).toBe(2);
    expect(await answersAt(2)).toEqual(["ANSWER_SELECTED 2"]);
    expect(harness.pageErrors).toEqual([]);
  });
});
