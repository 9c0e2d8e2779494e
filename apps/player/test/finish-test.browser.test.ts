import { describe, expect, it } from "vitest";
import { seriousAxeViolations, type AxeFinding } from "./support/axe-check.ts";
import { hasChromium, saveScreenshot } from "./support/chromium.ts";
import { demoLearnerApi } from "./support/demo-learner-api.ts";
import { learnerOn } from "./support/learner.ts";
import { usePlayerHarness } from "./support/player-harness.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

// Without Debian's Chromium there is no browser to drive; build-player-once.ts says so once per run.
describe.skipIf(!hasChromium)("finishing a test, and what keeps a learner coming back", () => {
  const harness = usePlayerHarness();

  it("confirms the submit with the unanswered and marked questions, then shows XP and the marked ones on the results", async () => {
    const page = await harness.openPage();
    const learner = learnerOn(page);
    await learner.signIn(harness.server.url);
    const api = await demoLearnerApi(harness.server);
    const sessionId = await learner.startTest({ mode: "Practice", questionCount: 4 });
    await learner.answerWithKey(0);
    await learner.next("button", 2);
    await learner.markWithKey();
    await learner.next("button", 3);
    await learner.answerWithKey(1);
    await learner.next("button", 4);

    // The last question has no dead "Next": it offers the end-of-test step instead.
    expect(await page.getByRole("button", { name: "Next →" }).count()).toBe(0);
    await page.getByRole("button", { name: "Review & submit" }).click();
    const dialog = page.getByRole("dialog", { name: "Submit your test?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("2 of 4 answered, 2 not answered, 1 marked for review");
    const listed = (heading: string) =>
      dialog.locator(".submit-dialog-list").filter({ has: page.getByRole("heading", { name: heading }) }).getByRole("button").allTextContents();
    expect(await listed("Not answered")).toEqual(["2", "4"]);
    expect(await listed("Marked for review")).toEqual(["2"]);
    await saveScreenshot(page, "player-submit-dialog");

    // "Return to test" changes nothing; jumping from the dialog lands on the question.
    await dialog.getByRole("button", { name: "Return to test" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect((await api.sessions.get({ sessionId })).status).toBe("active");
    await page.getByRole("button", { name: "Submit test" }).click();
    // Question 2 is both unanswered and marked, so it is listed twice; either button goes there.
    await dialog.getByRole("button", { name: "Go to question 2" }).first().click();
    await learner.atQuestion(2);
    // Focus follows the question, so a screen reader starts reading at the new one.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Question 2 of 4/);

    await harness.server.backend.settle();
    const xpBefore = (await api.gamification.profile()).totalXp;
    await learner.submit();
    const rewards = page.locator(".rewards-banner[role=status]");
    await rewards.filter({ hasText: /^\+\d+ XP/ }).waitFor();
    await harness.server.backend.settle();
    const xpAfter = (await api.gamification.profile()).totalXp;
    expect(xpAfter).toBeGreaterThan(xpBefore);
    expect(await rewards.textContent()).toMatch(new RegExp(`^\\+${xpAfter - xpBefore} XP`));
    expect(await page.locator(".question-result .marked-tag").count()).toBe(1);
    await page.getByRole("button", { name: /^Marked \(1\)$/ }).click();
    expect(await page.locator(".question-result").getAttribute("aria-label")).toMatch(/^Question 2: Not answered/);
    await page.getByRole("button", { name: /^Unanswered \(2\)$/ }).click();
    expect(await page.locator(".question-result").count()).toBe(2);
    await saveScreenshot(page, "player-results-rewards");
    expect(harness.pageErrors).toEqual([]);

  });

  it("offers to resume an unfinished test, lists recent results, and moves the streak on the next UTC day", async () => {
    const page = await harness.openPage();
    const learner = learnerOn(page);
    // One finished test of this learner, so the start screen has a result to list.
    const api = await demoLearnerApi(harness.server);
    const finished = await api.sessions.create({ mode: "practice", topicIds: [], questionCount: 1 });
    await api.sessions.submit({ sessionId: finished.sessionId, reason: "manual" });
    await learner.signIn(harness.server.url);
    const streak = page.getByRole("definition").filter({ hasText: /days?$/ });
    const before = Number((await streak.textContent())?.split(" ")[0]);

    const sessionId = await learner.startTest({ mode: "Practice", questionCount: 3 });
    await learner.answerWithKey(2);
    await page.locator(".brand").click();
    const resume = page.getByRole("region", { name: "Resume your unfinished test" });
    await resume.waitFor();
    expect(await resume.textContent()).toContain("1 of 3 answered");
    const results = page.getByRole("region", { name: "Your recent results" });
    expect(await results.getByRole("link", { name: /^Practice · 1 question · 0%/ }).count()).toBeGreaterThanOrEqual(1);
    await resume.getByRole("button", { name: "Resume test" }).click();
    await learner.atQuestion(1);
    expect(page.url()).toContain(sessionId);
    expect(await learner.selectedIndex()).toBe(2);

    harness.server.advanceClock(DAY_MS);
    await page.goto(harness.server.url);
    await streak.filter({ hasText: `${before + 1} days` }).waitFor();
    // The page shows the check-in's own answer at once; the profile comes from a projection.
    await harness.server.backend.settle();
    expect(await api.gamification.profile()).toMatchObject({ currentStreak: before + 1 });
  });

  it("warns a timed test at 5 minutes and at 1 minute left", async () => {
    const page = await harness.openPage();
    const learner = learnerOn(page);
    await learner.signIn(harness.server.url);
    const sessionId = await learner.startTest({ mode: "Timed", questionCount: 5 });
    const alert = page.locator(".time-warning");
    expect(await alert.textContent()).toBe("");

    const { secondsLeft } = await (await demoLearnerApi(harness.server)).sessions.get({ sessionId });
    harness.server.advanceClock((secondsLeft! - 290) * 1000);
    await page.reload();
    await alert.filter({ hasText: "5 minutes left" }).waitFor();
    harness.server.advanceClock(240 * 1000);
    await page.reload();
    await alert.filter({ hasText: "1 minute left" }).waitFor();
    expect(await page.getByRole("alert").filter({ hasText: "1 minute left" }).count()).toBe(1);
  });

  it("fits a 390 px phone (navigator in a drawer, no sideways scroll) and axe finds nothing serious on any page", async () => {
    const page = await harness.openPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const learner = learnerOn(page);
    const findings: Record<string, AxeFinding[]> = {};
    const sideways: string[] = [];
    const check = async (name: string) => {
      if (await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)) sideways.push(name);
      findings[name] = await seriousAxeViolations(page);
      await saveScreenshot(page, `phone-${name}`);
    };
    await page.goto(harness.server.url);
    await page.getByRole("heading", { name: "Sign in to start a test", level: 1 }).waitFor();
    await check("sign-in");
    await learner.signIn(harness.server.url);
    await check("start");
    await learner.startTest({ mode: "Exam", questionCount: 30 });
    // The 30 cells wait in a closed drawer; the question is what the learner sees first.
    expect(await page.locator("#navigator-cells").isVisible()).toBe(false);
    expect(await page.locator(".question-card").boundingBox().then((box) => (box?.y ?? 9999) < 844)).toBe(true);
    await check("question");
    await page.getByRole("button", { name: /^All questions \(0 of 30 answered\)/ }).click();
    await page.locator("#navigator-cells").waitFor();
    await page.getByRole("button", { name: "Submit test" }).click();
    await check("submit-dialog");
    await page.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
    await page.getByRole("heading", { name: /You scored/ }).waitFor();
    await check("results");
    expect(sideways).toEqual([]);
    console.log(`[measure] axe (serious+critical) per player page at 390 px: ${Object.entries(findings).map(([name, found]) => `${name} ${found.length}`).join(", ")}`);
    expect(findings).toEqual({ "sign-in": [], start: [], question: [], "submit-dialog": [], results: [] });
  });
});
