import { rowsOf, type Database, type Transaction } from "@chronicle/db";

/**
 * The Database interface over one open transaction, so code written against `deps.db` (a
 * scheduled job) runs inside a fenced transaction unchanged: its own `transaction()` calls
 * become savepoints, and everything commits or rolls back with the fence.
 */
export function transactionDatabase(tx: Transaction, base: Database): Database {
  return {
    // Whatever else the database offers (its driver, health probes) stays the base's.
    ...base,
    orm: tx as unknown as Database["orm"],
    rows: (query) => rowsOf(tx, query),
    transaction: (work) => tx.transaction(work),
    close: async () => {
      throw new Error("A job cannot close the database it was lent.");
    },
  };
}
