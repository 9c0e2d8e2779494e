import type { ServerEnv } from "@chronicle/api/env.ts";
import { describeDatabase, openDatabase } from "./open-database.ts";

export async function migrateCommand(env: ServerEnv): Promise<void> {
  const db = await openDatabase(env);
  await db.close();
  console.log(`[chronicle] migrations applied to ${describeDatabase(env)}`);
}
