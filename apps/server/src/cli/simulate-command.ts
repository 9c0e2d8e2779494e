import { signDevToken } from "@chronicle/api/auth/sign-dev-token.ts";
import { createProgressReporter } from "./progress-reporter.ts";
import type { ServerEnv } from "@chronicle/api/env.ts";
import { formatSimulationSummary } from "@chronicle/simulator/format-simulation-summary.ts";
import { isServerReachable } from "@chronicle/simulator/probe-server.ts";
import { runSimulation } from "@chronicle/simulator/run-simulation.ts";
import { parseSimulateOptions } from "@chronicle/simulator/simulate-options.ts";

/**
 * Sends realistic traffic to a running server over HTTP, like an external service. It signs
 * development tokens with this environment's secret, so the server must share it, and it is
 * refused in production like `chronicle token`.
 */
export async function simulateCommand(env: ServerEnv, values: Record<string, unknown>): Promise<void> {
  if (env.NODE_ENV === "production") {
    throw new Error("`chronicle simulate` signs development tokens and refuses to run with NODE_ENV=production.");
  }
  const options = parseSimulateOptions(values, { port: env.PORT });
  if (!(await isServerReachable(options.url))) {
    throw new Error(`No Chronicle server answers at ${options.url}; start one with \`chronicle serve\` or pass --url.`);
  }
  console.log(`[chronicle] simulating ${options.learners} learners × ${options.days} days against ${options.url} (seed ${options.seed})…`);
  const progress = createProgressReporter("[chronicle] learner-days", options.learners * options.days, process.stderr);
  const summary = await runSimulation(options, {
    signToken: (request) => signDevToken(env, request),
    onProgress: (done, _total, events) => progress.update(done, `${events.toLocaleString("en")} events sent`),
  });
  progress.finish();
  console.log(formatSimulationSummary(summary));
}
