import { useSyncExternalStore } from "react";
import { NAVIGATED_EVENT } from "./navigate.ts";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATED_EVENT, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATED_EVENT, onChange);
  };
}

const currentUrl = () => window.location.pathname + window.location.search;

/** The address bar's path and query; re-renders on back/forward and on the app's own navigations. */
export function useCurrentUrl(): { pathname: string; search: string } {
  const url = useSyncExternalStore(subscribe, currentUrl);
  const [pathname = "/", search = ""] = url.split(/(?=\?)/);
  return { pathname, search };
}
