import { databaseTargets } from "@chronicle/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestAs } from "../routers/admin/admin-test-kit.ts";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";
import { BACKDATED_LABEL, readClockSkew } from "./read-clock-skew.ts";

describe.each(databaseTargets())("clock skew on %s", (driver) => {
  let server: TestServer;
  const now = new Date();
  beforeAll(async () => {
    server = await createTestServer(driver, {}, () => now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("keeps back-dated events (client time an hour or more before arrival) out of the percentiles, counted in their own bucket", async () => {
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    const at = (msBefore: number) => new Date(now.getTime() - msBefore).toISOString();
    // Four live events 2 s behind, and three from two days ago, as the demo simulator's history sends them.
    const live = [0, 1, 2, 3].map((seq) => clientEvent("PAUSE_BLUR", sessionId, { seq, client_ts: at(2000) }));
    const history = [4, 5, 6].map((seq) => clientEvent("PAUSE_BLUR", sessionId, { seq, client_ts: at(2 * 86_400_000) }));
    await ingestAs(server, learner, [...live, ...history]);

    const skew = await readClockSkew(server.db.orm, new Date(now.getTime() - 60_000), new Date(now.getTime() + 60_000));
    expect(skew.sampleSize).toBe(7);
    expect(skew.percentilesMs).toEqual({ p50: 2000, p95: 2000, p99: 2000 });
    expect(Object.fromEntries(skew.histogram.map((bucket) => [bucket.label, bucket.count]))).toMatchObject({ "1s..5s": 4, "60s..1h": 0, [BACKDATED_LABEL]: 3 });
  });
});
