import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseSimulateOptions } from "@chronicle/simulator/simulate-options.ts";
import { commandHelp, generalHelp } from "./command-help.ts";
import { commandSpecs } from "./command-specs.ts";
import { parseCommandLine } from "./parse-command-line.ts";
import { createProgressReporter } from "./progress-reporter.ts";
import { runChronicle } from "./testing/run-cli.ts";

describe("the chronicle command line", () => {
  it.each(commandSpecs.map((command) => [command.name, command] as const))("`chronicle %s --help` lists its options and an example", (name, command) => {
    const parsed = parseCommandLine([name, "--help"], commandSpecs);
    expect(parsed).toMatchObject({ kind: "command-help", command: { name } });
    const help = commandHelp(command);
    expect(help).toContain(`Usage: chronicle ${name}`);
    for (const option of Object.keys(command.options)) expect(help).toContain(`--${option}`);
    expect(help).toMatch(new RegExp(`Examples:\\n  chronicle ${name}|Examples:\\n  [A-Z_]+=\\S+ chronicle ${name}`));
    expect(parseCommandLine(["help", name], commandSpecs)).toMatchObject({ kind: "command-help", command: { name } });
  });

  it("lists every command in the general help", () => {
    const help = generalHelp(commandSpecs);
    for (const command of commandSpecs) expect(help).toMatch(new RegExp(`^  ${command.name} +\\S`, "m"));
    expect(parseCommandLine([], commandSpecs)).toEqual({ kind: "general-help" });
  });

  it("refuses an unknown option, suggesting the nearest and naming the valid ones", () => {
    expect(() => parseCommandLine(["simulate", "--lerners", "3"], commandSpecs)).toThrow(
      "Unknown option '--lerners' for `chronicle simulate`; did you mean --learners? its options are --learners, --days, --url, --seed, --bad-rate, --concurrency",
    );
    // Another command's flag is unknown here too.
    expect(() => parseCommandLine(["export", "--learners", "3"], commandSpecs)).toThrow("Unknown option '--learners' for `chronicle export`; its options are --out");
    expect(() => parseCommandLine(["migrate", "--force"], commandSpecs)).toThrow("it takes no options");
    expect(() => parseCommandLine(["exprt"], commandSpecs)).toThrow("Unknown command 'exprt'; did you mean 'export'?");
    expect(() => parseCommandLine(["retention", "--dry-run=yes"], commandSpecs)).toThrow("--dry-run is a switch and takes no value");
    expect(() => parseCommandLine(["erase", "--learner"], commandSpecs)).toThrow("--learner needs a value (<uuid>)");
    expect(() => parseCommandLine(["seed", "now"], commandSpecs)).toThrow("takes no bare arguments");
    expect(parseCommandLine(["retention", "--dry-run"], commandSpecs)).toMatchObject({ kind: "run", values: { "dry-run": true } });
  });

  it("points simulate at this environment's PORT unless --url says otherwise", () => {
    expect(parseSimulateOptions({ learners: "1", days: "1" }, { port: 8123 }).url).toBe("http://127.0.0.1:8123");
    expect(parseSimulateOptions({ learners: "1", days: "1", url: "http://example.test:9000/" }, { port: 8123 }).url).toBe("http://example.test:9000");
  });

  it("prints progress as plain lines at each tenth when not on a terminal, and a redrawn bar on one", () => {
    const plain: string[] = [];
    const reporter = createProgressReporter("[chronicle] learner-days", 20, { isTTY: false, write: (text) => plain.push(text) });
    for (let done = 1; done <= 20; done += 1) reporter.update(done, `${done * 10} events sent`);
    reporter.finish();
    // The first step shows at once, then one line per tenth, then "done".
    expect(plain).toHaveLength(12);
    expect(plain[0]).toBe("[chronicle] learner-days: 1/20 (5%) · 10 events sent\n");
    expect(plain[1]).toBe("[chronicle] learner-days: 2/20 (10%) · 20 events sent\n");
    expect(plain.at(-2)).toBe("[chronicle] learner-days: 20/20 (100%) · 200 events sent\n");
    expect(plain.every((line) => !line.includes("\r"))).toBe(true);

    const tty: string[] = [];
    const bar = createProgressReporter("sim", 4, { isTTY: true, write: (text) => tty.push(text) });
    bar.update(4);
    bar.finish();
    expect(tty[0]).toMatch(/^\rsim \[#+\] 4\/4 \(100%\)/);
    expect(tty.at(-1)).toMatch(/\n$/);
  });

  describe("as a real process", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "chronicle-cli-help-"));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it("answers `simulate --help` and `export --help` with exit 0, and an unknown option with exit 1 and one line", async () => {
      const [simulate, exported, wrong] = await Promise.all([
        runChronicle(dataDir, ["simulate", "--help"]),
        runChronicle(dataDir, ["export", "--help"]),
        runChronicle(dataDir, ["simulate", "--learners", "2", "--dayz", "3"]),
      ]);
      expect(simulate).toMatchObject({ code: 0, stderr: "" });
      expect(simulate.stdout).toContain("--learners <n>");
      expect(exported.code).toBe(0);
      expect(exported.stdout).toContain("--out <folder>");
      expect(wrong.code).toBe(1);
      expect(wrong.stderr.trim()).toBe(
        "chronicle: Unknown option '--dayz' for `chronicle simulate`; did you mean --days? its options are --learners, --days, --url, --seed, --bad-rate, --concurrency (see `chronicle simulate --help`).",
      );
    });
  });
});
