import { findSessionOwners, type Executor } from "@chronicle/db";
import { TRPCError } from "@trpc/server";

/** The owner of a game session, or NOT_FOUND when no game events were ever sent for that id. */
export async function findGameSessionOwner(executor: Executor, sessionId: string): Promise<string> {
  const owner = (await findSessionOwners(executor, [sessionId])).get(sessionId);
  if (!owner || owner.family !== "game") {
    throw new TRPCError({ code: "NOT_FOUND", message: `Game session '${sessionId}' does not exist; send its game events before closing it.` });
  }
  return owner.userId;
}
