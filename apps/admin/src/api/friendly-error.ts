import { TRPCClientError } from "@trpc/client";

/** What the server said about a failed call, when it answered at all. */
function codeOf(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = (error as TRPCClientError<never>).data as { code?: unknown } | undefined;
  return typeof data?.code === "string" ? data.code : null;
}

/** An expired token (UNAUTHORIZED) or one without the admin role (FORBIDDEN): signing in again is the fix. */
export function needsSignIn(error: unknown): boolean {
  const code = codeOf(error);
  return code === "UNAUTHORIZED" || code === "FORBIDDEN";
}

/** Mistakes that asking again will not fix, so queries do not retry them. */
export function isPermanentFailure(error: unknown): boolean {
  const code = codeOf(error);
  return code !== null && ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED"].includes(code);
}

/** One sentence for staff: what went wrong while loading `what` ("the event log"), and what to do. */
export function friendlyError(error: unknown, what: string): string {
  const code = codeOf(error);
  if (code === null) return `We could not load ${what} because the server did not answer; check that it is running and try again.`;
  if (code === "UNAUTHORIZED") return `We could not load ${what} because your sign-in has expired; sign in again.`;
  if (code === "FORBIDDEN") return `We could not load ${what} because this account is not an admin; sign in as one.`;
  if (code === "SERVICE_UNAVAILABLE" || code === "INTERNAL_SERVER_ERROR") return `We could not load ${what} because the server is having trouble; try again in a moment.`;
  // The server's own messages for expected failures are already one sentence naming the thing.
  return error instanceof Error && error.message ? error.message : `We could not load ${what}; try again.`;
}
