import type { Options, PostgresType } from "postgres";

/**
 * Limits that make a failing database fail fast instead of holding requests for the driver's
 * defaults (no statement limit, a 30 s connect, reconnect backoff growing to 20 s).
 */
export interface PostgresTimeouts {
  /** Gives up opening a connection (TCP + startup) after this long. */
  connectTimeoutMs: number;
  /** PostgreSQL cancels any one statement running longer (SQLSTATE 57014). */
  statementTimeoutMs: number;
  /** A statement waiting this long for a row or table lock gives up (SQLSTATE 55P03). */
  lockTimeoutMs: number;
  /** PostgreSQL ends a session that sits idle inside an open transaction this long. */
  idleInTransactionTimeoutMs: number;
}

export const defaultPostgresTimeouts: PostgresTimeouts = {
  connectTimeoutMs: 2_000,
  statementTimeoutMs: 30_000,
  lockTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 60_000,
};

/** The longest wait before a dropped connection is tried again, in seconds. */
const MAX_RECONNECT_BACKOFF_SECONDS = 1;

/**
 * postgres.js options for the application's pool. The limits are sent as connection
 * parameters in the startup message, so every pooled connection has them from its first query.
 */
export function postgresSessionOptions(overrides: Partial<PostgresTimeouts> = {}): Options<Record<string, PostgresType>> {
  const timeouts = { ...defaultPostgresTimeouts, ...overrides };
  return {
    connect_timeout: timeouts.connectTimeoutMs / 1000,
    // A reconnect delay longer than the breaker's probe interval would keep serving 503s after
    // the database is back; the breaker already stops the pool from hammering a dead server.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, MAX_RECONNECT_BACKOFF_SECONDS),
    connection: {
      application_name: "chronicle",
      statement_timeout: timeouts.statementTimeoutMs,
      lock_timeout: timeouts.lockTimeoutMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
    },
  };
}
