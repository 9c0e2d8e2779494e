import { z } from "zod";
import { appRouter } from "../router.ts";
import { producerProcedures } from "./producer-procedures.ts";

interface ProcedureDef {
  inputs: z.ZodType[];
  output?: z.ZodType;
}

function definitionOf(procedure: string): ProcedureDef {
  const found = (appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef } | undefined>)[procedure];
  if (!found) throw new Error(`OpenAPI: the router has no procedure ${procedure}.`);
  return found._def;
}

/** The contract's zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect); what JSON cannot say becomes "any". */
function jsonSchemaOf(schema: z.ZodType | undefined, io: "input" | "output"): Record<string, unknown> {
  if (!schema) return {};
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

const errorBody = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["message", "code"],
      properties: { message: { type: "string" }, code: { type: "string" }, reason: { type: "string" } },
    },
  },
} as const;

/**
 * Chronicle's OpenAPI 3.1 document, generated from the router's own contract schemas (never
 * written by hand): a REST path per producer procedure, bearer authentication, and the error
 * answers every path shares.
 */
export function buildOpenApiDocument(serverUrl?: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { Error: errorBody };
  for (const { procedure, path, summary } of producerProcedures) {
    const def = definitionOf(procedure);
    const name = procedure.replace(/(^|\.)(\w)/g, (_m, _dot: string, letter: string) => letter.toUpperCase());
    schemas[`${name}Input`] = jsonSchemaOf(def.inputs[0], "input");
    schemas[`${name}Output`] = jsonSchemaOf(def.output, "output");
    const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
    paths[path] = {
      post: {
        operationId: procedure.replace(".", "_"),
        summary,
        description: `The REST form of the tRPC procedure \`${procedure}\` (also at POST /trpc/${procedure}).`,
        security: procedure === "counters.ingest" ? [{}, { bearer: [] }] : [{ bearer: [] }],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${name}Input` } } } },
        responses: {
          "200": { description: "Stored (per-item outcomes inside).", content: { "application/json": { schema: { $ref: `#/components/schemas/${name}Output` } } } },
          "400": error("The request does not match the contract (one sentence says why)."),
          "401": error("No valid bearer token."),
          "403": error("The token may not call this."),
          "413": error("The body is larger than CHRONICLE_MAX_BODY_BYTES (after decompression)."),
          "415": error("The body is not JSON."),
          "429": error("Rate limited; retry after the Retry-After seconds."),
          "503": error("The store is unavailable; nothing was written, retry after the Retry-After seconds."),
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Chronicle producer API", version: "0.1.0", description: "Generated from @chronicle/contracts through the tRPC router." },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: { schemas, securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
  };
}
