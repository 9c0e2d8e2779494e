/**
 * PostgreSQL refuses U+0000 and unpaired UTF-16 surrogates in text and jsonb, so a string
 * carrying either can never be stored; the contract refuses it per event instead of letting
 * it fail the whole transaction at insert time.
 */

// Without the `u` flag a regex sees UTF-16 code units, which is what makes a lone half visible.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export type StringProblem = "nul" | "lone_surrogate";

export function stringProblemOf(text: string): StringProblem | null {
  if (text.includes("\u0000")) return "nul";
  return loneSurrogate.test(text) ? "lone_surrogate" : null;
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

/**
 * The first string (value or key) anywhere in a parsed JSON value that cannot be stored,
 * or a `__proto__` key, which JSON.parse keeps but any object copy silently drops.
 * Iterative, so a deeply nested body cannot overflow the stack here.
 */
export function findUnsafeInput(value: unknown): UnsafeInput | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      const problem = stringProblemOf(current);
      if (problem) return { path: path.join(".") || "(root)", problem, message: STRING_PROBLEM_MESSAGES[problem] };
      continue;
    }
    if (typeof current !== "object" || current === null) continue;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push({ value: current[i], path: [...path, String(i)] });
      continue;
    }
    for (const key of Object.keys(current)) {
      const keyPath = [...path, toWellFormedText(key)].join(".");
      if (key === "__proto__") return { path: keyPath, problem: "proto_key", message: PROTO_KEY_MESSAGE };
      const problem = stringProblemOf(key);
      if (problem) return { path: keyPath, problem, message: `the key ${STRING_PROBLEM_MESSAGES[problem]}` };
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}
