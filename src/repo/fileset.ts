// The one file walker. The file set is computed once per audit and shared by
// every repository check: the tracked (and untracked, not ignored) files of a
// git work tree, otherwise a walk that honours .gitignore. Vendored and build
// directories, binary files, files over the size cap and symlinks that leave
// the repository are skipped, each with a reason.

import { execFile } from 'node:child_process';
import { lstatSync, readFileSync } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { UsageError } from '../core/errors.js';
import { Breather, mapLimited } from './limit.js';

const execFileAsync = promisify(execFile);

/** Directory names that hold dependencies or build output, never project sources. */
export const SKIPPED_DIRECTORIES = new Set([
  '.git',
  'node_modules',
  'bower_components',
  'vendor',
  'dist',
  'build',
  '.next',
  '.nuxt',
  'coverage',
  '.venv',
  'venv',
  '.tox',
  '__pycache__',
  '.mypy_cache',
  '.pytest_cache',
  'site-packages',
  '.terraform',
  'target',
  '.gradle',
  // The Action's own reports (JSON, SARIF) in the workspace.
  '.readiness',
]);

/**
 * Output folder names that also hold sources when git tracks them: a committed `build/` holds the
 * published image's Dockerfile or the packaging scripts (build output is ignored, not committed).
 */
const TRACKED_SOURCE_DIRECTORIES = new Set(['build']);

/** How long reads may go without yielding to the event loop's timers. */
const YIELD_EVERY_MS = 20;

/** Files read at once by the shared reader. */
const MAX_OPEN_FILES = 64;
/**
 * Texts kept for other readers, in characters (about bytes: source files are
 * mostly ASCII, one byte per character in V8). Every text of a 10k-file tree
 * of realistic sizes fits; at 50k files the first 128 Mi characters stay and
 * the rest are read again when a second check asks (bench: peak RSS and CPU
 * at 10k/50k in the note of issue 15).
 */
const TEXT_CACHE_CHARS = 256 * 1024 * 1024;

export interface RepoFile {
  /** Relative to the repository root, forward slashes. */
  path: string;
  size: number;
  /** Known to git (false outside a git work tree or for untracked files). */
  tracked: boolean;
}

export interface SkippedFile {
  path: string;
  reason: string;
  /**
   * Left out before any check could read it: over `repo.max-file-bytes`, or a
   * symlink leaving the repository. A check that would have read it must say so
   * (see `notRead`) instead of judging as if the file did not exist.
   */
  unread?: 'oversized' | 'symlink-out';
  tracked?: boolean;
}

export interface FileSetOptions {
  maxFileBytes: number;
  /** Globs excluded from every check. */
  ignore?: readonly string[];
  /** Stops listing (the audit's time budget): loadFileSet then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Characters of text kept for later readers (default TEXT_CACHE_CHARS). */
  textCacheChars?: number;
}

export class FileSet {
  private readonly byPath: Map<string, RepoFile>;
  private readonly contents = new Map<string, Promise<string | undefined>>();
  /** The texts kept in `contents`, once read: what `kept()` hands out without reading. */
  private readonly texts = new Map<string, string>();
  /** Characters of the texts kept in `contents`. */
  private cachedChars = 0;
  /** Left out by the walker (over the size cap, links out of the repository): never read whole, whoever asks. */
  private readonly unread: Set<string>;

  constructor(
    readonly root: string,
    readonly files: readonly RepoFile[],
    readonly skipped: SkippedFile[],
    readonly isGitRepository: boolean,
    private readonly textCacheChars = TEXT_CACHE_CHARS,
  ) {
    this.byPath = new Map(files.map((f) => [f.path, f]));
    this.unread = new Set(skipped.filter((s) => s.unread !== undefined).map((s) => s.path));
  }

  /** Files a check would have read, left out by the walker (over the size cap, symlinks out of the repository). */
  notRead(wanted: (path: string) => boolean): SkippedFile[] {
    return this.skipped.filter((s) => s.unread !== undefined && wanted(s.path));
  }

