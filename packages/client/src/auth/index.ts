export { createTabTokenStore, type TabTokenStore } from "./tab-token-store.ts";
export { signInWithDevToken, type DevSignInRole } from "./sign-in-with-dev-token.ts";
export { checkPastedToken } from "./check-pasted-token.ts";
