import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

const bin = resolve(import.meta.dirname, "../../../bin/chronicle.mjs");

export interface ServeProcess {
  readonly role: "api" | "worker";
  readonly child: ChildProcess;
  /** The port it listens on: an API's requests, a worker's /metrics, /livez and /readyz. */
  readonly port: number;
  /** Everything it printed, for a failing test's message. */
  output(): string;
  /** Resolves with its exit code or signal. */
  readonly exited: Promise<string>;
}

/**
 * Starts a real `chronicle serve --role <role>` child process on a random port and resolves once
 * it says it is ready (an API prints its URL, a worker its ready line).
 */
export function startServe(role: "api" | "worker", env: Record<string, string>, port = 0): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, "serve", "--role", role], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", CHRONICLE_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<string>((done) => child.once("exit", (code, signal) => done(signal ?? `exit ${code}`)));
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`chronicle serve --role ${role} did not start within 150 s:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const api = /API\s+http:\/\/[^:]+:(\d+)\/trpc/.exec(output);
      if (role === "api" && api) done(Number(api[1]));
      const worker = /worker \S+ ready.*http:\/\/[^:]+:(\d+)\/metrics/.exec(output);
      if (role === "worker" && worker) done(Number(worker[1]));
    };
    const done = (listening: number) => {
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      ready({ role, child, port: listening, output: () => output, exited });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((how) => {
      clearTimeout(timer);
      fail(new Error(`chronicle serve --role ${role} stopped (${how}) before it was ready:\n${output}`));
    });
  });
}
