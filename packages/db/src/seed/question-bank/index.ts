// Exam-prep demo question bank (topics + multiple-choice questions) loaded by `chronicle seed` into an empty database.
import { cellBiologyQuestions } from "./questions-cell-biology.ts";
import { humanPhysiologyQuestions } from "./questions-human-physiology.ts";
import { chemistryBasicsQuestions } from "./questions-chemistry-basics.ts";
import { physicsMechanicsQuestions } from "./questions-physics-mechanics.ts";
import { algebraQuestions } from "./questions-algebra.ts";
import { geometryQuestions } from "./questions-geometry.ts";
import { worldGeographyQuestions } from "./questions-world-geography.ts";
import { statisticsQuestions } from "./questions-statistics.ts";
import { topics } from "./topics.ts";

export interface SeedTopic {
  id: string;
  slug: string;
  name: string;
  description: string;
}

export interface SeedQuestion {
  id: string;
  topicSlug: string;
  stem: string;
  options: readonly string[];
  /** 0-based index into `options` of the correct answer. */
  correctIndex: number;
  explanation: string;
  difficulty: 1 | 2 | 3 | 4 | 5;
}

export const seedTopics: readonly SeedTopic[] = topics;

export const seedQuestions: readonly SeedQuestion[] = [
  ...cellBiologyQuestions,
  ...humanPhysiologyQuestions,
  ...chemistryBasicsQuestions,
  ...physicsMechanicsQuestions,
  ...algebraQuestions,
  ...geometryQuestions,
  ...worldGeographyQuestions,
  ...statisticsQuestions,
];
