import { FREE_TEXT_MAX_CHARS_KEY } from "../privacy/scrub-free-text.ts";
import { MAX_TIMESTAMP_EXCLUSIVE, MIN_TIMESTAMP } from "../shapes/bounded-timestamp.ts";
import { STRING_KIND_KEY } from "../shapes/string-shapes.ts";
import type { JsonSchema } from "./json-schema.ts";

// JSON Schema spells "no bound" for z.int() as the safe-integer range; the plan leaves it out.
const unbounded = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);

function range(schema: JsonSchema, minKey: string, maxKey: string): string {
  const min = typeof schema[minKey] === "number" && !unbounded.has(schema[minKey]) ? schema[minKey] : undefined;
  const max = typeof schema[maxKey] === "number" && !unbounded.has(schema[maxKey]) ? schema[maxKey] : undefined;
  if (min === undefined && max === undefined) return "";
  return ` ${min ?? ""}..${max ?? ""}`;
}

function asSchema(value: unknown): JsonSchema {
  return typeof value === "object" && value !== null ? (value as JsonSchema) : {};
}

/** A one-line, human-readable type for a JSON Schema node (`int 0..100`, `uuid`, `a \| b`). */
export function describeJsonSchema(schema: JsonSchema): string {
  if (typeof schema[FREE_TEXT_MAX_CHARS_KEY] === "number") return `free text ≤${schema[FREE_TEXT_MAX_CHARS_KEY]} chars, scrubbed`;
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" \\| ");
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map((option) => describeJsonSchema(asSchema(option))).join(" \\| ");
  const type = Array.isArray(schema.type) ? schema.type.join(" \\| ") : schema.type;
  switch (type) {
    case "integer":
      return `int${range(schema, "minimum", "maximum")}`;
    case "number":
      return `number${range(schema, "minimum", "maximum")}`;
    case "boolean":
    case "null":
      return type;
    case "string":
      if (schema.format === "uuid") return "uuid";
      if (schema.format === "date-time") return `ISO datetime ${MIN_TIMESTAMP.slice(0, 4)}..${MAX_TIMESTAMP_EXCLUSIVE.slice(0, 4)}`;
      if (typeof schema[STRING_KIND_KEY] === "string") {
        const max = typeof schema.maxLength === "number" ? ` ≤${schema.maxLength} chars` : "";
        return `${schema[STRING_KIND_KEY].replace("_", " ")}${max}`;
      }
      return schema.minLength || schema.maxLength ? `string${range(schema, "minLength", "maxLength")} chars` : "string";
    case "array":
      return `${describeJsonSchema(asSchema(schema.items))}[]${range(schema, "minItems", "maxItems")}`;
    case "object": {
      if (schema.properties) {
        const required = new Set(Array.isArray(schema.required) ? schema.required : []);
        const fields = Object.entries(asSchema(schema.properties)).map(
          ([name, child]) => `${name}${required.has(name) ? "" : "?"}: ${describeJsonSchema(asSchema(child))}`,
        );
        return `{ ${fields.join(", ")} }`;
      }
      return `record<${describeJsonSchema(asSchema(schema.additionalProperties))}>`;
    }
    default:
      return typeof type === "string" ? type : "any";
  }
}
