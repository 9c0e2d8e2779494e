/**
 * Drizzle wraps driver errors in "Failed query: …"; the database's own message (which
 * says what rule was broken) is on `cause`. Both drivers put it on `message`.
 */
export function sqlErrorMessage(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** Resolves to the database's message when the query fails, or throws if it unexpectedly succeeds. */
export async function sqlFailure(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    return sqlErrorMessage(error);
  }
  throw new Error("Expected the query to fail, but it succeeded.");
}

/**
 * What a database failure means for the caller:
 * - `unavailable`: the database cannot be reached or refuses work (network errors, SQLSTATE
 *   classes 08 connection, 53 insufficient resources, 57P shutdown) — retry later, 503;
 * - `busy`: this statement gave up but the database is up (statement or lock timeout,
 *   serialization failure, deadlock, a concurrent insert of the same key) — retrying the same
 *   request can succeed, 503;
 * - `bad-input`: the data cannot be stored as given (SQLSTATE classes 22 data exception and
 *   54 program limit exceeded) — the caller's fault, never worth retrying, 400;
 * - `bug`: anything else (a constraint we did not expect, a syntax error, no SQLSTATE at all) — 500.
 */
export type DatabaseFailureKind = "unavailable" | "busy" | "bad-input" | "bug";

/** Node socket errors and postgres.js's own connection errors: no SQLSTATE, the link is gone. */
const linkErrorCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** Retrying can succeed: timeouts, serialization failures, deadlocks, a concurrent insert of the same key. */
const busySqlStates = new Set(["57014", "55P03", "40001", "40P01", "23505", "23P01"]);

/** The errors along an error's `cause` chain, outermost first (drizzle wraps the driver's). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 10 && !chain.includes(current)) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** The five-character SQLSTATE of a database error anywhere on the cause chain, if any. */
export function sqlStateOf(error: unknown): string | undefined {
  return causeChain(error).map(codeOf).find((code) => code !== undefined && /^[0-9A-Z]{5}$/.test(code));
}

/** Classifies a failure thrown by a query, by SQLSTATE class or by the network error. */
export function classifyDatabaseFailure(error: unknown): DatabaseFailureKind {
  const chain = causeChain(error);
  if (chain.some((link) => linkErrorCodes.has(codeOf(link) ?? ""))) return "unavailable";
  // PGlite after close() (an embedded store that was shut down) has no code, only this message.
  if (chain.some((link) => link instanceof Error && link.message === "PGlite is closed")) return "unavailable";
  const state = sqlStateOf(error);
  if (state === undefined) return "bug";
  if (busySqlStates.has(state)) return "busy";
  if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) return "unavailable";
  if (state.startsWith("22") || state.startsWith("54")) return "bad-input";
  return "bug";
}
