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
