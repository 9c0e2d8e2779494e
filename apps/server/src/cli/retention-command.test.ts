import { appendEvents, createDb } from "@chronicle/db";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { pauseEvent } from "@chronicle/api/projections/testing/log-fixtures.ts";
import { runChronicle } from "./testing/run-cli.ts";

const chronicle = (dataDir: string, ...args: string[]) => runChronicle(dataDir, args);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function familiesLeft(dataDir: string): Promise<Record<string, number>> {
  const db = await createDb({ kind: "pglite", dataDir });
  try {
    const rows = await db.rows<{ family: string; n: number }>(sql`select family, count(*)::int as n from events group by family order by family`);
    return Object.fromEntries(rows.map((row) => [row.family, row.n]));
  } finally {
    await db.close();
  }
}

describe("chronicle retention and rebuild", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "chronicle-retention-cli-"));
  beforeAll(async () => {
    const db = await createDb({ kind: "pglite", dataDir });
    await appendEvents(db.orm, [pauseEvent({ family: "study", event_ts: daysAgo(800) }), pauseEvent({ family: "study", event_ts: daysAgo(10) }), pauseEvent({ event_ts: daysAgo(3000) })]);
    for (const days of [40, 20, 5]) await db.rows(sql`insert into counter_events (viewer_id, event, created_at) values (${randomUUID()}, 'suggestion_shown', ${daysAgo(days)})`);
    // As if every projection had applied the log: retention only touches what they have.
    for (const projection of allProjections) {
      await db.rows(sql`insert into projection_checkpoints (name, last_tx_id, last_ingest_seq)
                        select ${projection.name}, tx_id, ingest_seq from events order by tx_id desc, ingest_seq desc limit 1`);
    }
    await db.close();
  }, 180_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("counts what would go in a dry run, then deletes only study events past two years and keeps exam events", async () => {
    const dryRun = await chronicle(dataDir, "retention", "--dry-run");
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/study events: kept 730 days; 1 older than \S+ would go/);
    expect(dryRun.stdout).toContain("kept for ever: exam events");
    expect(await familiesLeft(dataDir)).toEqual({ exam: 1, study: 2 });

    const real = await chronicle(dataDir, "retention");
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/study events: kept 730 days; 1 older than \S+ deleted/);
    expect(await familiesLeft(dataDir)).toEqual({ exam: 1, study: 1 });
  }, 60_000);

  it("purges only seed 004's counter rows with --family counter --days, as seed 004's purge does", async () => {
    const counterRows = async () => {
      const db = await createDb({ kind: "pglite", dataDir });
      try {
        return (await db.rows<{ n: number }>(sql`select count(*)::int as n from counter_events`))[0]!.n;
      } finally {
        await db.close();
      }
    };
    // Counters keep 30 days by default: the 40-day-old row goes (if the full run above has not taken it already).
    expect((await chronicle(dataDir, "retention", "--family", "counter")).stdout).toMatch(/raw counter rows: kept 30 days/);
    expect(await counterRows()).toBe(2);
    const dryRun = await chronicle(dataDir, "retention", "--family", "counter", "--days", "10", "--dry-run");
    expect(dryRun.stdout).toMatch(/raw counter rows: kept 10 days; 1 older than \S+ would go/);
    expect(dryRun.stdout).not.toMatch(/events: kept/);
    expect(await counterRows()).toBe(2);
    const real = await chronicle(dataDir, "retention", "--family", "counter", "--days", "10");
    expect(real.stdout).toMatch(/raw counter rows: kept 10 days; 1 older than \S+ deleted/);
    expect(await counterRows()).toBe(1);
    const wrong = await chronicle(dataDir, "retention", "--family", "counters");
    expect(wrong.stderr.trim()).toBe("chronicle: --family must be one of exam, study, game, sync, counter; got 'counters'.");
  }, 240_000);

  it("refuses a rebuild that would lose purged events unless told to, and says how", async () => {
    const refused = await chronicle(dataDir, "rebuild");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^chronicle: Retention has purged 1 events .* Pass --allow-partial to rebuild from the events that remain\.\n$/);
    const partial = await chronicle(dataDir, "rebuild", "--allow-partial");
    expect(partial.stderr).toBe("");
    expect(partial.code).toBe(0);
  }, 60_000);

  it("refuses a retention setting that is not a number of days", async () => {
    const result = await runChronicle(dataDir, ["retention", "--dry-run"], { CHRONICLE_RETAIN_GAME_DAYS: "soon" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`chronicle: Invalid environment: CHRONICLE_RETAIN_GAME_DAYS must be a whole number of days (1..36500) or "forever", got 'soon'.`);
  }, 60_000);
});
