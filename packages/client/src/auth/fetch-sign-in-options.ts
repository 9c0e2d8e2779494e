import type { SignInOptions } from "@chronicle/contracts";

/** Without an answer the panel still offers what needs no server: pasting a token. */
const NOTHING_OFFERED: SignInOptions = { oidc: null, isDevSignInAvailable: false };

/** What the server's sign-in panel may offer (auth.signInOptions): the OIDC button and development sign-in. */
export async function fetchSignInOptions(): Promise<SignInOptions> {
  try {
    const response = await fetch("/trpc/auth.signInOptions", { headers: { accept: "application/json" } });
    const body = (await response.json()) as { result?: { data?: SignInOptions } };
    return body.result?.data ?? NOTHING_OFFERED;
  } catch {
    return NOTHING_OFFERED;
  }
}
