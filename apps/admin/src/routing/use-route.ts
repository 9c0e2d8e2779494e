import { routeOf, type Route } from "./routes.ts";
import { useCurrentUrl } from "./use-current-url.ts";

/** The page the address bar names. */
export function useRoute(): Route {
  return routeOf(useCurrentUrl().pathname);
}
