/**
 * The learner a bearer token names (its `sub` claim), read without checking the signature: it
 * only picks which of this browser's queues is theirs, so one learner's progress is never sent
 * with another's token. The server still checks every token it is sent.
 */
export function learnerSubject(token: string | null): string | null {
  const payload = token?.split(".")[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === "string" && sub.length > 0 ? sub : null;
  } catch {
    return null;
  }
}
