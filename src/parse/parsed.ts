// Parsed forms of repository files, computed once per audit and shared by
// every check that reads the same file (compose files are read by nine checks).

import type { FileSet } from '../repo/fileset.js';
import { parseYaml, type YamlFile } from './yaml.js';
import { parseDockerfileWithIncludes, type Dockerfile } from './dockerfile.js';
import type { ScanPool, ScanResults, Scanner } from '../repo/scan-pool.js';
import { POOLED_CONCURRENCY, READ_CONCURRENCY } from '../repo/limit.js';

export class ParsedFiles {
  private readonly cache = new Map<string, Promise<unknown>>();
  /** Results of the pool's scanners, by path: every registered scanner that wants the file. */
  private readonly scans = new Map<string, { names: Set<string>; results: Promise<ScanResults | undefined> }>();

  constructor(
    private readonly files: FileSet,
    /** Worker threads for pure scanners over many files (large repositories only). */
    private readonly pool?: ScanPool,
  ) {}

  /** The YAML documents of `path` with positions; undefined for unreadable/binary files. */
  yaml(path: string): Promise<YamlFile | undefined> {
    return this.memo('yaml', path, (text) => parseYaml(text));
  }

  /**
   * A Dockerfile, parsed once per audit, with the files a dockerfile-x
   * `INCLUDE` names inlined (parse/dockerfile.ts).
   */
  dockerfile(path: string): Promise<Dockerfile | undefined> {
    const read = (p: string): Promise<string | undefined> => (this.files.has(p) ? this.files.read(p) : Promise.resolve(undefined));
    return this.memo('dockerfile', path, (text) => parseDockerfileWithIncludes(text, path, read));
  }

  /**
   * Any other parse of a file, memoised under `kind` (e.g. `dockerfile`,
   * `dotenv`, `python-ast`). `parse` depends on the text and, at most, on other
   * files of the repository (a Dockerfile's INCLUDEs); it may be async.
   */
  memo<T>(kind: string, path: string, parse: (text: string, path: string) => T | Promise<T>): Promise<T | undefined> {
    const key = `${kind}\u0000${path}`;
    let pending = this.cache.get(key) as Promise<T | undefined> | undefined;
    if (!pending) {
      pending = this.files.read(path).then((text) => (text === undefined ? undefined : parse(text, path)));
      this.cache.set(key, pending);
    }
    return pending;
  }

  /**
   * Files a check should have in flight when it asks `scan()` for many: with
   * worker threads it reads on while they scan; without, the usual bound.
   */
  get scanConcurrency(): number {
    return this.pool ? POOLED_CONCURRENCY : READ_CONCURRENCY;
  }

  /**
   * `scanner` over `path`, memoised like `memo`. With a pool, the file goes to
   * a worker thread once (read there, unless this thread holds its text
   * already), and every registered scanner that wants it runs on it there.
   */
  scan<T>(scanner: Scanner<T>, path: string): Promise<T | undefined> {
    const entry = this.entryFor(scanner, path);
    // Without a pool, or for a scanner the pool does not run on this file: here, as any parse.
    if (!entry?.names.has(scanner.name)) return this.memo(scanner.name, path, scanner.run);
    const result = entry.results.then((results) => results?.[scanner.name] as T | undefined);
    // Its caller may be a check already stopped by its deadline: a pool closed at the audit's end must not leave an unhandled rejection.
    result.catch(() => undefined);
    return result;
  }

  /**
   * Starts `scanner` over every file it wants, in file order, without waiting:
   * for a check that asks for all of them, so the workers start on them while
   * this thread still builds the repository model. Nothing without a pool.
   */
  warm(scanner: Scanner<unknown>): void {
    if (!this.pool) return;
    for (const file of this.files.files) if (scanner.wants(file.path)) this.entryFor(scanner, file.path);
  }

  /** The pool's pass over `path` (started on the first ask), or undefined when the pool does not run `scanner` on it. */
  private entryFor(scanner: Scanner<unknown>, path: string): { names: Set<string>; results: Promise<ScanResults | undefined> } | undefined {
    const pool = this.pool;
    let entry = this.scans.get(path);
    if (!entry && pool?.handles(scanner, path)) {
      entry = this.send(pool, path, pool.scanners.filter((s) => s.wants(path)));
      this.scans.set(path, entry);
    }
    return entry;
  }

  private send(pool: ScanPool, path: string, scanners: Array<Scanner<unknown>>): { names: Set<string>; results: Promise<ScanResults | undefined> } {
    const results = (async () => {
      await pool.room();
      return pool.scanAll(path, scanners);
    })();
    // A check stopped by its deadline no longer awaits its scans; the pool, closed at the audit's end, rejects them.
    results.catch(() => undefined);
    return { names: new Set(scanners.map((s) => s.name)), results };
  }
}
