-- The event log becomes partitioned (issue 10): by family (LIST), then by calendar month of
-- event_ts (RANGE, UTC). Retention then drops a family's whole month instead of deleting its
-- rows one by one, and each family keeps its own retention (exam for ever, game 90 days…).
--
--   events                          LIST (family)
--     events_exam                   RANGE (event_ts)
--       events_exam_2026_12         one UTC month; created ahead by the ensure-event-partitions job
--       events_exam_default         anything no month partition covers (back-dated imports, a
--                                   worker that did not run for months); retention deletes its rows
--     events_study, events_game, events_sync   the same
--
-- Drizzle cannot declare partitions, so this migration is written by hand; the drizzle schema
-- (src/schema/events.ts) describes the columns every partition shares.
--
-- Idempotency stays global. A unique index on a partitioned table must contain the partition
-- key, so the event id moves to event_ids (id primary key, event_ts, content_hash): a BEFORE
-- INSERT trigger on the log claims the id there and skips the row when the id is already
-- claimed, which is what `on conflict (id) do nothing` did. So every writer of the log
-- (ingest, server events, the demo loader, tests) stays idempotent without knowing about it,
-- and duplicates and conflicts are told apart from event_ids.content_hash.
CREATE SEQUENCE events_ingest_seq_counter AS bigint;
--> statement-breakpoint
CREATE TABLE event_ids (
  id uuid PRIMARY KEY,
  event_ts timestamptz NOT NULL,
  content_hash text NOT NULL
);
--> statement-breakpoint
-- The unpartitioned log steps aside; its index and constraint names go to the new log.
ALTER TABLE events RENAME TO events_unpartitioned;
--> statement-breakpoint
ALTER TABLE events_unpartitioned DROP CONSTRAINT events_pkey;
--> statement-breakpoint
ALTER TABLE events_unpartitioned DROP CONSTRAINT events_ingest_seq_unique;
--> statement-breakpoint
DROP INDEX events_session_id_event_ts_idx, events_user_id_event_ts_idx, events_event_type_event_ts_idx,
           events_session_id_seq_idx, events_family_event_ts_idx, events_tx_id_ingest_seq_idx,
           events_event_type_tx_id_ingest_seq_idx, events_event_ts_ingest_seq_idx,
           events_question_submit_by_learner_idx, events_session_submitted_by_learner_idx;
--> statement-breakpoint
CREATE TABLE events (
  id uuid NOT NULL,
  event_version integer NOT NULL,
  event_type text NOT NULL,
  family text NOT NULL,
  event_ts timestamptz NOT NULL,
  client_ts timestamptz,
  seq integer,
  session_id uuid NOT NULL,
  user_id uuid NOT NULL,
  question_id uuid,
  source text,
  payload_json jsonb NOT NULL,
  content_hash text NOT NULL,
  -- Identity columns on partitioned tables need PostgreSQL 17; a plain sequence does the same job.
  ingest_seq bigint NOT NULL DEFAULT nextval('events_ingest_seq_counter'),
  received_at timestamptz NOT NULL DEFAULT now(),
  batch_id uuid,
  tx_id bigint NOT NULL DEFAULT chronicle_log_position()
) PARTITION BY LIST (family);
--> statement-breakpoint
ALTER SEQUENCE events_ingest_seq_counter OWNED BY events.ingest_seq;
--> statement-breakpoint
-- Creates what is missing of the partition tree for p_families: each family's sub-log and
-- default partition, and its month partitions from p_from's month through p_months_ahead
-- months later. Returns the partitions it created. Runs as the owner (SECURITY DEFINER): the
-- app may not create tables. Every partition refuses TRUNCATE, UPDATE and DELETE as the log
-- does (row triggers are inherited from the log; statement triggers and privileges are not).
-- A month whose rows already sit in the family's default partition is left there: creating
-- it would have to move them.
CREATE FUNCTION chronicle_ensure_event_partitions(p_families text[], p_from timestamptz, p_months_ahead integer)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  family text;
  sub_log text;
  default_part text;
  month_part text;
  month_start date;
  created integer := 0;
