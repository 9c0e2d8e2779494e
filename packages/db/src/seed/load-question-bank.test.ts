import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client/database.ts";
import { createTestDb, databaseTargets } from "../testing/index.ts";
import { loadQuestionBank } from "./load-question-bank.ts";
import { seedQuestions, seedTopics } from "./question-bank/index.ts";

describe.each(databaseTargets())("loadQuestionBank on %s", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("fills an empty bank with every demo topic and question, then leaves it alone", async () => {
    const first = await loadQuestionBank(db.orm);
    expect(first).toEqual({ inserted: true, topicCount: seedTopics.length, questionCount: seedQuestions.length });
    expect(await loadQuestionBank(db.orm)).toEqual({ ...first, inserted: false });
  });

  it("links each question to its topic by slug and keeps options and answers intact", async () => {
    const sample = seedQuestions[0]!;
    const [row] = await db.rows<{ slug: string; options: string[]; correct_index: number }>(
      sql`select t.slug, q.options, q.correct_index from questions q join topics t on t.id = q.topic_id where q.id = ${sample.id}::uuid`,
    );
    expect(row).toEqual({ slug: sample.topicSlug, options: sample.options, correct_index: sample.correctIndex });
  });
});
