import { noInput, signInOptionsOutput } from "@chronicle/contracts";
import { oidcSettingsOf } from "../../auth/oidc/oidc-settings.ts";
import { publicProcedure } from "../../trpc.ts";

/** What the apps' sign-in panels offer: the OIDC button (issuer, client, scopes) and, outside production, development sign-in. */
export const signInOptions = publicProcedure
  .input(noInput)
  .output(signInOptionsOutput)
  .query(({ ctx }) => {
    const settings = oidcSettingsOf(ctx.env);
    return {
      oidc: settings ? { issuer: settings.issuer, clientId: settings.clientId, scopes: settings.scopes } : null,
      isDevSignInAvailable: ctx.env.NODE_ENV !== "production",
    };
  });
