import { TRPCError } from "@trpc/server";
import type { Principal } from "../auth/principal.ts";

/** The scope a game server's token needs to write game telemetry and close game sessions. */
export const GAME_SCOPE = "events:game";

/**
 * Who may close a game session: a game server (service token with events:game, acting for
 * any of its players, as with game batches) or the learner who owns the session (a game
 * running in the learner's own client). Admins read features but never close sessions.
 */
export function assertMayCloseGameSession(principal: Principal, sessionId: string, ownerId: string): void {
  if (principal.role === "service") return assertGameScope(principal);
  if (principal.role === "learner" && principal.userId === ownerId) return;
  if (principal.role === "learner") throw new TRPCError({ code: "FORBIDDEN", message: `Session '${sessionId}' is not yours.` });
  throw new TRPCError({ code: "FORBIDDEN", message: `Closing a game session needs a learner or service token; your token's role is ${principal.role}.` });
}

/** Features are staff and game-server data: admins, or services with events:game. */
export function assertMayReadGameFeatures(principal: Principal): void {
  if (principal.role === "admin") return;
  if (principal.role === "service") return assertGameScope(principal);
  throw new TRPCError({ code: "FORBIDDEN", message: `Reading behavioural features needs the admin or service role; your token's role is ${principal.role}.` });
}

function assertGameScope(principal: Principal): void {
  if (!principal.scopes.includes(GAME_SCOPE)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `This service token's scope does not include ${GAME_SCOPE}; issue one with --scope ${GAME_SCOPE}.` });
  }
}
