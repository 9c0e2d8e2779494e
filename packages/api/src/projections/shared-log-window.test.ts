import type { EventType } from "@chronicle/contracts";
import type { Database } from "@chronicle/db";
import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../testing/seeded-random.ts";
import { readLogHead } from "./log-head.ts";
import { readLogAfter, type LogPosition } from "./read-log.ts";
import { createSharedLogWindow } from "./shared-log-window.ts";
import { appendVisible, pauseEvent } from "./testing/log-fixtures.ts";

const TYPES: readonly EventType[] = ["PAUSE_BLUR", "REVIEW_OPENED", "NAVIGATE_NEXT"];

describe.each(databaseTargets())("the log window projections share in a pass, on %s", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
    // 12 transactions of 1–40 events of three types, interleaved.
    const random = seededRandom(7).next;
    for (let t = 0; t < 12; t += 1) {
      const size = 1 + Math.floor(random() * 40);
      await appendVisible(db, Array.from({ length: size }, () => pauseEvent({ event_type: TYPES[Math.floor(random() * TYPES.length)]! })));
    }
  });
  afterAll(async () => {
    await db?.close();
  });

  it("gives every projection exactly what its own read of the log would, while the window fills, extends and drops its front", async () => {
    const random = seededRandom(11).next;
    const head = await readLogHead(db.orm);
    const all = await readLogAfter(db.orm, { txId: 0, ingestSeq: 0 }, TYPES, 10_000, head);
    // A small window, so that 300 reads make it fill, extend and trim many times.
    const window = createSharedLogWindow(16);
    // Three "projections", each with its own types and checkpoint, taking turns as a pass does.
    const projections = [[TYPES[0]!], [TYPES[1]!, TYPES[2]!], TYPES].map((types) => ({ types, at: { txId: 0, ingestSeq: 0 } as LogPosition }));
    for (let call = 0; call < 300; call += 1) {
      const projection = projections[Math.floor(random() * projections.length)]!;
      // Sometimes a head older than the newest: a transaction that started earlier.
      const callHead = random() < 0.2 ? all[Math.floor(random() * all.length)]! : head;
      const limit = 1 + Math.floor(random() * 20);
      const expected = await readLogAfter(db.orm, projection.at, projection.types, limit, callHead);
      const got = await window.read(db.orm, projection.at, projection.types, limit, callHead);
      expect(got.map((e) => e.id)).toEqual(expected.map((e) => e.id));
      if (got.length > 0) projection.at = got.at(-1)!;
      // Now and then a projection restarts from the beginning (a rebuild), behind the window.
      if (random() < 0.03) projection.at = { txId: 0, ingestSeq: 0 };
    }
    expect(projections.every((p) => p.at.txId > 0)).toBe(true);
  });

  it("never serves events beyond the head the caller read", async () => {
    const head = await readLogHead(db.orm);
    const all = await readLogAfter(db.orm, { txId: 0, ingestSeq: 0 }, TYPES, 10_000, head);
    const window = createSharedLogWindow(1000);
    await window.read(db.orm, { txId: 0, ingestSeq: 0 }, TYPES, 1000, head);
    const middle = all[Math.floor(all.length / 2)]!;
    const got = await window.read(db.orm, { txId: 0, ingestSeq: 0 }, TYPES, 1000, middle);
    expect(got.at(-1)!.id).toBe(middle.id);
    expect(got).toHaveLength(Math.floor(all.length / 2) + 1);
  });
});
