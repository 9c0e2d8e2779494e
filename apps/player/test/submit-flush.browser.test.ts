import { describe, expect, it } from "vitest";
import { hasChromium } from "./support/chromium.ts";
import { describeEvent } from "./support/event-checks.ts";
import { learnerOn } from "./support/learner.ts";
import { usePlayerHarness } from "./support/player-harness.ts";
import { waitFor } from "./support/wait-for.ts";

// Without Debian's Chromium there is no browser to drive; build-player-once.ts says so once per run.
describe.skipIf(!hasChromium)("submitting a test", () => {
  const harness = usePlayerHarness();

  it("sends the learner's last views and moves before SESSION_SUBMITTED", async () => {
    const page = await harness.openPage();
    const learner = learnerOn(page);
    await learner.signIn(harness.server.url);
    const sessionId = await learner.startTest({ mode: "Practice", questionCount: 5 });
    await learner.answerWithKey(0);
    await learner.jump(4);
    await learner.answerWithKey(3);
    await learner.previous("p", 3);

    // Fewer than ten events, well inside the 12 s timer: only the submit's flush can send them now.
    const beforeSubmit = (await harness.server.sessionEvents(sessionId)).map(describeEvent);
    expect(beforeSubmit).not.toContain("NAVIGATE_PREV 4→3");
    await learner.submit();

    const events = await waitFor(
      () => harness.server.sessionEvents(sessionId),
      (logged) => logged.some((event) => event.type === "SESSION_SUBMITTED"),
    );
    const logOrder = events.map(describeEvent);
    const submittedAt = logOrder.indexOf("SESSION_SUBMITTED");
    for (const last of ["NAVIGATE_JUMP 1→4", "QUESTION_VIEWED 4", "NAVIGATE_PREV 4→3", "QUESTION_VIEWED 3"]) {
      expect(logOrder.indexOf(last), `${last} in ${logOrder.join(", ")}`).toBeGreaterThanOrEqual(0);
      expect(logOrder.indexOf(last), `${last} before SESSION_SUBMITTED`).toBeLessThan(submittedAt);
    }
    expect(harness.pageErrors).toEqual([]);
  });

  it("submits a timed test by itself, as expired, when the countdown reaches zero", async () => {
    const page = await harness.openPage();
    await page.clock.install();
    const learner = learnerOn(page);
    await learner.signIn(harness.server.url);
    const sessionId = await learner.startTest({ mode: "Timed", questionCount: 1 });
    await learner.answerWithKey(2);
    expect(await page.getByRole("timer").textContent()).toMatch(/^01:[23]\d$/);

    // 90 s a question: move both clocks past the limit, the server's first so that it agrees the time is up.
    harness.server.advanceClock(91_000);
    await page.clock.fastForward(91_000);
    await page.waitForURL(/\/review$/);
    await page.getByText("submitted automatically when time ran out").waitFor();

    const events = await harness.server.sessionEvents(sessionId);
    expect(events.find((event) => event.type === "SESSION_SUBMITTED")?.payload).toEqual({ reason: "expired" });
    expect(harness.pageErrors).toEqual([]);
  });
});
