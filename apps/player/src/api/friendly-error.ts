import { TRPCClientError } from "@trpc/client";

/** What the server said about a failed call, when it answered at all. */
function codeOf(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = (error as TRPCClientError<never>).data as { code?: unknown } | undefined;
  return typeof data?.code === "string" ? data.code : null;
}

export function isUnauthorized(error: unknown): boolean {
  return codeOf(error) === "UNAUTHORIZED";
}

/** Mistakes that asking again will not fix, so queries do not retry them. */
export function isPermanentFailure(error: unknown): boolean {
  const code = codeOf(error);
  return code !== null && ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED"].includes(code);
}

/** No answer from the server at all, or a gateway saying it is down: asking again later will work. */
export function isServerUnreachable(error: unknown): boolean {
  const code = codeOf(error);
  if (code === "SERVICE_UNAVAILABLE") return true;
  if (code !== null) return false;
  // No tRPC answer: a failed fetch (no response), or a proxy's own 502–504 page.
  const status = (error as { meta?: { response?: { status?: unknown } } } | null)?.meta?.response?.status;
  return typeof status !== "number" || [502, 503, 504].includes(status);
}

/** One sentence for the learner: what went wrong while doing `action` ("save your answer"), and what to do. */
export function friendlyError(error: unknown, action: string): string {
  const code = codeOf(error);
  if (code === null) return `We could not ${action} because the server did not answer; check your connection and try again.`;
  if (code === "UNAUTHORIZED") return `We could not ${action} because your sign-in has expired; sign in again.`;
  if (code === "SERVICE_UNAVAILABLE" || code === "INTERNAL_SERVER_ERROR") {
    return `We could not ${action} because the server is having trouble; try again in a moment.`;
  }
  // The server's own messages for expected failures are already one sentence naming the thing.
  return error instanceof Error && error.message ? error.message : `We could not ${action}; try again.`;
}
