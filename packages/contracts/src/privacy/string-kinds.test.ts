import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as api from "../api/index.ts";
import { eventCatalog, eventTypes } from "../catalog/index.ts";
import { payloadJsonSchema, type JsonSchema } from "../catalog/json-schema.ts";
import { clientEventEnvelope } from "../envelope.ts";
import { STRING_KIND_KEY } from "../shapes/string-shapes.ts";
import { FREE_TEXT_MAX_CHARS_KEY } from "./scrub-free-text.ts";

const shapedFormats = new Set(["uuid", "date-time", "date"]);

/** Paths of string nodes that are neither shaped nor marked as free text. */
function unmarkedStrings(schema: unknown, path: string, found: string[]): string[] {
  if (Array.isArray(schema)) {
    schema.forEach((child, i) => unmarkedStrings(child, `${path}[${i}]`, found));
    return found;
  }
  if (typeof schema !== "object" || schema === null) return found;
  const node = schema as JsonSchema;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const isMarked =
    Array.isArray(node.enum) ||
    "const" in node ||
    (typeof node.format === "string" && shapedFormats.has(node.format)) ||
    typeof node[STRING_KIND_KEY] === "string" ||
    typeof node[FREE_TEXT_MAX_CHARS_KEY] === "number";
  if (types.includes("string") && !isMarked) found.push(path || "(root)");
  for (const [key, child] of Object.entries(node)) {
    if (typeof child === "object" && child !== null) unmarkedStrings(child, `${path}/${key}`, found);
  }
  return found;
}

const inputSchemas = Object.entries(api as Record<string, unknown>).flatMap(([name, value]) =>
  name.endsWith("Input") && value instanceof z.ZodType ? [[name, value] as const] : [],
);

describe("privacy by shape: every string field is shaped or free text", () => {
  it("covers the envelope", () => {
    expect(unmarkedStrings(payloadJsonSchema(clientEventEnvelope), "envelope", [])).toEqual([]);
  });

  it.each(eventTypes)("covers every payload version of %s", (type) => {
    const spec = eventCatalog[type];
    const versions = [spec.payload, ...Object.values(spec.previous ?? {}).map((previous) => previous.payload)];
    const found = versions.flatMap((schema, i) => unmarkedStrings(payloadJsonSchema(schema), `${type}@${i}`, []));
    expect(found).toEqual([]);
  });

  it("covers every procedure input of the API", () => {
    expect(inputSchemas.length).toBeGreaterThan(10);
    const found = inputSchemas.flatMap(([name, schema]) => unmarkedStrings(payloadJsonSchema(schema), name, []));
    expect(found).toEqual([]);
  });

  it("notices an unmarked string field", () => {
    const schema = payloadJsonSchema(z.strictObject({ nickname: z.string().max(20) }));
    expect(unmarkedStrings(schema, "sample", [])).toEqual(["sample/properties/nickname"]);
  });
});
