/** Where progress goes: process.stderr in the CLI, a fake in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressReporter {
  /** `done` of `total` steps finished; `detail` is shown after the count ("12,345 events"). */
  update(done: number, detail?: string): void;
  finish(detail?: string): void;
}

const BAR_WIDTH = 24;
/** Without a terminal, a line per tenth of the work: enough to see it moves, few enough for a log file. */
const PLAIN_STEPS = 10;

function bar(done: number, total: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
}

/**
 * Progress for a long command: on a terminal a bar redrawn in place, otherwise (a pipe, a CI log)
 * plain lines at every tenth, so a log never fills with carriage returns.
 */
export function createProgressReporter(label: string, total: number, stream: ProgressStream): ProgressReporter {
  const isTty = stream.isTTY === true;
  let lastPlainStep = -1;
  let lastDraw = 0;
  const percent = (done: number) => (total === 0 ? 100 : Math.floor((done / total) * 100));
  return {
    update(done, detail) {
      const suffix = detail ? ` · ${detail}` : "";
      if (isTty) {
        const now = Date.now();
        // Redrawing more often than 10 times a second only costs time.
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        stream.write(`\r${label} ${bar(done, total)} ${done}/${total} (${percent(done)}%)${suffix}\u001b[K`);
        return;
      }
      const step = total === 0 ? PLAIN_STEPS : Math.floor((done / total) * PLAIN_STEPS);
      if (step === lastPlainStep) return;
      lastPlainStep = step;
      stream.write(`${label}: ${done}/${total} (${percent(done)}%)${suffix}\n`);
    },
    finish(detail) {
      const suffix = detail ? ` · ${detail}` : "";
      stream.write(isTty ? `\r${label} ${bar(total, total)} ${total}/${total} (100%)${suffix}\u001b[K\n` : `${label}: done${suffix}\n`);
    },
  };
}
