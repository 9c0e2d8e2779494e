/** history.pushState fires no event of its own, so the player announces its navigations with this one. */
export const NAVIGATED_EVENT = "chronicle:navigated";

/** Goes to `path` without a page load; `replace` keeps the back button from stepping through every question. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  window.dispatchEvent(new Event(NAVIGATED_EVENT));
}
