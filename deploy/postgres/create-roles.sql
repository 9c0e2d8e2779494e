-- Chronicle's PostgreSQL roles, run once by the postgres image when its volume is first created
-- (/docker-entrypoint-initdb.d), as the owner (POSTGRES_USER), which applies the migrations.
-- The group roles are the ones the migrations grant to; the migrations also create them when
-- missing, so this script and the migrations can run in either order.
--   chronicle_app     read every table, append to the log and the audit trail, nothing more
--   chronicle_purger  may call chronicle_purge_events() (retention and erasure, audited)
-- Logins: the API processes only serve requests; the workers also run retention and erasure.
-- Change the passwords (and the URLs in docker-compose.yml) for anything but a local trial.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chronicle_app') THEN
    CREATE ROLE chronicle_app NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chronicle_purger') THEN
    CREATE ROLE chronicle_purger NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chronicle_api') THEN
    CREATE ROLE chronicle_api LOGIN PASSWORD 'chronicle_api' IN ROLE chronicle_app;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chronicle_worker') THEN
    CREATE ROLE chronicle_worker LOGIN PASSWORD 'chronicle_worker' IN ROLE chronicle_app, chronicle_purger;
  END IF;
END
$$;
