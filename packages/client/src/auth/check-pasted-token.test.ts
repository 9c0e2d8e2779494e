import { describe, expect, it } from "vitest";
import { checkPastedToken } from "./check-pasted-token.ts";

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const tokenWith = (claims: object) => `${encode({ alg: "HS256" })}.${encode(claims)}.c2lnbmF0dXJl`;

describe("checkPastedToken", () => {
  const now = Date.UTC(2026, 0, 1);
  it("keeps a token of the right role that has not expired, also pasted with 'Bearer '", () => {
    const token = tokenWith({ role: "admin", exp: now / 1000 + 60 });
    expect(checkPastedToken(` Bearer ${token}\n`, "admin", now)).toEqual({ token });
  });
  it("says what is wrong with anything else", () => {
    expect(checkPastedToken("hello", "admin", now)).toEqual({ problem: expect.stringContaining("That is not a token") });
    expect(checkPastedToken(tokenWith({ role: "learner" }), "admin", now)).toEqual({ problem: "That token is for the learner role; this app needs an admin token." });
    expect(checkPastedToken(tokenWith({ role: "admin", exp: now / 1000 - 1 }), "admin", now)).toEqual({ problem: "That token has expired; ask for a new one." });
  });
});
