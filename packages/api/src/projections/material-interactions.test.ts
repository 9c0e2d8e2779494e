import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest, studyEvent, testClock } from "../study/study-test-kit.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";

interface InteractionRow {
  topic_id: string | null;
  started_at: string;
  ended_at: string | null;
  duration_seconds: number;
  scroll_depth_percent: number;
  is_complete: boolean;
  highlights_count: number;
  notes_count: number;
  bookmarked: boolean;
}

async function interactions(server: TestServer, sessionId: string): Promise<(InteractionRow & { material_id: string })[]> {
  return server.db.rows(sql`
    select material_id::text as material_id, topic_id::text as topic_id,
           to_char(started_at at time zone 'UTC', 'HH24:MI') as started_at, to_char(ended_at at time zone 'UTC', 'HH24:MI') as ended_at,
           duration_seconds, scroll_depth_percent, is_complete, highlights_count, notes_count, bookmarked
      from material_interactions where session_id = ${sessionId}::uuid order by material_id`);
}

describe.each(databaseTargets())("material-interactions projection on %s", (driver) => {
  let server: TestServer;
  const clock = testClock("2025-03-10T09:00:00.000Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  const read = (materialId: string, seconds: number, depth: number) => ({
    material_id: materialId,
    chunk_id: randomUUID(),
    time_spent_seconds: seconds,
    scroll_depth_percent: depth,
    chunk_index: 0,
    is_complete: false,
  });
  const annotation = <A extends "highlight" | "note" | "bookmark">(materialId: string, type: A) => ({
    material_id: materialId,
    chunk_id: randomUUID(),
    annotation_type: type,
    text_length: 10,
    chunk_position: 0,
  });

  it("sums reads, keeps the deepest scroll, completes at 90 % and counts annotations, reads before the open included", async () => {
    const learner = makeLearner();
    const sessionId = randomUUID();
    const [pdf, slides] = [randomUUID(), randomUUID()].sort();
    const topic = randomUUID();
    clock.set("2025-03-10T09:00:00.000Z");
    await ingest(server, learner, [studyEvent("material_read", sessionId, read(pdf!, 30, 40)), studyEvent("material_read", sessionId, read(slides!, 20, 95))]);
    await server.settle();
    clock.set("2025-03-10T09:10:00.000Z");
    const batch = [
      studyEvent("material_open", sessionId, { material_id: pdf!, topic_id: topic, material_type: "pdf", material_name: "heart.pdf" }),
      studyEvent("material_read", sessionId, read(pdf!, 30, 75)),
      studyEvent("material_read", sessionId, read(pdf!, 25, 60)),
      studyEvent("material_highlight", sessionId, annotation(pdf!, "highlight")),
      studyEvent("material_highlight", sessionId, annotation(pdf!, "highlight")),
      studyEvent("material_note", sessionId, annotation(pdf!, "note")),
      studyEvent("material_bookmark", sessionId, { material_id: pdf!, chunk_id: randomUUID(), annotation_type: "bookmark", chunk_position: 3 }),
    ];
    await ingest(server, learner, batch);
    await ingest(server, learner, batch);
    await server.settle();
    expect(await interactions(server, sessionId)).toEqual(
      [
        { material_id: pdf, topic_id: topic, started_at: "09:00", ended_at: null, duration_seconds: 85, scroll_depth_percent: 75, is_complete: false, highlights_count: 2, notes_count: 1, bookmarked: true },
        { material_id: slides, topic_id: null, started_at: "09:00", ended_at: null, duration_seconds: 20, scroll_depth_percent: 95, is_complete: true, highlights_count: 0, notes_count: 0, bookmarked: false },
      ].sort((a, b) => a.material_id!.localeCompare(b.material_id!)),
    );

    clock.set("2025-03-10T09:30:00.000Z");
    await ingest(server, learner, [studyEvent("material_complete", sessionId, { material_id: pdf!, total_time_seconds: 85, completion_percentage: 100 })]);
    await server.settle();
    const [row] = (await interactions(server, sessionId)).filter((r) => r.material_id === pdf);
    expect(row).toMatchObject({ is_complete: true, ended_at: "09:30", duration_seconds: 85 });
  });
});
