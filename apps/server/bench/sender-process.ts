/**
 * bench:ingest's senders in a process of their own (BENCH_SENDERS=process, the default), so
 * building, sending and checking the batches does not share the server's event loop: the figure
 * is the server's, as it would be with its clients elsewhere. The parent plans the learners and
 * game servers (sessions, tokens), then drives this process over the IPC channel: "setup",
 * then "closed" (a closed loop for some seconds: events/s) and "open" (an open loop at a rate:
 * latencies), and "exit".
 */
import { closedLoop, openLoop } from "./bench-stats.ts";
import { gameServerSenders, learnerSenders, postTo, unavailable, type LearnerPlan, type Sender } from "./chronicle-senders.ts";

export type SenderPath = "telemetry" | "games";

export type SenderCommand =
  | { kind: "setup"; url: string; learners: LearnerPlan[]; learnerBatch: number; gameTokens: string[]; gameBatch: number }
  | { kind: "closed"; path: SenderPath; seconds: number }
  | { kind: "open"; path: SenderPath; rate: number; seconds: number }
  | { kind: "exit" };

export interface SenderReply {
  id: number;
  error?: string;
  rate?: number;
  latencies?: number[];
  achieved?: number;
  /** 503s and dropped connections retried so far. */
  unavailable: number;
}

const senders = new Map<SenderPath, { steps: Sender[]; batchSize: number }>();

async function handle(command: SenderCommand): Promise<Omit<SenderReply, "id" | "unavailable">> {
  switch (command.kind) {
    case "setup": {
      const post = postTo(command.url);
      senders.set("telemetry", { steps: learnerSenders(post, command.learners, command.learnerBatch), batchSize: command.learnerBatch });
      senders.set("games", { steps: gameServerSenders(post, command.gameTokens, command.gameBatch), batchSize: command.gameBatch });
      return {};
    }
    case "closed": {
      const { steps } = senders.get(command.path)!;
      return { rate: await closedLoop(command.seconds, steps.length, (worker) => steps[worker]!()) };
    }
    case "open": {
      const { steps, batchSize } = senders.get(command.path)!;
      return openLoop(command.rate, command.seconds, steps, batchSize);
    }
    case "exit":
      setImmediate(() => process.exit(0));
      return {};
  }
}

process.on("message", (message: { id: number; command: SenderCommand }) => {
  handle(message.command).then(
    (reply) => process.send!({ id: message.id, unavailable: unavailable.count, ...reply } satisfies SenderReply),
    (error: Error) => process.send!({ id: message.id, unavailable: unavailable.count, error: error.message } satisfies SenderReply),
  );
});
