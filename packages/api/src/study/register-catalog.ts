import type { StudyCatalogOutput } from "@chronicle/contracts";
import type { Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

interface Catalog {
  topics: readonly { topicId: string; name: string; subject: string | null }[];
  materials: readonly { materialId: string; topicId: string | null; name: string }[];
}

/**
 * Upserts what a study app tells Chronicle about its topics and materials, one statement per
 * table: a topic or material sent again takes the new name (the last registration wins). Ids
 * repeated in one call keep their last entry, so the upsert never touches a row twice.
 */
export async function registerStudyCatalog(executor: Executor, catalog: Catalog, at: Date): Promise<StudyCatalogOutput> {
  const topics = [...new Map(catalog.topics.map((t) => [t.topicId.toLowerCase(), t])).entries()].map(([id, t]) => ({ id, name: t.name, subject: t.subject }));
  const materials = [...new Map(catalog.materials.map((m) => [m.materialId.toLowerCase(), m])).entries()].map(([id, m]) => ({ id, topic_id: m.topicId, name: m.name }));
  const updatedAt = at.toISOString();
  if (topics.length > 0) {
    await executor.execute(sql`
      insert into study_topics as s (id, name, subject, updated_at)
      select id, name, subject, ${updatedAt}::timestamptz from jsonb_to_recordset(${JSON.stringify(topics)}::jsonb) as r(id uuid, name text, subject text)
      on conflict (id) do update set name = excluded.name, subject = excluded.subject, updated_at = excluded.updated_at`);
  }
  if (materials.length > 0) {
    await executor.execute(sql`
      insert into study_materials as m (id, topic_id, name, updated_at)
      select id, topic_id, name, ${updatedAt}::timestamptz from jsonb_to_recordset(${JSON.stringify(materials)}::jsonb) as r(id uuid, topic_id uuid, name text)
      on conflict (id) do update set topic_id = excluded.topic_id, name = excluded.name, updated_at = excluded.updated_at`);
  }
  return { topics: topics.length, materials: materials.length };
}
