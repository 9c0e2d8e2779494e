import { classifyDatabaseFailure, sqlErrorMessage, sqlStateOf, type DatabaseFailureKind } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { ReasonedError } from "./reasoned-error.ts";

/**
 * 503 while the database is unreachable or gave up on this statement. The breaker may refuse
 * work that still commits later, so the sentence promises only that resending is safe.
 */
export function storeUnavailableError(retryAfterSeconds: number, cause?: unknown): TRPCError {
  return new TRPCError({
    code: "SERVICE_UNAVAILABLE",
    message: `Chronicle's database is unavailable right now; send the request again in ${retryAfterSeconds} seconds (anything already stored comes back as a duplicate).`,
    cause: new ReasonedError("store_unavailable", "the database is unavailable", { cause }),
  });
}

/** PostgreSQL's own sentence (never drizzle's "Failed query: <SQL> params: …"), cut to a readable length. */
function databaseSentence(error: unknown): string {
  const message = sqlErrorMessage(error).replace(/\s+/g, " ").trim();
  return message.length > 160 ? `${message.slice(0, 157)}…` : message;
}

/** 400: the request holds a value PostgreSQL cannot store (SQLSTATE classes 22 and 54). */
function unstorableValueError(cause: unknown): TRPCError {
  return new TRPCError({
    code: "BAD_REQUEST",
    message: `This request holds a value the database cannot store (${databaseSentence(cause)}); correct it and send the request again.`,
    cause: new ReasonedError("unstorable_value", `SQLSTATE ${sqlStateOf(cause) ?? "unknown"}`, { cause }),
  });
}

export interface MappedFailure {
  /** What the caller is told instead, or null to answer the error as it is. */
  replacement: TRPCError | null;
  /** The database could not be reached: the breaker must hear of it. */
  kind: DatabaseFailureKind | null;
}

/**
 * The one map from a failed procedure to what its caller is told, by what the database said:
 * an outage or a busy database is 503 (retry), a value the database cannot store is 400 (the
 * caller's fault, never worth retrying), and anything else stays a 500 whose details only the
 * log sees. Errors a handler raised on purpose (4xx, or a 503 with no database error under it)
 * are left alone.
 */
export function mapDatabaseFailure(error: TRPCError, retryAfterSeconds: number): MappedFailure {
  if (error.code !== "INTERNAL_SERVER_ERROR" && error.code !== "SERVICE_UNAVAILABLE") return { replacement: null, kind: null };
  const kind = classifyDatabaseFailure(error.cause);
  if (kind === "bad-input") return { replacement: unstorableValueError(error.cause), kind };
  if (kind === "unavailable" || kind === "busy") {
    return { replacement: error.code === "SERVICE_UNAVAILABLE" ? null : storeUnavailableError(retryAfterSeconds, error.cause), kind };
  }
  // A store path's 503 over a SQLSTATE that says the SQL itself is wrong (undefined column, a
  // constraint nobody expected) would tell clients to retry what fails again forever: a 500.
  // Failures without a SQLSTATE (the store's own, e.g. a write race it gave up on) keep the 503.
  const storeFailure = error.code === "SERVICE_UNAVAILABLE" && error.cause instanceof ReasonedError ? error.cause.cause : undefined;
  if (sqlStateOf(storeFailure) !== undefined) {
    return { replacement: new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: error.message, cause: storeFailure }), kind };
  }
  return { replacement: null, kind: null };
}
