import { loadQuestionBank } from "@chronicle/db";
import type { ServerEnv } from "@chronicle/api/env.ts";
import { describeDatabase, openDatabase } from "./open-database.ts";

/** Loads the demo question bank into an empty bank and says what the bank now holds. */
export async function seedCommand(env: ServerEnv): Promise<void> {
  const db = await openDatabase(env);
  try {
    const bank = await loadQuestionBank(db.orm);
    const summary = `${bank.questionCount} questions over ${bank.topicCount} topics`;
    console.log(
      bank.inserted
        ? `[chronicle] demo question bank loaded into ${describeDatabase(env)}: ${summary}`
        : `[chronicle] the question bank already has ${summary}; left it as it is`,
    );
  } finally {
    await db.close();
  }
}
