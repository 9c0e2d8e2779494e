import { afterAll, describe, expect, it } from "vitest";
import { createFreshDatabase, type FreshDatabase } from "./testing/fresh-database.ts";
import { startServe, type ServeProcess } from "./testing/serve-process.ts";

describe.skipIf(!process.env.DATABASE_URL)("a worker process (PostgreSQL only: split roles need a shared database)", () => {
  let database: FreshDatabase | undefined;
  let worker: ServeProcess | undefined;
  afterAll(async () => {
    worker?.child.kill("SIGKILL");
    if (worker) await worker.exited;
    await database?.drop();
  });

  it("can be scraped and probed like an API process, but serves no API", async () => {
    database = await createFreshDatabase();
    worker = await startServe("worker", { DATABASE_URL: database.url, NODE_ENV: "production", CHRONICLE_JWT_SECRET: "worker-endpoints-secret-0123456789abcdef" });
    const base = `http://127.0.0.1:${worker.port}`;

    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    // The projections run here, so their lag is what an operator scrapes workers for.
    expect(text).toMatch(/^chronicle_projection_lag_seconds\{projection="exam-results"\} /m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);

    expect((await fetch(`${base}/livez`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/trpc/health`)).status).toBe(404);
  }, 240_000);
});
