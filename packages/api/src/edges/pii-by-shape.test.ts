import { eventCatalog, eventTypes, type EventType } from "@chronicle/contracts";
import { validPayloads } from "@chronicle/contracts/testing";
import type { DatabaseDriver } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";

/**
 * Issue 15's PII test, generated from the catalog: an e-mail, a phone number and an IPv4
 * address are planted into every string field of every event type (values, array items and
 * record keys), every envelope and game-batch field, and the sync and counter inputs. Then
 * every text and json column of every table, and the server's captured log, are scanned.
 * Rejections are fine; a stored planted value is not.
 */
type JsonSchema = Record<string, unknown>;
const payloadJsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

const planted = ["ana.lopez@school.edu", "+34 612 345 678", "192.168.1.20"] as const;

type Plant = (base: Record<string, unknown>, value: string) => void;
interface Slot {
  field: string;
  plant: Plant;
}

const isStringy = (schema: JsonSchema): boolean =>
  schema.type === "string" || (Array.isArray(schema.anyOf) && schema.anyOf.some((option: unknown) => isStringy(option as JsonSchema)));

/** Every place a string can go in a payload schema, with how to put one there. */
function stringSlots(schema: JsonSchema, prefix = "", at: (base: Record<string, unknown>) => Record<string, unknown> = (base) => base): Slot[] {
  const slots: Slot[] = [];
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    const field = `${prefix}${name}`;
    if (isStringy(child)) slots.push({ field, plant: (base, value) => void (at(base)[name] = value) });
    const items = child.items as JsonSchema | undefined;
    if (child.type === "array" && items && isStringy(items)) slots.push({ field: `${field}[]`, plant: (base, value) => void (at(base)[name] = [value]) });
    if (child.type === "object" && child.properties) slots.push(...stringSlots(child, `${field}.`, (base) => at(base)[name] as Record<string, unknown>));
    if (child.type === "object" && child.additionalProperties) {
      slots.push({ field: `${field}{key}`, plant: (base, value) => void (at(base)[name] = { [value]: "x" }) });
      slots.push({ field: `${field}{value}`, plant: (base, value) => void (at(base)[name] = { topic: value }) });
    }
  }
  return slots;
}

