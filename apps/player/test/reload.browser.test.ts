import { describe, expect, it } from "vitest";
import { hasChromium } from "./support/chromium.ts";
import { clientEvents, describeEvent, seqsOf, zeroTo } from "./support/event-checks.ts";
import { learnerOn } from "./support/learner.ts";
import { usePlayerHarness } from "./support/player-harness.ts";
import { waitFor } from "./support/wait-for.ts";

// Without Debian's Chromium there is no browser to drive; build-player-once.ts says so once per run.
describe.skipIf(!hasChromium)("a reload in the middle of a test", () => {
  const harness = usePlayerHarness();

  it("comes back to the same session, question, answers and marks, and keeps numbering events", async () => {
    const page = await harness.openPage();
    const learner = learnerOn(page);
    await learner.signIn(harness.server.url);
    const sessionId = await learner.startTest({ mode: "Timed", questionCount: 5 });
    await learner.answerWithKey(1);
    await learner.next("button", 2);
    await learner.answerWithKey(2);
    await learner.markWithKey();
    await learner.next("ArrowRight", 3);
    const urlBeforeReload = page.url();

    await page.reload();
    await learner.atQuestion(3);
    expect(page.url()).toBe(urlBeforeReload);
    const grid = page.getByRole("navigation", { name: "Questions" });
    expect(await grid.getByRole("button").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("aria-label")))).toEqual([
      "Question 1, answered",
      "Question 2, answered, marked for review",
      "Question 3, not answered, current",
      "Question 4, not answered",
      "Question 5, not answered",
    ]);
    expect(await page.getByRole("timer").textContent()).toMatch(/^0[67]:\d\d$/);
    await learner.previous("button", 2);
    expect(await learner.selectedIndex()).toBe(2);
    await learner.submit();

    const expected = [
      "QUESTION_VIEWED 1",
      "NAVIGATE_NEXT 1→2",
      "QUESTION_VIEWED 2",
      "NAVIGATE_NEXT 2→3",
      "QUESTION_VIEWED 3",
      // The reloaded page showed question 3 again.
      "QUESTION_VIEWED 3",
      "NAVIGATE_PREV 3→2",
      "QUESTION_VIEWED 2",
    ];
    const events = await waitFor(
      () => harness.server.sessionEvents(sessionId),
      (logged) => logged.some((event) => event.type === "REVIEW_OPENED"),
    );
    expect(clientEvents(events).map(describeEvent)).toEqual(expected);
    expect(seqsOf(events)).toEqual(zeroTo(expected.length));
    expect(harness.pageErrors).toEqual([]);
  });
});
