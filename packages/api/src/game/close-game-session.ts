import type { BehavioralFeatureValues, GameCloseSessionOutput } from "@chronicle/contracts";
import type { Database } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import type { Principal } from "../auth/principal.ts";
import { derivedEventId, emitServerEvents } from "../emit/emit-server-events.ts";
import { ReasonedError } from "../errors/reasoned-error.ts";
import { timeFeatureExtraction } from "../observability/domain-metrics.ts";
import type { Logger } from "../observability/logger.ts";
import { assertMayCloseGameSession } from "./authorize-game-session.ts";
import { extractBehavioralFeatures } from "./extract-behavioral-features.ts";
import { findFirstClose, type LoggedClose } from "./find-first-close.ts";
import { findGameSessionOwner } from "./find-game-session.ts";
import { latestGameVersion } from "./latest-game-version.ts";
import { readEventsBeforeClose } from "./read-events-before-close.ts";
import { readStoredFeatures } from "./stored-features.ts";

export interface CloseGameSessionDeps {
  db: Database;
  log: Logger;
  now: () => Date;
  retryAfterSeconds: number;
  /** Nudges the projections so the features row is written right away. */
  onStored?: () => void;
}

/** Seed 003's message, kept word for word for its clients. */
const CLOSED_MESSAGE = "Session closed and behavioral features extracted";

function closeResult(sessionId: string, startedAt: unknown, endedAt: string, features: BehavioralFeatureValues): GameCloseSessionOutput {
  return {
    session_id: sessionId,
    status: "closed",
    started_at: typeof startedAt === "string" ? startedAt : endedAt,
    ended_at: endedAt,
    message: CLOSED_MESSAGE,
    features,
  };
}

/**
 * The close is the event itself, not telemetry about another action, so a failure to store
 * it fails the call (the caller retries; the derived id makes the retry a no-op if it landed).
 */
async function appendClose(deps: CloseGameSessionDeps, sessionId: string, ownerId: string): Promise<LoggedClose> {
  const gameVersion = (await latestGameVersion(deps.db.orm, sessionId)) ?? "unknown";
  try {
    await deps.db.transaction((tx) =>
      emitServerEvents(
        tx,
        [{ id: derivedEventId(sessionId, "closed"), type: "session_closed", sessionId, userId: ownerId, payload: { game_version: gameVersion } }],
        deps.now(),
      ),
    );
  } catch (error) {
    deps.log.error("game.close_failed", { sessionId, error });
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: `Chronicle could not close game session '${sessionId}'; nothing was written, try again in ${deps.retryAfterSeconds} seconds.`,
      cause: new ReasonedError("store_unavailable", "the event store failed", { cause: error }),
    });
  }
  deps.onStored?.();
  return (await findFirstClose(deps.db.orm, sessionId))!;
}

/**
 * Closes a game session once: appends session_closed with a deterministic id (a second close
 * appends nothing) and answers with the features at that close. They are computed exactly as
 * the behavioral-features projection computes them (same events, same formulas), so the first
 * answer, every later answer and the stored row agree.
 */
export async function closeGameSession(deps: CloseGameSessionDeps, principal: Principal, sessionId: string): Promise<GameCloseSessionOutput> {
  const ownerId = await findGameSessionOwner(deps.db.orm, sessionId);
  assertMayCloseGameSession(principal, sessionId, ownerId);

  // The stored row outlives the 90-day raw telemetry, so it answers first once it exists.
  const stored = await readStoredFeatures(deps.db.orm, sessionId);
  if (stored) return closeResult(sessionId, stored.inputs.first_event_at, stored.closedAt, stored.features);

  // The close is committed, and log positions are assigned in commit order: every event before
  // it in the log has committed too, so this read is final without waiting for anyone.
  const close = (await findFirstClose(deps.db.orm, sessionId)) ?? (await appendClose(deps, sessionId, ownerId));
  const events = (await readEventsBeforeClose(deps.db.orm, [close])).get(sessionId)!;
  const { features, inputs } = timeFeatureExtraction(() => extractBehavioralFeatures(events));
  return closeResult(sessionId, inputs.first_event_at, close.closedAt, features);
}
