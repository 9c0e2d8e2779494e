-- Append-only must hold against the application itself (issue 11, finding 6). The server runs
-- as a login role that is a member of chronicle_app: it owns nothing and is no superuser, so
-- it can neither disable triggers (session_replication_role needs a superuser) nor delete from
-- the log or the audit tables (those privileges are revoked below). Migrations, retention and
-- erasure run as the owner that applies these migrations; chronicle_purger may be granted to a
-- separate login that only purges. On PGlite there is one user, the owner: the roles exist but
-- change nothing there, and the triggers still refuse every mutation outside the purge function.
--
-- Roles are cluster-wide: each is created only when missing, so every database on a server
-- (the throw-away test databases included) shares them, and two databases migrating at the
-- same moment do not collide.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chronicle_app') THEN
    BEGIN
      CREATE ROLE chronicle_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chronicle_purger') THEN
    BEGIN
      CREATE ROLE chronicle_purger NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
END
$$;
--> statement-breakpoint
-- Nobody but the owner creates objects here: a look-alike chronicle_purge_events() cannot be planted.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO chronicle_app;
--> statement-breakpoint
-- TRUNCATE for the aggregates, which `chronicle rebuild` empties; the log keeps refusing it below.
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO chronicle_app;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO chronicle_app;
--> statement-breakpoint
-- Tables and sequences that later migrations create (as the owner) are the app's to use too.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO chronicle_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO chronicle_app;
--> statement-breakpoint
-- The log and the audit trail only grow: the app may read and append, nothing else; and only
-- the purge function writes purge_audit, so the app cannot forge a purge record either.
REVOKE UPDATE, DELETE, TRUNCATE ON events, purge_audit, admin_audit_log FROM chronicle_app;
--> statement-breakpoint
REVOKE INSERT ON purge_audit FROM chronicle_app;
--> statement-breakpoint
-- The triggers no longer trust a setting anyone can SET: a row leaves the log only from inside
-- chronicle_purge_events() (its frame is on the PL/pgSQL call stack) and only as the table's
-- owner, which the function runs as (SECURITY DEFINER).
CREATE OR REPLACE FUNCTION chronicle_refuse_event_mutation() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  call_stack text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    GET DIAGNOSTICS call_stack = PG_CONTEXT;
    IF position('function chronicle_purge_events(' IN call_stack) > 0
       AND (SELECT relowner FROM pg_class WHERE oid = TG_RELID) = (SELECT oid FROM pg_roles WHERE rolname = current_user) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'events is append-only: % is not allowed; deletion happens only through chronicle_purge_events()', TG_OP
    USING ERRCODE = '42501';
END;
$$;
--> statement-breakpoint
CREATE FUNCTION chronicle_refuse_audit_mutation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is an audit trail: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = '42501';
END;
$$;
--> statement-breakpoint
-- Statement-level, so that even a DELETE or UPDATE matching no row is refused.
CREATE TRIGGER purge_audit_refuse_mutation BEFORE UPDATE OR DELETE OR TRUNCATE ON purge_audit
  FOR EACH STATEMENT EXECUTE FUNCTION chronicle_refuse_audit_mutation();
--> statement-breakpoint
CREATE TRIGGER admin_audit_log_refuse_mutation BEFORE UPDATE OR DELETE OR TRUNCATE ON admin_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION chronicle_refuse_audit_mutation();
--> statement-breakpoint
-- The purge runs as its owner (SECURITY DEFINER, with a pinned search_path), only for roles
-- granted EXECUTE; the audit row also names the login that really called it (purge_audit's
-- connected_as, defaulting to session_user in the next migration), which no caller can write.
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
  DELETE FROM events
   WHERE (p_user_id IS NULL OR user_id = p_user_id)
     AND (p_family IS NULL OR family = p_family)
     AND (p_before IS NULL OR event_ts < p_before)
     AND (p_through_tx_id IS NULL OR (tx_id, ingest_seq) <= (p_through_tx_id, p_through_ingest_seq));
  GET DIAGNOSTICS deleted = ROW_COUNT;
  INSERT INTO purge_audit (actor, reason, user_id, family, cutoff, events_deleted)
  VALUES (p_actor, p_reason, p_user_id, p_family, p_before, deleted);
  RETURN deleted;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION chronicle_purge_events(text, text, uuid, text, timestamptz, bigint, bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION chronicle_purge_events(text, text, uuid, text, timestamptz, bigint, bigint) TO chronicle_purger;
