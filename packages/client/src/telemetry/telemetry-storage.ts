/** The slice of the Web Storage API the SDK uses; `sessionStorage` or `localStorage` fit as they are. */
export interface TelemetryStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
