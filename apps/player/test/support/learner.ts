import type { Page } from "playwright-core";

/** What a learner does in the player, through the page as they see it (labels, keys, buttons). */
export function learnerOn(page: Page) {
  const heading = page.locator(".question-card h2");
  const options = page.locator(".question-card input[type=radio]");

  // Nothing left in line: the status of the shown question reads "Saved" and no answer waits behind it.
  const saved = () => page.locator(".save-status.is-saved").waitFor();

  const atQuestion = async (position: number) => {
    await heading.filter({ hasText: new RegExp(`^Question ${position} of`) }).waitFor();
  };

  return {
    async signIn(url: string) {
      await page.goto(url);
      await page.getByRole("button", { name: "Sign in as the demo learner" }).click();
      await page.getByRole("heading", { name: "Start a test" }).waitFor();
      await page.getByText(/\(\d+ questions\)/).first().waitFor();
    },
    async startTest(options: { mode: "Practice" | "Timed" | "Exam"; questionCount: number; topics?: string[] }) {
      await page.getByRole("radio", { name: new RegExp(`^${options.mode}`) }).check();
      for (const topic of options.topics ?? []) await page.getByRole("checkbox", { name: new RegExp(`^${topic}`) }).check();
      await page.getByRole("spinbutton", { name: "Number of questions" }).fill(String(options.questionCount));
      await page.getByRole("button", { name: "Start test" }).click();
      await page.waitForURL(/\/session\/[0-9a-f-]{36}/);
      await atQuestion(1);
      return sessionIdIn(page.url());
    },
    atQuestion,
    /** Picks option `index` (0-based) with its number key and waits until the server saved it. */
    async answerWithKey(index: number) {
      await page.keyboard.press(String(index + 1));
      await options.nth(index).and(page.locator(":checked")).waitFor();
      await saved();
    },
    /** The choice shows at once; "Saved" says the server has it. */
    async answerWithClick(index: number) {
      await options.nth(index).click();
      await options.nth(index).and(page.locator(":checked")).waitFor();
      await saved();
    },
    /** The question's save status, as the learner reads it. */
    saveStatus: () => page.locator(".save-status").textContent(),
    async markWithKey() {
      await page.keyboard.press("m");
      await page.getByRole("button", { name: "Marked for review", exact: true }).waitFor();
    },
    async next(how: "button" | "n" | "ArrowRight", to: number) {
      if (how === "button") await page.getByRole("button", { name: "Next →" }).click();
      else await page.keyboard.press(how);
      await atQuestion(to);
    },
    async previous(how: "button" | "p" | "ArrowLeft", to: number) {
      if (how === "button") await page.getByRole("button", { name: "← Previous" }).click();
      else await page.keyboard.press(how);
      await atQuestion(to);
    },
    async jump(to: number) {
      await page.getByRole("navigation", { name: "Questions" }).getByRole("button", { name: new RegExp(`^Question ${to},`) }).click();
      await atQuestion(to);
    },
    /** Opens the end-of-test dialog and confirms it, as a learner who has checked what is left. */
    async submit() {
      await page.getByRole("button", { name: "Submit test" }).click();
      await page.getByRole("dialog", { name: "Submit your test?" }).getByRole("button", { name: "Submit", exact: true }).click();
      await page.waitForURL(/\/review$/);
      await page.getByRole("heading", { name: /You scored/ }).waitFor();
    },
    selectedIndex: () => options.evaluateAll((inputs) => inputs.findIndex((input) => (input as HTMLInputElement).checked)),
  };
}

export function sessionIdIn(url: string): string {
  const match = /\/session\/([0-9a-f-]{36})/.exec(url);
  if (!match?.[1]) throw new Error(`No session id in ${url}.`);
  return match[1];
}
