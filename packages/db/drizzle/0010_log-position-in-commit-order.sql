-- events.tx_id becomes a log position that the log assigns in commit order (issue 9).
-- Before, it was the writing transaction's xid, and readers stopped below the server's
-- oldest running transaction, a horizon that spans every database of the server: one open
-- transaction in another database stalled the projections, admin.live and game.closeSession.
--
-- Now an event-writing transaction takes its position from a sequence under an advisory lock
-- that it holds until it commits or rolls back. The next writer gets its position only after
-- that, so every position below a visible one is already committed (or rolled back): what a
-- reader sees in (tx_id, ingest_seq) order is always a prefix of the log, a late commit can
-- never land behind a checkpoint, and no horizon is needed. Cost: event-writing transactions
-- serialise from their first event insert to their commit, hence the lock-order rule in
-- docs/aggregates.md: a transaction inserts into events as its last statements.
--
-- The sequence must keep CACHE 1: a per-session cache would hand out positions out of order.
CREATE SEQUENCE "chronicle_log_position_seq" AS bigint CACHE 1;
--> statement-breakpoint
CREATE FUNCTION chronicle_log_position() RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  -- The xid guards against a remembered value leaking from another transaction.
  current_xid text := pg_current_xact_id()::text;
  remembered text := current_setting('chronicle.log_position', true);
  position bigint;
BEGIN
  IF remembered IS NOT NULL AND split_part(remembered, ':', 1) = current_xid THEN
    RETURN split_part(remembered, ':', 2)::bigint;
  END IF;
  -- Nothing waits forever: a caller without its own lock_timeout waits at most 10 s here.
  IF current_setting('lock_timeout') = '0' THEN
    PERFORM set_config('lock_timeout', '10s', true);
  END IF;
  -- (2026, 12) is Chronicle's log-position lock; the two-int key space keeps it apart from
  -- the hashtextextended() bigint keys used elsewhere.
  PERFORM pg_advisory_xact_lock(2026, 12);
  position := nextval('chronicle_log_position_seq');
  PERFORM set_config('chronicle.log_position', current_xid || ':' || position, true);
  -- Every other writer now waits for this transaction: if its client freezes, the server
  -- ends the session after 5 s idle instead of letting it stall ingest for everyone.
  PERFORM set_config('idle_in_transaction_session_timeout', '5s', true);
  RETURN position;
END;
$$;
--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "tx_id" SET DEFAULT chronicle_log_position();
--> statement-breakpoint
-- Old rows keep their xids; new positions start above them (and above any xid so far), so the
-- log order, the projection checkpoints and the export ledger carry on unchanged. The ALTER
-- above holds the table lock, so no row with an old-style tx_id can still commit.
SELECT setval('chronicle_log_position_seq',
              greatest((SELECT coalesce(max(tx_id), 0) FROM events), pg_current_xact_id()::text::bigint) + 1,
              false);
