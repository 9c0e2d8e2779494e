import type { FastifyReply, FastifyRequest } from "fastify";
import { replyError } from "./error-reply.ts";
import { isNestedDeeperThan } from "./json-depth.ts";

/** `application/json` and `application/<anything>+json`, with or without parameters such as charset. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
/** Whatever the configured batch cap, one request never carries more writes than this. */
export const MAX_MUTATIONS_PER_BATCH = 10;

export interface GuardLimits {
  maxJsonDepth: number;
  maxBatchCalls: number;
}

/** Refuses a body that is not JSON before anything reads it (415), e.g. `application/jsonx` or `text/plain`. */
export async function requireJsonMediaType(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return;
  const type = request.headers["content-type"];
  const hasBody = Number(request.headers["content-length"] ?? 0) > 0 || request.headers["transfer-encoding"] !== undefined;
  if (type === undefined ? hasBody : !JSON_MEDIA_TYPE.test(type)) {
    await replyError(reply, 415, "unsupported_media_type", `Send the body as JSON with 'content-type: application/json'; got '${type ?? "none"}'.`);
  }
}

/**
 * Before tRPC parses anything: a body or `input` nested deeper than the limit gets 400 (it would
 * overflow the parser's stack), and a POST batch of more than MAX_MUTATIONS_PER_BATCH calls
 * gets 400 (one request must not carry unbounded writes). tRPC's own maxBatchSize caps query batches.
 */
export function createRequestGuards(limits: GuardLimits) {
  const maxMutations = Math.min(MAX_MUTATIONS_PER_BATCH, limits.maxBatchCalls);
  return async function guardRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const input = (request.query as Record<string, unknown> | undefined)?.input;
    const texts = [typeof request.body === "string" ? request.body : null, typeof input === "string" ? input : null];
    if (texts.some((text) => text !== null && isNestedDeeperThan(text, limits.maxJsonDepth))) {
      await replyError(reply, 400, "too_deeply_nested", `The JSON is nested deeper than ${limits.maxJsonDepth} levels; flatten it.`);
      return;
    }
    const path = (request.params as Record<string, unknown> | undefined)?.path;
    const calls = typeof path === "string" ? path.split(",").length : 1;
    if (request.method === "POST" && calls > maxMutations) {
      await replyError(reply, 400, "batch_too_large", `One request may carry at most ${maxMutations} mutations; this one has ${calls}. Send them in several requests.`);
    }
  };
}
