import { z } from "zod";
import { signedToken } from "../shapes/string-shapes.ts";

/** The roles a person signs in to the apps with: the player needs learner, the admin app admin. */
export const browserSignInRole = z.enum(["learner", "admin"]);
export type BrowserSignInRole = z.infer<typeof browserSignInRole>;

/**
 * What a browser needs to start a sign-in: the OpenID Connect issuer and client to use (null
 * when none is configured), and whether this server offers development sign-in (never in production).
 */
export const signInOptionsOutput = z.object({
  oidc: z
    .object({
      issuer: z.url(),
      clientId: z.string().min(1),
      /** Space-separated, always including openid. */
      scopes: z.string().min(1),
    })
    .nullable(),
  isDevSignInAvailable: z.boolean(),
});
export type SignInOptions = z.infer<typeof signInOptionsOutput>;

/** The provider's ID token from the authorization code + PKCE flow, and the role the app asks for. */
export const oidcSignInInput = z.strictObject({
  idToken: signedToken(),
  role: browserSignInRole,
});
export type OidcSignInInput = z.infer<typeof oidcSignInInput>;

/** A Chronicle bearer token for the signed-in person, and the learner or admin id it names. */
export const oidcSignInOutput = z.object({
  token: z.string(),
  userId: z.uuid(),
  role: browserSignInRole,
  /** ISO time the token expires; the app signs in again after it. */
  expiresAt: z.string(),
});
export type OidcSignInOutput = z.infer<typeof oidcSignInOutput>;
