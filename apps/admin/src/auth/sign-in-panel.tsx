import { SignInChoices } from "@chronicle/client/react";
import { tokenStore } from "./token-store.ts";

/** Shown until an admin is signed in: the organisation's account, the demo admin on development servers, or a pasted token. */
export function SignInPanel() {
  return (
    <section className="panel" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to the admin app</h1>
      <p>Staff pages need the admin role. Sign in with your organisation&apos;s account, or paste the admin token your organisation issued; a development server also offers its demo admin.</p>
      <SignInChoices role="admin" store={tokenStore} redirectPath="/admin/" />
    </section>
  );
}
