import { userInfo } from "node:os";
import { resolve } from "node:path";
import type { ServerEnv } from "@chronicle/api/env.ts";
import { exportEvents } from "@chronicle/api/export/export-events.ts";
import { describeDatabase, openDatabase } from "./open-database.ts";

/** Exports the events not yet exported as Parquet files into --out (default CHRONICLE_EXPORT_DIR). */
export async function exportCommand(env: ServerEnv, values: Record<string, unknown>): Promise<void> {
  const out = typeof values.out === "string" ? values.out : env.CHRONICLE_EXPORT_DIR;
  if (!out) throw new Error("Say where to write: pass --out <folder> or set CHRONICLE_EXPORT_DIR.");
  const outDir = resolve(out);
  const db = await openDatabase(env);
  try {
    const report = await exportEvents(db, {
      outDir,
      actor: `${userInfo().username} (chronicle export)`,
      fileRows: env.CHRONICLE_EXPORT_FILE_ROWS,
      leaseTtlMs: env.CHRONICLE_EXPORT_LEASE_SECONDS * 1000,
    });
    console.log(`[chronicle] export run ${report.runId} on ${describeDatabase(env)}: ${report.events} events in ${report.files.length} Parquet files under ${outDir}`);
    for (const file of report.files) console.log(`[chronicle]   ${file.path}  ${file.rows} rows, ${file.bytes} bytes`);
    if (report.events === 0) console.log("[chronicle] nothing new since the last export.");
  } finally {
    await db.close();
  }
}
