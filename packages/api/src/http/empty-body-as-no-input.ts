import type { FastifyRequest } from "fastify";

/**
 * The README's plain-HTTP recipe is `POST /trpc/<procedure>` with the input as the body. For a
 * procedure that takes nothing, callers send no body (and often no content type); tRPC would refuse
 * that (415 "Missing content-type header", or a JSON parse error). An empty body is read as `{}`,
 * which every procedure without input accepts (contracts' `noInput`) and object inputs treat as
 * "all defaults".
 */
export async function emptyBodyAsNoInput(request: FastifyRequest): Promise<void> {
  if (request.method !== "POST") return;
  if (request.body !== undefined && request.body !== "") return;
  request.raw.headers["content-type"] = "application/json";
  request.body = "{}";
}
