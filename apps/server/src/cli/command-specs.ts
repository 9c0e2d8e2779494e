import type { ServerEnv } from "@chronicle/api/env.ts";

export interface OptionSpec {
  type: "string" | "boolean";
  /** Shown after the flag in help: `--learners <n>`. */
  value?: string;
  description: string;
}

export type CommandRun = (env: ServerEnv, values: Record<string, unknown>) => Promise<void>;

export interface CommandSpec {
  name: string;
  /** One line for `chronicle help`. */
  summary: string;
  /** More lines for `chronicle <command> --help`. */
  details?: string[];
  options: Record<string, OptionSpec>;
  examples: string[];
  /**
   * Imports the command only when it runs: `chronicle token` must not pay for loading the
   * database, the HTTP server and every projection, which is most of a start-up.
   */
  load: () => Promise<CommandRun>;
}

export const commandSpecs: CommandSpec[] = [
  {
    name: "serve",
    summary: "apply migrations and run the server (HTTP API, projections, jobs)",
    details: [
      "api serves HTTP (ingest, queries, live) on PORT (default 3000), worker runs projections, jobs and",
      "export, all (the default) does both. Any number of api and worker processes may share one PostgreSQL.",
    ],
    options: { role: { type: "string", value: "api|worker|all", description: "what this process does (default all)" } },
    examples: ["chronicle serve", "PORT=8080 DATABASE_URL=postgres://… chronicle serve --role api"],
    load: async () => (await import("./serve-command.ts")).serveCommand,
  },
  {
    name: "migrate",
    summary: "apply migrations to the database and exit",
    options: {},
    examples: ["chronicle migrate"],
    load: async () => (env) => import("./migrate-command.ts").then((module) => module.migrateCommand(env)),
  },
  {
    name: "rebuild",
    summary: "drop every aggregate and rebuild it from the event log",
    details: ["Refused once retention has purged events, unless --allow-partial, and while workers project."],
    options: { "allow-partial": { type: "boolean", description: "rebuild from the events that remain after retention" } },
    examples: ["chronicle rebuild", "chronicle rebuild --allow-partial"],
    load: async () => (await import("./rebuild-command.ts")).rebuildCommand,
  },
  {
    name: "seed",
    summary: "load the demo question bank (8 topics) into an empty database",
    options: {},
    examples: ["chronicle seed"],
    load: async () => (env) => import("./seed-command.ts").then((module) => module.seedCommand(env)),
  },
  {
    name: "simulate",
    summary: "send realistic traffic of all five families to a running server over HTTP",
    details: [
      "Acts as an external TypeScript service would, with development tokens (so not in production).",
      "Time is compressed: each learner's D days are played now. Clocks are not: client_ts is when the device",
      "recorded the event, a couple of seconds off (a few devices minutes off), so clock skew reads like a real fleet.",
      "Progress goes to stderr: a bar on a terminal, a line per tenth otherwise.",
    ],
    options: {
      learners: { type: "string", value: "n", description: "how many learners (1–10000), required" },
      days: { type: "string", value: "d", description: "days of activity each (1–365), required" },
      url: { type: "string", value: "url", description: "the server (default http://127.0.0.1:$PORT, PORT defaulting to 3000)" },
      seed: { type: "string", value: "n", description: "random seed, for repeatable traffic (default 1)" },
      "bad-rate": { type: "string", value: "fraction", description: "share of deliberately invalid events, 0–0.5 (default 0.02)" },
      concurrency: { type: "string", value: "n", description: "learners simulated at once, 1–64 (default 4)" },
    },
    examples: ["chronicle simulate --learners 20 --days 7", "PORT=8080 chronicle simulate --learners 5 --days 30 --seed 42"],
    load: async () => (await import("./simulate-command.ts")).simulateCommand,
  },
  {
    name: "token",
    summary: "print a development JWT (learner | admin | service)",
    options: {
      role: { type: "string", value: "learner|admin|service", description: "the token's role, required" },
      sub: { type: "string", value: "uuid", description: "the subject (default: the role's demo user)" },
      "new-sub": { type: "boolean", description: "a fresh random subject" },
      scope: {
        type: "string",
        value: "scopes",
        description: "service scopes, space- or comma-separated: events:study events:exam events:sync events:game study:catalog learners:names (default events:game)",
      },
      "expires-in": { type: "string", value: "duration", description: "lifetime such as 30m, 12h or 7d" },
    },
    examples: ["chronicle token --role admin", "chronicle token --role service --scope learners:names", "chronicle token --role service --scope events:study,study:catalog"],
    load: async () => (await import("./token-command.ts")).tokenCommand,
  },
  {
    name: "export",
    summary: "write the events not exported yet as Parquet files (incremental)",
    details: [
      "The server also exports hourly when CHRONICLE_EXPORT_DIR is set. On the embedded database (PGlite)",
      "only one process may open the data folder: stop the server first, or let its hourly job export.",
    ],
    options: { out: { type: "string", value: "folder", description: "where to write (default CHRONICLE_EXPORT_DIR)" } },
    examples: ["chronicle export --out ./exports"],
    load: async () => (await import("./export-command.ts")).exportCommand,
  },
  {
    name: "retention",
    summary: "delete raw data past its retention now (the server also does it hourly)",
    details: [
      "study and sync events 730 days, game 90, game features 365, raw counter rows 30, exam events kept;",
      "CHRONICLE_RETAIN_<EXAM|STUDY|GAME|SYNC|GAME_FEATURES|COUNTER>_DAYS=<days>|forever overrides. Audited; aggregates kept.",
    ],
    options: {
      "dry-run": { type: "boolean", description: "only count what would be deleted" },
      family: { type: "string", value: "exam|study|game|sync|counter", description: "purge only this target (seed 004: counter)" },
      days: { type: "string", value: "n", description: "with --family: keep this many days instead of the configured retention" },
    },
    examples: ["chronicle retention --dry-run", "chronicle retention", "chronicle retention --family counter --days 30 --dry-run"],
    load: async () => (await import("./retention-command.ts")).retentionCommand,
  },
  {
    name: "erase",
    summary: "erase one learner (GDPR): their events and every row naming them",
    details: ["One transaction, recorded in purge_audit with actor and reason."],
    options: {
      learner: { type: "string", value: "uuid", description: "the learner's id (their token's sub), required" },
      reason: { type: "string", value: "text", description: "why, for the audit record, required" },
      actor: { type: "string", value: "who", description: "who asked (default: your user name)" },
    },
    examples: ['chronicle erase --learner 0199a3b2-1c4d-7e5f-8a9b-0c1d2e3f4a5b --reason "GDPR request 2026-114"'],
    load: async () => (await import("./erase-command.ts")).eraseCommand,
  },
];
