import { describe, expect, it } from "vitest";
import { hasChromium } from "./support/chromium.ts";
import { clientEvents, describeEvent, seqsOf, zeroTo } from "./support/event-checks.ts";
import { learnerOn } from "./support/learner.ts";
import { usePlayerHarness } from "./support/player-harness.ts";
import { waitFor } from "./support/wait-for.ts";

/** Longer than the SDK's own retries (two, within about 1.5 s), so riding it out is the player's doing. */
const OUTAGE_MS = 5_000;

// Without Debian's Chromium there is no browser to drive; build-player-once.ts says so once per run.
describe.skipIf(!hasChromium)("the server goes down in the middle of a test", () => {
  const harness = usePlayerHarness();

  it("keeps the learner going and delivers every client event once after the server is back", async () => {
    const page = await harness.openPage();
    const learner = learnerOn(page);
    await learner.signIn(harness.server.url);
    const sessionId = await learner.startTest({ mode: "Practice", questionCount: 8 });
    await learner.answerWithKey(0);
    const expected = ["QUESTION_VIEWED 1"];

    await harness.server.goDown();
    const outageEnds = Date.now() + OUTAGE_MS;
    // Fourteen events: more than the SDK's 10-event batch, so a flush is attempted during the outage.
    for (let position = 1; position < 8; position += 1) {
      await learner.next("n", position + 1);
      expected.push(`NAVIGATE_NEXT ${position}→${position + 1}`, `QUESTION_VIEWED ${position + 1}`);
    }
    await learner.previous("p", 7);
    expected.push("NAVIGATE_PREV 8→7", "QUESTION_VIEWED 7");
    // The answer is kept and shown as not saved yet, rather than lost with an error.
    await page.keyboard.press("2");
    await page.locator(".save-status").filter({ hasText: "will be saved when it is back" }).waitFor();
    expect(await learner.selectedIndex()).toBe(1);
    await page.waitForTimeout(Math.max(0, outageEnds - Date.now()));
    await harness.server.comeBack();

    await page.locator(".save-status.is-saved").waitFor({ timeout: 15_000 });
    expect(await learner.selectedIndex()).toBe(1);
    expect(await page.getByRole("alert").count()).toBe(0);
    await learner.jump(2);
    expected.push("NAVIGATE_JUMP 7→2", "QUESTION_VIEWED 2");
    await learner.submit();

    const events = await waitFor(
      () => harness.server.sessionEvents(sessionId),
      (logged) => logged.some((event) => event.type === "REVIEW_OPENED"),
    );
    expect(clientEvents(events).map(describeEvent)).toEqual(expected);
    expect(seqsOf(events)).toEqual(zeroTo(expected.length));
    const ingest = await harness.server.ingestTotals();
    expect(ingest).toMatchObject({ accepted: expected.length, duplicates: 0, rejected: 0 });
    expect(harness.pageErrors).toEqual([]);
  });
});