  /**
   * The first `bytes` of a file left out for its size, to tell what it is
   * (e.g. a Kubernetes Secret) without reading all of it. Undefined when unreadable.
   */
  async head(path: string, bytes: number): Promise<string | undefined> {
    if (!this.skipped.some((s) => s.path === path && s.unread === 'oversized')) return undefined;
    return (await this.readHead(path, bytes))?.toString('utf8');
  }

  get(path: string): RepoFile | undefined {
    return this.byPath.get(path);
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** Files whose path matches a glob (picomatch, `dot: true`) or whose base name matches a RegExp. */
  match(pattern: string | RegExp): RepoFile[] {
    if (typeof pattern === 'string') {
      const isMatch = picomatch(pattern, { dot: true });
      return this.files.filter((f) => isMatch(f.path));
    }
    return this.files.filter((f) => pattern.test(baseName(f.path)));
  }

  /**
   * The text of a file, read once and cached (up to TEXT_CACHE_CHARS in all; past it, read again when asked again). Undefined (and recorded in
   * `skipped`) for binary or unreadable files, and for files the walker left
   * out (see `notRead`).
   */
  read(path: string): Promise<string | undefined> {
    let pending = this.contents.get(path);
    if (!pending) {
      pending = this.unread.has(path) ? Promise.resolve(undefined) : this.readText(path);
      this.contents.set(path, pending);
      pending.then((text) => {
        if (text === undefined) return;
        // Past the budget a text is handed out and not kept: a later reader reads the file again,
        // which costs far less than holding every text of a 50k-file tree for the whole audit.
        if (this.cachedChars + text.length > this.textCacheChars) this.contents.delete(path);
        else {
          this.cachedChars += text.length;
          this.texts.set(path, text);
        }
      }, () => undefined);
    }
    // A check looping over cached texts only ever awaits settled promises,
    // which never lets timers run: the engine's per-check and audit deadlines
    // (timeouts.check-ms, timeouts.audit-ms) would fire only once every check
    // is done. Every YIELD_EVERY_MS, every read goes through the macrotask queue.
    const pause = this.breather.due();
    return pause ? pending.then((text) => pause.then(() => text)) : pending;
  }

  /**
   * The text of a file for one reader that needs it once (the scan pool's
   * batches this thread takes): the kept text when there is one, otherwise
   * read without keeping it. A binary or unreadable file is recorded once, as
   * by `read()`.
   */
  readOnce(path: string): Promise<string | undefined> {
    const kept = this.contents.get(path);
    if (kept) return kept;
    if (this.unread.has(path)) return Promise.resolve(undefined);
    const pending = this.readText(path);
    // Shared with a `read()` of the same file meanwhile; dropped once read, unless it is binary or unreadable.
    this.contents.set(path, pending);
    pending.then(
      (text) => {
        if (text !== undefined && this.contents.get(path) === pending) this.contents.delete(path);
      },
      () => undefined,
    );
    return pending;
  }

  /** The text of a file already read and kept, or undefined: never reads. */
  kept(path: string): string | undefined {
    return this.texts.get(path);
  }

  /**
   * A file another reader (a scan worker) found binary or unreadable: recorded
   * in `skipped` as `read()` would have, once, and `read()` then answers
   * undefined without trying again.
   */
  noteUnread(path: string, reason: string): void {
    if (this.contents.has(path)) return;
    this.contents.set(path, Promise.resolve(undefined));
    this.skipped.push({ path, reason });
  }

  /**
   * The first `bytes` bytes of a file, binary or oversized files included
   * (a database dump is both): for checks that recognise a file by its magic
   * number. Only files of the set or skipped for their size; never cached.
   */
  async readHead(path: string, bytes: number): Promise<Buffer | undefined> {
    const oversized = this.skipped.some((s) => s.path === path && s.unread === 'oversized');
    if (!this.byPath.has(path) && !oversized) return undefined;
    try {
      return await this.withFileSlot(async () => {
        const handle = await open(join(this.root, path), 'r');
        try {
          const buffer = Buffer.alloc(bytes);
          const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
          return buffer.subarray(0, bytesRead);
        } finally {
          await handle.close();
        }
      });
    } catch {
      return undefined;
    }
  }
  private readonly breather = new Breather(YIELD_EVERY_MS);

  // Checks may ask for every file at once; at 50k files unbounded reads run
  // out of file descriptors (EMFILE) and files would silently escape every
  // check. Reads queue here instead, at most MAX_OPEN_FILES at a time.
  private open = 0;
  private readonly waiting: Array<() => void> = [];

  private async withFileSlot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.open >= MAX_OPEN_FILES) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.open++;
    try {
      return await fn();
    } finally {
      this.open--;
      this.waiting.shift()?.();
    }
  }

  private async readText(path: string): Promise<string | undefined> {
    for (let attempt = 0; ; attempt++) {
      // Synchronous on purpose: the promise API costs an open, fstat, read and
      // close round trip through the thread pool per file, about half of the
      // audit's CPU on a tree of small files (profiled at 10k files), while a
      // file under the size cap reads in microseconds. read() still yields to
      // the event loop every YIELD_EVERY_MS.
      const read = await this.withFileSlot(async () => readTextFile(join(this.root, path)));
      if ('text' in read) return read.text;
      // Descriptors used up by another part of the process: wait and retry rather than lose the file.
      if ('busy' in read && attempt < 20) {
        await new Promise((resolve) => setTimeout(resolve, 10 * (attempt + 1)));
        continue;
      }
      this.skipped.push({ path, reason: 'busy' in read ? `unreadable (${read.busy})` : read.unread });
      return undefined;
    }
  }
}

