import { adminAuditLog } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { performance } from "node:perf_hooks";
import { adminProcedure } from "../trpc.ts";
import { scrubAuditInput } from "./scrub-audit-input.ts";

/**
 * Every admin procedure is built on this: the admin role is required, and each call is
 * recorded in admin_audit_log (who, what, when, outcome). A call whose audit row cannot be
 * written fails, because staff access to learner data must never go unrecorded.
 */
export const auditedAdminProcedure = adminProcedure.use(async ({ ctx, path, type, getRawInput, next }) => {
  const started = performance.now();
  const result = await next();
  const rawInput = await getRawInput().catch(() => undefined);
  try {
    await ctx.db.orm.insert(adminAuditLog).values({
      at: ctx.now().toISOString(),
      adminUserId: ctx.principal.userId,
      procedure: path,
      callType: type,
      inputJson: scrubAuditInput(rawInput),
      outcome: result.ok ? "ok" : "error",
      errorCode: result.ok ? null : result.error.code,
      durationMs: Math.round(performance.now() - started),
    });
  } catch (error) {
    ctx.log.error("admin.audit_failed", { procedure: path, adminUserId: ctx.principal.userId, error });
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: `The audit log could not record this ${path} call, so it was refused; try again shortly.` });
  }
  return result;
});
