import { demoUsers } from "@chronicle/api/auth/demo-users.ts";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { roles, serviceScopes } from "@chronicle/api/auth/principal.ts";
import { signDevToken } from "@chronicle/api/auth/sign-dev-token.ts";
import type { ServerEnv } from "@chronicle/api/env.ts";

/** The demo users that `token` signs for when no --sub is given, one per role. */
export { demoUsers };

const tokenOptions = z.object({
  role: z.enum(roles, { error: "--role must be learner, admin or service" }),
  sub: z.uuid({ error: "--sub must be a UUID" }).optional(),
  scope: z.string().min(1).optional(),
  "expires-in": z.string().regex(/^\d+[smhd]$/, "--expires-in must look like 30m, 12h or 7d").optional(),
  "new-sub": z.boolean().optional(),
});

export async function tokenCommand(env: ServerEnv, options: Record<string, unknown>): Promise<void> {
  if (env.NODE_ENV === "production") {
    throw new Error("`chronicle token` only signs development tokens and refuses to run with NODE_ENV=production.");
  }
  const parsed = tokenOptions.safeParse(options);
  if (!parsed.success) throw new Error(`${parsed.error.issues[0]?.message ?? "invalid options"}.`);
  const { role, sub, scope } = parsed.data;
  const subject = sub ?? (parsed.data["new-sub"] ? randomUUID() : demoUsers[role]);
  const defaultScope = role === "service" ? "events:game" : undefined;
  // --scope takes one or more scopes, comma- or space-separated: events:study,events:exam,study:catalog.
  const scopes = scope?.split(/[\s,]+/).filter(Boolean);
  const unknown = scopes?.filter((s) => !serviceScopes.includes(s)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown scope '${unknown[0]}'; use any of ${serviceScopes.join(", ")}.`);
  if (scopes && role !== "service") throw new Error("--scope is for service tokens; add --role service.");
  assertWithinTokenAge(env, role, parsed.data["expires-in"]);
  const token = await signDevToken(env, { role, sub: subject, scope: scopes?.join(" ") ?? defaultScope, expiresIn: parsed.data["expires-in"] });
  process.stdout.write(`${token}\n`);
}

const secondsPerUnit = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** A token the server would refuse as too long-lived is not signed at all. */
function assertWithinTokenAge(env: ServerEnv, role: (typeof roles)[number], expiresIn: string | undefined): void {
  if (!expiresIn) return;
  const seconds = Number(expiresIn.slice(0, -1)) * secondsPerUnit[expiresIn.slice(-1) as keyof typeof secondsPerUnit];
  const maxAge = role === "service" ? env.CHRONICLE_MAX_SERVICE_TOKEN_AGE_SECONDS : env.CHRONICLE_MAX_TOKEN_AGE_SECONDS;
  if (seconds > maxAge) throw new Error(`--expires-in ${expiresIn} is longer than a ${role} token may live (${maxAge} seconds); choose a shorter time.`);
}
