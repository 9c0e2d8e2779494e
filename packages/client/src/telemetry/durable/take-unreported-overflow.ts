import { readCount, runTransaction } from "./run-transaction.ts";
import { META_STORE, UNREPORTED_OVERFLOW_KEY } from "./telemetry-database.ts";

/**
 * Takes the overflow drops of every tab (and of pages since closed) that the server has not
 * heard of, for the flushing tab to report with its next request; the stored count goes to 0.
 */
export function takeUnreportedOverflow(db: IDBDatabase): Promise<number> {
  return runTransaction(db, [META_STORE], "readwrite", (transaction) => {
    const taken = { count: 0 };
    const meta = transaction.objectStore(META_STORE);
    const request = meta.get(UNREPORTED_OVERFLOW_KEY);
    request.onsuccess = () => {
      taken.count = readCount(request.result);
      if (taken.count > 0) meta.put(0, UNREPORTED_OVERFLOW_KEY);
    };
    return taken;
  }).then((taken) => taken.count);
}
