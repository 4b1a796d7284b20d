// Pure text scanners run over every source file of a repository (the secret
// rules, the env reads, the literal fallbacks, the backup commands...), and
// they were most of a large audit's CPU, all on the one thread that runs every
// check: on a 2-core runner the second core sat idle. A ScanPool runs them in
// worker threads, and the worker reads the file itself, so the main thread
// neither reads nor keeps the texts no other check asks for (a text it has
// already read is sent along instead). Each file goes to a worker once, and
// every registered scanner that wants it runs there; only their results come
// back. A worker that fails, or a file it cannot read for want of descriptors,
// falls back to this thread, so a result never depends on the pool.

import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileSet } from './fileset.js';

/** A pure function of a file's text and path, known to the worker under `name` (src/checks/scanners.ts). */
export interface Scanner<T> {
  name: string;
  /**
   * The files it may be asked for (a superset is fine). A file goes to a worker
   * once, and every scanner that wants its path runs on it there: the read and
   * the message are paid once per file, not once per check.
   */
  wants(path: string): boolean;
  run(text: string, path: string): T;
}

/** The results of every scanner that wants a file, by scanner name. */
export type ScanResults = Record<string, unknown>;

/** What a worker answers for one file. */
export type WorkerAnswer = { results: ScanResults } | { unread: string } | { retry: true };

/** Below this many bytes of files, starting a worker (about 30 ms) costs more than it saves. */
const MIN_REPOSITORY_BYTES = 8 * 1024 * 1024;
/** More workers than this gain little: the main thread's own parsing is then the bound. */
const MAX_WORKERS = 2;
/** A batch is sent once it holds this many bytes or files (fewer messages, still a steady flow). */
const BATCH_BYTES = 256 * 1024;
const BATCH_ITEMS = 64;
/** Bytes handed to the pool and not yet scanned: past this, `room()` holds callers back. */
const MAX_OUTSTANDING_BYTES = 32 * 1024 * 1024;
/**
 * What one file costs while it waits, besides its text: its path, promise,
 * callbacks and results. Counted with the text so that a tree of 100,000 tiny
 * files is held back like a tree of large ones (at most 16,000 waiting), not
 * queued whole while the workers are slow.
 */
const ITEM_OVERHEAD_BYTES = 2 * 1024;
/**
 * Batches a worker holds at once (about 8 MiB): enough that it never waits
 * while this thread is busy for a while, few enough that the rest stay here
 * for this thread to take when it has nothing else to do.
 */
const IN_FLIGHT_PER_WORKER = 8;
/** How often this thread looks whether it is idle while batches wait, and below which event-loop utilisation it is. */
const IDLE_LOOK_MS = 2;
const IDLE_UTILIZATION = 0.5;
/** How long this thread scans, once idle, before it looks again whether other checks need it. */
const STEAL_MS = 20;

interface Item {
  scanners: ReadonlyArray<Scanner<unknown>>;
  path: string;
  /** The text, when this thread already holds it; otherwise the worker reads the file. */
  text?: string;
  bytes: number;
  resolve(value: ScanResults | undefined): void;
  reject(reason: unknown): void;
}

interface Batch {
  items: Item[];
  bytes: number;
}

interface Slot {
  worker: Worker;
  /** Batches sent to this worker and not answered, by id. */
  sent: Map<number, Batch>;
  alive: boolean;
  /** What the worker last said it spent on batches, in all. */
  busyMs: number;
}

export interface ScanPoolOptions {
  /** The worker entry (dist/scan-worker.js beside the bundle); tests pass a freshly bundled one. */
  workerUrl?: URL;
  /** Worker threads (default: the cores but one, at most MAX_WORKERS); given, the repository's size is not asked. */
  workers?: number;
}

/**
 * A pool for an audit of `files`, or undefined when it would not pay: one core,
 * a small repository, or no worker entry beside this module (running from
 * TypeScript sources, as the unit tests do).
 */
