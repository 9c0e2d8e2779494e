/** Small statistics helpers shared by the benches. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Runs `workers` loops of `step` until `seconds` have passed; returns items per second. */
export async function closedLoop(seconds: number, workers: number, step: (worker: number, iteration: number) => Promise<number>): Promise<number> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let items = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let iteration = 0; performance.now() < deadline; iteration += 1) {
        // Not `items += await step()`: that reads `items` before the await and loses the other workers' counts.
        const done = await step(worker, iteration);
        items += done;
      }
    }),
  );
  return items / ((performance.now() - started) / 1000);
}
