import { FriendlyError } from "../ui/friendly-error.tsx";
import { useDevSignIn } from "@chronicle/client/react";
import { PasteTokenForm } from "./paste-token-form.tsx";
import { tokenStore } from "./token-store.ts";

/** Shown until the learner is signed in; development servers sign in the demo learner in one click. */
export function SignInPanel() {
  const { signIn, isSigningIn, error } = useDevSignIn("learner", tokenStore);

  return (
    <section className="panel" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to start a test</h1>
      <p>On a development server you can sign in as its demo learner; elsewhere, paste the learner token you were given.</p>
      <button type="button" className="primary" onClick={() => void signIn()} disabled={isSigningIn}>
        {isSigningIn ? "Signing in…" : "Sign in as the demo learner"}
      </button>
      <FriendlyError message={error} />
      <PasteTokenForm store={tokenStore} />
    </section>
  );
}
