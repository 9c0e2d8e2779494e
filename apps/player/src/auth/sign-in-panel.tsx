import { SignInChoices } from "@chronicle/client/react";
import { tokenStore } from "./token-store.ts";

/** Shown until the learner is signed in: the organisation's account, the demo learner on development servers, or a pasted token. */
export function SignInPanel() {
  return (
    <section className="panel" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to start a test</h1>
      <p>Sign in with your organisation&apos;s account, or paste the learner token you were given; a development server also offers its demo learner.</p>
      <SignInChoices role="learner" store={tokenStore} redirectPath="/" />
    </section>
  );
}
