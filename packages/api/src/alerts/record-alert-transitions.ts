import { alerts, rowsOf, type AlertState, type Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { AlertEvaluation } from "./evaluate-operational-alerts.ts";

export interface AlertTransition {
  name: string;
  state: AlertState;
  value: number;
  threshold: number;
  message: string;
  at: string;
}

/**
 * Compares each evaluation with its alert's latest recorded state and stores the changes: a
 * firing alert that was not firing, a resolved one that was. An alert never seen counts as resolved.
 */
export async function recordAlertTransitions(db: Database, evaluations: readonly AlertEvaluation[], now: Date): Promise<AlertTransition[]> {
  return db.transaction(async (tx) => {
    // One evaluator at a time, even if two processes ever overlap: the second sees the first's rows.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('chronicle:alerts'))`);
    const latest = await rowsOf<{ name: string; state: AlertState }>(tx, sql`select distinct on (name) name, state from alerts order by name, id desc`);
    const stateOf = new Map(latest.map((row) => [row.name, row.state]));
    const at = now.toISOString();
    const transitions: AlertTransition[] = evaluations
      .filter((alert) => alert.isFiring !== (stateOf.get(alert.name) === "firing"))
      .map((alert) => ({ name: alert.name, state: alert.isFiring ? "firing" : "resolved", value: alert.value, threshold: alert.threshold, message: alert.message, at }));
    if (transitions.length > 0) await tx.insert(alerts).values(transitions);
    return transitions;
  });
}

/** The latest transitions, newest first, for ingestion health. */
export async function readAlertHistory(db: Pick<Database, "orm">, limit = 50): Promise<AlertTransition[]> {
  return rowsOf<AlertTransition>(
    db.orm,
    sql`select name, state, value, threshold, message, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
          from alerts order by id desc limit ${limit}`,
  );
}
