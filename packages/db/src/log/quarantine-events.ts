import { MAX_QUARANTINED_BODY_BYTES, MAX_QUARANTINED_PER_DAY, scrubStoredText, scrubStoredValue, type EventIssue, type RejectionCode } from "@chronicle/contracts";
import { sql } from "drizzle-orm";
import { createHash } from "node:crypto";
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

/** Rejections whose learner could not be read are capped together, under this id. */
const UNREADABLE_LEARNER = "00000000-0000-0000-0000-000000000000";
const encoder = new TextEncoder();

interface StoredBody {
  raw_json: unknown;
  raw_bytes: number | null;
  raw_sha256: string | null;
}

function jsonOf(value: unknown): string | null {
  try {
    return JSON.stringify(value ?? null);
  } catch {
    // Too deep for JSON.stringify's recursion: only size and hash are lost, not the rejection.
    return null;
  }
}

/** The first `maxBytes` UTF-8 bytes of a text, cut on a character boundary. */
function utf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = char.length === 2 ? 4 : encoder.encode(char).byteLength;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * What the quarantine keeps of a rejected body: a scrubbed, storable copy (issue 15), whole
 * when it fits MAX_QUARANTINED_BODY_BYTES, else its first bytes as a JSON string; plus the
 * size and sha256 of the body as it was sent.
 */
export function storedBodyOf(raw: unknown): StoredBody {
  const sent = jsonOf(raw);
  const scrubbed = scrubStoredValue(raw ?? null);
  const text = jsonOf(scrubbed) ?? '"[too deeply nested to keep]"';
  const bytes = encoder.encode(text).byteLength;
  return {
    raw_json: bytes <= MAX_QUARANTINED_BODY_BYTES ? scrubbed : utf8Prefix(text, MAX_QUARANTINED_BODY_BYTES),
    raw_bytes: sent === null ? null : encoder.encode(sent).byteLength,
    raw_sha256: sent === null ? null : createHash("sha256").update(sent).digest("hex"),
  };
}

/**
 * Stores rejected events with their reasons in one statement. Every text is made storable and
 * scrubbed, the body bounded, and each learner's rejections are counted per UTC day: past
 * MAX_QUARANTINED_PER_DAY they are counted but no longer stored.
 */
export async function quarantineEvents(executor: Executor, rejected: readonly QuarantinedEvent[]): Promise<void> {
  if (rejected.length === 0) return;
  const rows = rejected.map((row, ord) => ({
    ord,
    batch_id: row.batch_id,
    user_id: row.user_id,
    cap_key: row.user_id ?? UNREADABLE_LEARNER,
    event_id: row.event_id,
    event_type: row.event_type === null ? null : scrubStoredText(row.event_type).slice(0, 64),
    code: row.code,
    message: scrubStoredText(row.message).slice(0, 1000),
    issues: scrubStoredValue(row.issues.slice(0, 20)),
    ...storedBodyOf(row.raw_json),
  }));
  await executor.execute(sql`
    with incoming as (
           select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
             ord int, batch_id uuid, user_id uuid, cap_key uuid, event_id uuid, event_type text, code text,
             message text, issues jsonb, raw_json jsonb, raw_bytes int, raw_sha256 text)),
         per_learner as (select cap_key, count(*)::int as n from incoming group by cap_key),
         counted as (
           insert into quarantine_daily_counts (user_id, day, received)
           select cap_key, (now() at time zone 'utc')::date, n from per_learner
           on conflict (user_id, day) do update set received = quarantine_daily_counts.received + excluded.received
           returning user_id, received),
         ranked as (
           select i.*, row_number() over (partition by i.cap_key order by i.ord) as nth,
                  c.received - p.n as before_this_batch
             from incoming i join per_learner p using (cap_key) join counted c on c.user_id = i.cap_key)
    insert into quarantined_events (batch_id, user_id, event_id, event_type, code, message, issues, raw_json, raw_bytes, raw_sha256)
    select batch_id, user_id, event_id, event_type, code, message, issues, coalesce(raw_json, 'null'::jsonb), raw_bytes, raw_sha256
      from ranked
     where before_this_batch + nth <= ${MAX_QUARANTINED_PER_DAY}
     order by ord`);
}
