import { userInfo } from "node:os";
import { z } from "zod";
import type { ServerEnv } from "@chronicle/api/env.ts";
import { eraseLearner } from "@chronicle/api/privacy/erase-learner.ts";
import { describeDatabase, openDatabase } from "./open-database.ts";

const eraseOptions = z.object({
  learner: z.uuid({ error: "--learner must be the learner's UUID (the sub of their token)" }),
  reason: z.string({ error: "--reason is required: say why, e.g. --reason \"GDPR request 2026-114\"" }).trim().min(3, "--reason must say why, in at least 3 characters"),
  actor: z.string().trim().min(1, "--actor must not be empty").optional(),
});

/** Erases one learner's events and every row naming them (GDPR), audited with actor and reason. */
export async function eraseCommand(env: ServerEnv, values: Record<string, unknown>): Promise<void> {
  const parsed = eraseOptions.safeParse(values);
  if (!parsed.success) throw new Error(`${parsed.error.issues[0]!.message}.`);
  const { learner, reason } = parsed.data;
  const actor = parsed.data.actor ?? `${userInfo().username} (chronicle erase)`;
  const db = await openDatabase(env);
  try {
    const report = await eraseLearner(db, learner, { actor, reason });
    const tables = Object.entries(report.rows).map(([table, count]) => `${table} ${count}`);
    console.log(`[chronicle] erased learner ${learner} on ${describeDatabase(env)}: ${report.eventsDeleted} events${tables.length > 0 ? `; ${tables.join(", ")}` : ""}`);
    console.log(`[chronicle] recorded in purge_audit as "${actor}": ${reason}`);
  } finally {
    await db.close();
  }
}