/**
 * A file's text, read synchronously by the one rule of the file set (which
 * the scan worker reads by too): binary files (a NUL byte in the first 8000
 * bytes) are not text, and a UTF-8 byte order mark is dropped. `busy`: the
 * process is out of file descriptors, worth trying again.
 */
export function readTextFile(absolute: string): { text: string } | { unread: string } | { busy: 'EMFILE' | 'ENFILE' } {
  let buffer: Buffer;
  try {
    buffer = readFileSync(absolute);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EMFILE' || code === 'ENFILE') return { busy: code };
    return { unread: `unreadable (${code ?? 'error'})` };
  }
  if (isBinary(buffer)) return { unread: 'binary' };
  const text = buffer.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * The finding for a file a check needed but the walker left out: `error` for a
 * check whose verdict cannot rest on partial input (P0), otherwise `skip`.
 */
export function notReadFinding(file: SkippedFile, status: 'error' | 'skip'): { status: 'error' | 'skip'; message: string; location: { path: string; line: number } } {
  return { status, message: `${file.path} was not read: ${file.reason}.`, location: { path: file.path, line: 1 } };
}

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary. */
export function isBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8000).includes(0);
}

export class RepositoryNotFoundError extends UsageError {
  override name = 'RepositoryNotFoundError';
}

