import type { ConflictStrategy, SyncItemResult } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { canonicalJson } from "../ingest/content-hash.ts";
import type { AssessmentItem, Indexed } from "./parse-sync-items.ts";
import { resolveItemsInOrder, type KeyedSyncItem } from "./resolve-items-in-order.ts";
import type { SyncedVersion } from "./resolve-sync-conflict.ts";

interface AssessmentValue extends SyncedVersion {
  assessmentId: string;
  score: number;
  maxScore: number;
  submittedAt: string;
  details: Record<string, unknown>;
  clientUpdatedAt: string;
}

// score and max_score are REAL columns: compare at their precision so a retried item reads back as equal.
function fingerprintOf(score: number, maxScore: number, submittedAt: string, details: unknown): string {
  return canonicalJson({ score: Math.fround(score), maxScore: Math.fround(maxScore), submittedAt, details });
}

function toKeyed({ index, item }: Indexed<AssessmentItem>): KeyedSyncItem<AssessmentValue> {
  const { assessmentId, score, maxScore, answers } = item.itemData;
  const submittedAt = new Date(item.itemData.submittedAt).toISOString();
  const details = answers ? { answers } : {};
  const clientUpdatedAtMs = Date.parse(item.clientUpdatedAt ?? item.itemData.submittedAt);
  return {
    index,
    key: assessmentId,
    label: `assessment '${assessmentId}'`,
    value: {
      assessmentId,
      score,
      maxScore,
      submittedAt,
      details,
      clientUpdatedAtMs,
      clientUpdatedAt: new Date(clientUpdatedAtMs).toISOString(),
      fingerprint: fingerprintOf(score, maxScore, submittedAt, details),
    },
  };
}

/** Seed 001 assessment items into sync_assessments: one read of what is held, one upsert of what changed. */
export async function applyAssessmentItems(
  tx: Executor,
  userId: string,
  strategy: ConflictStrategy,
  items: readonly Indexed<AssessmentItem>[],
  at: Date,
): Promise<SyncItemResult[]> {
  if (items.length === 0) return [];
  const keyed = items.map(toKeyed);
  const held = await rowsOf<{ assessment_id: string; score: number; max_score: number; submitted_at: string; details: unknown; client_updated_at: string }>(
    tx,
    sql`select assessment_id, score, max_score, details,
               to_char(submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as submitted_at,
               to_char(client_updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as client_updated_at
          from sync_assessments
         where user_id = ${userId}::uuid
           and assessment_id in (select value from jsonb_array_elements_text(${JSON.stringify(keyed.map((k) => k.key))}::jsonb))`,
  );
  const stored = new Map(
    held.map((row) => [
      row.assessment_id,
      { clientUpdatedAtMs: Date.parse(row.client_updated_at), fingerprint: fingerprintOf(row.score, row.max_score, row.submitted_at, row.details) },
    ]),
  );
  const { results, writes } = resolveItemsInOrder(strategy, "assessment", keyed, stored);
  if (writes.size > 0) {
    const rows = JSON.stringify(
      [...writes.values()].map((v) => ({
        assessment_id: v.assessmentId,
        score: v.score,
        max_score: v.maxScore,
        submitted_at: v.submittedAt,
        client_updated_at: v.clientUpdatedAt,
        details: v.details,
      })),
    );
    await tx.execute(sql`
      insert into sync_assessments (user_id, assessment_id, score, max_score, submitted_at, client_updated_at, details, server_updated_at)
      select ${userId}::uuid, assessment_id, score, max_score, submitted_at, client_updated_at, details, ${at.toISOString()}::timestamptz
        from jsonb_to_recordset(${rows}::jsonb) as r(
               assessment_id text, score real, max_score real, submitted_at timestamptz, client_updated_at timestamptz, details jsonb)
      on conflict (user_id, assessment_id) do update set
        score = excluded.score, max_score = excluded.max_score, submitted_at = excluded.submitted_at,
        client_updated_at = excluded.client_updated_at, details = excluded.details, server_updated_at = excluded.server_updated_at`);
  }
  return results;
}
