/**
 * The signed-in admin's bearer token. sessionStorage keeps it across reloads of this tab and
 * forgets it when the tab closes, so a staff token does not outlive the work it was for.
 */
const TOKEN_KEY = "chronicle.admin.token";

type Listener = () => void;
const listeners = new Set<Listener>();
let memoryToken: string | null = null;

function notify(): void {
  for (const listener of listeners) listener();
}

export const tokenStore = {
  read(): string | null {
    try {
      return sessionStorage.getItem(TOKEN_KEY) ?? memoryToken;
    } catch {
      // Storage can be disabled (private browsing); the admin then signs in again after a reload.
      return memoryToken;
    }
  },
  save(token: string): void {
    memoryToken = token;
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // As above: memory alone keeps this page signed in.
    }
    notify();
  },
  clear(): void {
    memoryToken = null;
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Nothing stored, nothing to remove.
    }
    notify();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