export function createScanPool(files: FileSet, scanners: ReadonlyArray<Scanner<unknown>>, options: ScanPoolOptions = {}): ScanPool | undefined {
  const workers = options.workers ?? Math.min(MAX_WORKERS, usableCpus() - 1);
  if (workers < 1) return undefined;
  let bytes = 0;
  for (const f of files.files) bytes += f.size;
  if (options.workers === undefined && bytes < MIN_REPOSITORY_BYTES) return undefined;
  const url = options.workerUrl ?? new URL('./scan-worker.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return undefined;
  return new ScanPool(url, workers, scanners, files);
}

/**
 * The CPUs this process may use: the affinity mask (`availableParallelism`),
 * lowered to a container's CPU quota, which Node does not read (cgroup v2
 * `cpu.max`, v1 `cpu.cfs_quota_us`). A job limited to one CPU on a many-core
 * host would otherwise start a worker that only competes with the main thread.
 */
export function usableCpus(read: (path: string) => string = (path) => readFileSync(path, 'utf8')): number {
  const quota = cgroupCpuQuota(read);
  const cpus = availableParallelism();
  return quota === undefined ? cpus : Math.max(1, Math.min(cpus, Math.floor(quota)));
}

function cgroupCpuQuota(read: (path: string) => string): number | undefined {
  try {
    const [max, period] = read('/sys/fs/cgroup/cpu.max').trim().split(/\s+/);
    return max === 'max' ? undefined : ratio(Number(max), Number(period));
  } catch {
    // Not cgroup v2: try v1.
  }
  try {
    return ratio(Number(read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us')), Number(read('/sys/fs/cgroup/cpu/cpu.cfs_period_us')));
  } catch {
    return undefined;
  }
}

/** CPUs of a quota over a period; undefined when unlimited (-1) or unreadable. */
function ratio(quota: number, period: number): number | undefined {
  return quota > 0 && period > 0 ? quota / period : undefined;
}

/**
 * Work sharing: batches go to the workers, at most IN_FLIGHT_PER_WORKER each;
 * the others wait in `ready`, and this thread scans one of them whenever its
 * event loop mostly waited since it last looked (no other check had work).
 */
export class ScanPool {
  private readonly slots: Slot[] = [];
  private queue: Item[] = [];
  private queuedBytes = 0;
  private readonly ready: Batch[] = [];
  private flushScheduled = false;
  private stealScheduled = false;
  private outstandingBytes = 0;
  private nextId = 0;
  /** Workers started (or tried: one that failed to start is not tried again). */
  private started = 0;
  private closed = false;
  private readonly waiting: Array<() => void> = [];
  /** Batches scanned on this thread and sent to workers (for tests and the bench). */
  readonly stats = { here: 0, workers: 0 };

  /** Milliseconds the workers spent reading and scanning so far. */
  get workerBusyMs(): number {
    return this.slots.reduce((n, s) => n + s.busyMs, 0);
  }

  constructor(
    private readonly workerUrl: URL,
    private readonly size: number,
    /** What the worker runs (the same objects, by name): the registry of src/checks/scanners.ts. */
    readonly scanners: ReadonlyArray<Scanner<unknown>>,
    private readonly files: FileSet,
  ) {}

  /** Whether `scanner` runs in the pool for `path`: registered (the worker knows it), wanting it, and a file of the set (the walker's own rules for the others). */
  handles(scanner: Scanner<unknown>, path: string): boolean {
    return this.scanners.includes(scanner) && scanner.wants(path) && this.files.has(path);
  }

  /** Resolves once the work handed over and not yet done is under the bound: await it before handing more. */
  room(): Promise<void> | undefined {
    if (this.outstandingBytes < MAX_OUTSTANDING_BYTES || this.closed) return undefined;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /**
   * `scanners` over the text of `path`, in a worker or on this thread.
   * Undefined for a file that is binary or cannot be read, recorded in the file
   * set's `skipped` as its own read would.
   */
  scanAll(path: string, scanners: ReadonlyArray<Scanner<unknown>>): Promise<ScanResults | undefined> {
    const text = this.files.kept(path);
    const bytes = (text?.length ?? this.files.get(path)?.size ?? 0) + ITEM_OVERHEAD_BYTES;
    return new Promise<ScanResults | undefined>((resolve, reject) => {
      const item: Item = { scanners, path, ...(text !== undefined ? { text } : {}), bytes, resolve, reject };
      if (this.closed) {
        void this.runHere({ items: [item], bytes });
        return;
      }
      this.queue.push(item);
      this.queuedBytes += bytes;
      this.outstandingBytes += bytes;
      if (this.queuedBytes >= BATCH_BYTES || this.queue.length >= BATCH_ITEMS) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.flush();
        });
      }
    });
  }

  /**
   * Stops the workers (the audit is over, or out of time): scans not answered
   * yet are rejected, and later ones run on this thread.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stopped = new Error('the audit ended before this scan did');
    const batches = [{ items: this.queue.splice(0), bytes: 0 }, ...this.ready.splice(0)];
    for (const slot of this.slots) {
      slot.alive = false;
      batches.push(...slot.sent.values());
      slot.sent.clear();
    }
    for (const batch of batches) for (const item of batch.items) item.reject(stopped);
    this.queuedBytes = 0;
    this.outstandingBytes = 0;
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.all(this.slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }

  private flush(): void {
    if (!this.queue.length) return;
    this.ready.push({ items: this.queue, bytes: this.queuedBytes });
    this.queue = [];
    this.queuedBytes = 0;
    this.pump();
  }

  /** Hands ready batches to workers with room, and schedules this thread's share of the rest. */
  private pump(): void {
    while (this.ready.length && !this.closed) {
      const slot = this.pickSlot();
      if (!slot) break;
      const batch = this.ready.shift()!;
      const id = this.nextId++;
      slot.sent.set(id, batch);
      this.stats.workers++;
      slot.worker.postMessage({ id, items: batch.items.map((i) => ({ scanners: i.scanners.map((s) => s.name), path: i.path, text: i.text })) });
    }
    if (!this.ready.length || this.closed) return;
    // No worker left (none could start, or every one died): everything is scanned here, at once.
    if (this.started >= this.size && !this.slots.some((s) => s.alive)) {
      for (const batch of this.ready.splice(0)) {
        this.stats.here++;
        void this.runHere(batch);
      }
      return;
    }
    if (!this.stealScheduled) {
      this.stealScheduled = true;
      const since = performance.eventLoopUtilization();
      setTimeout(() => void this.stealIfIdle(since), IDLE_LOOK_MS);
    }
  }

  /**
   * When this thread mostly waited since `since` (no other check had work for
   * it), it scans ready batches itself for up to STEAL_MS, then looks again:
   * the window of the next look starts after this work, so it measures the
   * other checks' demand, not this.
   */
  private async stealIfIdle(since: ReturnType<typeof performance.eventLoopUtilization>): Promise<void> {
    if (performance.eventLoopUtilization(since).utilization < IDLE_UTILIZATION) {
      const until = performance.now() + STEAL_MS;
      while (this.ready.length && !this.closed && performance.now() < until) {
        this.stats.here++;
        await this.runHere(this.ready.shift()!);
      }
    }
    this.stealScheduled = false;
    this.pump();
  }

  /** A live worker with room for a batch, starting one while under the pool's size. */
  private pickSlot(): Slot | undefined {
    const live = this.slots.filter((s) => s.alive && s.sent.size < IN_FLIGHT_PER_WORKER);
    const idle = live.find((s) => s.sent.size === 0);
    if (idle) return idle;
    if (this.started < this.size) {
      this.started++;
      return this.start() ?? live[0];
    }
    return live[0];
  }

  private start(): Slot | undefined {
    let worker: Worker;
    try {
      // A worker inherits the process's node flags; `--input-type` (node --input-type=module -e ...) makes it refuse its own file.
      worker = new Worker(this.workerUrl, {
        workerData: { root: this.files.root },
        execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')),
      });
    } catch {
      return undefined;
    }
    // The audit never waits on an idle worker to exit.
    worker.unref();
    const slot: Slot = { worker, sent: new Map(), alive: true, busyMs: 0 };
    worker.on('message', (message: { id: number; answers?: WorkerAnswer[]; error?: string; busyMs?: number }) => {
      if (message.busyMs !== undefined) slot.busyMs = message.busyMs;
      const batch = slot.sent.get(message.id);
      if (!batch) return;
      slot.sent.delete(message.id);
      if (message.answers && message.answers.length === batch.items.length) {
        const again: Item[] = [];
        batch.items.forEach((item, i) => {
          const answer = message.answers![i]!;
          if ('results' in answer) item.resolve(answer.results);
          else if ('unread' in answer) {
            this.files.noteUnread(item.path, answer.unread);
            item.resolve(undefined);
          } else again.push(item);
        });
        // Out of descriptors there: read and scanned here, through the file set (which waits and retries).
        if (again.length) void this.runHere({ items: again, bytes: 0 });
        this.release(batch.bytes);
      } else {
        // A scanner threw in the worker: run the batch here, where its exception reaches the check as it would without a pool.
        void this.runHere(batch);
      }
      this.pump();
    });
    const down = (): void => this.fail(slot);
    worker.on('error', down);
    worker.on('exit', down);
    this.slots.push(slot);
    return slot;
  }

  /** A worker that died or was stopped: what it had not answered is scanned here. */
  private fail(slot: Slot): void {
    slot.alive = false;
    const batches = [...slot.sent.values()];
    slot.sent.clear();
    for (const batch of batches) void this.runHere(batch);
    this.pump();
  }

  private async runHere(batch: Batch): Promise<void> {
    for (const item of batch.items) {
      try {
        const text = item.text ?? (await this.files.readOnce(item.path));
        item.resolve(text === undefined ? undefined : runAll(item.scanners, item.path, text));
      } catch (err) {
        item.reject(err);
      }
    }
    this.release(batch.bytes);
  }

  private release(bytes: number): void {
    this.outstandingBytes -= bytes;
    while (this.outstandingBytes < MAX_OUTSTANDING_BYTES && this.waiting.length) this.waiting.shift()!();
  }
}

/** The results of `scanners` over one text: what a worker computes, and the fallback here. */
export function runAll(scanners: ReadonlyArray<Scanner<unknown>>, path: string, text: string): ScanResults {
  const out: ScanResults = {};
  for (const scanner of scanners) out[scanner.name] = scanner.run(text, path);
  return out;
}
