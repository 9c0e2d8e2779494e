import type { FastifyReply, FastifyRequest } from "fastify";

/** tRPC streams its answer (httpBatchStreamLink) when the client asks for JSON lines; those must stay streams. */
function wantsJsonLines(request: FastifyRequest): boolean {
  const accept = request.headers["trpc-accept"] ?? request.headers.accept;
  return typeof accept === "string" && accept.includes("application/jsonl");
}

/**
 * tRPC's Fastify adapter answers with a fetch Response, which @fastify/compress can only see as a
 * stream of unknown size: it gzipped every answer, a 230-byte ingest acknowledgement included, through
 * a zlib stream per request (bench:http measured it as most of Fastify's extra CPU per request).
 * Handing it the JSON text instead lets its threshold skip small answers and compress large ones in
 * one synchronous step. Streams (JSON lines, server-sent events) are left as they are.
 */
export async function wholeJsonAnswers(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (!(payload instanceof Response) || wantsJsonLines(request)) return payload;
  if (!payload.headers.get("content-type")?.startsWith("application/json")) return payload;
  reply.code(payload.status);
  for (const [name, value] of payload.headers) reply.header(name, value);
  return payload.text();
}
