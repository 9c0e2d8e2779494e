import { rejectionCodes } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

export interface RejectionReasonCount {
  code: string;
  count: number;
}

const allCodes = JSON.stringify(Object.keys(rejectionCodes));

/** Quarantined events per rejection code in [since, until): one index range per code on quarantined_events_code_received_at_idx. */
export async function readRejectionReasons(executor: Executor, since: Date, until: Date, limit = 5): Promise<RejectionReasonCount[]> {
  return rowsOf<RejectionReasonCount>(
    executor,
    sql`select c.code, n.count
          from jsonb_array_elements_text(${allCodes}::jsonb) as c(code)
          cross join lateral (
            select count(*)::int as count from quarantined_events q
             where q.code = c.code and q.received_at >= ${since.toISOString()}::timestamptz and q.received_at < ${until.toISOString()}::timestamptz
          ) n
         where n.count > 0
         order by n.count desc, c.code
         limit ${limit}`,
  );
}
