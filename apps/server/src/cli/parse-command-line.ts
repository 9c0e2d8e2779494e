import { parseArgs } from "node:util";
import { closestName } from "./closest-option.ts";
import type { CommandSpec } from "./command-specs.ts";

export type ParsedCommandLine =
  | { kind: "general-help" }
  | { kind: "command-help"; command: CommandSpec }
  | { kind: "run"; command: CommandSpec; values: Record<string, unknown> };

function unknownCommand(name: string, commands: readonly CommandSpec[]): Error {
  const nearest = closestName(name, commands.map((command) => command.name));
  return new Error(`Unknown command '${name}'${nearest ? `; did you mean '${nearest}'?` : ""} Run \`chronicle help\` to see the commands.`);
}

function unknownOption(typed: string, command: CommandSpec): Error {
  const known = Object.keys(command.options);
  const nearest = closestName(typed, known);
  const valid = known.length > 0 ? `its options are ${known.map((name) => `--${name}`).join(", ")}` : "it takes no options";
  return new Error(`Unknown option '--${typed}' for \`chronicle ${command.name}\`${nearest ? `; did you mean --${nearest}?` : ";"} ${valid} (see \`chronicle ${command.name} --help\`).`);
}

/**
 * Reads `chronicle <command> [options]` against the command's own options, so a flag of another
 * command is refused, with the nearest valid flag suggested. `--help`/`-h` anywhere asks for help.
 */
export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[]): ParsedCommandLine {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const topic = name === "help" ? rest[0] : undefined;
    if (!topic) return { kind: "general-help" };
    const command = commands.find((candidate) => candidate.name === topic);
    if (!command) throw unknownCommand(topic, commands);
    return { kind: "command-help", command };
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw unknownCommand(name, commands);
  if (rest.includes("--help") || rest.includes("-h")) return { kind: "command-help", command };

  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      strict: true,
      allowPositionals: true,
      options: Object.fromEntries(Object.entries(command.options).map(([option, spec]) => [option, { type: spec.type }])),
    });
    if (positionals.length > 0) {
      throw new Error(`\`chronicle ${command.name}\` takes no bare arguments, got '${positionals[0]}'; options start with -- (see \`chronicle ${command.name} --help\`).`);
    }
    return { kind: "run", command, values };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const typed = /'(-{1,2}[^']+)'/.exec(message)?.[1]?.replace(/^-+/, "").split("=")[0] ?? "";
      throw unknownOption(typed, command);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const option = /--([a-z-]+)/.exec(message)?.[1];
      const spec = option ? command.options[option] : undefined;
      throw new Error(
        spec?.type === "boolean"
          ? `--${option} is a switch and takes no value; leave the value out.`
          : `--${option ?? "?"} needs a value${spec?.value ? ` (<${spec.value}>)` : ""}; see \`chronicle ${command.name} --help\`.`,
      );
    }
    throw error;
  }
}
