import { router } from "../../trpc.ts";
import { signInOptions } from "./sign-in-options.ts";
import { signInWithOidc } from "./sign-in-with-oidc.ts";

/** How the apps sign people in; public, since nobody has a token yet. */
export const authRouter = router({ signInOptions, signInWithOidc });
