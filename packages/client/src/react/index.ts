export { TelemetryContext, TelemetryProvider } from "./telemetry-context.ts";
export { useTelemetry, type SessionTelemetry } from "./use-telemetry.ts";
export { useIsSignedIn } from "./use-is-signed-in.ts";
export { useDevSignIn } from "./use-dev-sign-in.ts";
export { useOidcSignIn, type OidcSignIn } from "./use-oidc-sign-in.ts";
export { PasteTokenForm } from "./paste-token-form.tsx";
export { SignInChoices, type SignInChoicesProps } from "./sign-in-choices.tsx";
