import type { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import type { Logger } from "../observability/logger.ts";

/**
 * A 500 tells the caller nothing internal (no SQL, no parameters, no stack): one generic
 * sentence with a request id, and the log line with the same id carries the details.
 * Returns that sentence and id; logs once per error.
 */
const references = new WeakMap<TRPCError, string>();

export function internalErrorReply(
  error: TRPCError,
  where: { path: string | undefined; requestId: string | undefined; log: Logger | undefined },
): { message: string; requestId: string } {
  let requestId = references.get(error);
  if (!requestId) {
    requestId = where.requestId ?? randomUUID();
    references.set(error, requestId);
    (where.log ?? fallbackLog).error("trpc.internal_error", { requestId, path: where.path, error });
  }
  return { message: `Chronicle failed to answer this request; if it keeps happening, report request id ${requestId}.`, requestId };
}

/** Before a context exists (it failed to build) there is no logger to hand: stderr still gets the line. */
const fallbackLog: Logger = {
  info: () => {},
  warn: () => {},
  error: (message, context) => console.error(message, context),
};
