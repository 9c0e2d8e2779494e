import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const durableEntry = fileURLToPath(new URL("../../src/telemetry/durable/index.ts", import.meta.url));

/** The durable telemetry SDK as browsers get it: one minified script defining the global `ChronicleTelemetry`. */
export async function bundleTelemetrySdk(): Promise<string> {
  const result = await build({
    entryPoints: [durableEntry],
    bundle: true,
    minify: true,
    format: "iife",
    globalName: "ChronicleTelemetry",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild produced no bundle for the telemetry SDK");
  return output.text;
}
