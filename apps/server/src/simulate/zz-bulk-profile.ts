import { createDb } from "@chronicle/db";
import { bulkLoad } from "./bulk-load.ts";
const db = await createDb({ kind: "pglite" });
const t0 = performance.now();
const r = await bulkLoad(db, { events: Number(process.argv[2] ?? 5000), days: 5, onProgress: (l) => console.log(((performance.now() - t0) / 1000).toFixed(1), l) });
console.log(r);
await db.close();
