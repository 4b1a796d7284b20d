// Node HTTP server applications of the repository: a package.json depending on
// Express, Fastify, Koa or NestJS, its entry points (main, scripts.start,
// server.js/app.js/src/index.ts...) and the source files around them, read once
// per audit with comments blanked out (strings kept) so patterns do not match
// commented-out code.

import type { RepoCheckContext } from '../../engine/types.js';
import type { FileSet } from '../../repo/fileset.js';
import { NON_PRODUCT_PATH } from '../ops/project.js';
import { loadNodeConfig, type NodeConfig } from '../../parse/node-config.js';
import { blankJsSource } from '../../parse/js-source.js';

export const SERVER_FRAMEWORKS = ['express', 'fastify', 'koa', '@nestjs/core'] as const;
export type ServerFramework = (typeof SERVER_FRAMEWORKS)[number];

export interface SourceFile {
  path: string;
  /** The file as written: a pattern that does not match here cannot match `code` either. */
  raw: string;
  /** Comments replaced by spaces, line breaks kept: offsets and lines still match the file. Parsed on first use. */
  readonly code: string;
}

/**
 * A source whose comment-blanked form is computed on first use: parsing every
 * file of an app costs seconds on a large repository, and most files never
 * match the raw text of any pattern the checks look for.
 */
export function sourceFile(path: string, raw: string): SourceFile {
  let code: string | undefined;
  return {
    path,
    raw,
    get code() {
      code ??= blankJsComments(raw, { path });
      return code;
    },
  };
}

export interface NodeApp {
  dir: string;
  packageJson: string;
  frameworks: ServerFramework[];
  /** Line of the first framework dependency in package.json. */
  frameworkLine: number;
  dependencies: Set<string>;
  entries: string[];
  sources: SourceFile[];
  /** node-config settings (`config/default.*` + `config/production.*`), when the app depends on `config`. */
  config?: NodeConfig;
}

export interface NodeInventory {
  apps: NodeApp[];
  unreadable: Array<{ path: string; reason: string }>;
}

/** At most this many source files are read per app (entry points first). */
export const MAX_SOURCES_PER_APP = 400;

const cache = new WeakMap<FileSet, Promise<NodeInventory>>();

export function nodeApps(ctx: Pick<RepoCheckContext, 'files'>): Promise<NodeInventory> {
  let pending = cache.get(ctx.files);
  if (!pending) {
    pending = collect(ctx.files);
    cache.set(ctx.files, pending);
  }
  return pending;
}

const SOURCE = /\.(c|m)?(j|t)sx?$/;
const NOT_APP_SOURCE = /(^|\/)(__tests__|__mocks__|test|tests|spec|e2e|cypress|playwright|fixtures|examples?|scripts|migrations|public|static)\/|\.(test|spec|stories|d)\.[cm]?[jt]sx?$|(^|\/)[^/]*\.config\.[cm]?[jt]s$/;
const COMMON_ENTRIES = ['server.js', 'server.ts', 'app.js', 'app.ts', 'index.js', 'index.ts', 'main.js', 'main.ts', 'src/server.js', 'src/server.ts', 'src/app.js', 'src/app.ts', 'src/index.js', 'src/index.ts', 'src/main.ts', 'src/main.js', 'bin/www'];

