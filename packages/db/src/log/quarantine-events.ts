import type { EventIssue, RejectionCode } from "@chronicle/contracts";
import { sql } from "drizzle-orm";
import type { Executor } from "../client/database.ts";

export interface QuarantinedEvent {
  batch_id: string | null;
  user_id: string | null;
  event_id: string | null;
  event_type: string | null;
  code: RejectionCode;
  message: string;
  issues: EventIssue[];
  raw_json: unknown;
}

/** Stores rejected events with their reasons in one statement; nothing a client sent is dropped. */
export async function quarantineEvents(executor: Executor, rejected: readonly QuarantinedEvent[]): Promise<void> {
  if (rejected.length === 0) return;
  await executor.execute(sql`
    insert into quarantined_events (batch_id, user_id, event_id, event_type, code, message, issues, raw_json)
    select batch_id, user_id, event_id, event_type, code, message, issues, coalesce(raw_json, 'null'::jsonb)
      from jsonb_to_recordset(${JSON.stringify(rejected)}::jsonb) as r(
             batch_id uuid, user_id uuid, event_id uuid, event_type text, code text, message text,
             issues jsonb, raw_json jsonb)`);
}
