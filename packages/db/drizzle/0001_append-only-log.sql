-- The event log is append-only, enforced by the database itself rather than by the
-- absence of endpoints. The only way to delete is chronicle_purge_events(), which
-- retention and per-learner erasure call, and which writes an audit row in the same
-- transaction.
CREATE FUNCTION chronicle_refuse_event_mutation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('chronicle.purge_in_progress', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'events is append-only: % is not allowed; deletion happens only through chronicle_purge_events()', TG_OP
    USING ERRCODE = '42501';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_refuse_update_delete BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION chronicle_refuse_event_mutation();
--> statement-breakpoint
CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION chronicle_refuse_event_mutation();
--> statement-breakpoint
CREATE FUNCTION chronicle_purge_events(
  p_actor text,
  p_reason text,
  p_user_id uuid,
  p_family text,
  p_before timestamptz
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
  PERFORM set_config('chronicle.purge_in_progress', 'on', true);
  DELETE FROM events
   WHERE (p_user_id IS NULL OR user_id = p_user_id)
     AND (p_family IS NULL OR family = p_family)
     AND (p_before IS NULL OR event_ts < p_before);
  GET DIAGNOSTICS deleted = ROW_COUNT;
  PERFORM set_config('chronicle.purge_in_progress', 'off', true);
  INSERT INTO purge_audit (actor, reason, user_id, family, cutoff, events_deleted)
  VALUES (p_actor, p_reason, p_user_id, p_family, p_before, deleted);
  RETURN deleted;
END;
$$;
