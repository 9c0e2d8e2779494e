import type { BehavioralFeatureInputs, BehavioralFeatureValues } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

export interface StoredFeatures {
  sessionId: string;
  studentId: string;
  closedAt: string;
  formulaVersion: number;
  features: BehavioralFeatureValues;
  inputs: BehavioralFeatureInputs;
}

/**
 * A session's behavioral_features row. Values come from features_json, which keeps the
 * exact numbers; the REAL columns are for SQL analytics.
 */
export async function readStoredFeatures(executor: Executor, sessionId: string): Promise<StoredFeatures | null> {
  const [row] = await rowsOf<{
    student_id: string;
    created_at: string;
    features_json: { formula_version: number; features: BehavioralFeatureValues; inputs: BehavioralFeatureInputs };
  }>(
    executor,
    sql`select student_id::text as student_id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at, features_json
          from behavioral_features where session_id = ${sessionId}::uuid`,
  );
  if (!row) return null;
  return {
    sessionId,
    studentId: row.student_id,
    closedAt: new Date(row.created_at).toISOString(),
    formulaVersion: row.features_json.formula_version,
    features: row.features_json.features,
    inputs: row.features_json.inputs,
  };
}