export async function loadFileSet(root: string, options: FileSetOptions): Promise<FileSet> {
  let rootStat;
  try {
    rootStat = await stat(root);
  } catch {
    throw new RepositoryNotFoundError(`repository path does not exist: ${root}`);
  }
  if (!rootStat.isDirectory()) throw new RepositoryNotFoundError(`repository path is not a directory: ${root}`);
  const realRoot = await realpath(root);
  const skipped: SkippedFile[] = [];
  const excluded = options.ignore?.length ? picomatch([...options.ignore], { dot: true }) : () => false;

  const signal = options.signal;
  const listed = await gitListFiles(realRoot, signal);
  signal?.throwIfAborted();
  const candidates = listed ?? (await walk(realRoot, signal)).map((path) => ({ path, tracked: false }));
  signal?.throwIfAborted();

  const files: RepoFile[] = [];
  // The stats below are synchronous and resolve at once: without pauses through the macrotask
  // queue, 100,000 of them run without letting a timer fire (the audit's deadline among them).
  const breather = new Breather(YIELD_EVERY_MS);
  await mapLimited(candidates, 64, async ({ path, tracked }) => {
    await breather.due();
    if (signal?.aborted) return;
    if (path.split('/').some((part) => SKIPPED_DIRECTORIES.has(part) && !(tracked && TRACKED_SOURCE_DIRECTORIES.has(part)))) return;
    if (excluded(path)) return;
    const absolute = join(realRoot, path);
    let info;
    let link = false;
    try {
      // Synchronous for the same reason as the reads (a thread-pool round trip per file).
      info = lstatSync(absolute);
      link = info.isSymbolicLink();
      if (link) {
        const resolved = await realpath(absolute);
        if (resolved !== realRoot && !resolved.startsWith(realRoot + sep)) {
          skipped.push({ path, reason: 'symlink leaves the repository (not followed)', unread: 'symlink-out', tracked });
          return;
        }
        info = await stat(resolved);
      }
    } catch {
      // A dangling link or a loop is said as such; a tracked file deleted in the work tree is simply absent.
      if (link) skipped.push({ path, reason: 'symlink that resolves to nothing (dangling, or a loop)', unread: 'symlink-out', tracked });
      return;
    }
    if (!info.isFile()) return;
    if (info.size > options.maxFileBytes) {
      skipped.push({ path, reason: `${info.size} bytes, larger than repo.max-file-bytes (${options.maxFileBytes} bytes)`, unread: 'oversized', tracked });
      return;
    }
    files.push({ path, size: info.size, tracked });
  });
  signal?.throwIfAborted();
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return new FileSet(realRoot, files, skipped, listed !== undefined, options.textCacheChars);
}

/** Tracked plus untracked-but-not-ignored files, or undefined outside a git work tree. */
async function gitListFiles(root: string, signal?: AbortSignal): Promise<Array<{ path: string; tracked: boolean }> | undefined> {
  try {
    const inside = await execFileAsync('git', ['-C', root, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8', signal });
    if (inside.stdout.trim() !== 'true') return undefined;
    const options = { encoding: 'utf8' as const, maxBuffer: 512 * 1024 * 1024, signal };
    const [tracked, untracked] = await Promise.all([
      execFileAsync('git', ['-C', root, 'ls-files', '-z', '--cached'], options),
      execFileAsync('git', ['-C', root, 'ls-files', '-z', '--others', '--exclude-standard'], options),
    ]);
    const seen = new Set<string>();
    const out: Array<{ path: string; tracked: boolean }> = [];
    for (const [text, isTracked] of [
      [tracked.stdout, true],
      [untracked.stdout, false],
    ] as const) {
      for (const path of text.split('\0')) {
        if (path && !seen.has(path)) {
          seen.add(path);
          out.push({ path, tracked: isTracked });
        }
      }
    }
    return out;
  } catch {
    return undefined;
  }
}

/** A walk honouring every .gitignore on the way down. */
async function walk(root: string, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string, rules: Array<{ base: string; ig: Ignore }>): Promise<void> => {
    if (signal?.aborted) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const rel = relative(root, dir).split(sep).join('/');
    const gitignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
    let scoped = rules;
    if (gitignore) {
      try {
        const text = await readFile(join(dir, '.gitignore'), 'utf8');
        scoped = [...rules, { base: rel, ig: ignore().add(text) }];
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    const ignored = (path: string, isDir: boolean): boolean =>
      scoped.some(({ base, ig }) => {
        const local = base ? path.slice(base.length + 1) : path;
        return local !== '' && ig.ignores(isDir ? `${local}/` : local);
      });
    await Promise.all(
      entries.map(async (entry) => {
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (SKIPPED_DIRECTORIES.has(entry.name) || ignored(path, true)) return;
          await visit(join(dir, entry.name), scoped);
        } else if ((entry.isFile() || entry.isSymbolicLink()) && !ignored(path, false)) {
          out.push(path);
        }
      }),
    );
  };
  await visit(root, []);
  return out;
}
