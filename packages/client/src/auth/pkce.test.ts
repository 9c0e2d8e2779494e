import { describe, expect, it } from "vitest";
import { codeChallengeOf, randomBase64url } from "./pkce.ts";

describe("PKCE", () => {
  it("derives RFC 7636's own S256 example challenge from its verifier", async () => {
    expect(await codeChallengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });
  it("makes 43-character verifiers from the unreserved alphabet, different every time", () => {
    const verifier = randomBase64url();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomBase64url()).not.toBe(verifier);
  });
});
