import { randomUUID } from "node:crypto";
import { derivedEventId } from "@chronicle/api/emit/emit-server-events.ts";
import { planCheckin } from "@chronicle/api/gamification/check-in.ts";
import { gamificationSessionId } from "@chronicle/api/gamification/gamification-session.ts";
import type { StreakState } from "@chronicle/api/gamification/read-streak-states.ts";
import { utcDay } from "@chronicle/api/gamification/utc-day.ts";
import { gameBatchEventToEnvelope } from "@chronicle/api/ingest/game-batch-to-envelope.ts";
import type { SeededRandom } from "@chronicle/api/testing/seeded-random.ts";
import { makeBadGameEvent } from "./bad-events.ts";
import { batchRow, flushClientBatches } from "./bulk-client-batches.ts";
import { addSession, type DayBuffer } from "./bulk-day-buffer.ts";
import { acceptedEventRow, clientEventRow, serverEventRow } from "./bulk-event-rows.ts";
import type { BulkLearner } from "./bulk-exam-session.ts";
import { planGameSession, shiftGameSession } from "./game-session-events.ts";
import { createSessionEventLog } from "./session-event-log.ts";
import type { StudyCatalog } from "./study-catalog.ts";
import { recordStudySession } from "./study-session-events.ts";
import { planSuggestionTray } from "./suggestion-tray-counts.ts";
import { planSyncBatch } from "./sync-items.ts";
import { gameVersions } from "./traffic-vocabulary.ts";

export function loadStudySession(buffer: DayBuffer, random: SeededRandom, learner: BulkLearner, catalog: StudyCatalog, startMs: number, badRate: number): number {
  const log = createSessionEventLog(randomUUID(), startMs, learner.clockSkewMs);
  recordStudySession(random, log, catalog, { skill: learner.skill, device: learner.source === "web" ? "web" : "mobile" });
  addSession(buffer, log.sessionId, learner.userId, "study", new Date(startMs).toISOString());
  return flushClientBatches(buffer, random, { userId: learner.userId, endpoint: "telemetry.ingest", source: learner.source, badRate, resendRate: 0.03, clockSkewMs: learner.clockSkewMs }, log.events);
}

/** The game server that reports missions: its service id and its clock error. */
export interface GameServer {
  serviceId: string;
  clockSkewMs: number;
}

/** A mission reported by the game server in one seed-003 batch, then closed (session_closed). */
export function loadGameSession(buffer: DayBuffer, random: SeededRandom, learner: BulkLearner, gameServer: GameServer, startMs: number, badRate: number): number {
  const played = planGameSession(random, learner.userId, startMs, random.pick(gameVersions));
  const receivedMs = played.endMs + random.int(500, 5000);
  // The timestamps are the game server's clock readings of when each thing happened.
  const plan = shiftGameSession(played, gameServer.clockSkewMs);
  const arrival = { eventTs: new Date(receivedMs).toISOString(), batchId: randomUUID(), source: "api" as const };
  let rejected = 0;
  for (const event of plan.events) {
    buffer.events.push(acceptedEventRow(gameBatchEventToEnvelope(event, plan.gameVersion).validation, learner.userId, arrival));
    if (random.chance(badRate)) {
      const bad = makeBadGameEvent(random, learner.userId, plan.sessionId, Date.parse(event.timestamp));
      const validation = gameBatchEventToEnvelope(bad, plan.gameVersion).validation;
      if (!validation.ok) {
        buffer.quarantine.push({ received_at: arrival.eventTs, batch_id: arrival.batchId, user_id: learner.userId, event_id: validation.id, event_type: String(bad.event_type), code: validation.code, message: validation.message, issues: validation.issues, raw_json: bad });
        rejected += 1;
      }
    }
  }
  buffer.batches.push(
    batchRow({
      batch_id: arrival.batchId,
      client_batch_id: `game-${arrival.batchId.slice(0, 8)}`,
      user_id: gameServer.serviceId,
      endpoint: "telemetry.ingestGameBatch",
      source: "api",
      client_version: plan.gameVersion,
      item_count: plan.events.length + rejected,
      success_count: plan.events.length,
      failure_count: rejected,
      start_time: arrival.eventTs,
      duration_ms: random.int(8, 120),
    }),
  );
  addSession(buffer, plan.sessionId, learner.userId, "game", new Date(startMs).toISOString());
  const closedMs = receivedMs + random.int(1000, 10_000);
  buffer.events.push(
    serverEventRow(
      { id: derivedEventId(plan.sessionId, "closed"), type: "session_closed", sessionId: plan.sessionId, userId: learner.userId, payload: { game_version: plan.gameVersion } },
      new Date(closedMs).toISOString(),
    ),
  );
  return closedMs;
}