describe.each(databaseTargets())("privacy by shape (issue 15) on %s", (driver: DatabaseDriver) => {
  let server: TestServer;
  const learner = makeLearner();
  const fieldsCovered = new Set<string>();
  let matches: { where: string; value: string }[] = [];

  beforeAll(async () => {
    server = await createTestServer(driver);
  }, 120_000);
  afterAll(async () => {
    console.log(`[pii-by-shape] ${driver}: ${fieldsCovered.size} string fields covered × ${planted.length} planted values, ${matches.length} matches found`);
    await server?.close();
  });

  it("stores no planted e-mail, phone number or IPv4 address in any table or log line", async () => {
    const exam = await makeExamSession(server.db, learner, 2);
    const envelopeFor = (type: EventType) =>
      clientEvent(type, eventCatalog[type].family === "exam" ? exam.sessionId : randomUUID(), eventCatalog[type].requiresQuestion ? { question_id: exam.questionIds[0] } : {});
    const learnerCaller = server.learner(learner);
    const service = server.service(randomUUID(), ["events:game", "events:study", "events:exam", "events:sync"]);
    const attempt = (work: Promise<unknown>) => work.catch(() => undefined);

    for (const value of planted) {
      const events: Record<string, unknown>[] = [];
      for (const type of eventTypes) {
        for (const slot of stringSlots(payloadJsonSchema(eventCatalog[type].payload))) {
          const event = envelopeFor(type) as unknown as Record<string, unknown>;
          const payload = structuredClone(validPayloads[type]) as Record<string, unknown>;
          slot.plant(payload, value);
          events.push({ ...event, payload });
          fieldsCovered.add(`${type}.${slot.field}`);
        }
      }
      for (const field of ["id", "event_type", "client_ts", "session_id", "question_id"]) {
        events.push({ ...envelopeFor("QUESTION_VIEWED"), [field]: value });
        fieldsCovered.add(`envelope.${field}`);
      }
      for (let i = 0; i < events.length; i += 50) await attempt(learnerCaller.telemetry.ingest({ source: "web", events: events.slice(i, i + 50) as never }));
      await attempt(learnerCaller.telemetry.track({ source: "web", event: { ...envelopeFor("session_pause"), event_type: value } as never }));

      const gameEvent = () => ({ event_id: randomUUID(), student_id: learner, event_type: "retry", timestamp: new Date().toISOString(), session_id: randomUUID(), data: { task_id: "task-1" } });
      for (const field of ["event_id", "student_id", "event_type", "timestamp", "session_id", "mission_id", "game_version"]) {
        await attempt(service.telemetry.ingestGameBatch({ batch_id: "batch-pii", client_version: "1.0.0", events: [{ ...gameEvent(), [field]: value }] as never }));
        fieldsCovered.add(`game.${field}`);
      }
      await attempt(service.telemetry.ingestGameBatch({ batch_id: value, client_version: "1.0.0", events: [gameEvent()] as never }));
      await attempt(service.telemetry.ingestGameBatch({ batch_id: "batch-pii", client_version: value, events: [gameEvent()] as never }));
      fieldsCovered.add("game.batch_id").add("game.client_version");

      const now = new Date().toISOString();
      const progress = { entityType: "material", entityId: "m-1", progress: 0.5, updatedAt: now };
      const assessment = { assessmentId: "a-1", score: 3, maxScore: 5, submittedAt: now, answers: [{ questionId: "q-1", answer: "A" }] };
      const syncItems = [
        ...Object.keys(progress).map((key) => ({ itemType: "progress", itemData: { ...progress, [key]: value } })),
        ...Object.keys(assessment).map((key) => ({ itemType: "assessment", itemData: { ...assessment, [key]: value } })),
        { itemType: "assessment", itemData: { ...assessment, answers: [{ questionId: value, answer: "A" }] } },
        { itemType: "assessment", itemData: { ...assessment, answers: [{ questionId: "q-1", answer: value }] } },
        { itemType: value, itemData: progress },
        { itemType: "progress", itemData: progress, clientUpdatedAt: value },
      ];
      await attempt(learnerCaller.sync.batch({ batchId: "sync-pii", items: syncItems as never }));
      await attempt(learnerCaller.sync.batch({ batchId: value, items: [{ itemType: "progress", itemData: progress }] as never }));
      for (const key of [...Object.keys(progress), ...Object.keys(assessment), "answers[].questionId", "answers[].answer", "itemType", "clientUpdatedAt", "batchId"]) fieldsCovered.add(`sync.${key}`);

      await attempt(learnerCaller.counters.ingest({ event: value, count: 1 }));
      await attempt(learnerCaller.counters.ingest({ event: "suggestion_shown", count: value }));
      fieldsCovered.add("counters.event").add("counters.count");
    }
    await server.settle();

    const columns = await server.db.rows<{ table_name: string; column_name: string }>(
      sql`select table_name, column_name from information_schema.columns
           where table_schema = 'public' and data_type in ('text', 'jsonb', 'json', 'character varying')
             and table_name not in (select relname from pg_class where relispartition)
           order by table_name, column_name`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const found: { where: string; value: string }[] = [];
    for (const { table_name, column_name } of columns) {
      for (const value of planted) {
        const [row] = await server.db.rows<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier(table_name)} where strpos(${sql.identifier(column_name)}::text, ${value}) > 0`,
        );
        if (row!.n > 0) found.push({ where: `${table_name}.${column_name} (${row!.n} rows)`, value });
      }
    }
    const logText = JSON.stringify(server.log.lines, (_key, item: unknown) => (item instanceof Error ? { message: item.message, cause: item.cause } : item));
    for (const value of planted) if (logText.includes(value)) found.push({ where: "server log", value });
    matches = found;

    const [stored] = await server.db.rows<{ events: number; quarantined: number }>(
      sql`select (select count(*)::int from events) as events, (select count(*)::int from quarantined_events) as quarantined`,
    );
    // The plantings really reached the store: scrubbed free text was accepted, shaped fields quarantined.
    expect(stored!.events).toBeGreaterThan(0);
    expect(stored!.quarantined).toBeGreaterThan(100);
    expect(found).toEqual([]);
  }, 600_000);
});