BEGIN
  IF p_months_ahead IS NULL OR p_months_ahead < 0 OR p_months_ahead > 24 THEN
    RAISE EXCEPTION 'chronicle_ensure_event_partitions needs 0 to 24 months ahead, got %', p_months_ahead;
  END IF;
  -- One creator at a time per database; a second caller waits, then finds nothing to do.
  PERFORM pg_advisory_xact_lock(2026, 23);
  FOREACH family IN ARRAY p_families LOOP
    IF family !~ '^[a-z][a-z0-9_]{0,30}$' THEN
      RAISE EXCEPTION 'event family % is not a lowercase slug', family;
    END IF;
    sub_log := 'events_' || family;
    default_part := sub_log || '_default';
    IF to_regclass(sub_log) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF events FOR VALUES IN (%L) PARTITION BY RANGE (event_ts)', sub_log, family);
      EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', default_part, sub_log);
      PERFORM chronicle_seal_event_partition(sub_log);
      PERFORM chronicle_seal_event_partition(default_part);
      created := created + 1;
    END IF;
    FOR step IN 0..p_months_ahead LOOP
      month_start := (date_trunc('month', p_from AT TIME ZONE 'UTC') + make_interval(months => step))::date;
      month_part := sub_log || '_' || to_char(month_start, 'YYYY_MM');
      CONTINUE WHEN to_regclass(month_part) IS NOT NULL;
      CONTINUE WHEN chronicle_default_holds_month(default_part, month_start);
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', month_part, sub_log,
                     to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00',
                     to_char((month_start + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
      PERFORM chronicle_seal_event_partition(month_part);
      created := created + 1;
    END LOOP;
  END LOOP;
  RETURN created;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION chronicle_default_holds_month(p_default text, p_month date) RETURNS boolean
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  found boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE event_ts >= %L::timestamptz AND event_ts < %L::timestamptz)', p_default,
                 to_char(p_month, 'YYYY-MM-DD') || ' 00:00:00+00',
                 to_char((p_month + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00')
    INTO found;
  RETURN found;
END;
$$;
--> statement-breakpoint
-- A new partition is owned by the owner, and the default privileges of migration 0014 would let
-- the app delete from it or truncate it directly: take that back, and refuse TRUNCATE by trigger.
CREATE FUNCTION chronicle_seal_event_partition(p_partition text) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM chronicle_app', p_partition);
  EXECUTE format('CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION chronicle_refuse_event_mutation()', p_partition);
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION chronicle_ensure_event_partitions(text[], timestamptz, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION chronicle_ensure_event_partitions(text[], timestamptz, integer) TO chronicle_app;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION chronicle_seal_event_partition(text) FROM PUBLIC;
--> statement-breakpoint
-- The families of @chronicle/contracts today; the job adds a family's partitions when one is added.
SELECT chronicle_ensure_event_partitions(ARRAY['exam', 'study', 'game', 'sync'], now(), 0);
--> statement-breakpoint
-- Rows keep their log positions (tx_id, ingest_seq): checkpoints and the export ledger carry on.
INSERT INTO events (id, event_version, event_type, family, event_ts, client_ts, seq, session_id, user_id, question_id,
                    source, payload_json, content_hash, ingest_seq, received_at, batch_id, tx_id)
SELECT id, event_version, event_type, family, event_ts, client_ts, seq, session_id, user_id, question_id,
       source, payload_json, content_hash, ingest_seq, received_at, batch_id, tx_id
  FROM events_unpartitioned;
--> statement-breakpoint
INSERT INTO event_ids (id, event_ts, content_hash) SELECT id, event_ts, content_hash FROM events_unpartitioned;
--> statement-breakpoint
SELECT setval('events_ingest_seq_counter', (SELECT coalesce(max(ingest_seq), 0) + 1 FROM events_unpartitioned), false);
--> statement-breakpoint
DROP TABLE events_unpartitioned;
--> statement-breakpoint
-- Indexes on the log are created on every partition, present and future. events_id_idx serves
-- the lookups of one event by id (event_ids answers "is it there"; this finds its row).
CREATE INDEX events_id_idx ON events (id);
--> statement-breakpoint
CREATE INDEX events_session_id_event_ts_idx ON events (session_id, event_ts);
--> statement-breakpoint
CREATE INDEX events_user_id_event_ts_idx ON events (user_id, event_ts);
--> statement-breakpoint
CREATE INDEX events_event_type_event_ts_idx ON events (event_type, event_ts);
--> statement-breakpoint
CREATE INDEX events_session_id_seq_idx ON events (session_id, seq);
--> statement-breakpoint
CREATE INDEX events_family_event_ts_idx ON events (family, event_ts);
--> statement-breakpoint
CREATE INDEX events_tx_id_ingest_seq_idx ON events (tx_id, ingest_seq);
--> statement-breakpoint
CREATE INDEX events_event_type_tx_id_ingest_seq_idx ON events (event_type, tx_id, ingest_seq);
--> statement-breakpoint
CREATE INDEX events_event_ts_ingest_seq_idx ON events (event_ts, ingest_seq);
--> statement-breakpoint
CREATE INDEX events_question_submit_by_learner_idx ON events (user_id, lower(payload_json ->> 'question_id'), tx_id, ingest_seq)
  WHERE event_type = 'question_submit';
--> statement-breakpoint
CREATE INDEX events_session_submitted_by_learner_idx ON events (user_id, tx_id, ingest_seq) WHERE event_type = 'SESSION_SUBMITTED';
--> statement-breakpoint
CREATE TRIGGER events_refuse_update_delete BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION chronicle_refuse_event_mutation();
--> statement-breakpoint
CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION chronicle_refuse_event_mutation();
--> statement-breakpoint
-- Claims the event's id in event_ids; a row whose id is already claimed (a retry, or the same
-- id with other content: the caller tells them apart by content_hash) is skipped, like
-- `on conflict do nothing`. A concurrent writer of the same id waits for the first to commit.
CREATE FUNCTION chronicle_claim_event_id() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_ids (id, event_ts, content_hash) VALUES (NEW.id, NEW.event_ts, NEW.content_hash)
    ON CONFLICT (id) DO NOTHING;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_claim_id BEFORE INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION chronicle_claim_event_id();
--> statement-breakpoint
REVOKE ALL ON events, event_ids FROM chronicle_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON events, event_ids TO chronicle_app;
--> statement-breakpoint
-- What retention would take of one family's log: each whole month partition that ends at or
-- before p_before and holds nothing past the given log position (whole = true, dropped), and
-- the family's default partition's rows older than p_before up to that position (whole =
-- false, deleted row by row). A month partition still holding an event some projection or the
-- export has not reached waits for the next run.
CREATE FUNCTION chronicle_retention_plan(p_family text, p_before timestamptz, p_through_tx_id bigint, p_through_ingest_seq bigint)
RETURNS TABLE (partition_name text, whole boolean, rows bigint)
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
DECLARE
  part record;
  month_start date;
  pending boolean;
  n bigint;
BEGIN
  FOR part IN
    SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = to_regclass('events_' || p_family) ORDER BY c.relname
  LOOP
    IF part.name = 'events_' || p_family || '_default' THEN
      EXECUTE format('SELECT count(*) FROM %I WHERE event_ts < $1 AND ($2::bigint IS NULL OR (tx_id, ingest_seq) <= ($2, $3))', part.name)
        INTO n USING p_before, p_through_tx_id, p_through_ingest_seq;
      IF n > 0 THEN
        partition_name := part.name; whole := false; rows := n;
        RETURN NEXT;
      END IF;
      CONTINUE;
    END IF;
    CONTINUE WHEN part.name !~ '_\d{4}_\d{2}$';
    month_start := to_date(right(part.name, 7), 'YYYY_MM');
    CONTINUE WHEN (to_char((month_start + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00')::timestamptz > p_before;
    IF p_through_tx_id IS NOT NULL THEN
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE (tx_id, ingest_seq) > ($1, $2))', part.name)
        INTO pending USING p_through_tx_id, p_through_ingest_seq;
      CONTINUE WHEN pending;
    END IF;
    EXECUTE format('SELECT count(*) FROM %I', part.name) INTO n;
    partition_name := part.name; whole := true; rows := n;
    RETURN NEXT;
  END LOOP;
END;
$$;
--> statement-breakpoint
-- Retention (p_before, no learner) now follows chronicle_retention_plan(): whole months are
-- dropped with their ids, the default partition's expired rows deleted. Erasure (a learner)
-- still deletes that learner's rows wherever they are, and their ids with them. Every purge
-- that deletes writes one audit row, as before; a retention run that finds nothing writes none,
-- so the caller need not evaluate the plan a second time to find out first.
CREATE OR REPLACE FUNCTION chronicle_purge_events(
  p_actor text,
  p_reason text,
  p_user_id uuid,
  p_family text,
  p_before timestamptz,
  p_through_tx_id bigint DEFAULT NULL,
  p_through_ingest_seq bigint DEFAULT NULL
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  deleted integer := 0;
  n integer;
  planned record;
BEGIN
  IF coalesce(length(trim(p_actor)), 0) = 0 OR coalesce(length(trim(p_reason)), 0) = 0 THEN
    RAISE EXCEPTION 'chronicle_purge_events needs an actor and a reason for the audit log';
  END IF;
  IF p_user_id IS NULL AND p_before IS NULL THEN
    RAISE EXCEPTION 'chronicle_purge_events needs a learner (erasure) or a cutoff time (retention)';
  END IF;
  IF (p_through_tx_id IS NULL) <> (p_through_ingest_seq IS NULL) THEN
    RAISE EXCEPTION 'chronicle_purge_events needs both parts of the log position bound (tx_id and ingest_seq) or neither';
  END IF;
  IF p_user_id IS NULL AND p_family IS NULL THEN
    RAISE EXCEPTION 'chronicle_purge_events needs a family for retention: each family has its own partitions and retention';
  END IF;
  IF p_user_id IS NULL THEN
    FOR planned IN SELECT * FROM chronicle_retention_plan(p_family, p_before, p_through_tx_id, p_through_ingest_seq) LOOP
      IF planned.whole THEN
        EXECUTE format('DELETE FROM event_ids WHERE id IN (SELECT id FROM %I)', planned.partition_name);
        EXECUTE format('DROP TABLE %I', planned.partition_name);
        deleted := deleted + planned.rows;
      ELSE
        EXECUTE format('WITH gone AS (DELETE FROM %I WHERE event_ts < $1 AND ($2::bigint IS NULL OR (tx_id, ingest_seq) <= ($2, $3)) RETURNING id),
                             ids AS (DELETE FROM event_ids WHERE id IN (SELECT id FROM gone))
                        SELECT count(*) FROM gone', planned.partition_name)
          INTO n USING p_before, p_through_tx_id, p_through_ingest_seq;
        deleted := deleted + n;
      END IF;
    END LOOP;
  ELSE
    WITH gone AS (
      DELETE FROM events
       WHERE user_id = p_user_id
         AND (p_family IS NULL OR family = p_family)
         AND (p_before IS NULL OR event_ts < p_before)
         AND (p_through_tx_id IS NULL OR (tx_id, ingest_seq) <= (p_through_tx_id, p_through_ingest_seq))
      RETURNING id
    ), ids AS (
      DELETE FROM event_ids WHERE id IN (SELECT id FROM gone)
    )
    SELECT count(*) INTO deleted FROM gone;
  END IF;
  -- A retention run that found nothing leaves no audit row (most hourly runs); an erasure always does.
  IF p_user_id IS NOT NULL OR deleted > 0 THEN
    INSERT INTO purge_audit (actor, reason, user_id, family, cutoff, events_deleted)
    VALUES (p_actor, p_reason, p_user_id, p_family, p_before, deleted);
  END IF;
  RETURN deleted;
END;
$$;
