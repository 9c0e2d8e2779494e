import { pino, stdSerializers, type Logger as PinoLogger } from "pino";

/** Structured JSON lines on stderr: what happened, plus the context needed to act on it. */
export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/**
 * The process's pino logger: one JSON line per record on stderr (stdout stays for command
 * output), with the level as a word and an ISO time, so log shippers need no pino-specific parsing.
 * CHRONICLE_LOG_LEVEL (debug, info, warn, error) picks how much is written; the HTTP server applies it.
 */
export const pinoLogger: PinoLogger = pino(
  {
    level: "info",
    base: undefined,
    messageKey: "message",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // An Error in a context is written with its name, message and cause, never as "{}".
    serializers: { error: stdSerializers.err, err: stdSerializers.err },
  },
  // Synchronous: a line written just before process.exit must not be lost.
  pino.destination({ fd: 2, sync: true }),
);

function forward(level: "info" | "warn" | "error") {
  return (message: string, context: Record<string, unknown> = {}) => pinoLogger[level](context, message);
}

export const consoleLogger: Logger = { info: forward("info"), warn: forward("warn"), error: forward("error") };

/** Keeps log lines in memory so tests can assert that a failure was logged with its context. */
export function createMemoryLogger(): Logger & { lines: { level: string; message: string; context: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; context: Record<string, unknown> }[] = [];
  const push = (level: string) => (message: string, context: Record<string, unknown> = {}) => lines.push({ level, message, context });
  return { lines, info: push("info"), warn: push("warn"), error: push("error") };
}
