import { useSyncExternalStore } from "react";
import { NAVIGATED_EVENT } from "./navigate.ts";
import { routeOf, type Route } from "./routes.ts";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATED_EVENT, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATED_EVENT, onChange);
  };
}

const currentUrl = () => window.location.pathname + window.location.search;

/** The page the address bar names; re-renders on back/forward and on the player's own navigations. */
export function useRoute(): Route {
  const url = useSyncExternalStore(subscribe, currentUrl);
  const [pathname = "/", search = ""] = url.split(/(?=\?)/);
  return routeOf({ pathname, search });
}
