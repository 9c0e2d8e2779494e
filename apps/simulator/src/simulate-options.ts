import { z } from "zod";

const wholeNumber = (flag: string, min: number, max: number) => {
  const error = `${flag} must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const simulateOptionsSchema = z.object({
  learners: wholeNumber("--learners", 1, 10_000),
  days: wholeNumber("--days", 1, 365),
  url: z
    .url({ protocol: /^https?$/, error: "--url must be an http:// or https:// URL such as http://127.0.0.1:3000" })
    .default("http://127.0.0.1:3000"),
  seed: wholeNumber("--seed", 0, 2 ** 31 - 1).default(1),
  "bad-rate": z.coerce
    .number({ error: "--bad-rate must be a fraction from 0 to 0.5, such as 0.02" })
    .min(0, { error: "--bad-rate must be a fraction from 0 to 0.5, such as 0.02" })
    .max(0.5, { error: "--bad-rate must be a fraction from 0 to 0.5, such as 0.02" })
    .default(0.02),
  concurrency: wholeNumber("--concurrency", 1, 64).default(4),
});

export interface SimulateOptions {
  learners: number;
  days: number;
  url: string;
  seed: number;
  badRate: number;
  concurrency: number;
}

/** Validates the command's flags (strings from the command line, or numbers from code); the error is one sentence. */
export function parseSimulateOptions(values: Record<string, unknown>, defaults: { port?: number } = {}): SimulateOptions {
  // Without --url, the server this environment would run: the same PORT `chronicle serve` listens on.
  if (values.url === undefined && defaults.port !== undefined) values = { ...values, url: `http://127.0.0.1:${defaults.port}` };
  const known = Object.fromEntries(Object.entries(values).filter(([key]) => key in simulateOptionsSchema.shape));
  const parsed = simulateOptionsSchema.safeParse(known);
  if (!parsed.success) throw new Error(`${parsed.error.issues[0]?.message ?? "the simulate options are invalid"}.`);
  const { "bad-rate": badRate, ...rest } = parsed.data;
  return { ...rest, url: rest.url.replace(/\/+$/, ""), badRate };
}
