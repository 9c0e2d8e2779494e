import type { Database } from "@chronicle/db";
import type { TRPCError } from "@trpc/server";
import { mapDatabaseFailure, storeUnavailableError } from "../errors/database-failure-map.ts";
import type { Logger } from "../observability/logger.ts";
import { databaseBreakerFor } from "./breaker-for-database.ts";
import { DatabaseUnavailableError } from "./database-breaker.ts";

interface GuardContext {
  db: Database;
  log: Logger;
  env: { CHRONICLE_RETRY_AFTER_SECONDS: number };
}

/** The part of a tRPC middleware's result the guard reads. */
type ProcedureResult = { ok: true } | { ok: false; error: TRPCError };

/**
 * Every procedure but health runs through this: refused at once with 503 + Retry-After while
 * the breaker is open, cut short with a 503 when the database stops answering under it, and its
 * database failures mapped to what the caller should be told (503, 400 or a 500).
 */
export async function guardDatabaseWork<R extends ProcedureResult>(ctx: GuardContext, next: () => Promise<R>): Promise<R> {
  const retryAfter = ctx.env.CHRONICLE_RETRY_AFTER_SECONDS;
  const breaker = databaseBreakerFor(ctx.db, ctx.log);
  let result: R;
  try {
    result = await breaker.run(next);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw storeUnavailableError(retryAfter, error);
    throw error;
  }
  if (result.ok) {
    breaker.reportSuccess();
    return result;
  }
  const { replacement, kind } = mapDatabaseFailure(result.error, retryAfter);
  if (kind === "unavailable") breaker.reportUnavailable(result.error.cause?.message ?? result.error.message);
  if (replacement) throw replacement;
  return result;
}
