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
  CHRONICLE_DATA_DIR: z.string().min(1).default("./.chronicle"),
  CHRONICLE_JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  CHRONICLE_JWKS_URL: z.url().optional(),
  CHRONICLE_JWT_ISSUER: z.string().min(1).default("chronicle"),
  CHRONICLE_JWT_AUDIENCE: z.string().min(1).default("chronicle-api"),
  /** Seed 004's kill switch (SIDDES_TELEMETRY_ENABLED): off makes counters answer telemetry_disabled. */
  CHRONICLE_COUNTERS_ENABLED: booleanFlag.default(true),
  /** Seconds a client should wait before retrying when the store is unavailable. */
  CHRONICLE_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** Seed 001's CONFLICT_RESOLUTION_STRATEGY for sync.batch progress and assessment items. */
  CHRONICLE_SYNC_CONFLICT_STRATEGY: conflictStrategy.default("last-write-wins"),
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
  /** Where the hourly incremental Parquet export writes; unset turns the job off (`chronicle export` still works). */
  CHRONICLE_EXPORT_DIR: z.string().min(1).optional(),
  /** On SIGTERM, how long requests in flight get to finish before their connections are cut. */
  CHRONICLE_DRAIN_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
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
  const jwtSecret = env.CHRONICLE_JWT_SECRET ?? (env.CHRONICLE_JWKS_URL ? undefined : DEV_JWT_SECRET);
  return { ...env, jwtSecret };
}
