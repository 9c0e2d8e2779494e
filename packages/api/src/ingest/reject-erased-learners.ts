import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { OwnershipVerdict } from "./check-ownership.ts";

/**
 * Erasure is final (issue 11, finding 10): events of a learner in erased_learners are refused
 * with learner_erased, whatever their token says, so a still-valid token cannot write them back.
 * The verdicts of the other events are kept as they are.
 */
export async function rejectErasedLearners(
  tx: Executor,
  candidates: readonly { userId: string }[],
  verdicts: readonly OwnershipVerdict[],
): Promise<OwnershipVerdict[]> {
  const learners = [...new Set(candidates.map((candidate) => candidate.userId))];
  if (learners.length === 0) return [...verdicts];
  const erased = await rowsOf<{ learner_id: string }>(
    tx,
    sql`select learner_id::text as learner_id from erased_learners
         where learner_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(learners)}::jsonb))`,
  );
  if (erased.length === 0) return [...verdicts];
  const isErased = new Set(erased.map((row) => row.learner_id));
  return verdicts.map((verdict, i) =>
    isErased.has(candidates[i]!.userId)
      ? { ok: false, code: "learner_erased", message: `Learner '${candidates[i]!.userId}' was erased; Chronicle no longer accepts their events.` }
      : verdict,
  );
}
