/**
 * PostgreSQL refuses U+0000 and unpaired UTF-16 surrogates in text and jsonb, so a string
 * carrying either can never be stored; the contract refuses it per event instead of letting
 * it fail the whole transaction at insert time.
 */

// Without the `u` flag a regex sees UTF-16 code units, which is what makes a lone half visible.
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export type StringProblem = "nul" | "lone_surrogate";

/**
 * One pass over the code units instead of a NUL search and a look-around regex: it runs on
 * every string and key of every ingested event. A NUL anywhere wins over a lone surrogate.
 */
export function stringProblemOf(text: string): StringProblem | null {
  let hasLoneSurrogate = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return "nul";
    if (code < 0xd800 || code > 0xdfff || hasLoneSurrogate) continue;
    if (code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
    }
    hasLoneSurrogate = true;
  }
  return hasLoneSurrogate ? "lone_surrogate" : null;
}

export function isWellFormedText(text: string): boolean {
  return stringProblemOf(text) === null;
}

/** A storable copy: NUL removed, each unpaired surrogate replaced by U+FFFD. */
export function toWellFormedText(text: string): string {
  return text.replaceAll("\u0000", "").replace(loneSurrogates, "\uFFFD");
}

export const STRING_PROBLEM_MESSAGES: Record<StringProblem, string> = {
  nul: "contains U+0000 (NUL), which cannot be stored",
  lone_surrogate: "contains an unpaired UTF-16 surrogate, which is not valid Unicode",
};

export interface UnsafeInput {
  /** Dotted path of the offending value or key, `(root)` for the value itself. */
  path: string;
  problem: StringProblem | "proto_key";
  message: string;
}

const PROTO_KEY_MESSAGE = "is a key named __proto__, which JavaScript cannot keep as data; rename it";

/** A value still to look at, and how it was reached: the path is spelled out only for a finding. */
interface Visit {
  value: unknown;
  /** The key or array index that leads from `parent` to this value; null for the root. */
  key: string | null;
  parent: Visit | null;
}

function keysTo(visit: Visit): string[] {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at !== null && at.key !== null; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

/** Numbers, booleans and null hold no string: they are not visited at all, which changes no finding. */
const mayHoldText = (value: unknown) => typeof value === "string" || (typeof value === "object" && value !== null);

const keyPathOf = (visit: Visit, key: string) => [...keysTo(visit), toWellFormedText(key)].join(".");

/**
 * The first string (value or key) anywhere in a parsed JSON value that cannot be stored,
 * or a `__proto__` key, which JSON.parse keeps but any object copy silently drops.
 * Iterative, so a deeply nested body cannot overflow the stack here. Runs on every ingested
 * event, so the path of a value is a parent link, joined into text only when it is reported.
 */
export function findUnsafeInput(value: unknown): UnsafeInput | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (typeof current === "string") {
      const problem = stringProblemOf(current);
      if (problem) return { path: keysTo(visit).join(".") || "(root)", problem, message: STRING_PROBLEM_MESSAGES[problem] };
      continue;
    }
    if (typeof current !== "object" || current === null) continue;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) if (mayHoldText(current[i])) stack.push({ value: current[i], key: String(i), parent: visit });
      continue;
    }
    for (const key of Object.keys(current)) {
      if (key === "__proto__") return { path: keyPathOf(visit, key), problem: "proto_key", message: PROTO_KEY_MESSAGE };
      const problem = stringProblemOf(key);
      if (problem) return { path: keyPathOf(visit, key), problem, message: `the key ${STRING_PROBLEM_MESSAGES[problem]}` };
      const member = (current as Record<string, unknown>)[key];
      if (mayHoldText(member)) stack.push({ value: member, key, parent: visit });
    }
  }
  return null;
}
