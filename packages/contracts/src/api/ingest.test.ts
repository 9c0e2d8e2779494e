import { describe, expect, it } from "vitest";
import { z } from "zod";
import { gameBatchOutput } from "./game-batch.ts";
import { eventResult, ingestBatchOutput } from "./ingest.ts";

const answer = (results: unknown[]) => ({
  batch_id: "0190a5c8-0000-7000-8000-0000000000f1",
  accepted: 1,
  duplicates: 0,
  rejected: 1,
  rejected_reasons_sample: ["invalid_payload: The payload does not match search_performed v1."],
  results,
});
const accepted = { index: 0, id: "0190a5c8-0000-7000-8000-0000000000f2", status: "accepted" };
const rejected = { index: 1, id: null, status: "rejected", code: "invalid_payload", message: "The payload does not match search_performed v1.", issues: [] };

describe("ingest answers", () => {
  it("accept the verdicts the server builds", () => {
    expect(ingestBatchOutput.parse(answer([accepted, rejected])).results).toEqual([accepted, rejected]);
  });

  it.each([
    ["a status outside accepted, duplicate, rejected", { ...accepted, status: "stored" }],
    ["an index that is not an integer", { ...accepted, index: 0.5 }],
    ["a missing id", { index: 0, status: "accepted" }],
    ["a verdict that is not an object", "accepted"],
  ])("refuse %s", (_name, verdict) => {
    expect(ingestBatchOutput.safeParse(answer([verdict])).success).toBe(false);
    expect(gameBatchOutput.safeParse({ ...answer([verdict]), log_id: "0190a5c8-0000-7000-8000-0000000000f3" }).success).toBe(false);
  });

  it("refuse an answer with a verdict missing", () => {
    const results: unknown[] = [accepted];
    results[2] = { ...accepted, index: 2 };
    expect(ingestBatchOutput.safeParse(answer(results)).success).toBe(false);
  });

  it("document each verdict with eventResult's JSON Schema", () => {
    // As the OpenAPI document is built: what JSON Schema cannot say would become "any".
    const documented = z.toJSONSchema(ingestBatchOutput, { io: "output", unrepresentable: "any" });
    const { $schema: _dialect, ...verdict } = z.toJSONSchema(eventResult, { io: "output" });
    expect(documented.properties?.results).toEqual({ type: "array", items: verdict });
  });
});
