import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, "../../../bin/chronicle.mjs");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `chronicle` CLI on the embedded database in `dataDir`, never the suite's PostgreSQL. */
export async function runChronicle(dataDir: string, args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  const { DATABASE_URL: _postgres, ...inherited } = process.env;
  const env = { ...inherited, CHRONICLE_DATA_DIR: dataDir, NODE_ENV: "development", ...extraEnv };
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
