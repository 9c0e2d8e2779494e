import { toWellFormedText } from "../shapes/well-formed.ts";
import { scrubPersonalData } from "./scrub-free-text.ts";

// UUIDs and ISO dates are what a reader needs to match a stored body with other records,
// and their digit runs are not a person's: they are kept as they are inside scrubbed text.
const kept = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/gi;

/** Longest string kept by scrubStoredValue: nothing stored outside the log is longer than this. */
const MAX_STORED_STRING_CHARS = 4096;

/** One string made storable (no NUL, no lone surrogate), scrubbed like free text and capped at 4096 UTF-16 units. */
export function scrubStoredText(text: string): string {
  const wellFormed = toWellFormedText(text.slice(0, MAX_STORED_STRING_CHARS));
  let out = "";
  let last = 0;
  for (const match of wellFormed.matchAll(kept)) {
    out += scrubPersonalData(wellFormed.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + scrubPersonalData(wellFormed.slice(last));
}

/**
 * A copy of any JSON value that is safe to store outside the events log: every string and every
 * key storable and scrubbed. A `__proto__` key becomes an ordinary key of the copy. Iterative,
 * so a deeply nested body cannot overflow the stack.
 */
export function scrubStoredValue(value: unknown): unknown {
  const copy = (item: unknown): { out: unknown; todo?: [Record<string, unknown> | unknown[], unknown] } => {
    if (typeof item === "string") return { out: scrubStoredText(item) };
    if (typeof item !== "object" || item === null) return { out: item };
    const container: Record<string, unknown> | unknown[] = Array.isArray(item) ? [] : {};
    return { out: container, todo: [container, item] };
  };
  const root = copy(value);
  const stack = root.todo ? [root.todo] : [];
  while (stack.length > 0) {
    const [target, source] = stack.pop()!;
    const entries: [string, unknown][] = Array.isArray(source) ? source.map((v, i) => [String(i), v]) : Object.entries(source as object);
    for (const [key, child] of entries) {
      const next = copy(child);
      if (Array.isArray(target)) target.push(next.out);
      else Object.defineProperty(target, scrubStoredText(key), { value: next.out, enumerable: true, writable: true, configurable: true });
      if (next.todo) stack.push(next.todo);
    }
  }
  return root.out;
}
