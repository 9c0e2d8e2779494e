import type { EventFamily, EventSource, EventType } from "@chronicle/contracts";
import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The append-only event log. Column names follow seed 000's envelope because analysts
 * and the warehouse export rely on them. UPDATE, DELETE and TRUNCATE are refused by
 * triggers (see the append-only migration); only chronicle_purge_events() may delete.
 *
 * The table is partitioned by family, then by UTC month of event_ts (migration 0023, written
 * by hand: drizzle cannot declare partitions). What this declares is what every partition
 * shares. A unique key of a partitioned table must contain the partition key, so the id's
 * uniqueness lives in event_ids (see event-ids.ts), claimed by the log's insert trigger.
 */
export const events = pgTable(
  "events",
  {
    /** Unique across the whole log through event_ids; an insert of a claimed id is skipped. */
    id: uuid("id").notNull(),
    eventVersion: integer("event_version").notNull(),
    eventType: text("event_type").$type<EventType>().notNull(),
    family: text("family").$type<EventFamily>().notNull(),
    /** Server time of ingest: authoritative for business logic (seed 000). */
    eventTs: timestamp("event_ts", { withTimezone: true, mode: "string" }).notNull(),
    /** Client-reported time, kept only to measure skew and latency. */
    clientTs: timestamp("client_ts", { withTimezone: true, mode: "string" }),
    seq: integer("seq"),
    sessionId: uuid("session_id").notNull(),
    userId: uuid("user_id").notNull(),
    questionId: uuid("question_id"),
    source: text("source").$type<EventSource>(),
    payloadJson: jsonb("payload_json").$type<Record<string, unknown>>().notNull(),
    /** sha256 of the event's content: same id + same hash is a duplicate, same id + other hash a conflict. */
    contentHash: text("content_hash").notNull(),
    /** Monotonic order of ingest; projections read the log by it. */
    ingestSeq: bigint("ingest_seq", { mode: "number" })
      .notNull()
      .default(sql`nextval('events_ingest_seq_counter')`),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
    batchId: uuid("batch_id"),
    /**
     * The log position of the writing transaction, assigned in commit order by
     * chronicle_log_position() (migration 0010): every row of one transaction shares it, and
     * a position becomes visible only after every lower one committed or rolled back. So
     * readers take the log in (tx_id, ingest_seq) order with no horizon and never skip a
     * late commit (ingest_seq alone can commit out of order under concurrent writers).
     * Rows written before 0010 hold their transaction's xid, which sorts below every position.
     */
    txId: bigint("tx_id", { mode: "number" })
      .notNull()
      .default(sql`chronicle_log_position()`),
  },
  (t) => [
    index("events_id_idx").on(t.id),
    index("events_session_id_event_ts_idx").on(t.sessionId, t.eventTs),
    index("events_user_id_event_ts_idx").on(t.userId, t.eventTs),
    index("events_event_type_event_ts_idx").on(t.eventType, t.eventTs),
    index("events_session_id_seq_idx").on(t.sessionId, t.seq),
    index("events_family_event_ts_idx").on(t.family, t.eventTs),
    index("events_tx_id_ingest_seq_idx").on(t.txId, t.ingestSeq),
    // A projection's lag is "events of my types past my checkpoint": probed per type on this
    // index, it costs the pending events found, not the whole log past the checkpoint.
    index("events_event_type_tx_id_ingest_seq_idx").on(t.eventType, t.txId, t.ingestSeq),
    // The admin event explorer pages the whole log newest first by (event_ts, ingest_seq).
    index("events_event_ts_ingest_seq_idx").on(t.eventTs, t.ingestSeq),
    // XP's first-attempt rule asks "has this learner submitted this question before?" per
    // submit; without these partial indexes that scans the learner's whole history.
    index("events_question_submit_by_learner_idx")
      .on(t.userId, sql`lower(${t.payloadJson}->>'question_id')`, t.txId, t.ingestSeq)
      .where(sql`event_type = 'question_submit'`),
    index("events_session_submitted_by_learner_idx").on(t.userId, t.txId, t.ingestSeq).where(sql`event_type = 'SESSION_SUBMITTED'`),
  ],
);
