import { parseArgs } from "node:util";
import { loadEnv } from "../env.ts";
import { eraseCommand } from "./erase-command.ts";
import { exportCommand } from "./export-command.ts";
import { migrateCommand } from "./migrate-command.ts";
import { rebuildCommand } from "./rebuild-command.ts";
import { retentionCommand } from "./retention-command.ts";
import { seedCommand } from "./seed-command.ts";
import { serveCommand } from "./serve-command.ts";
import { simulateCommand } from "./simulate-command.ts";
import { tokenCommand } from "./token-command.ts";

const usage = `Usage: chronicle <command> [options]

Commands:
  serve [--role api|worker|all] apply migrations and run: api serves HTTP (ingest, queries, live) on PORT
                                (default 3000), worker runs projections, jobs and export, all (the default)
                                does both. Any number of api and worker processes may share one PostgreSQL.
  migrate                       apply migrations to the database and exit
  rebuild [--allow-partial]     drop every aggregate and rebuild it from the event log (refused once
                                retention has purged events, unless --allow-partial)
  seed                          load the demo question bank (8 topics) into an empty database
  simulate --learners N --days D [--url http://127.0.0.1:3000] [--seed 1] [--bad-rate 0.02] [--concurrency 4]
                                send realistic traffic of all five families to a running server over HTTP,
                                as an external TypeScript service would (development tokens, so not in
                                production). Time is compressed: the server's clock cannot be set from
                                outside, so client_ts is spread over the last D days while event_ts is the
                                real ingest time.
  token --role <role> [--sub <uuid>] [--scope <scopes>] [--expires-in 12h]
                                print a development JWT (learner | admin | service)
  export [--out <folder>]       write the events not exported yet as Parquet files (incremental; the
                                server also does it hourly when CHRONICLE_EXPORT_DIR is set)
  retention [--dry-run]         delete raw data past its retention now (the server also does it hourly):
                                study and sync events 730 days, game 90, game features 365, raw counter
                                rows 30, exam events kept; CHRONICLE_RETAIN_<EXAM|STUDY|GAME|SYNC|
                                GAME_FEATURES|COUNTER>_DAYS=<days>|forever overrides; audited, aggregates kept
  erase --learner <uuid> --reason <text> [--actor <who>]
                                erase one learner (GDPR): their events and every aggregate row naming
                                them, in one transaction, recorded in purge_audit with actor and reason

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
      learners: { type: "string" },
      days: { type: "string" },
      url: { type: "string" },
      seed: { type: "string" },
      "bad-rate": { type: "string" },
      concurrency: { type: "string" },
      learner: { type: "string" },
      reason: { type: "string" },
      actor: { type: "string" },
      "dry-run": { type: "boolean" },
      out: { type: "string" },
      "allow-partial": { type: "boolean" },
    },
  });
  const env = loadEnv();
  switch (command) {
    case "serve":
      return serveCommand(env, values);
    case "migrate":
      return migrateCommand(env);
    case "rebuild":
      return rebuildCommand(env, values);
    case "seed":
      return seedCommand(env);
    case "simulate":
      return simulateCommand(env, values);
    case "token":
      return tokenCommand(env, values);
    case "export":
      return exportCommand(env, values);
    case "retention":
      return retentionCommand(env, values);
    case "erase":
      return eraseCommand(env, values);
    default:
      throw new Error(`Unknown command '${command}'; run \`chronicle help\` to see the commands.`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`chronicle: ${message}`);
  process.exit(1);
});
