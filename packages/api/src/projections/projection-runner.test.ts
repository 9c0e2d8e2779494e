import type { Database, Transaction } from "@chronicle/db";
import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import type { EventType } from "@chronicle/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryLogger } from "../observability/logger.ts";
import type { LoggedEvent, Projection } from "./projection.ts";
import { startProjectionRunner } from "./projection-runner.ts";
import { appendVisible, pauseEvent } from "./testing/log-fixtures.ts";

/** A projection that writes nothing and notes, in `calls`, each batch it was given. */
function recorder(name: string, eventType: EventType, calls: string[]): Projection {
  return {
    name,
    eventTypes: [eventType],
    tables: [],
    async apply(_tx: Transaction, events: readonly LoggedEvent[]) {
      calls.push(`${name}:${events.length}`);
    },
  };
}

describe.each(databaseTargets())("the projection runner on %s", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("takes turns between projections, so one with a backlog never keeps the others waiting", async () => {
    await appendVisible(db, Array.from({ length: 6 }, () => pauseEvent()));
    await appendVisible(db, [pauseEvent({ event_type: "REVIEW_OPENED", payload_json: {} })]);
    const calls: string[] = [];
    const runner = startProjectionRunner(db, [recorder("backlog", "PAUSE_BLUR", calls), recorder("quiet", "REVIEW_OPENED", calls)], createMemoryLogger(), {
      intervalMs: 60_000,
      batchSize: 2,
    });
    try {
      await runner.drain();
    } finally {
      await runner.stop();
    }
    // One batch each per round; only projections that got a full batch stay in the round.
    expect(calls).toEqual(["backlog:2", "quiet:1", "backlog:2", "backlog:2"]);
  });
});
