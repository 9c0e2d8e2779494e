import type { AdminLearnerLabel } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { learnerLabel } from "./learner-label.ts";

/** Labels for the given learners, in the order asked, each once; an id without a name gets its pseudonym. */
export async function readLearnerLabels(executor: Executor, userIds: readonly string[]): Promise<AdminLearnerLabel[]> {
  const unique = [...new Set(userIds.map((id) => id.toLowerCase()))];
  const rows = await rowsOf<{ userId: string; displayName: string }>(
    executor,
    sql`select user_id::text as "userId", display_name as "displayName" from learner_display_names
         where user_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(unique)}::jsonb))`,
  );
  const names = new Map(rows.map((row) => [row.userId, row.displayName]));
  return unique.map((userId) => learnerLabel(userId, names.get(userId) ?? null));
}
