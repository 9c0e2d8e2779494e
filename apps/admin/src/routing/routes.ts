/** The admin app's pages, as paths below its mount point (import.meta.env.BASE_URL, "/admin/"). */
export type Route =
  | { page: "health" }
  | { page: "events" }
  | { page: "session"; sessionId: string }
  | { page: "learners" }
  | { page: "topics" }
  | { page: "game" }
  | { page: "counters" }
  | { page: "quarantine" }
  | { page: "exports" }
  | { page: "sync" }
  | { page: "live" }
  | { page: "not-found" };

export const BASE_PATH = import.meta.env.BASE_URL;

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const sessionPath = new RegExp(`^sessions/(${UUID})/?$`, "i");
const simplePages = ["events", "learners", "topics", "game", "counters", "quarantine", "exports", "live", "sync"] as const;

export function routeOf(pathname: string): Route {
  const relative = pathname.startsWith(BASE_PATH) ? pathname.slice(BASE_PATH.length) : pathname.replace(/^\//, "");
  if (relative === "") return { page: "health" };
  const session = sessionPath.exec(relative);
  if (session?.[1]) return { page: "session", sessionId: session[1] };
  const simple = simplePages.find((page) => relative === page || relative === `${page}/`);
  return simple ? { page: simple } : { page: "not-found" };
}

function withQuery(path: string, query: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = search.toString();
  return `${BASE_PATH}${path}${text ? `?${text}` : ""}`;
}

export const paths = {
  health: () => withQuery(""),
  events: (query?: Record<string, string | undefined>) => withQuery("events", query),
  session: (sessionId: string) => withQuery(`sessions/${sessionId}`),
  learner: (userId?: string) => withQuery("learners", { userId }),
  topic: (topicId?: string) => withQuery("topics", { topicId }),
  game: (query?: Record<string, string | undefined>) => withQuery("game", query),
  counters: () => withQuery("counters"),
  quarantine: () => withQuery("quarantine"),
  exports: () => withQuery("exports"),
  live: () => withQuery("live"),
  sync: (query?: Record<string, string | undefined>) => withQuery("sync", query),
};
