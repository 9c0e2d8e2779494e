import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "./create-db.ts";

const adminUrl = process.env.DATABASE_URL;

describe.skipIf(!adminUrl)("migrations on a fresh PostgreSQL database", () => {
  it("bring up three processes that start together, applying each migration once", async () => {
    const name = `chronicle_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    try {
      const opened = await Promise.allSettled([1, 2, 3].map(() => createDb({ kind: "postgres", url: url.toString(), maxConnections: 3 })));
      expect(opened.map((result) => (result.status === "rejected" ? String(result.reason) : "up"))).toEqual(["up", "up", "up"]);
      const dbs = opened.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
      const [applied] = await dbs[0]!.rows<{ count: number; distinct_hashes: number }>(
        // drizzle's own ledger: a migration applied twice would show up as a repeated hash.
        sql`select count(*)::int as count, count(distinct hash)::int as distinct_hashes from drizzle.__drizzle_migrations`,
      );
      expect(applied!.count).toBe(applied!.distinct_hashes);
      await Promise.all(dbs.map((db) => db.close()));
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    }
  }, 60_000);
});
