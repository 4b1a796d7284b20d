// Bounded concurrency for work over many files. `Promise.all` over 50,000
// `files.read` calls opens every file at once and runs into the process's
// open-file limit (EMFILE): the reads fail and the files are silently
// missing from the audit. Checks that visit every file go through this.

/** Maps `items` with at most `limit` calls of `fn` in flight; results keep the input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** How many files a check reads at once: well under common open-file limits even with every check running. */
export const READ_CONCURRENCY = 32;

/**
 * Files in flight for a scan that runs in worker threads (ParsedFiles.scan with
 * a pool): the loop reads on while the workers scan. Reads stay bounded by the
 * FileSet, and texts sent ahead of the workers by the pool.
 */
export const POOLED_CONCURRENCY = 256;

/**
 * Lets timers run during work that many concurrent async workers do without
 * ever waiting on I/O (synchronous reads, cached texts): such work resolves
 * in microtasks, and a timer (a check's or the audit's deadline) fires only
 * once every worker has gone through the macrotask queue. Pausing one worker
 * is not enough: the others run on. So once `everyMs` has passed, every caller
 * awaits the same pause until a macrotask turn has gone by.
 */
export class Breather {
  private last = performance.now();
  private pause: Promise<void> | undefined;

  constructor(private readonly everyMs: number) {}

  /** Undefined while there is time left; otherwise the pause to await. */
  due(): Promise<void> | undefined {
    if (this.pause) return this.pause;
    if (performance.now() - this.last < this.everyMs) return undefined;
    this.pause = new Promise((resolve) =>
      setImmediate(() => {
        this.pause = undefined;
        this.last = performance.now();
        resolve();
      }),
    );
    return this.pause;
  }
}
