export { createTabTokenStore, type TabTokenStore } from "./tab-token-store.ts";
export { signInWithDevToken, type DevSignInRole } from "./sign-in-with-dev-token.ts";
export { checkPastedToken } from "./check-pasted-token.ts";
export { finishOidcSignIn, isOidcCallback, startOidcSignIn, type OidcProvider, type OidcSignInRole } from "./oidc-sign-in.ts";
export { fetchSignInOptions } from "./fetch-sign-in-options.ts";
