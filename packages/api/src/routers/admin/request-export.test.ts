import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLease } from "../../cluster/leases.ts";
import { exportEventsJob } from "../../jobs/export-events-job.ts";
import { jobLeaseName, runJobIfDue } from "../../jobs/job-scheduler.ts";
import { appendVisible, pauseEvent } from "../../projections/testing/log-fixtures.ts";
import { createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";
import { makeAdmin } from "./admin-test-kit.ts";

describe.each(databaseTargets())("Export now from the admin on %s", (driver) => {
  let server: TestServer;
  const outDir = mkdtempSync(join(tmpdir(), "chronicle-export-now-"));
  beforeAll(async () => {
    server = await createTestServer(driver, { CHRONICLE_EXPORT_DIR: outDir });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  const runExportJobAsWorker = async () => {
    const lease = await acquireLease(server.db, jobLeaseName(exportEventsJob), "test-worker");
    return runJobIfDue(server.deps, exportEventsJob, lease!);
  };

  it("makes the hourly export run at the worker's next tick, shows the request meanwhile, and audits who asked", async () => {
    await appendVisible(server.db, [pauseEvent()]);
    // The hourly run has just happened, so without a request the worker has nothing to do.
    expect(await runJobIfDue(server.deps, exportEventsJob, (await acquireLease(server.db, jobLeaseName(exportEventsJob), "test-worker"))!)).toBe(true);
    expect(await runExportJobAsWorker()).toBe(false);
    await appendVisible(server.db, [pauseEvent()]);

    const { adminId, caller } = makeAdmin(server);
    const asked = await caller.admin.requestExport();
    expect(asked.runningRunId).toBeNull();
    expect(await caller.admin.exportRequest()).toEqual({ requestedAt: asked.requestedAt, requestedBy: adminId });
    // Asking twice is one request, kept with the first time.
    expect((await caller.admin.requestExport()).requestedAt).toBe(asked.requestedAt);

    expect(await runExportJobAsWorker()).toBe(true);
    expect(await caller.admin.exportRequest()).toEqual({ requestedAt: null, requestedBy: null });
    const status = await caller.admin.exports();
    expect(status.runs[0]).toMatchObject({ status: "succeeded", eventsExported: 1 });
    expect(status.eventsNotExported).toBe(0);
    // Once run, the request is spent: the next tick waits for the interval again.
    expect(await runExportJobAsWorker()).toBe(false);

    const audit = await server.db.rows<{ procedure: string; outcome: string }>(
      sql`select procedure, outcome from admin_audit_log where admin_user_id = ${adminId} and procedure = 'admin.requestExport'`,
    );
    expect(audit).toEqual([
      { procedure: "admin.requestExport", outcome: "ok" },
      { procedure: "admin.requestExport", outcome: "ok" },
    ]);
  });

  it("is for admins only, and says what to set when no export folder is configured", async () => {
    await expect(server.learner(makeLearner()).admin.requestExport()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const withoutFolder = await createTestServer(driver);
    try {
      await expect(makeAdmin(withoutFolder).caller.admin.requestExport()).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringMatching(/CHRONICLE_EXPORT_DIR/),
      });
    } finally {
      await withoutFolder.close();
    }
  });
});
