import { describe, expect, it } from "vitest";
import { simulateCommand } from "./simulate-command.ts";
import { loadEnv } from "@chronicle/api/env.ts";
import { parseSimulateOptions } from "@chronicle/simulator/simulate-options.ts";

describe("chronicle simulate options", () => {
  it("reads the command line's strings and fills the defaults", () => {
    expect(parseSimulateOptions({ learners: "5", days: "3" })).toEqual({
      learners: 5,
      days: 3,
      url: "http://127.0.0.1:3000",
      seed: 1,
      badRate: 0.02,
      concurrency: 4,
    });
    expect(parseSimulateOptions({ learners: "2", days: "1", url: "http://localhost:4000/", "bad-rate": "0", seed: "9", concurrency: "8" })).toMatchObject({
      url: "http://localhost:4000",
      badRate: 0,
      seed: 9,
      concurrency: 8,
    });
  });

  it.each([
    [{ days: "3" }, "--learners must be a whole number from 1 to 10000."],
    [{ learners: "0", days: "3" }, "--learners must be a whole number from 1 to 10000."],
    [{ learners: "2.5", days: "3" }, "--learners must be a whole number from 1 to 10000."],
    [{ learners: "2", days: "many" }, "--days must be a whole number from 1 to 365."],
    [{ learners: "2", days: "1", url: "ftp://example.com" }, "--url must be an http:// or https:// URL such as http://127.0.0.1:3000."],
    [{ learners: "2", days: "1", "bad-rate": "2" }, "--bad-rate must be a fraction from 0 to 0.5, such as 0.02."],
    [{ learners: "2", days: "1", concurrency: "0" }, "--concurrency must be a whole number from 1 to 64."],
  ])("refuses %j in one sentence", (values, message) => {
    expect(() => parseSimulateOptions(values)).toThrow(message);
  });

  it("refuses to run in production and says so when no server answers", async () => {
    await expect(simulateCommand(loadEnv({ NODE_ENV: "production", CHRONICLE_JWT_SECRET: "x".repeat(32) }), { learners: "1", days: "1" })).rejects.toThrow(
      "`chronicle simulate` signs development tokens and refuses to run with NODE_ENV=production.",
    );
    await expect(simulateCommand(loadEnv({ NODE_ENV: "test" }), { learners: "1", days: "1", url: "http://127.0.0.1:9" })).rejects.toThrow(
      "No Chronicle server answers at http://127.0.0.1:9; start one with `chronicle serve` or pass --url.",
    );
  });
});
