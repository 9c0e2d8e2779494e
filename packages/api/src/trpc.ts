import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Principal, Role } from "./auth/principal.ts";
import type { Context } from "./context.ts";
import { guardDatabaseWork } from "./db-health/guard-database-work.ts";
import { internalErrorReply } from "./errors/internal-error-reply.ts";
import { ReasonedError } from "./errors/reasoned-error.ts";

function describeZodError(error: ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})` : "";
  return `Invalid input: ${where}${first?.message ?? "it does not match the contract"}${more}.`;
}

const t = initTRPC.context<Context>().create({
  // Error responses never carry stack traces; failures are logged on the server instead.
  isDev: false,
  errorFormatter({ shape, error, ctx, path }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    // A 500's own message may be drizzle's "Failed query: <SQL> params: …": the caller gets a request id instead.
    const internal =
      error.code === "INTERNAL_SERVER_ERROR"
        ? internalErrorReply(error, { path, log: ctx?.log, requestId: ctx?.requestId })
        : null;
    return {
      ...shape,
      message: internal ? internal.message : zodError ? describeZodError(zodError) : shape.message,
      data: {
        ...shape.data,
        requestId: internal?.requestId,
        reason: error.cause instanceof ReasonedError ? error.cause.reason : undefined,
        issues: zodError?.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Answers even while the database is unreachable: only health, which reports exactly that. */
export const unguardedProcedure = t.procedure;

/** Every other procedure runs behind the database breaker and the database failure map. */
const guardedProcedure = t.procedure.use(({ ctx, next }) => guardDatabaseWork(ctx, next));

export const publicProcedure = guardedProcedure;

export const middleware = t.middleware;

/** Any verified token; `ctx.principal` is set for the handler. */
export const requirePrincipal = t.middleware(({ ctx, next }) => {
  if (ctx.auth.status === "none") {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in: send 'Authorization: Bearer <token>'.", cause: new ReasonedError("no_viewer", "no token") });
  }
  if (ctx.auth.status === "invalid") {
    throw new TRPCError({ code: "UNAUTHORIZED", message: ctx.auth.reason, cause: new ReasonedError("invalid_token", ctx.auth.reason) });
  }
  const principal: Principal = ctx.auth.principal;
  return next({ ctx: { principal } });
});

export const authedProcedure = guardedProcedure.use(requirePrincipal);

function requireRole(...allowed: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!allowed.includes(ctx.principal.role)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This call needs the ${allowed.join(" or ")} role; your token's role is ${ctx.principal.role}.`,
      });
    }
    return next();
  });
}

export const learnerProcedure = requireRole("learner");
export const adminProcedure = requireRole("admin");
export const serviceProcedure = requireRole("service");
