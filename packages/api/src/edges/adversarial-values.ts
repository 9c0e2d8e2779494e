import fc from "fast-check";

/**
 * Values an attacker, a buggy producer or a flaky network sends: strings PostgreSQL cannot
 * store, contact details, out-of-range timestamps and integers, prototype keys, deep nesting,
 * long text. Every one must end in an answer the caller can act on, never a 5xx.
 */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDC00y",
    "ana.lopez@school.edu",
    "+34 612 345 678",
    "192.168.1.20",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "1969-12-31T23:59:59Z",
    "",
    " ",
    "__proto__",
    "constructor",
    "'; drop table events; --",
    "Europe/Madrid",
    "help_friend",
    "1.0.0",
    "00000000-0000-0000-0000-000000000000",
  ),
  fc.tuple(fc.string({ maxLength: 8 }), loneSurrogate, fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ minLength: 1000, maxLength: 6000 }),
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(2_147_483_648, -2_147_483_649, 2 ** 53, -1, 0, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER, 86_401, 501),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Nested arrays and objects, as JSON.parse would build them (up to 120 levels here; HTTP refuses deeper bodies). */
export const deepNesting: fc.Arbitrary<unknown> = fc.integer({ min: 2, max: 120 }).map((depth) => {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { nested: value };
  return value;
});

/** An object with a real own `__proto__` key, as JSON.parse builds it from a request body. */
export const protoKeyObject: fc.Arbitrary<unknown> = nastyString.map((inner) => JSON.parse(`{"__proto__":${JSON.stringify({ inner })},"x":1}`));

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, undefined) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: protoKeyObject },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 60 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

export type Mutation = { kind: "replace" | "add_key" | "whole"; pick: number; value: unknown; key: string };

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation["kind"]>("replace", "replace", "replace", "add_key", "whole"),
  pick: fc.nat(),
  value: nastyValue,
  key: fc.oneof(nastyString, fc.constantFrom("extra", "__proto__", "payload", "id")),
});

/** Every place inside a JSON-like value where a value can be swapped: [container, key]. */
function slotsOf(value: unknown): [Record<string, unknown> | unknown[], string | number][] {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const stack = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== "object" || current === null) continue;
    for (const [key, child] of Object.entries(current)) {
      slots.push([current as Record<string, unknown>, Array.isArray(current) ? Number(key) : key]);
      stack.push(child);
    }
  }
  return slots;
}

/** A valid input with one part made adversarial; the valid input itself is never changed. */
export function mutate(valid: unknown, change: Mutation): unknown {
  if (change.kind === "whole" || typeof valid !== "object" || valid === null) return change.value;
  const copy = structuredClone(valid);
  const slots = slotsOf(copy);
  if (slots.length === 0) return change.value;
  const [container, key] = slots[change.pick % slots.length]!;
  if (change.kind === "add_key" && !Array.isArray(container)) {
    Object.defineProperty(container, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
  } else {
    (container as Record<string | number, unknown>)[key] = change.value;
  }
  return copy;
}
