import { MAX_QUARANTINED_BODY_BYTES, MAX_QUARANTINED_PER_DAY } from "@chronicle/contracts";
import { sql } from "drizzle-orm";
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../client/database.ts";
import type { Database } from "../client/database.ts";
import { createTestDb, databaseTargets } from "../testing/test-databases.ts";
import { quarantineEvents, type QuarantinedEvent } from "./quarantine-events.ts";

function rejection(userId: string | null, raw: unknown, overrides: Partial<QuarantinedEvent> = {}): QuarantinedEvent {
  return { batch_id: randomUUID(), user_id: userId, event_id: null, event_type: "search_performed", code: "invalid_payload", message: "bad", issues: [], raw_json: raw, ...overrides };
}

interface Row {
  raw: string;
  raw_bytes: number | null;
  raw_sha256: string | null;
  message: string;
  event_type: string | null;
  issues: string;
}

describe.each(databaseTargets())("the quarantine on %s", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
  });
  afterAll(async () => {
    await db?.close();
  });

  const rowsOf_ = (userId: string) =>
    rowsOf<Row>(db.orm, sql`select raw_json::text as raw, raw_bytes, raw_sha256, message, event_type, issues::text as issues from quarantined_events where user_id = ${userId}::uuid order by id`);

  it("stores a storable, scrubbed copy of a body holding NUL, a lone surrogate, a __proto__ key and contact details", async () => {
    const userId = randomUUID();
    const raw = JSON.parse(`{"payload":{"q":"a\\u0000b\\ud800 mail ana@school.edu ip 10.0.0.7","__proto__":{"x":1}},"when":"2024-01-20T10:30:00Z","id":"${userId}"}`);
    await quarantineEvents(db.orm, [
      rejection(userId, raw, { message: "Event type 'ana@school.edu' is not in the catalog.", event_type: "call +34 612 345 678", issues: [{ path: "payload.x\u0000", message: "Unrecognized key: \"ana@school.edu\"" }] }),
    ]);
    const [row] = await rowsOf_(userId);
    const stored = JSON.parse(row!.raw);
    expect(stored.payload.q).toBe("ab\uFFFD mail [email] ip [ip]");
    expect(Object.keys(stored.payload)).toContain("__proto__");
    expect(stored.when).toBe("2024-01-20T10:30:00Z");
    expect(stored.id).toBe(userId);
    expect(`${row!.message} ${row!.event_type} ${row!.issues}`).not.toMatch(/ana@school|612 345|\\u0000/);
    const sent = JSON.stringify(raw);
    expect(row!.raw_bytes).toBe(Buffer.byteLength(sent));
    expect(row!.raw_sha256).toBe(createHash("sha256").update(sent).digest("hex"));
  });

  it(`keeps only the first ${MAX_QUARANTINED_BODY_BYTES} bytes of a large body, with its whole size and hash`, async () => {
    const userId = randomUUID();
    const raw = { payload: { text: "é".repeat(50_000) } };
    await quarantineEvents(db.orm, [rejection(userId, raw)]);
    const [row] = await rowsOf_(userId);
    const prefix = JSON.parse(row!.raw) as string;
    expect(typeof prefix).toBe("string");
    expect(Buffer.byteLength(prefix)).toBeLessThanOrEqual(MAX_QUARANTINED_BODY_BYTES);
    expect(prefix.startsWith('{"payload":{"text":"éé')).toBe(true);
    expect(row!.raw_bytes).toBe(Buffer.byteLength(JSON.stringify(raw)));
  });

  it(`stores at most ${MAX_QUARANTINED_PER_DAY} rejections per learner a day and counts the rest`, async () => {
    const userId = randomUUID();
    const other = randomUUID();
    const many = Array.from({ length: MAX_QUARANTINED_PER_DAY - 2 }, (_, i) => rejection(userId, { i }));
    await quarantineEvents(db.orm, many);
    await quarantineEvents(db.orm, [...Array.from({ length: 5 }, (_, i) => rejection(userId, { late: i })), rejection(other, { i: 0 })]);
    const [count] = await rowsOf<{ stored: number; other: number; received: number }>(
      db.orm,
      sql`select (select count(*)::int from quarantined_events where user_id = ${userId}::uuid) as stored,
                 (select count(*)::int from quarantined_events where user_id = ${other}::uuid) as other,
                 (select received from quarantine_daily_counts where user_id = ${userId}::uuid) as received`,
    );
    expect(count).toEqual({ stored: MAX_QUARANTINED_PER_DAY, other: 1, received: MAX_QUARANTINED_PER_DAY + 3 });
  });
});