/** The offline client's sync.batch: its event items in the log, progress and assessments in their tables. */
export function loadSyncBatch(buffer: DayBuffer, random: SeededRandom, learner: BulkLearner & { syncSessionId: string }, catalog: StudyCatalog, day: number, atMs: number): number {
  const plan = planSyncBatch(random, learner.syncSessionId, catalog, day, atMs, learner.clockSkewMs);
  // Sent when the device is back online, a few minutes after its last item.
  const receivedMs = plan.lastRecordedMs + random.int(150, 600) * 1000;
  const received = new Date(receivedMs).toISOString();
  const arrival = { eventTs: received, batchId: randomUUID(), source: null };
  for (const event of plan.events) buffer.events.push(clientEventRow(event, learner.userId, arrival));
  addSession(buffer, learner.syncSessionId, learner.userId, "sync", new Date(atMs).toISOString());
  for (const item of plan.items) {
    if (item.itemType === "progress") {
      const data = item.itemData;
      const progress = data.progress ?? (data.percent ?? 0) / 100;
      buffer.syncProgress.set(`${learner.userId}/${data.entityType}/${data.entityId}`, {
        user_id: learner.userId,
        entity_type: data.entityType,
        entity_id: data.entityId,
        progress,
        client_updated_at: data.updatedAt,
        server_updated_at: received,
      });
    } else if (item.itemType === "assessment") {
      const data = item.itemData;
      buffer.syncAssessments.set(`${learner.userId}/${data.assessmentId}`, {
        user_id: learner.userId,
        assessment_id: data.assessmentId,
        score: data.score,
        max_score: data.maxScore,
        submitted_at: data.submittedAt,
        client_updated_at: data.submittedAt,
        server_updated_at: received,
      });
    }
  }
  buffer.batches.push(
    batchRow({
      batch_id: arrival.batchId,
      client_batch_id: `sync-${arrival.batchId.slice(0, 8)}`,
      user_id: learner.userId,
      endpoint: "sync.batch",
      source: null,
      client_version: null,
      item_count: plan.events.length,
      success_count: plan.events.length,
      failure_count: 0,
      start_time: received,
      duration_ms: random.int(5, 80),
    }),
  );
  return receivedMs;
}

/** The day's check-in with the same streak rules and derived ids as gamification.checkin. */
export function loadCheckin(buffer: DayBuffer, userId: string, streaks: Map<string, StreakState>, atMs: number): void {
  const at = new Date(atMs).toISOString();
  const state = streaks.get(userId) ?? { currentStreak: 0, longestStreak: 0, lastCheckinDay: null };
  const { events, outcome } = planCheckin(userId, state, utcDay(at));
  if (!outcome.isNewCheckin) return;
  streaks.set(userId, { currentStreak: outcome.currentStreak, longestStreak: outcome.longestStreak, lastCheckinDay: outcome.checkinDay });
  addSession(buffer, gamificationSessionId(userId), userId, "study", at);
  for (const event of events) buffer.events.push(serverEventRow(event, at));
}

export function loadSuggestionTray(buffer: DayBuffer, random: SeededRandom, userId: string, atMs: number): void {
  const createdAt = new Date(atMs).toISOString();
  for (const { event, count } of planSuggestionTray(random)) buffer.counters.push({ viewer_id: userId, event, created_at: createdAt, n: count });
}
