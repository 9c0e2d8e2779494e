import { appendEvents, createDb } from "@chronicle/db";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pauseEvent } from "@chronicle/api/projections/testing/log-fixtures.ts";
import { runChronicle } from "./testing/run-cli.ts";

describe("chronicle export", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "chronicle-export-cli-"));
  const outDir = join(dataDir, "exports");
  beforeAll(async () => {
    const db = await createDb({ kind: "pglite", dataDir });
    await appendEvents(db.orm, [pauseEvent(), pauseEvent(), pauseEvent()]);
    await db.close();
  }, 180_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("writes the log as Parquet, then only what is new", async () => {
    const first = await runChronicle(dataDir, ["export", "--out", outDir]);
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(/export run 1 on embedded PGlite in .*: 3 events in 1 Parquet files under /);
    expect(existsSync(join(outDir, "events/run=000001/part-0001.parquet"))).toBe(true);
    const second = await runChronicle(dataDir, ["export"], { CHRONICLE_EXPORT_DIR: outDir });
    expect(second.stdout).toContain("nothing new since the last export.");
  }, 180_000);

  it("says where it needs to write when neither --out nor CHRONICLE_EXPORT_DIR is given", async () => {
    const result = await runChronicle(dataDir, ["export"]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("chronicle: Say where to write: pass --out <folder> or set CHRONICLE_EXPORT_DIR.");
  }, 180_000);
});
