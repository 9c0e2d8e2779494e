/**
 * Runs `work` in one IndexedDB transaction. `work` only queues requests (IndexedDB commits a
 * transaction as soon as a task ends without pending requests, so it must not await anything
 * else) and fills in the object it returns from their callbacks; the promise resolves with
 * that object once the transaction has committed, and rejects if it aborted.
 */
export function runTransaction<T>(
  db: IDBDatabase,
  storeNames: readonly string[],
  mode: IDBTransactionMode,
  work: (transaction: IDBTransaction) => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(storeNames, mode);
    const result = work(transaction);
    transaction.oncomplete = () => resolve(result);
    transaction.onabort = () => reject(transaction.error ?? new Error("the IndexedDB transaction was aborted"));
  });
}

/** Adds `amount` to a number kept under `key`, inside the caller's transaction. */
export function addToCounter(store: IDBObjectStore, key: string, amount: number): void {
  if (amount === 0) return;
  const request = store.get(key);
  request.onsuccess = () => store.put(readCount(request.result) + amount, key);
}

export function readCount(value: unknown): number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}
