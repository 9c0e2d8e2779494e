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

/** Offers `rate` items/s as steps of `batchSize` on a fixed schedule for `seconds`, whether or not earlier ones were answered; records each step's latency (ms). */
export async function openLoop(
  rate: number,
  seconds: number,
  steps: readonly (() => Promise<number>)[],
  batchSize: number,
): Promise<{ latencies: number[]; achieved: number }> {
  const interval = (batchSize / rate) * 1000;
  const started = performance.now();
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  for (let tick = 0; tick * interval < seconds * 1000; tick += 1) {
    const wait = started + tick * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t0 = performance.now();
    inFlight.push(
      steps[tick % steps.length]!().then((n) => {
        latencies.push(performance.now() - t0);
        sent += n;
      }),
    );
  }
  await Promise.all(inFlight);
  return { latencies, achieved: sent / ((performance.now() - started) / 1000) };
}
