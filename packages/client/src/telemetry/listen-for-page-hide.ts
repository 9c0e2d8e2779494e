/**
 * Calls `onHide` when the page may be about to go away. Mobile browsers often skip `unload`
 * and `pagehide` when a tab is switched away from, so `visibilitychange` to hidden counts too.
 * Returns a function that removes the listeners; outside a browser it does nothing.
 */
export function listenForPageHide(onHide: () => void): () => void {
  if (typeof document === "undefined" || typeof globalThis.addEventListener !== "function") return () => {};
  const onVisibilityChange = () => {
    if (document.visibilityState === "hidden") onHide();
  };
  document.addEventListener("visibilitychange", onVisibilityChange);
  globalThis.addEventListener("pagehide", onHide);
  return () => {
    document.removeEventListener("visibilitychange", onVisibilityChange);
    globalThis.removeEventListener("pagehide", onHide);
  };
}
