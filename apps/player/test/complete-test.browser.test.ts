import { describe, expect, it } from "vitest";
import { hasChromium, saveScreenshot } from "./support/chromium.ts";
import { clientEvents, describeEvent, seqsOf, serverEvents, zeroTo } from "./support/event-checks.ts";
import { learnerOn } from "./support/learner.ts";
import { usePlayerHarness } from "./support/player-harness.ts";
import { waitFor } from "./support/wait-for.ts";

const QUESTION_COUNT = 20;

// Without Debian's Chromium there is no browser to drive; build-player-once.ts says so once per run.
describe.skipIf(!hasChromium)("a learner completes a whole test in the player", () => {
  const harness = usePlayerHarness();

  it("records every view, navigation, answer and the submit, in order, with contiguous client seq", async () => {
    const page = await harness.openPage();
    const learner = learnerOn(page);
    await learner.signIn(harness.server.url);
    await saveScreenshot(page, "player-start");

    const sessionId = await learner.startTest({ mode: "Exam", questionCount: QUESTION_COUNT, topics: ["Algebra", "Geometry"] });
    const expectedClient = ["QUESTION_VIEWED 1"];
    const expectedServer = ["SESSION_CREATED"];
    const moves = ["button", "n", "ArrowRight"] as const;

    for (let position = 1; position <= QUESTION_COUNT; position += 1) {
      const option = position % 4;
      if (position % 2 === 0) await learner.answerWithKey(option);
      else await learner.answerWithClick(option);
      expectedServer.push(`ANSWER_SELECTED ${position}`);
      if (position === 5) {
        await learner.markWithKey();
        expectedServer.push("MARK_FOR_REVIEW_TOGGLED 5");
        await saveScreenshot(page, "player-question");
      }
      if (position < QUESTION_COUNT) {
        await learner.next(moves[position % moves.length]!, position + 1);
        expectedClient.push(`NAVIGATE_NEXT ${position}→${position + 1}`, `QUESTION_VIEWED ${position + 1}`);
      }
    }
    await learner.submit();
    expectedServer.push("SESSION_SUBMITTED", "REVIEW_OPENED");
    await saveScreenshot(page, "player-review");

    const events = await waitFor(
      () => harness.server.sessionEvents(sessionId),
      (logged) => logged.some((event) => event.type === "REVIEW_OPENED"),
    );
    expect(clientEvents(events).map(describeEvent)).toEqual(expectedClient);
    expect(serverEvents(events).map(describeEvent)).toEqual(expectedServer);
    expect(seqsOf(events)).toEqual(zeroTo(expectedClient.length));
    expect(await page.locator(".question-result").count()).toBe(QUESTION_COUNT);
    // Topics are listed in the order of their first question, and questions are drawn at random.
    expect((await page.locator(".topic-results tbody th").allTextContents()).sort()).toEqual(["Algebra", "Geometry"]);
    expect(harness.pageErrors).toEqual([]);
    console.log(
      `[measure] one complete ${QUESTION_COUNT}-question test (answer each, Next between, one mark): ${events.length} events ` +
        `(${clientEvents(events).length} from the player, ${serverEvents(events).length} from the server)`,
    );
  });

  it("counts the suggested-topics tray's shown/accept/skip/edit/undo as seed-004 counters", async () => {
    const page = await harness.openPage();
    await learnerOn(page).signIn(harness.server.url);
    const before = await harness.server.counterTotals();

    await page.getByRole("button", { name: /^Suggested topics/ }).click();
    const tray = page.getByRole("region", { name: "Suggested topics" });
    const shown = await tray.getByRole("button", { name: /^Accept suggestion:/ }).count();
    expect(shown).toBe(3);
    const firstName = (await tray.getByRole("button", { name: /^Accept suggestion:/ }).first().getAttribute("aria-label"))!.replace("Accept suggestion: ", "");
    await tray.getByRole("button", { name: /^Accept suggestion:/ }).first().click();
    expect(await page.getByRole("checkbox", { name: new RegExp(`^${firstName}`) }).isChecked()).toBe(true);
    await tray.getByRole("button", { name: /^Undo accept/ }).click();
    expect(await page.getByRole("checkbox", { name: new RegExp(`^${firstName}`) }).isChecked()).toBe(false);
    await tray.getByRole("button", { name: /^Edit suggestion:/ }).first().click();
    await tray.getByRole("button", { name: "Save" }).click();
    await tray.getByRole("button", { name: "Skip all" }).click();

    const expected = { suggestion_shown: 3, suggestion_accepted: 1, suggestion_undo: 1, suggestion_edited: 1, suggestion_skipped: 3 };
    const added = async () => {
      const totals = await harness.server.counterTotals();
      return Object.fromEntries(Object.keys(expected).map((event) => [event, (totals[event] ?? 0) - (before[event] ?? 0)]));
    };
    const counted = await waitFor(added, (diff) => Object.entries(expected).every(([event, count]) => diff[event] === count), 10_000);
    expect(counted).toEqual(expected);
  });
});
