import type { PlayerServer } from "./player-server.ts";

/** The server-side view of the demo learner the browser signs in as: the same id the dev sign-in hands out. */
export async function demoLearnerApi(server: PlayerServer) {
  const response = await fetch(`${server.url}/__chronicle/dev-token?role=learner`);
  const { userId } = (await response.json()) as { userId: string };
  return server.backend.learner(userId);
}
