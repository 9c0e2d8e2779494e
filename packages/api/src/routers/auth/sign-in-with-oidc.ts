import { oidcSignInInput, oidcSignInOutput } from "@chronicle/contracts";
import { TRPCError } from "@trpc/server";
import { signInWithIdToken, type OidcSignInRefusal } from "../../auth/oidc/sign-in-with-id-token.ts";
import { ReasonedError } from "../../errors/reasoned-error.ts";
import { publicProcedure } from "../../trpc.ts";

const codeOf = {
  "not-configured": "NOT_FOUND",
  "invalid-token": "UNAUTHORIZED",
  "no-access": "FORBIDDEN",
  "provider-unreachable": "BAD_GATEWAY",
} as const satisfies Record<OidcSignInRefusal["kind"], TRPCError["code"]>;

/** Trades the identity provider's ID token for a Chronicle token of the role the app needs. */
export const signInWithOidc = publicProcedure
  .input(oidcSignInInput)
  .output(oidcSignInOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await signInWithIdToken(ctx.env, input.idToken, input.role);
    if (!result.ok) throw new TRPCError({ code: codeOf[result.refusal.kind], message: result.refusal.message, cause: new ReasonedError(result.refusal.kind, result.refusal.message) });
    ctx.log.info("signed in through OpenID Connect", { userId: result.value.userId, role: result.value.role });
    return result.value;
  });
