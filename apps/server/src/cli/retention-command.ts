import type { ServerEnv } from "@chronicle/api/env.ts";
import { purgeExpired } from "@chronicle/api/privacy/purge-expired.ts";
import { retentionPolicy } from "@chronicle/api/privacy/retention-policy.ts";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { describeDatabase, openDatabase } from "./open-database.ts";
import { narrowRetention, parseRetentionDays } from "./retention-target.ts";
import { userInfo } from "node:os";

/**
 * Runs the retention purge now (the server also runs it hourly); --dry-run only counts.
 * --family <family|counter> [--days N] purges only that target, as seed 004's purge does.
 */
export async function retentionCommand(env: ServerEnv, values: Record<string, unknown>): Promise<void> {
  const dryRun = values["dry-run"] === true;
  const days = parseRetentionDays(values.days);
  if (days !== undefined && values.family === undefined) throw new Error("--days needs --family: say which data it applies to.");
  const policy = typeof values.family === "string" ? narrowRetention(retentionPolicy(env), values.family, days) : retentionPolicy(env);
  const db = await openDatabase(env);
  try {
    const purged = await purgeExpired(db, policy, allProjections, new Date(), { actor: `${userInfo().username} (chronicle retention)`, dryRun });
    const kept = Object.entries(policy.events).filter(([, days]) => days === null).map(([family]) => `${family} events`);
    console.log(`[chronicle] retention on ${describeDatabase(env)}${dryRun ? " (dry run: nothing deleted)" : ""}`);
    for (const target of purged) {
      console.log(`[chronicle]   ${target.what}: kept ${target.keepDays} days; ${target.rows} older than ${target.cutoff} ${dryRun ? "would go" : "deleted"}`);
    }
    if (kept.length > 0 && values.family === undefined) console.log(`[chronicle]   kept for ever: ${kept.join(", ")}`);
    if (!dryRun) console.log("[chronicle] every deletion is recorded in purge_audit; aggregates are kept.");
  } finally {
    await db.close();
  }
}
