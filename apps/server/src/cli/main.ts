import { commandHelp, generalHelp } from "./command-help.ts";
import { commandSpecs } from "./command-specs.ts";
import { parseCommandLine } from "./parse-command-line.ts";

/**
 * The CLI's entry. It imports nothing heavy itself: the environment and the chosen command load
 * only once the command line is understood, so `--help` and `token` start quickly.
 */
async function main(argv: string[]): Promise<void> {
  const parsed = parseCommandLine(argv, commandSpecs);
  if (parsed.kind === "general-help") {
    console.log(generalHelp(commandSpecs));
    return;
  }
  if (parsed.kind === "command-help") {
    console.log(commandHelp(parsed.command));
    return;
  }
  const [{ loadEnv }, run] = await Promise.all([import("@chronicle/api/env.ts"), parsed.command.load()]);
  await run(loadEnv(), parsed.values);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`chronicle: ${message}`);
  process.exit(1);
});
