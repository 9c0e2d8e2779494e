-- chronicle_log_position() (0010) set idle_in_transaction_session_timeout = 5s for the rest of
-- every event-writing transaction. Embedded PGlite is single-user: it has no idle limit and
-- must not get one (an idle timeout firing there hangs the only session). So the function now
-- only tightens a limit the session already has, as every pooled PostgreSQL connection does
-- (packages/db/src/client/postgres-session-options.ts); everything else is unchanged.
CREATE OR REPLACE FUNCTION chronicle_log_position() RETURNS bigint
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
  IF current_setting('idle_in_transaction_session_timeout') <> '0' THEN
    PERFORM set_config('idle_in_transaction_session_timeout', '5s', true);
  END IF;
  RETURN position;
END;
$$;
