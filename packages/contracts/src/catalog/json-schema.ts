import { z } from "zod";
import { clientEventEnvelope } from "../envelope.ts";
import type { EventSpec } from "./event-spec.ts";
import { eventCatalog, eventTypes } from "./index.ts";

export type JsonSchema = Record<string, unknown>;

/** The schema a producer must send (`io: "input"`): free text before scrubbing, defaults optional. */
export function payloadJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function versionsOf(spec: EventSpec): Record<string, JsonSchema> {
  const versions: Record<string, JsonSchema> = {};
  for (const [version, previous] of Object.entries(spec.previous ?? {}).sort(([a], [b]) => Number(a) - Number(b))) {
    versions[version] = payloadJsonSchema(previous.payload);
  }
  versions[String(spec.version)] = payloadJsonSchema(spec.payload);
  return versions;
}

/** The whole catalog as JSON Schema, for producers that are not written in TypeScript. */
export function catalogJsonSchema() {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Chronicle event catalog",
    envelope: payloadJsonSchema(clientEventEnvelope),
    events: Object.fromEntries(
      eventTypes.map((type) => {
        const spec: EventSpec = eventCatalog[type];
        return [
          type,
          {
            family: spec.family,
            description: spec.description,
            emitters: spec.emitters,
            privacy: spec.privacy,
            retention: spec.retention,
            requiresQuestion: spec.requiresQuestion === true,
            newestVersion: spec.version,
            versions: versionsOf(spec),
          },
        ];
      }),
    ),
  };
}
