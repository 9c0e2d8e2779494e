/** Structured JSON lines on stderr: what happened, plus the context needed to act on it. */
export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

function write(level: string, message: string, context: Record<string, unknown> = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...context }, (_key, value) =>
    value instanceof Error ? { name: value.name, message: value.message, cause: value.cause instanceof Error ? value.cause.message : undefined } : value,
  );
  process.stderr.write(`${line}\n`);
}

export const consoleLogger: Logger = {
  info: (message, context) => write("info", message, context),
  warn: (message, context) => write("warn", message, context),
  error: (message, context) => write("error", message, context),
};

/** Keeps log lines in memory so tests can assert that a failure was logged with its context. */
export function createMemoryLogger(): Logger & { lines: { level: string; message: string; context: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; context: Record<string, unknown> }[] = [];
  const push = (level: string) => (message: string, context: Record<string, unknown> = {}) => lines.push({ level, message, context });
  return { lines, info: push("info"), warn: push("warn"), error: push("error") };
}
