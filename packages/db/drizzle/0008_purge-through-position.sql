-- Retention must never delete an event a projection has not applied yet, or the aggregates
-- would miss it. chronicle_purge_events() gains an optional upper bound on the log position,
-- (tx_id, ingest_seq), that retention sets to the oldest projection checkpoint. Erasure
-- leaves it NULL: an erased learner's pending events go too. The 5-argument function is
-- replaced, not overloaded, so existing calls stay unambiguous.
DROP FUNCTION chronicle_purge_events(text, text, uuid, text, timestamptz);
--> statement-breakpoint
CREATE FUNCTION chronicle_purge_events(
  p_actor text,
  p_reason text,
  p_user_id uuid,
  p_family text,
  p_before timestamptz,
  p_through_tx_id bigint DEFAULT NULL,
  p_through_ingest_seq bigint DEFAULT NULL
) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  deleted integer;
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
  PERFORM set_config('chronicle.purge_in_progress', 'on', true);
  DELETE FROM events
   WHERE (p_user_id IS NULL OR user_id = p_user_id)
     AND (p_family IS NULL OR family = p_family)
     AND (p_before IS NULL OR event_ts < p_before)
     AND (p_through_tx_id IS NULL OR (tx_id, ingest_seq) <= (p_through_tx_id, p_through_ingest_seq));
  GET DIAGNOSTICS deleted = ROW_COUNT;
  PERFORM set_config('chronicle.purge_in_progress', 'off', true);
  INSERT INTO purge_audit (actor, reason, user_id, family, cutoff, events_deleted)
  VALUES (p_actor, p_reason, p_user_id, p_family, p_before, deleted);
  RETURN deleted;
END;
$$;
