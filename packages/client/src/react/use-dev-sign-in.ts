import { useState } from "react";
import { signInWithDevToken, type DevSignInRole } from "../auth/sign-in-with-dev-token.ts";
import type { TabTokenStore } from "../auth/tab-token-store.ts";

/** The one-click development sign-in of the apps' sign-in panels: the action, its progress and its error sentence. */
export function useDevSignIn(role: DevSignInRole, store: TabTokenStore): { signIn: () => Promise<void>; isSigningIn: boolean; error: string | null } {
  const [isSigningIn, setIsSigningIn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signIn = async () => {
    setIsSigningIn(true);
    setError(null);
    try {
      await signInWithDevToken(role, store);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Signing in failed; try again.");
      setIsSigningIn(false);
    }
  };
  return { signIn, isSigningIn, error };
}
