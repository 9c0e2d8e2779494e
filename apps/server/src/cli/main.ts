import { parseArgs } from "node:util";
import { loadEnv } from "../env.ts";
import { migrateCommand } from "./migrate-command.ts";
import { rebuildCommand } from "./rebuild-command.ts";
import { seedCommand } from "./seed-command.ts";
import { serveCommand } from "./serve-command.ts";
import { tokenCommand } from "./token-command.ts";

const usage = `Usage: chronicle <command> [options]

Commands:
  serve                         apply migrations and serve the API (PORT, default 3000)
  migrate                       apply migrations to the database and exit
  rebuild                       drop every aggregate and rebuild it from the event log
  seed                          load the demo question bank (8 topics) into an empty database
  token --role <role> [--sub <uuid>] [--scope <scopes>] [--expires-in 12h]
                                print a development JWT (learner | admin | service)

The database is PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in
CHRONICLE_DATA_DIR (default ./.chronicle).`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(usage);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      role: { type: "string" },
      sub: { type: "string" },
      scope: { type: "string" },
      "expires-in": { type: "string" },
      "new-sub": { type: "boolean" },
    },
  });
  const env = loadEnv();
  switch (command) {
    case "serve":
      return serveCommand(env);
    case "migrate":
      return migrateCommand(env);
    case "rebuild":
      return rebuildCommand(env);
    case "seed":
      return seedCommand(env);
    case "token":
      return tokenCommand(env, values);
    default:
      throw new Error(`Unknown command '${command}'; run \`chronicle help\` to see the commands.`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`chronicle: ${message}`);
  process.exit(1);
});
