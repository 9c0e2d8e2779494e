/** Only an explicit `false` counts: outside browsers `navigator.onLine` does not exist. */
export function isOffline(): boolean {
  return (globalThis.navigator as Navigator | undefined)?.onLine === false;
}

/** Calls `onOnline` when the browser regains its connection; returns a function that stops listening. */
export function listenForOnline(onOnline: () => void): () => void {
  if (typeof globalThis.addEventListener !== "function") return () => {};
  globalThis.addEventListener("online", onOnline);
  return () => globalThis.removeEventListener("online", onOnline);
}
