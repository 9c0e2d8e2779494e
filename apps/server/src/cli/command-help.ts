import type { CommandSpec } from "./command-specs.ts";

const DATABASE_NOTE = `The database is PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in
CHRONICLE_DATA_DIR (default ./.chronicle).`;

function flag(name: string, spec: CommandSpec["options"][string]): string {
  return `--${name}${spec.value ? ` <${spec.value}>` : ""}`;
}

/** `chronicle help`: every command with one line each. */
export function generalHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  return [
    "Usage: chronicle <command> [options]",
    "",
    "Commands:",
    ...commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    "",
    "Run `chronicle <command> --help` for its options and an example.",
    "",
    DATABASE_NOTE,
  ].join("\n");
}

/** `chronicle <command> --help`: what it does, each option, and examples. */
export function commandHelp(command: CommandSpec): string {
  const options = Object.entries(command.options);
  const flags = options.map(([name, spec]) => flag(name, spec));
  const width = Math.max(12, ...flags.map((text) => text.length)) + 2;
  return [
    `Usage: chronicle ${command.name}${options.length > 0 ? " [options]" : ""}`,
    "",
    `${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.`,
    ...(command.details ?? []),
    "",
    "Options:",
    ...options.map(([, spec], index) => `  ${flags[index]!.padEnd(width)}${spec.description}`),
    `  ${"--help".padEnd(width)}show this help`,
    "",
    "Examples:",
    ...command.examples.map((example) => `  ${example}`),
    "",
    DATABASE_NOTE,
  ].join("\n");
}
