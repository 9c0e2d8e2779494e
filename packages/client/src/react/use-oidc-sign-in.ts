import type { SignInOptions } from "@chronicle/contracts";
import { useEffect, useState } from "react";
import { fetchSignInOptions } from "../auth/fetch-sign-in-options.ts";
import { finishOidcSignIn, isOidcCallback, startOidcSignIn, type OidcSignInRole } from "../auth/oidc-sign-in.ts";
import type { TabTokenStore } from "../auth/tab-token-store.ts";

export interface OidcSignIn {
  /** Null until the server said what it offers. */
  options: SignInOptions | null;
  /** Sends the browser to the provider; only when `options.oidc` is set. */
  signIn: () => Promise<void>;
  /** True from the click until the browser leaves, and while a return from the provider is finished. */
  isSigningIn: boolean;
  error: string | null;
}

/**
 * The return from the provider being finished. It outlives the effect that started it: React may
 * run an effect twice (StrictMode), and the second run must still hear how the first one ended.
 */
let finishing: Promise<void> | null = null;

const asSentence = (caught: unknown) => (caught instanceof Error ? caught.message : "Signing in failed; try again.");

/**
 * The OpenID Connect half of a sign-in panel: what the server offers, the button's action, and,
 * when this page load is the provider sending the browser back, finishing that sign-in.
 * `redirectPath` is the app's root (`/` or `/admin/`), registered at the provider as a redirect URI.
 */
export function useOidcSignIn(role: OidcSignInRole, store: TabTokenStore, redirectPath: string): OidcSignIn {
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [isSigningIn, setIsSigningIn] = useState(() => isOidcCallback());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void fetchSignInOptions().then((offered) => isCurrent && setOptions(offered));
    if (isOidcCallback()) {
      finishing = finishOidcSignIn(role, store).finally(() => (finishing = null));
    }
    finishing?.catch((caught: unknown) => {
      if (!isCurrent) return;
      setError(asSentence(caught));
      setIsSigningIn(false);
    });
    return () => {
      isCurrent = false;
    };
  }, [role, store]);

  const signIn = async () => {
    if (!options?.oidc) return;
    setIsSigningIn(true);
    setError(null);
    try {
      await startOidcSignIn(options.oidc, role, new URL(redirectPath, window.location.origin).toString());
    } catch (caught) {
      setError(asSentence(caught));
      setIsSigningIn(false);
    }
  };
  return { options, signIn, isSigningIn, error };
}
