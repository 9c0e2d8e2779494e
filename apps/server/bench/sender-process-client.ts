import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { SenderCommand, SenderReply } from "./sender-process.ts";

/** The parent's side of sender-process.ts: one command at a time, answered in order. */
export interface SenderProcess {
  send(command: SenderCommand): Promise<SenderReply>;
  close(): Promise<void>;
}

/** Forks sender-process.ts with this process's loader flags (tsx), so it runs TypeScript as the parent does. */
export function startSenderProcess(): SenderProcess {
  const child: ChildProcess = fork(fileURLToPath(new URL("./sender-process.ts", import.meta.url)), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const waiting = new Map<number, { resolve(reply: SenderReply): void; reject(error: Error): void }>();
  let nextId = 0;
  child.on("message", (reply: SenderReply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.error) pending?.reject(new Error(`sender process: ${reply.error}`));
    else pending?.resolve(reply);
  });
  child.on("exit", (code) => {
    for (const pending of waiting.values()) pending.reject(new Error(`the sender process exited (${code}) before it answered`));
    waiting.clear();
  });
  return {
    send(command) {
      const id = nextId++;
      return new Promise<SenderReply>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ id, command });
      });
    },
    async close() {
      const exited = new Promise<void>((done) => child.once("exit", () => done()));
      child.send({ id: nextId++, command: { kind: "exit" } });
      await exited;
    },
  };
}
