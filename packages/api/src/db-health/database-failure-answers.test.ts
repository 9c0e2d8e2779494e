import { sql } from "drizzle-orm";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { databaseTargets } from "@chronicle/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer } from "../testing/index.ts";
import { publicProcedure, router } from "../trpc.ts";

/**
 * Procedures built with the app's own builders whose SQL fails the ways real ones do, served
 * through tRPC's HTTP handling (the error map, the formatter and the status codes) on a real
 * database: what a caller is told for each class of database failure.
 */
const failingRouter = router({
  /** A NUL in text: PostgreSQL refuses it (SQLSTATE 22021 or 22P05), the caller's fault. */
  storeNul: publicProcedure.mutation(({ ctx }) => ctx.db.rows(sql`select ${"a\u0000b"}::text as value`)),
  /** A number beyond its column (SQLSTATE 22003), the caller's fault. */
  storeHugeNumber: publicProcedure.mutation(({ ctx }) => ctx.db.rows(sql`select ${"2147483648"}::int as value`)),
  /** A server bug: SQL that names a table that does not exist (SQLSTATE 42P01). */
  queryMissingTable: publicProcedure.query(({ ctx }) => ctx.db.rows(sql`select * from no_such_table where id = ${"secret-param"}`)),
  /** The database gave up on the statement (SQLSTATE 57014): busy, try again. */
  outlastStatementTimeout: publicProcedure.mutation(({ ctx }) =>
    ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local statement_timeout = 50`);
      await tx.execute(sql`select pg_sleep(2)`);
    }),
  ),
});

describe.each(databaseTargets())("what a caller is told when the database refuses, on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  }, 300_000);
  afterAll(async () => {
    await server?.close();
  });

  async function call(path: string, type: "query" | "mutation") {
    const url = `http://chronicle.test/trpc/${path}`;
    const response = await fetchRequestHandler({
      endpoint: "/trpc",
      router: failingRouter,
      req: new Request(url, type === "mutation" ? { method: "POST", body: "{}", headers: { "content-type": "application/json" } } : {}),
      createContext: () => ({ ...server.deps, auth: { status: "none" as const }, requestId: "req-test-1" }),
    });
    const body = (await response.json()) as { error: { message: string; data: { code: string; reason?: string; requestId?: string } } };
    return { status: response.status, error: body.error };
  }

  it("answers a text value with NUL with 400 and one sentence, never the SQL", async () => {
    const { status, error } = await call("storeNul", "mutation");
    expect(status).toBe(400);
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", reason: "unstorable_value" });
    expect(error.message).toMatch(/^This request holds a value the database cannot store \(.+\); correct it and send the request again\.$/);
    expect(error.message).not.toMatch(/Failed query|select/i);
  });

  it("answers a number beyond its column with 400", async () => {
    const { status, error } = await call("storeHugeNumber", "mutation");
    expect(status).toBe(400);
    expect(error.message).toMatch(/out of range/);
  });

  it("answers a server bug with a generic 500 naming the request id, and logs the SQL under that id", async () => {
    const { status, error } = await call("queryMissingTable", "query");
    expect(status).toBe(500);
    expect(error.message).toBe("Chronicle failed to answer this request; if it keeps happening, report request id req-test-1.");
    expect(error.data.requestId).toBe("req-test-1");
    expect(JSON.stringify(error)).not.toMatch(/no_such_table|secret-param|Failed query/);
    const line = server.log.lines.find((entry) => entry.message === "trpc.internal_error" && entry.context.requestId === "req-test-1");
    expect(String((line?.context.error as Error | undefined)?.message)).toMatch(/no_such_table/);
  });

  // PGlite runs in-process and never cancels a statement on a timer: PostgreSQL only.
  it.skipIf(driver === "pglite")("answers a statement the database gave up on with 503 store_unavailable (retry), and the breaker stays closed", async () => {
    const { status, error } = await call("outlastStatementTimeout", "mutation");
    expect(status).toBe(503);
    expect(error.data.reason).toBe("store_unavailable");
    expect(error.message).toMatch(/send the request again in \d+ seconds/);
    const { status: next } = await call("storeHugeNumber", "mutation");
    expect(next).toBe(400);
  });
});