async function collect(files: FileSet): Promise<NodeInventory> {
  const inventory: NodeInventory = { apps: [], unreadable: [] };
  for (const pkg of files.match(/^package\.json$/)) {
    if (NON_PRODUCT_PATH.test(pkg.path)) continue;
    const text = await files.read(pkg.path);
    if (text === undefined) continue;
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch (err) {
      inventory.unreadable.push({ path: pkg.path, reason: `not valid JSON (${(err as Error).message})` });
      continue;
    }
    const dependencies = new Set<string>([...Object.keys(objectOf(json.dependencies)), ...Object.keys(objectOf(json.devDependencies)), ...Object.keys(objectOf(json.peerDependencies))]);
    const runtime = new Set(Object.keys(objectOf(json.dependencies)));
    const frameworks = SERVER_FRAMEWORKS.filter((f) => runtime.has(f));
    if (!frameworks.length) continue;
    const dir = pkg.path.includes('/') ? pkg.path.slice(0, pkg.path.lastIndexOf('/')) : '';
    const lines = text.split('\n');
    const frameworkLine = Math.max(1, lines.findIndex((l) => frameworks.some((f) => l.includes(`"${f}"`))) + 1);
    const prefix = dir ? `${dir}/` : '';
    const entries = [...new Set(entryPoints(json, prefix))].filter((p) => files.has(p));
    for (const e of COMMON_ENTRIES) if (files.has(prefix + e) && !entries.includes(prefix + e)) entries.push(prefix + e);
    const others = files.files
      .map((f) => f.path)
      .filter((p) => p.startsWith(prefix) && SOURCE.test(p) && !NOT_APP_SOURCE.test(p.slice(prefix.length)) && !entries.includes(p));
    const sources: SourceFile[] = [];
    for (const path of [...entries, ...others].slice(0, MAX_SOURCES_PER_APP)) {
      const code = await files.read(path);
      if (code !== undefined) sources.push(sourceFile(path, code));
    }
    const config = dependencies.has('config') ? await loadNodeConfig(files, dir || '.') : undefined;
    inventory.apps.push({ dir: dir || '.', packageJson: pkg.path, frameworks, frameworkLine, dependencies, entries, sources, ...(config ? { config } : {}) });
  }
  return inventory;
}

function objectOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `main`, and the script `start` runs (`node dist/server.js`, `ts-node src/main.ts`, `nodemon app.js`). */
function entryPoints(json: Record<string, unknown>, prefix: string): string[] {
  const out: string[] = [];
  if (typeof json.main === 'string') out.push(prefix + json.main.replace(/^\.\//, ''));
  const start = objectOf(json.scripts).start;
  if (typeof start === 'string') {
    for (const m of start.matchAll(/(?:^|\s)(?:\.\/)?([\w./-]+\.(?:c|m)?(?:j|t)s)\b/g)) out.push(prefix + m[1]!);
  }
  // A built entry (dist/server.js) is usually compiled from src/server.ts.
  for (const e of [...out]) {
    const fromSource = e.replace(/(^|\/)(dist|build|lib|out)\//, '$1src/').replace(/\.js$/, '.ts');
    if (fromSource !== e) out.push(fromSource);
  }
  return out;
}

/**
 * Replaces `//` and `/* *\/` comments by spaces, keeping strings, template
 * literals and line breaks. With `strings: true` the contents of strings are
 * blanked too (quotes kept), so call patterns do not match inside text; the
 * length is unchanged, so offsets map back to the comment-blanked code. Read
 * on the JavaScript grammar (parse/js-source.ts); `path` picks the dialect.
 */
export function blankJsComments(source: string, options: { strings?: boolean; path?: string } = {}): string {
  return blankJsSource(source, options);
}

export function lineAt(code: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < code.length; i++) if (code.charCodeAt(i) === 10) line++;
  return line;
}

/** The balanced text from the opening bracket at `open` to its match (inclusive). */
export function balanced(code: string, open: number): string | undefined {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
  const stack: string[] = [];
  for (let i = open; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== ch) j += code[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (pairs[ch]) stack.push(pairs[ch]);
    else if (ch === stack[stack.length - 1]) {
      stack.pop();
      if (!stack.length) return code.slice(open, i + 1);
    }
  }
  return undefined;
}

/** First match of `pattern` across the app's sources, with file and line. */
export function findInSources(app: NodeApp, pattern: RegExp): { path: string; line: number; match: RegExpExecArray } | undefined {
  for (const source of app.sources) {
    const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    if (!re.test(source.raw)) continue;
    re.lastIndex = 0;
    const match = re.exec(source.code);
    if (match) return { path: source.path, line: lineAt(source.code, match.index), match };
  }
  return undefined;
}
