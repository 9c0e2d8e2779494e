import type { FastifyInstance } from "fastify";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import type { Context, ServerDeps } from "../context.ts";
import { ReasonedError } from "../errors/reasoned-error.ts";
import { buildOpenApiDocument } from "../openapi/build-openapi-document.ts";
import { producerProcedures } from "../openapi/producer-procedures.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory } from "../trpc.ts";

export const OPENAPI_PATH = "/openapi.json";
const createCaller = createCallerFactory(appRouter);

type Call = (input: unknown) => Promise<unknown>;

function describe(error: TRPCError): string {
  const zod = error.cause instanceof ZodError ? error.cause : null;
  if (!zod) return error.message;
  const first = zod.issues[0];
  return `Invalid input: ${first && first.path.length > 0 ? `${first.path.join(".")}: ` : ""}${first?.message ?? "it does not match the contract"}.`;
}

/**
 * REST paths for the producer procedures (POST /api/…, JSON in, the procedure's output out),
 * for services that generate a client from /openapi.json. They run the same tRPC procedures
 * through a server-side caller, behind the API scope's token check, rate limit and body guards.
 */
export function registerRestRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get(OPENAPI_PATH, async (_request, reply) => reply.header("cache-control", "no-cache").send(buildOpenApiDocument()));

  for (const { procedure, path } of producerProcedures) {
    app.post(path, async (request, reply) => {
      const context: Context = { ...deps, auth: request.chronicleAuth ?? (await deps.verifyToken(request.headers.authorization)) };
      const [group, name] = procedure.split(".") as [string, string];
      const call = (createCaller(context) as unknown as Record<string, Record<string, Call>>)[group]![name]!;
      try {
        // The body arrives as text (see registerApi) and has passed the nesting guard, so parsing it is safe.
        const input: unknown = typeof request.body === "string" && request.body !== "" ? JSON.parse(request.body) : undefined;
        return reply.send(await call(input));
      } catch (error) {
        if (error instanceof SyntaxError) return reply.code(400).send({ error: { message: "The body is not valid JSON.", code: "BAD_REQUEST", reason: "invalid_json" } });
        const trpcError = error instanceof TRPCError ? error : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
        const status = getHTTPStatusCodeFromError(trpcError);
        if (status >= 500 && trpcError.code === "INTERNAL_SERVER_ERROR") {
          deps.log.error("rest.internal_error", { path, requestId: request.id, error });
          return reply.code(500).send({ error: { message: `Chronicle failed to answer; the request id is ${request.id}.`, code: "INTERNAL_SERVER_ERROR" } });
        }
        if (trpcError.code === "SERVICE_UNAVAILABLE") reply.header("retry-after", String(deps.env.CHRONICLE_RETRY_AFTER_SECONDS));
        const reason = trpcError.cause instanceof ReasonedError ? trpcError.cause.reason : undefined;
        return reply.code(status).send({ error: { message: describe(trpcError), code: trpcError.code, ...(reason ? { reason } : {}) } });
      }
    });
  }
}
