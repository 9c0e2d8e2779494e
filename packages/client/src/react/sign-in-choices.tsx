import type { TabTokenStore } from "../auth/tab-token-store.ts";
import { PasteTokenForm } from "./paste-token-form.tsx";
import { useDevSignIn } from "./use-dev-sign-in.ts";
import { useOidcSignIn } from "./use-oidc-sign-in.ts";

export interface SignInChoicesProps {
  role: "learner" | "admin";
  store: TabTokenStore;
  /** The app's root, where the identity provider sends the browser back: `/` or `/admin/`. */
  redirectPath: string;
}

/**
 * The ways into either app, in the order a person should try them: their organisation's account
 * (OpenID Connect, when the server has an issuer), the demo user (development servers only),
 * and pasting a token.
 */
export function SignInChoices({ role, store, redirectPath }: SignInChoicesProps) {
  const oidc = useOidcSignIn(role, store, redirectPath);
  const dev = useDevSignIn(role, store);
  const isBusy = oidc.isSigningIn || dev.isSigningIn;
  const error = oidc.error ?? dev.error;
  return (
    <div className="sign-in-choices">
      {oidc.isSigningIn && (
        <p role="status" className="sign-in-progress">
          Signing you in…
        </p>
      )}
      {oidc.options?.oidc && (
        <button type="button" className="primary" onClick={() => void oidc.signIn()} disabled={isBusy}>
          Sign in with your organisation&apos;s account
        </button>
      )}
      {oidc.options?.isDevSignInAvailable && (
        <button type="button" className={oidc.options.oidc ? undefined : "primary"} onClick={() => void dev.signIn()} disabled={isBusy}>
          {dev.isSigningIn ? "Signing in…" : `Sign in as the demo ${role}`}
        </button>
      )}
      {error && (
        <p className="friendly-error" role="alert">
          {error}
        </p>
      )}
      <PasteTokenForm store={store} role={role} />
    </div>
  );
}
