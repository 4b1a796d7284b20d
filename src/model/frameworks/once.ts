/** A fact computed on first use and shared afterwards: most repositories have no application of a given framework to read. */
export function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= compute());
}

/** A memo per key: each key's value is computed on its first call, once. */
export function oncePerKey<T>(compute: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const values = new Map<string, Promise<T>>();
  return (key) => {
    let value = values.get(key);
    if (!value) values.set(key, (value = compute(key)));
    return value;
  };
}
