// Parsed forms of repository files, computed once per audit and shared by
// every check that reads the same file (compose files are read by nine checks).

import type { FileSet } from './fileset.js';
import { parseYaml, type YamlFile } from '../parse/yaml.js';

export class ParsedFiles {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly files: FileSet) {}

  /** The YAML documents of `path` with positions; undefined for unreadable/binary files. */
  yaml(path: string): Promise<YamlFile | undefined> {
    return this.memo('yaml', path, (text) => parseYaml(text));
  }

  /**
   * Any other parse of a file, memoised under `kind` (e.g. `dockerfile`,
   * `dotenv`, `python-ast`). `parse` must be pure.
   */
  memo<T>(kind: string, path: string, parse: (text: string, path: string) => T): Promise<T | undefined> {
    const key = `${kind}\u0000${path}`;
    let pending = this.cache.get(key) as Promise<T | undefined> | undefined;
    if (!pending) {
      pending = this.files.read(path).then((text) => (text === undefined ? undefined : parse(text, path)));
      this.cache.set(key, pending);
    }
    return pending;
  }
}
