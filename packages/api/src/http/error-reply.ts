import type { FastifyReply } from "fastify";

/** tRPC's JSON-RPC error codes for the HTTP statuses the edges answer with. */
const rpcCodes: Record<number, { rpc: number; name: string }> = {
  400: { rpc: -32600, name: "BAD_REQUEST" },
  401: { rpc: -32001, name: "UNAUTHORIZED" },
  403: { rpc: -32003, name: "FORBIDDEN" },
  404: { rpc: -32004, name: "NOT_FOUND" },
  408: { rpc: -32008, name: "TIMEOUT" },
  413: { rpc: -32013, name: "PAYLOAD_TOO_LARGE" },
  415: { rpc: -32015, name: "UNSUPPORTED_MEDIA_TYPE" },
  429: { rpc: -32029, name: "TOO_MANY_REQUESTS" },
  500: { rpc: -32603, name: "INTERNAL_SERVER_ERROR" },
  503: { rpc: -32603, name: "SERVICE_UNAVAILABLE" },
};

/**
 * The body of an error answered before tRPC runs (size, media type, nesting, rate limit), in
 * tRPC's own error envelope so that every client reads `error.message` and `error.data.reason`
 * the same way whichever layer refused the request.
 */
export function errorEnvelope(status: number, reason: string, message: string) {
  const code = rpcCodes[status] ?? rpcCodes[status >= 500 ? 500 : 400]!;
  return { error: { message, code: code.rpc, data: { code: code.name, httpStatus: status, reason } } };
}

export function replyError(reply: FastifyReply, status: number, reason: string, message: string): FastifyReply {
  return reply.code(status).header("cache-control", "no-store").send(errorEnvelope(status, reason, message));
}
