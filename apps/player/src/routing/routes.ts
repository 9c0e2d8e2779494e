/** The player's pages; the session id lives in the URL so that a reload finds the test again. */
export type Route =
  | { page: "start" }
  | { page: "session"; sessionId: string; position: number | null }
  | { page: "review"; sessionId: string }
  | { page: "not-found" };

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const sessionPath = new RegExp(`^/session/(${UUID})/?$`, "i");
const reviewPath = new RegExp(`^/session/(${UUID})/review/?$`, "i");

export function routeOf(location: { pathname: string; search: string }): Route {
  if (location.pathname === "/" || location.pathname === "") return { page: "start" };
  const review = reviewPath.exec(location.pathname);
  if (review?.[1]) return { page: "review", sessionId: review[1] };
  const session = sessionPath.exec(location.pathname);
  if (session?.[1]) {
    const position = Number(new URLSearchParams(location.search).get("q"));
    return { page: "session", sessionId: session[1], position: Number.isSafeInteger(position) && position >= 1 ? position : null };
  }
  return { page: "not-found" };
}

export const paths = {
  start: () => "/",
  session: (sessionId: string, position?: number) => `/session/${sessionId}${position ? `?q=${position}` : ""}`,
  review: (sessionId: string) => `/session/${sessionId}/review`,
};
