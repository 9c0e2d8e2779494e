import { z } from "zod";
import { freeText } from "../privacy/scrub-free-text.ts";

// Names are free text stored outside the log (privacy by shape): scrubbed and capped like any.
const name = freeText(200).pipe(z.string().trim().min(1));

/**
 * study.registerCatalog (service, scope study:catalog): a study app names the topic and
 * material ids its events carry, with each topic's parent subject. Upserts: sending a topic
 * again renames it. The admin shows these names beside the exam bank's topics.
 */
export const studyCatalogInput = z.strictObject({
  topics: z.array(z.strictObject({ topicId: z.uuid(), name, subject: name.nullable().default(null) })).max(1000).default([]),
  materials: z.array(z.strictObject({ materialId: z.uuid(), topicId: z.uuid().nullable().default(null), name })).max(1000).default([]),
});
export type StudyCatalogInput = z.input<typeof studyCatalogInput>;

export const studyCatalogOutput = z.object({ topics: z.int(), materials: z.int() });
export type StudyCatalogOutput = z.infer<typeof studyCatalogOutput>;
