import { FriendlyError } from "../ui/friendly-error.tsx";
import { useDevSignIn } from "@chronicle/client/react";
import { PasteTokenForm } from "./paste-token-form.tsx";
import { tokenStore } from "./token-store.ts";

/** Shown until an admin is signed in; development servers sign in the demo admin in one click. */
export function SignInPanel() {
  const { signIn, isSigningIn, error } = useDevSignIn("admin", tokenStore);

  return (
    <section className="panel" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to the admin app</h1>
      <p>Staff pages need the admin role. On a development server you can sign in as its demo admin; elsewhere, paste the admin token your organisation issued.</p>
      <button type="button" className="primary" onClick={() => void signIn()} disabled={isSigningIn}>
        {isSigningIn ? "Signing in…" : "Sign in as the demo admin"}
      </button>
      <FriendlyError message={error} />
      <PasteTokenForm store={tokenStore} />
    </section>
  );
}
