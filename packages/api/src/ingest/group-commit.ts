import type { Database } from "@chronicle/db";
import type { PreparedBatch } from "./prepare-batch.ts";
import { LogRaceError, writeGroup, type BatchResults } from "./write-group.ts";

export interface GroupCommitOptions {
  /** How long a lone request waits for company before its group is written (0: the next turn of the event loop). */
  waitMs: number;
  /** A group is written as soon as it holds this many events; one bigger request forms a group alone. */
  maxEvents: number;
  /** Events queued beyond this make new requests wait for room: memory stays bounded under overload. */
  maxQueuedEvents: number;
}

interface Job {
  batch: PreparedBatch;
  size: number;
  resolve(results: BatchResults): void;
  reject(error: unknown): void;
}

const maxRaceRetries = 3;

/** Groups and requests committed by this process: their ratio is the mean group size (bench:ingest prints it). */
export const groupCommitTally = { groups: 0, requests: 0 };

/**
 * Group commit: concurrent requests of this process join one transaction, so the fixed cost of
 * a write (round trips, the log-position lock, the WAL flush at COMMIT) is paid once per group
 * instead of once per request. Groups are written one at a time: while one is being written the
 * next gathers, so the group size follows the load and a lone request is written at once.
 * Every request of a group is answered only after COMMIT; if the group fails, all of them fail
 * and nothing of the group is stored.
 */
export class GroupCommitter {
  private readonly queue: Job[] = [];
  private queuedEvents = 0;
  private isWriting = false;
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private readonly roomWaiters: (() => void)[] = [];

  constructor(
    private readonly db: Database,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Resolves with the request's results once its group has committed. */
  async submit(batch: PreparedBatch): Promise<BatchResults> {
    const size = Math.max(1, batch.candidates.length);
    while (this.queuedEvents > 0 && this.queuedEvents + size > this.options.maxQueuedEvents) {
      await new Promise<void>((room) => this.roomWaiters.push(room));
    }
    return new Promise<BatchResults>((resolve, reject) => {
      this.queue.push({ batch, size, resolve, reject });
      this.queuedEvents += size;
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.isWriting || this.queue.length === 0) return;
    if (this.queuedEvents >= this.options.maxEvents) {
      if (this.timer) this.clearTimer();
      void this.writeNextGroup();
    } else if (!this.timer) {
      this.timer = this.options.waitMs > 0 ? setTimeout(() => this.fire(), this.options.waitMs) : setImmediate(() => this.fire());
    }
  }

  private fire(): void {
    this.timer = null;
    if (!this.isWriting) void this.writeNextGroup();
  }

  private clearTimer(): void {
    const timer = this.timer!;
    this.timer = null;
    clearTimeout(timer as NodeJS.Timeout);
    clearImmediate(timer as NodeJS.Immediate);
  }

  private takeGroup(): Job[] {
    const group: Job[] = [];
    let events = 0;
    while (this.queue.length > 0 && (group.length === 0 || events + this.queue[0]!.size <= this.options.maxEvents)) {
      const job = this.queue.shift()!;
      events += job.size;
      group.push(job);
    }
    this.queuedEvents -= events;
    for (const room of this.roomWaiters.splice(0)) room();
    return group;
  }

  private async writeNextGroup(): Promise<void> {
    this.isWriting = true;
    const group = this.takeGroup();
    try {
      const batches = group.map((job) => job.batch);
      let results: BatchResults[] | undefined;
      for (let attempt = 1; !results; attempt += 1) {
        try {
          results = await this.db.transaction((tx) => writeGroup(tx, batches));
        } catch (error) {
          if (!(error instanceof LogRaceError) || attempt >= maxRaceRetries) throw error;
        }
      }
      groupCommitTally.groups += 1;
      groupCommitTally.requests += group.length;
      group.forEach((job, i) => job.resolve(results[i]!));
    } catch (error) {
      for (const job of group) job.reject(error);
    } finally {
      this.isWriting = false;
      // What queued meanwhile has already waited for a whole write: it goes now, without lingering.
      if (this.queue.length > 0) {
        if (this.timer) this.clearTimer();
        void this.writeNextGroup();
      }
    }
  }
}

const committers = new WeakMap<Database, GroupCommitter>();

/** The process's group committer for this database (one per database handle). */
export function groupCommitterFor(db: Database, options: GroupCommitOptions): GroupCommitter {
  let committer = committers.get(db);
  if (!committer) {
    committer = new GroupCommitter(db, options);
    committers.set(db, committer);
  }
  return committer;
}
