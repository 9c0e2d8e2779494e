/** A bearer token kept for one browser tab, that tells its listeners when it changes. */
export interface TabTokenStore {
  read(): string | null;
  save(token: string): void;
  clear(): void;
  /** Called on every save and clear; returns the unsubscribe. Fits React's useSyncExternalStore. */
  subscribe(listener: () => void): () => void;
}

/**
 * sessionStorage keeps the token across reloads of this tab (a reload mid-test must not sign
 * anyone out) and forgets it when the tab closes, so a token does not outlive the work it was
 * for. When storage is disabled (private browsing) memory alone keeps the page signed in.
 */
export function createTabTokenStore(storageKey: string): TabTokenStore {
  const listeners = new Set<() => void>();
  let memoryToken: string | null = null;
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    read() {
      try {
        return sessionStorage.getItem(storageKey) ?? memoryToken;
      } catch {
        return memoryToken;
      }
    },
    save(token) {
      memoryToken = token;
      try {
        sessionStorage.setItem(storageKey, token);
      } catch {
        // Storage refused: memory keeps this page signed in until it reloads.
      }
      notify();
    },
    clear() {
      memoryToken = null;
      try {
        sessionStorage.removeItem(storageKey);
      } catch {
        // Nothing stored, nothing to remove.
      }
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
