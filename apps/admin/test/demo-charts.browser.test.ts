import { startFirstRunSimulation } from "@chronicle/simulator/demo";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAdminHarness } from "./support/admin-harness.ts";
import { hasChromium, saveScreenshot } from "./support/chromium.ts";

const SMALL_DEMO = {
  history: { events: 900, days: 5, learners: 5, seed: 5, badRate: 0 },
  live: { learners: 1, days: 1, seed: 5, badRate: 0, concurrency: 1 },
};

/** The x-axis labels a chart draws, in order. */
async function axisLabels(page: Page, chartName: RegExp): Promise<string[]> {
  const chart = page.getByRole("img", { name: chartName });
  await chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").first().waitFor();
  return chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
}

// Without Debian's Chromium there is no browser to drive; build-admin-once.ts says so once per run.
describe.skipIf(!hasChromium)("the admin with the demo data of `npm start`", () => {
  const harness = useAdminHarness();
  const adminCaller = () => harness.server.backend.callerFor({ userId: "00000000-0000-4000-8000-0000000000ad", role: "admin", scopes: [] });

  it("shows days as days, every day labelled, and says as of when the figures are", async () => {
    const { backend, url } = harness.server;
    await startFirstRunSimulation(backend.db, backend.deps.env, url, { print: () => {}, settle: () => backend.settle(), demo: SMALL_DEMO });
    const { topics, watermark } = await adminCaller().admin.topics();
    const busiest = [...topics].sort((a, b) => b.attempts - a.attempts)[0]!;
    const topic = await adminCaller().admin.topic({ topicId: busiest.topicId });
    expect(topic.daily.length).toBeGreaterThanOrEqual(3);

    const page = await harness.openSignedInPage("/admin/topics");
    const asOf = `As of ${watermark.consistentThrough!.slice(0, 19).replace("T", " ")} UTC`;
    await page.locator(".as-of").filter({ hasText: asOf }).waitFor();
    await page.getByRole("table", { name: "Topics" }).getByRole("link", { name: busiest.name }).click();
    await page.getByRole("heading", { name: busiest.name, level: 2 }).waitFor();
    // Both the list's label and the topic's own: the topic page is built from projections too.
    expect(await page.locator(".as-of").count()).toBe(2);
    expect(await axisLabels(page, /Attempts and correct answers on \d+ days/)).toEqual(topic.daily.map((day) => day.day.slice(5, 10)));
    expect(await axisLabels(page, /Mastery scores of \d+ learners/)).toHaveLength(10);
    await saveScreenshot(page, "demo-topic");

    const game = await adminCaller().admin.game({});
    expect(game.trend.length).toBeGreaterThanOrEqual(3);
    await page.goto(`${url}/admin/game`);
    await page.locator(".as-of").waitFor();
    expect(await axisLabels(page, /Daily averages of four behavioural features/)).toEqual(game.trend.map((day) => day.day.slice(5, 10)));
    // Day to day the averages step, rather than a smooth curve inventing values between days.
    const points = [...((await page.locator(".recharts-line-curve").first().getAttribute("d")) ?? "").matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [m[1], m[2]]);
    expect(points.length).toBeGreaterThan(game.trend.length);
    expect(points.slice(1).every(([x, y], i) => x === points[i]![0] || y === points[i]![1])).toBe(true);
    expect(harness.pageErrors).toEqual([]);
  });
});
