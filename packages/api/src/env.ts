import { conflictStrategy } from "@chronicle/contracts";
import { z } from "zod";

const booleanFlag = z
  .enum(["1", "0", "true", "false", "on", "off", "yes", "no"], {
    error: (issue) => `must be one of 1/0/true/false/on/off/yes/no, got '${String(issue.input)}'`,
  })
  .transform((value) => ["1", "true", "on", "yes"].includes(value));

/** Days to keep something, or "forever". */
const retentionDays = z.string().transform((value, context) => {
  if (value === "forever") return "forever" as const;
  const days = Number(value);
  if (/^\d+$/.test(value) && days >= 1 && days <= 36_500) return days;
  context.addIssue({ code: "custom", message: `must be a whole number of days (1..36500) or "forever", got '${value}'` });
  return z.NEVER;
});

/** A fixed secret for development only; production refuses to start without its own. */
export const DEV_JWT_SECRET = "chronicle-development-secret-do-not-use-in-production";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /**
   * The tables' owner, which applies migrations; DATABASE_URL is then the server's own login
   * (a member of chronicle_app, owning nothing). Unset, DATABASE_URL does both (development).
   */
  CHRONICLE_MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** PostgreSQL cancels any one statement of the server's running longer than this (0 turns it off). */
  CHRONICLE_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** Opening a PostgreSQL connection gives up after this long. */
  CHRONICLE_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  CHRONICLE_DATA_DIR: z.string().min(1).default("./.chronicle"),
  CHRONICLE_JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  CHRONICLE_JWKS_URL: z.url().optional(),
  CHRONICLE_JWT_ISSUER: z.string().min(1).default("chronicle"),
  CHRONICLE_JWT_AUDIENCE: z.string().min(1).default("chronicle-api"),
  /**
   * The longest a learner or admin token may live, from its iat to its exp and from its iat to
   * now; a longer-lived or older token is refused (default 24 h).
   */
  CHRONICLE_MAX_TOKEN_AGE_SECONDS: z.coerce.number().int().min(60).max(31_536_000).default(86_400),
  /** The same for service tokens, which game servers and backends hold longer (default 30 days). */
  CHRONICLE_MAX_SERVICE_TOKEN_AGE_SECONDS: z.coerce.number().int().min(60).max(31_536_000).default(2_592_000),
  /**
   * OpenID Connect sign-in for the apps (authorization code + PKCE in the browser; see README
   * "Signing in"). Unset: no OIDC button. The provider's ID token must carry ROLE_CLAIM (a
   * string, a list, or a dotted path such as realm_access.roles) with one of ADMIN_VALUES or
   * LEARNER_VALUES; USER_ID_CLAIM, when set, names a claim holding the learner's Chronicle UUID.
   */
  CHRONICLE_OIDC_ISSUER: z.url().optional(),
  CHRONICLE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  CHRONICLE_OIDC_SCOPES: z
    .string()
    .refine((scopes) => scopes.split(" ").includes("openid"), "must include openid")
    .default("openid"),
  CHRONICLE_OIDC_ROLE_CLAIM: z.string().min(1).default("chronicle_role"),
  CHRONICLE_OIDC_ADMIN_VALUES: z.string().min(1).default("admin"),
  CHRONICLE_OIDC_LEARNER_VALUES: z.string().min(1).default("learner"),
  CHRONICLE_OIDC_USER_ID_CLAIM: z.string().min(1).optional(),
  /** Seed 004's kill switch (SIDDES_TELEMETRY_ENABLED): off makes counters answer telemetry_disabled. */
  CHRONICLE_COUNTERS_ENABLED: booleanFlag.default(true),
  /** Seconds a client should wait before retrying when the store is unavailable. */
  CHRONICLE_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /**
   * Group commit (issue 10): concurrent ingest requests of one process share a transaction.
   * A lone request waits this long for company (0: none), a group is written once it holds
   * GROUP_MAX_EVENTS, and past QUEUE_MAX_EVENTS waiting events new requests wait for room.
   */
  CHRONICLE_INGEST_GROUP_WAIT_MS: z.coerce.number().int().min(0).max(1000).default(0),
  CHRONICLE_INGEST_GROUP_MAX_EVENTS: z.coerce.number().int().min(1).max(100_000).default(1000),
  CHRONICLE_INGEST_QUEUE_MAX_EVENTS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** Seed 001's CONFLICT_RESOLUTION_STRATEGY for sync.batch progress and assessment items. */
  CHRONICLE_SYNC_CONFLICT_STRATEGY: conflictStrategy.default("last-write-wins"),
  /** Seed 002: a study session without activity for this many minutes is ended by the server (reason "inactivity"). */
  CHRONICLE_STUDY_IDLE_MINUTES: z.coerce.number().int().min(1).max(10_080).default(30),
  /** Largest HTTP body, in bytes: 1000 events of at most 4 KB each, plus envelopes. */
  CHRONICLE_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(6 * 1024 * 1024),
  /**
   * Retention of raw events per family, overriding the catalog's class (exam kept, study and
   * sync 730 days, game 90); game features (1 year) and raw counter rows (30 days). Unset
   * means the catalog's default; see privacy/retention-policy.ts.
   */
  CHRONICLE_RETAIN_EXAM_DAYS: retentionDays.optional(),
  CHRONICLE_RETAIN_STUDY_DAYS: retentionDays.optional(),
  CHRONICLE_RETAIN_GAME_DAYS: retentionDays.optional(),
  CHRONICLE_RETAIN_SYNC_DAYS: retentionDays.optional(),
  CHRONICLE_RETAIN_GAME_FEATURES_DAYS: retentionDays.optional(),
  CHRONICLE_RETAIN_COUNTER_DAYS: retentionDays.optional(),
  /** Rejected events in the quarantine (default 30 days). */
  CHRONICLE_RETAIN_QUARANTINE_DAYS: retentionDays.optional(),
  /** Where the hourly incremental Parquet export writes; unset turns the job off (`chronicle export` still works). */
  CHRONICLE_EXPORT_DIR: z.string().min(1).optional(),
  /** Events per exported Parquet file (default 50 000). */
  CHRONICLE_EXPORT_FILE_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  /**
   * An export run that stops renewing its lease (its process was killed or froze) is declared
   * dead after this long and its files removed. Keep the default; tests shorten it.
   */
  CHRONICLE_EXPORT_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  /** On SIGTERM, how long requests in flight get to finish before their connections are cut. */
  CHRONICLE_DRAIN_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  /** HTTP edges (see README "Operating Chronicle"): a client gets this long to send its headers, and its whole request. */
  CHRONICLE_HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
  CHRONICLE_HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  /** Open sockets one process accepts; more are closed at once. */
  CHRONICLE_HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(4096),
  /** Deepest `[`/`{` nesting a JSON body may have; deeper bodies get 400 before they are parsed. */
  CHRONICLE_MAX_JSON_DEPTH: z.coerce.number().int().min(8).max(1024).default(64),
  /** Calls one tRPC batch request may carry (mutation batches: at most 10 or this, whichever is lower). */
  CHRONICLE_MAX_BATCH_CALLS: z.coerce.number().int().min(1).max(1000).default(50),
  /** Requests one principal (or, without a token, one address) may make per window; over it: 429 + Retry-After. */
  CHRONICLE_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(1200),
  CHRONICLE_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Comma-separated origins allowed to call the API from a browser (CORS); unset allows none. */
  CHRONICLE_CORS_ORIGINS: z.string().optional(),
  /** When set, GET /metrics needs `Authorization: Bearer <this>`. Set it in production. */
  CHRONICLE_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Where alert transitions are POSTed as JSON (optional). */
  CHRONICLE_ALERT_WEBHOOK_URL: z.url().optional(),
  /** How much pino writes to stderr. */
  CHRONICLE_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type ServerEnv = z.output<typeof envSchema> & { jwtSecret: string | undefined };

/** Reads and validates the environment once; each problem is named in one sentence. */
export function loadEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}.`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && !env.CHRONICLE_JWT_SECRET && !env.CHRONICLE_JWKS_URL) {
    throw new Error("Invalid environment: set CHRONICLE_JWT_SECRET or CHRONICLE_JWKS_URL in production.");
  }
  if (env.CHRONICLE_OIDC_ISSUER && !env.CHRONICLE_OIDC_CLIENT_ID) {
    throw new Error("Invalid environment: set CHRONICLE_OIDC_CLIENT_ID, the apps' client id at the provider, together with CHRONICLE_OIDC_ISSUER.");
  }
  const jwtSecret = env.CHRONICLE_JWT_SECRET ?? (env.CHRONICLE_JWKS_URL ? undefined : DEV_JWT_SECRET);
  if (env.CHRONICLE_OIDC_ISSUER && !jwtSecret) {
    throw new Error("Invalid environment: OIDC sign-in needs CHRONICLE_JWT_SECRET, because Chronicle signs its own token for each person the provider signs in.");
  }
  return { ...env, jwtSecret };
}
