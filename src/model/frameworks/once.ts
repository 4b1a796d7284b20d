/** A fact computed on first use and shared afterwards: most repositories have no application of a given framework to read. */
export function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= compute());
}
