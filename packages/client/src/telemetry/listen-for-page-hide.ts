/** The little of the DOM this needs, typed here so the SDK also compiles without the DOM lib (Node, React Native). */
interface PageEvents {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}
interface PageGlobals extends Partial<PageEvents> {
  document?: PageEvents & { readonly visibilityState: string };
}

/**
 * Calls `onHide` when the page may be about to go away. Mobile browsers often skip `unload`
 * and `pagehide` when a tab is switched away from, so `visibilitychange` to hidden counts too.
 * Returns a function that removes the listeners; outside a browser it does nothing.
 */
export function listenForPageHide(onHide: () => void): () => void {
  const page = globalThis as unknown as PageGlobals;
  const { document } = page;
  if (document === undefined || typeof page.addEventListener !== "function" || typeof page.removeEventListener !== "function") return () => {};
  const removeListener = page.removeEventListener.bind(page);
  const onVisibilityChange = () => {
    if (document.visibilityState === "hidden") onHide();
  };
  document.addEventListener("visibilitychange", onVisibilityChange);
  page.addEventListener("pagehide", onHide);
  return () => {
    document.removeEventListener("visibilitychange", onVisibilityChange);
    removeListener("pagehide", onHide);
  };
}
