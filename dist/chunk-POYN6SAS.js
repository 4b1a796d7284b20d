import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);

// src/repo/scan-pool.ts
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var MIN_REPOSITORY_BYTES = 8 * 1024 * 1024;
var MAX_WORKERS = 2;
var BATCH_BYTES = 256 * 1024;
var BATCH_ITEMS = 64;
var MAX_OUTSTANDING_BYTES = 32 * 1024 * 1024;
var ITEM_OVERHEAD_BYTES = 2 * 1024;
var IN_FLIGHT_PER_WORKER = 8;
var IDLE_LOOK_MS = 2;
var IDLE_UTILIZATION = 0.5;
var STEAL_MS = 20;
function createScanPool(files, scanners, options = {}) {
  const workers = options.workers ?? Math.min(MAX_WORKERS, usableCpus() - 1);
  if (workers < 1) return void 0;
  let bytes = 0;
  for (const f of files.files) bytes += f.size;
  if (options.workers === void 0 && bytes < MIN_REPOSITORY_BYTES) return void 0;
  const url = options.workerUrl ?? new URL("./scan-worker.js", import.meta.url);
  if (url.protocol !== "file:" || !existsSync(fileURLToPath(url))) return void 0;
  return new ScanPool(url, workers, scanners, files);
}
function usableCpus(read = (path) => readFileSync(path, "utf8")) {
  const quota = cgroupCpuQuota(read);
  const cpus = availableParallelism();
  return quota === void 0 ? cpus : Math.max(1, Math.min(cpus, Math.floor(quota)));
}
function cgroupCpuQuota(read) {
  try {
    const [max, period] = read("/sys/fs/cgroup/cpu.max").trim().split(/\s+/);
    return max === "max" ? void 0 : ratio(Number(max), Number(period));
  } catch {
  }
  try {
    return ratio(Number(read("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")), Number(read("/sys/fs/cgroup/cpu/cpu.cfs_period_us")));
  } catch {
    return void 0;
  }
}
function ratio(quota, period) {
  return quota > 0 && period > 0 ? quota / period : void 0;
}
var ScanPool = class {
  constructor(workerUrl, size, scanners, files) {
    this.workerUrl = workerUrl;
    this.size = size;
    this.scanners = scanners;
    this.files = files;
  }
  workerUrl;
  size;
  scanners;
  files;
  slots = [];
  queue = [];
  queuedBytes = 0;
  ready = [];
  flushScheduled = false;
  stealScheduled = false;
  outstandingBytes = 0;
  nextId = 0;
  /** Workers started (or tried: one that failed to start is not tried again). */
  started = 0;
  closed = false;
  waiting = [];
  /** Batches scanned on this thread and sent to workers (for tests and the bench). */
  stats = { here: 0, workers: 0 };
  /** Milliseconds the workers spent reading and scanning so far. */
  get workerBusyMs() {
    return this.slots.reduce((n, s) => n + s.busyMs, 0);
  }
  /** Whether `scanner` runs in the pool for `path`: registered (the worker knows it), wanting it, and a file of the set (the walker's own rules for the others). */
  handles(scanner, path) {
    return this.scanners.includes(scanner) && scanner.wants(path) && this.files.has(path);
  }
  /** Resolves once the work handed over and not yet done is under the bound: await it before handing more. */
  room() {
    if (this.outstandingBytes < MAX_OUTSTANDING_BYTES || this.closed) return void 0;
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  /**
   * `scanners` over the text of `path`, in a worker or on this thread.
   * Undefined for a file that is binary or cannot be read, recorded in the file
   * set's `skipped` as its own read would.
   */
  scanAll(path, scanners) {
    const text = this.files.kept(path);
    const bytes = (text?.length ?? this.files.get(path)?.size ?? 0) + ITEM_OVERHEAD_BYTES;
    return new Promise((resolve, reject) => {
      const item = { scanners, path, ...text !== void 0 ? { text } : {}, bytes, resolve, reject };
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
  async close() {
    if (this.closed) return;
    this.closed = true;
    const stopped = new Error("the audit ended before this scan did");
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
    await Promise.all(this.slots.map((s) => s.worker.terminate().catch(() => void 0)));
  }
  flush() {
    if (!this.queue.length) return;
    this.ready.push({ items: this.queue, bytes: this.queuedBytes });
    this.queue = [];
    this.queuedBytes = 0;
    this.pump();
  }
  /** Hands ready batches to workers with room, and schedules this thread's share of the rest. */
  pump() {
    while (this.ready.length && !this.closed) {
      const slot = this.pickSlot();
      if (!slot) break;
      const batch = this.ready.shift();
      const id = this.nextId++;
      slot.sent.set(id, batch);
      this.stats.workers++;
      slot.worker.postMessage({ id, items: batch.items.map((i) => ({ scanners: i.scanners.map((s) => s.name), path: i.path, text: i.text })) });
    }
    if (!this.ready.length || this.closed) return;
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
  async stealIfIdle(since) {
    if (performance.eventLoopUtilization(since).utilization < IDLE_UTILIZATION) {
      const until = performance.now() + STEAL_MS;
      while (this.ready.length && !this.closed && performance.now() < until) {
        this.stats.here++;
        await this.runHere(this.ready.shift());
      }
    }
    this.stealScheduled = false;
    this.pump();
  }
  /** A live worker with room for a batch, starting one while under the pool's size. */
  pickSlot() {
    const live = this.slots.filter((s) => s.alive && s.sent.size < IN_FLIGHT_PER_WORKER);
    const idle = live.find((s) => s.sent.size === 0);
    if (idle) return idle;
    if (this.started < this.size) {
      this.started++;
      return this.start() ?? live[0];
    }
    return live[0];
  }
  start() {
    let worker;
    try {
      worker = new Worker(this.workerUrl, {
        workerData: { root: this.files.root },
        execArgv: process.execArgv.filter((a) => !a.startsWith("--input-type"))
      });
    } catch {
      return void 0;
    }
    worker.unref();
    const slot = { worker, sent: /* @__PURE__ */ new Map(), alive: true, busyMs: 0 };
    worker.on("message", (message) => {
      if (message.busyMs !== void 0) slot.busyMs = message.busyMs;
      const batch = slot.sent.get(message.id);
      if (!batch) return;
      slot.sent.delete(message.id);
      if (message.answers && message.answers.length === batch.items.length) {
        const again = [];
        batch.items.forEach((item, i) => {
          const answer = message.answers[i];
          if ("results" in answer) item.resolve(answer.results);
          else if ("unread" in answer) {
            this.files.noteUnread(item.path, answer.unread);
            item.resolve(void 0);
          } else again.push(item);
        });
        if (again.length) void this.runHere({ items: again, bytes: 0 });
        this.release(batch.bytes);
      } else {
        void this.runHere(batch);
      }
      this.pump();
    });
    const down = () => this.fail(slot);
    worker.on("error", down);
    worker.on("exit", down);
    this.slots.push(slot);
    return slot;
  }
  /** A worker that died or was stopped: what it had not answered is scanned here. */
  fail(slot) {
    slot.alive = false;
    const batches = [...slot.sent.values()];
    slot.sent.clear();
    for (const batch of batches) void this.runHere(batch);
    this.pump();
  }
  async runHere(batch) {
    for (const item of batch.items) {
      try {
        const text = item.text ?? await this.files.readOnce(item.path);
        item.resolve(text === void 0 ? void 0 : runAll(item.scanners, item.path, text));
      } catch (err) {
        item.reject(err);
      }
    }
    this.release(batch.bytes);
  }
  release(bytes) {
    this.outstandingBytes -= bytes;
    while (this.outstandingBytes < MAX_OUTSTANDING_BYTES && this.waiting.length) this.waiting.shift()();
  }
};
function runAll(scanners, path, text) {
  const out = {};
  for (const scanner of scanners) out[scanner.name] = scanner.run(text, path);
  return out;
}

export {
  createScanPool,
  runAll
};
