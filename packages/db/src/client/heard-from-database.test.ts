import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThrowawayPostgres, startTcpFaultProxy, type TcpFaultProxy } from "../testing/index.ts";
import { createDb } from "./create-db.ts";
import type { Database } from "./database.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("when the database last spoke (the breaker's evidence of a stall)", () => {
  it("is always now on embedded PGlite, which cannot stall, until it is closed", async () => {
    const db = await createDb({ kind: "pglite" });
    const before = performance.now();
    expect(db.lastHeardAt()).toBeGreaterThanOrEqual(before);
    await db.close();
    expect(db.lastHeardAt()).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("when PostgreSQL last spoke to the pool, through a stalling link", () => {
  let throwaway: Awaited<ReturnType<typeof createThrowawayPostgres>>;
  let proxy: TcpFaultProxy;
  let db: Database;

  beforeAll(async () => {
    throwaway = await createThrowawayPostgres();
    proxy = await startTcpFaultProxy(throwaway.url);
    db = await createDb({ kind: "postgres", url: proxy.url, migrationUrl: throwaway.url, maxConnections: 2 });
  }, 120_000);
  afterAll(async () => {
    await proxy?.restore();
    await db?.close();
    await proxy?.close();
    await throwaway?.drop();
  });

  it("moves on with every answer, stands still while the link is stalled, and moves again once it is back", async () => {
    const beforeQuery = performance.now();
    await db.rows(sql`select 1`);
    const answeredAt = db.lastHeardAt();
    expect(answeredAt).toBeGreaterThanOrEqual(beforeQuery);

    proxy.stall();
    const stuck = db.rows<{ n: number }>(sql`select 2 as n`);
    await sleep(300);
    expect(db.lastHeardAt()).toBe(answeredAt);

    const restoredAt = performance.now();
    await proxy.restore();
    expect(await stuck).toEqual([{ n: 2 }]);
    expect(db.lastHeardAt()).toBeGreaterThanOrEqual(restoredAt);
  });
});
