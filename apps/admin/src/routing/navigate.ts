/** history.pushState fires no event of its own, so the app announces its navigations with this one. */
export const NAVIGATED_EVENT = "chronicle:navigated";

/** Goes to `path` without a page load; `replace` keeps filter tweaks from filling the back button. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  window.dispatchEvent(new Event(NAVIGATED_EVENT));
}
