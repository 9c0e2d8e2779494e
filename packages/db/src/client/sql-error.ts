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
