import type { ClientEvent, SyncItem } from "@chronicle/contracts";
import { randomUUID } from "node:crypto";
import type { SeededRandom } from "@chronicle/api/testing/seeded-random.ts";
import { deviceTime } from "./device-clock.ts";
import type { StudyCatalog } from "./study-catalog.ts";

export interface SyncPlan {
  items: SyncItem[];
  /** The event items' envelopes, so callers can tell which family they count toward. */
  events: ClientEvent[];
  /** True time of the batch's last recorded item: the batch cannot be sent before it. */
  lastRecordedMs: number;
}

/**
 * What seed 001's offline client queues during a day and syncs in one batch: interview and
 * assessment events on the learner's sync session, progress on materials and topics (rising
 * day after day, so last-write-wins keeps the newest), and an assessment result.
 */
export function planSyncBatch(random: SeededRandom, syncSessionId: string, catalog: StudyCatalog, day: number, atMs: number, clockSkewMs = 0): SyncPlan {
  // Every time in the batch is the device's clock reading, `clockSkewMs` off true time.
  let lastRecordedMs = atMs;
  const at = (offsetSeconds: number) => {
    lastRecordedMs = Math.max(lastRecordedMs, atMs + offsetSeconds * 1000);
    return deviceTime(atMs + offsetSeconds * 1000, clockSkewMs);
  };
  const events: ClientEvent[] = [];
  // Whole UUIDs: a short hex slice can be all digits, which the contract reads as a personal number.
  const interviewId = `interview-${randomUUID()}`;
  if (random.chance(0.5)) {
    const planned = random.pick([15, 30, 45]);
    events.push({ id: randomUUID(), event_type: "interview_started", client_ts: at(0), session_id: syncSessionId, payload: { interviewType: random.pick(["mock", "practice", "live"] as const), duration: planned } });
    const attempted = random.int(4, 12);
    const correct = random.int(0, attempted);
    events.push({
      id: randomUUID(),
      event_type: "interview_completed",
      client_ts: at(planned * 60),
      session_id: syncSessionId,
      payload: { interviewId, score: Math.round((correct / attempted) * 100), duration: planned * 60, questionsAttempted: attempted, correctAnswers: correct, weakAreas: random.chance(0.5) ? ["time management"] : [] },
    });
  } else {
    const attempted = random.int(5, 20);
    const correct = random.int(0, attempted);
    events.push({
      id: randomUUID(),
      event_type: "assessment_submitted",
      client_ts: at(0),
      session_id: syncSessionId,
      payload: { assessmentId: `assessment-${randomUUID()}`, score: Math.round((correct / attempted) * 100), questionsAttempted: attempted, correctAnswers: correct, duration: random.int(300, 1800), submittedOffline: random.chance(0.6) },
    });
  }
  const topic = random.pick(catalog.topics);
  const material = random.pick(catalog.materialsOf(topic.id));
  const items: SyncItem[] = events.map((event) => ({ itemType: "event" as const, itemData: event }));
  const rising = Math.min(1, 0.1 + day * 0.08 + random.next() * 0.05);
  if (material) items.push({ itemType: "progress", itemData: { entityType: "material", entityId: material.id, progress: Math.round(rising * 1000) / 1000, updatedAt: at(60) } });
  items.push({ itemType: "progress", itemData: { entityType: "topic", entityId: topic.id, percent: Math.round(rising * 100), updatedAt: at(90) } });
  if (random.chance(0.4)) {
    const maxScore = 20;
    items.push({ itemType: "assessment", itemData: { assessmentId: `quiz-${topic.id}-day-${day}`, score: random.int(0, maxScore), maxScore, submittedAt: at(120) } });
  }
  return { items, events, lastRecordedMs };
}
