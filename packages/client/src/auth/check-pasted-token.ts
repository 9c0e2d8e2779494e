/**
 * A token pasted by hand (outside development there is no demo sign-in), checked before it is
 * kept: it must look like a JWT, carry the role this app needs and not have expired. The server
 * still verifies its signature on every call; this only turns a wrong paste into a clear sentence.
 */
export function checkPastedToken(text: string, role: "learner" | "admin", nowMs = Date.now()): { token: string } | { problem: string } {
  const token = text.trim().replace(/^Bearer\s+/i, "");
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) {
    return { problem: "That is not a token: paste the whole JWT, three dot-separated parts starting with eyJ." };
  }
  let claims: { role?: unknown; exp?: unknown };
  try {
    const json = atob(parts[1]!.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(parts[1]!.length / 4) * 4, "="));
    claims = JSON.parse(json) as { role?: unknown; exp?: unknown };
  } catch {
    return { problem: "That token's claims cannot be read; paste it again without changes." };
  }
  if (claims.role !== role) return { problem: `That token is for the ${String(claims.role ?? "unknown")} role; this app needs ${role === "admin" ? "an" : "a"} ${role} token.` };
  if (typeof claims.exp === "number" && claims.exp * 1000 <= nowMs) return { problem: "That token has expired; ask for a new one." };
  return { token };
}
