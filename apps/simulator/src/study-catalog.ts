import { derivedEventId } from "@chronicle/api/emit/emit-server-events.ts";
import { materialKinds, materialTitles } from "./traffic-vocabulary.ts";

export interface SimTopic {
  id: string;
  name: string;
}

export interface StudyMaterial {
  id: string;
  topicId: string;
  type: (typeof materialKinds)[number]["type"];
  name: string;
  pages: number;
  chunkIds: string[];
}

export interface StudyCatalog {
  topics: SimTopic[];
  materialsOf(topicId: string): StudyMaterial[];
  questionsOf(topicId: string): string[];
}

const MATERIALS_PER_TOPIC = 6;
const QUESTIONS_PER_TOPIC = 24;
const CHUNKS_PER_MATERIAL = 8;

/**
 * The study app's materials and practice questions per topic. Ids are derived from the topic,
 * so every run and every learner sees the same library, as in a real product.
 */
export function createStudyCatalog(topics: readonly SimTopic[]): StudyCatalog {
  const materials = new Map<string, StudyMaterial[]>();
  const questions = new Map<string, string[]>();
  for (const topic of topics) {
    const slug = topic.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    materials.set(
      topic.id,
      Array.from({ length: MATERIALS_PER_TOPIC }, (_, i) => {
        const kind = materialKinds[i % materialKinds.length]!;
        const id = derivedEventId(topic.id, "material", String(i));
        return {
          id,
          topicId: topic.id,
          type: kind.type,
          name: `${slug}-${materialTitles[i % materialTitles.length]}-${i + 1}.${kind.extension}`,
          pages: 4 + ((i * 7) % 40),
          chunkIds: Array.from({ length: CHUNKS_PER_MATERIAL }, (_, c) => derivedEventId(id, "chunk", String(c))),
        };
      }),
    );
    questions.set(topic.id, Array.from({ length: QUESTIONS_PER_TOPIC }, (_, i) => derivedEventId(topic.id, "study-question", String(i))));
  }
  return {
    topics: [...topics],
    materialsOf: (topicId) => materials.get(topicId) ?? [],
    questionsOf: (topicId) => questions.get(topicId) ?? [],
  };
}
