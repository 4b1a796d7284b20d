// Environment variables read by code, found statically (nothing is executed):
//   JS/TS   process.env.X, process.env["X"], import.meta.env.X, const { X, Y = 'd' } = process.env
//   Python  os.environ["X"], os.environ.get("X"), os.getenv("X"),
//           env("X") / env.str("X") (django-environ, when `environ` is imported),
//           config("X") (python-decouple, when `decouple` is imported)
//   Ruby    ENV["X"], ENV.fetch("X")
//   Java    System.getenv("X");  Go  os.Getenv("X"), os.LookupEnv("X");  PHP getenv("X"), $_ENV["X"]
//   Compose ${X}, ${X:-default}, ${X-default}, ${X:?err}, $X ($$ is a literal dollar)
// `hasDefault` says the code carries a fallback. `required` says a missing
// variable fails loudly: the read itself raises (os.environ["X"], env("X") of
// django-environ and config("X") of python-decouple without a default,
// ENV.fetch("X"), ${X:?err} in compose), the code asserts it (TS
// `process.env.X!`) or raises/throws right after finding it unset. Every other
// read is optional: it yields None/undefined/"" and the code goes on
// (os.environ.get, os.getenv, process.env.X, os.Getenv...), and a subscript
// guarded by `if "X" in os.environ` is optional too.

import { lineOfOffset, lineStartOffsets } from './lines.js';
import type { SourceLanguage } from '../repo/classify.js';

export interface EnvUsage {
  name: string;
  /** 1-based. */
  line: number;
  hasDefault: boolean;
  required: boolean;
}

const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const Q = `["'\`]`;

interface Pattern {
  regex: RegExp;
  /** Names the runtime defines itself under this form, not read from the environment. */
  builtins?: ReadonlySet<string>;
  /** Decides from the text after the match whether the read has a fallback. */
  defaultAfter: (after: string, match: RegExpExecArray) => boolean;
  /** The form raises when the variable is unset and has no fallback (`os.environ["X"]`); by default it yields an empty value. */
  raisesWhenUnset?: true;
  /** Decides from the text after the match whether the code asserts the variable is set (TS `process.env.X!`). */
  assertedAfter?: (after: string) => boolean;
}

// A second argument (`os.getenv("X", "d")`) or a `default=` keyword.
const defaultKeyword = (after: string): boolean => /^[^)]*\bdefault\s*=/.test(after);
const secondArgument = (after: string): boolean => /^\s*,\s*(?![A-Za-z_]\w*\s*=[^=])(?!\))\S/.test(after) || defaultKeyword(after);
// `process.env.X || 'd'`, `?? 'd'`, and TS non-null is not a default.
const jsFallback = (after: string): boolean => /^\s*(\?\?|\|\|)/.test(after);
// TypeScript's non-null assertion `process.env.X!` (not `!=`): the author states the variable is always set.
const tsNonNull = (after: string): boolean => /^!(?!=)/.test(after);

// Vite's own `import.meta.env` entries (vite.dev/guide/env-and-mode): set by the build, never by an env file.
const VITE_BUILTINS = new Set(['MODE', 'BASE_URL', 'PROD', 'DEV', 'SSR']);

const PATTERNS: Record<SourceLanguage, Pattern[]> = {
  js: [
    { regex: new RegExp(`\\bprocess\\.env\\.${NAME}\\b`, 'g'), defaultAfter: jsFallback, assertedAfter: tsNonNull },
    { regex: new RegExp(`\\bprocess\\.env\\[\\s*${Q}${NAME}${Q}\\s*\\]`, 'g'), defaultAfter: jsFallback, assertedAfter: tsNonNull },
    { regex: new RegExp(`\\bimport\\.meta\\.env\\.${NAME}\\b`, 'g'), defaultAfter: jsFallback, assertedAfter: tsNonNull, builtins: VITE_BUILTINS },
    { regex: new RegExp(`\\bimport\\.meta\\.env\\[\\s*${Q}${NAME}${Q}\\s*\\]`, 'g'), defaultAfter: jsFallback, assertedAfter: tsNonNull, builtins: VITE_BUILTINS },
  ],
  python: [
    // KeyError when unset.
    { regex: new RegExp(`\\bos\\.environ\\[\\s*${Q}${NAME}${Q}\\s*\\]`, 'g'), defaultAfter: () => false, raisesWhenUnset: true },
    { regex: new RegExp(`\\bos\\.(?:environ\\.get|getenv)\\(\\s*${Q}${NAME}${Q}`, 'g'), defaultAfter: secondArgument },
  ],
  ruby: [
    { regex: new RegExp(`\\bENV\\[\\s*${Q}${NAME}${Q}\\s*\\]`, 'g'), defaultAfter: (after) => /^\s*(\|\||or\b)/.test(after) },
    // KeyError when unset and neither a default nor a block is given.
    { regex: new RegExp(`\\bENV\\.fetch\\(\\s*${Q}${NAME}${Q}`, 'g'), defaultAfter: (after) => secondArgument(after) || /^\s*\)\s*(\{|do\b)/.test(after), raisesWhenUnset: true },
  ],
  java: [{ regex: new RegExp(`\\bSystem\\.getenv\\(\\s*"${NAME}"\\s*\\)`, 'g'), defaultAfter: () => false }],
  go: [{ regex: new RegExp(`\\bos\\.(?:Getenv|LookupEnv)\\(\\s*"${NAME}"\\s*\\)`, 'g'), defaultAfter: () => false }],
  php: [
    { regex: new RegExp(`\\bgetenv\\(\\s*${Q}${NAME}${Q}\\s*\\)`, 'g'), defaultAfter: (after) => /^\s*(\?:|\?\?)/.test(after) },
    { regex: new RegExp(`\\$_(?:ENV|SERVER)\\[\\s*${Q}${NAME}${Q}\\s*\\]`, 'g'), defaultAfter: (after) => /^\s*\?\?/.test(after) },
  ],
};

// django-environ: `env = environ.Env(...)`, then env("X"), env.str("X"), env.bool("X", default=False).
const DJANGO_ENVIRON = new RegExp(`\\benv(?:\\.(?:str|bool|int|float|list|tuple|dict|url|db|db_url|cache|cache_url|email|email_url|search_url|json|path|decimal|bytes))?\\(\\s*${Q}${NAME}${Q}`, 'g');
// python-decouple: `from decouple import config`, then config("X", default=..., cast=...).
const DECOUPLE = new RegExp(`\\bconfig\\(\\s*${Q}${NAME}${Q}`, 'g');

/** Cheap test before any regex: most files read no environment at all. */
const MENTIONS_ENV = /env|getenv|ENV|config\(/;

export function findEnvUsages(text: string, language: SourceLanguage): EnvUsage[] {
  if (!MENTIONS_ENV.test(text)) return [];
  const patterns = [...PATTERNS[language]];
  if (language === 'python') {
    // django-environ's default is a keyword or a tuple in the scheme: env.bool("X", default=False), Env(X=(bool, False));
    // without one it raises ImproperlyConfigured.
    if (/^\s*(import environ\b|from environ import)/m.test(text)) {
      const schemeDefault = (name: string): boolean => new RegExp(`\\b${name}\\s*=\\s*\\(\\s*[\\w.]+\\s*,`).test(text);
      patterns.push({ regex: DJANGO_ENVIRON, defaultAfter: (after, match) => secondArgument(after) || schemeDefault(match[1]!), raisesWhenUnset: true });
    }
    // python-decouple raises UndefinedValueError without a default.
    if (/^\s*from decouple import\b/m.test(text)) patterns.push({ regex: DECOUPLE, defaultAfter: defaultKeyword, raisesWhenUnset: true });
  }
  const usages = collect(text, patterns);
  if (language === 'js') {
    usages.push(...destructuredReads(text));
    usages.sort((a, b) => a.line - b.line);
  }
  return usages;
}

// `const { PORT = '3000', DATABASE_URL: url } = process.env;` (one or several lines).
const DESTRUCTURING = /\b(?:const|let|var)\s*\{([^{}]*)\}\s*=\s*(?:process\.env|import\.meta\.env)\b(?!\s*[.[])/g;

function destructuredReads(text: string): EnvUsage[] {
  if (!text.includes('} = process.env') && !/\}\s*=\s*(process|import\.meta)\.env\b/.test(text)) return [];
  const starts = lineStartOffsets(text);
  const marks = new LineMarks(text);
  const out: EnvUsage[] = [];
  DESTRUCTURING.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DESTRUCTURING.exec(text)) !== null) {
    const lineStart = starts[lineOfOffset(starts, match.index) - 1]!;
    if (isCommentOrString(text, Math.max(lineStart, match.index - LINE_WINDOW), match.index, marks)) continue;
    const bodyOffset = match.index + match[0].indexOf('{') + 1;
    let offset = bodyOffset;
    for (const part of match[1]!.split(',')) {
      const property = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*[A-Za-z_$][\w$]*\s*)?(=)?/.exec(part);
      if (property) out.push({ name: property[2]!, line: lineOfOffset(starts, offset + property[1]!.length), hasDefault: property[3] !== undefined, required: false });
      offset += part.length + 1;
    }
  }
  return out;
}

// ${NAME}, ${NAME:-d}, ${NAME-d}, ${NAME:?e}, ${NAME?e}, ${NAME:+x}, or $NAME; `$$` escapes.
// Only the name and the operator are read, never the default up to its closing
// brace: a line of `${A:-${A:-...` made every `${` scan (and backtrack over) the
// default. The name must end where compose ends it (`}` or an operator).
const COMPOSE_VARIABLE = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?=[}:?+-])(:?[-?+])?|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Variables a compose file interpolates (compose spec "Interpolation"); comments are ignored. */
export function findComposeVariables(text: string): EnvUsage[] {
  if (!text.includes('$')) return [];
  const starts = lineStartOffsets(text);
  const marks = new LineMarks(text);
  const out: EnvUsage[] = [];
  // One usage per variable and operator is all the checks use (the first place it is read, required or defaulted).
  const seen = new Set<string>();
  let match: RegExpExecArray | null;
  COMPOSE_VARIABLE.lastIndex = 0;
  while ((match = COMPOSE_VARIABLE.exec(text)) !== null) {
    if (match[1] === '$') continue;
    const key = `${match[2] ?? match[4]}\u0000${match[3] ?? ''}`;
    if (seen.has(key)) continue;
    const line = lineOfOffset(starts, match.index);
    if (marks.hasHashComment(Math.max(starts[line - 1]!, match.index - LINE_WINDOW), match.index)) continue;
    seen.add(key);
    const name = match[2] ?? match[4]!;
    const operator = match[3];
    // `${X:?err}` and `${X?err}` stop compose with the error; a bare `${X}` is replaced by an empty string, with a warning.
    out.push({ name, line, hasDefault: operator === '-' || operator === ':-' || operator === '+' || operator === ':+', required: operator === '?' || operator === ':?' });
  }
  return out;
}

/**
 * How much of the line before a match decides whether it is in a comment or a
 * string. Bounded so that a minified bundle (one line of megabytes with
 * thousands of `process.env.NODE_ENV`) costs linear time, not quadratic.
 */
const LINE_WINDOW = 2000;

function collect(text: string, patterns: Pattern[]): EnvUsage[] {
  const starts = lineStartOffsets(text);
  const marks = new LineMarks(text);
  const out: EnvUsage[] = [];
  for (const { regex, defaultAfter, builtins, raisesWhenUnset, assertedAfter } of patterns) {
    regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(text)) !== null) {
      if (builtins?.has(match[1]!)) continue;
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 240);
      if (isDynamicName(match[1]!, match[0], after) || isWrite(after)) continue;
      const line = lineOfOffset(starts, match.index);
      const before = text.slice(Math.max(starts[line - 1]!, match.index - LINE_WINDOW), match.index);
      if (isCommentOrString(text, Math.max(starts[line - 1]!, match.index - LINE_WINDOW), match.index, marks)) continue;
      const hasDefault = defaultAfter(after, match);
      const name = match[1]!;
      let required = !hasDefault && ((raisesWhenUnset === true && !guardedByPresenceTest(text, starts, line, name)) || assertedAfter?.(after) === true);
      if (!required && !hasDefault) required = failsWhenUnset(text, starts, line, name, before, after);
      out.push({ name, line, hasDefault, required });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * The name is built at run time, so it is not one variable: a prefix that the
 * code completes (`os.environ.get("DJANGO_SUPERUSER_" + field)`,
 * `process.env.PREFIX_${name}`). A name ending in `_` is a prefix whatever
 * follows it. (f-strings, `"X_%s" % k` and template literals with `${}` do not
 * match the read patterns at all.)
 */
export function isDynamicName(name: string, match: string, after: string): boolean {
  if (name.endsWith('_') || /^[$`{]/.test(after)) return true;
  // A quoted name left open in the call (`getenv("X" + suffix)`); `process.env.X + ":"` is a whole read.
  return /["'`]$/.test(match) && /^\s*\+/.test(after);
}

/** `os.environ["OMP_THREAD_LIMIT"] = "1"`, `process.env.TZ = 'UTC'`: the code sets the variable for itself, it reads nothing. */
function isWrite(after: string): boolean {
  return /^\s*(=(?!=)|\+=)/.test(after);
}

/** Lines before a read that can hold the test guarding it. */
const GUARD_LINES = 3;

/** Lines `from`..`to`, each cut to LINE_WINDOW characters so a minified bundle stays linear. */
function linesAround(text: string, starts: readonly number[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let line = Math.max(1, from); line <= Math.min(starts.length, to); line++) {
    const end = line < starts.length ? starts[line]! - 1 : text.length;
    out.push(text.slice(starts[line - 1]!, Math.min(end, starts[line - 1]! + LINE_WINDOW)));
  }
  return out;
}

/**
 * A subscript read the code only reaches when the variable is set:
 * `if "X" in os.environ:`, `if os.environ.get("X"):` or Ruby `ENV.key?("X")` on one of the lines
 * before, or a conditional expression `os.environ["X"] if "X" in os.environ else d`
 * on its own line or continued on the next ones (paperless-ngx settings).
 */
function guardedByPresenceTest(text: string, starts: readonly number[], line: number, name: string): boolean {
  const quoted = `["']${name}["']`;
  // Python `"X" in os.environ` / `if os.environ.get("X")`; Ruby `ENV.key?("X")` (`return ENV.fetch("X") if ENV.key?("X")`).
  const test = new RegExp(`(?<!not\\s)${quoted}\\s+in\\s+os\\.environ\\b|\\bif\\b[^\\n]*\\bos\\.(environ\\.get|getenv)\\(\\s*${quoted}|(?<!!\\s*)\\bENV\\.(key|has_key|include|member)\\?\\(?\\s*${quoted}`);
  if (linesAround(text, starts, line - GUARD_LINES, line).some((l) => test.test(l))) return true;
  return linesAround(text, starts, line + 1, line + 2).some((l) => /^\s*\)?\s*if\b/.test(l) && test.test(l));
}

const STATEMENT_TAIL = 120;
const FAILS = /\b(raise|throw|sys\.exit|process\.exit|panic|log\.Fatal\w*|os\.Exit)\b/;

/**
 * An optional read the code makes required: it raises or throws when the
 * variable is unset, on the lines right after the read
 * (`KEY = os.environ.get("KEY")` / `if not KEY: raise ImproperlyConfigured(...)`,
 * `if (!process.env.KEY) throw new Error(...)`).
 */
function failsWhenUnset(text: string, starts: readonly number[], line: number, name: string, before: string, after: string): boolean {
  const following = [after.split('\n', 1)[0]!, ...linesAround(text, starts, line + 1, line + GUARD_LINES)];
  // Most reads have no raise or throw after them: decide that before building any expression.
  if (!following.some((l) => FAILS.test(l))) return false;
  const failsWithin = (from: number): boolean => following.slice(from, from + 2).some((l) => FAILS.test(l));
  // Only the end of the statement matters; a bounded tail keeps a minified line linear.
  const tail = before.slice(-STATEMENT_TAIL);
  // The read is itself the tested condition: `if (!process.env.X)`, `if not os.getenv("X"):`.
  if (/\bif\s*\(?\s*(!|\bnot\s+)\s*$/.test(tail)) return failsWithin(0);
  // The read is assigned, and the variable tested right after.
  const assigned = /([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>|[\] ]{1,40})?=\s*$/.exec(tail)?.[1];
  const subjects = [name, ...(assigned ? [assigned] : [])].map((s) => s.replace(/\$/g, '\\$')).join('|');
  const unsetTest = new RegExp(`\\bif\\b[^\\n]*((!|\\bnot\\s+)\\s*\\(?\\s*(${subjects})\\b|\\b(${subjects})\\s*(is\\s+None|==\\s*None|===?\\s*(undefined|null|''|""))|["']${name}["']\\s+not\\s+in\\s+os\\.environ)`);
  for (let i = 1; i < following.length; i++) if (unsetTest.test(following[i]!)) return failsWithin(i);
  return false;
}

/**
 * The text before a match on its line says it is in a comment (`//`, `#`,
 * a `*` doc line) or inside a string literal (an odd number of quotes): an
 * example in documentation, not a read.
 */
function isCommentOrString(text: string, from: number, to: number, marks: LineMarks): boolean {
  const before = text.slice(from, to);
  if (/^\s*(\*|\/\*|#)/.test(before) || before.startsWith('//') || marks.hasComment(from, to)) return true;
  for (const quote of ["'", '"', '`']) {
    const count = marks.quotes(quote, from, to);
    if (count % 2 === 1) {
      // `${process.env.HOST}` inside a template literal is code, not text.
      const sinceQuote = before.slice(before.lastIndexOf(quote) + 1);
      const open = sinceQuote.lastIndexOf('${');
      if (quote === '`' && open >= 0 && !sinceQuote.slice(open).includes('}')) continue;
      return true;
    }
  }
  return false;
}

/**
 * Where a text has quotes (not after a backslash) and comment markers (`//`
 * or `#` after whitespace), found once per file, so that asking about the
 * window before each of thousands of matches on one long line (a minified
 * bundle) is a binary search rather than a rescan of the window. A quote at
 * the window's first offset counts even after a backslash (the window alone
 * does not show the backslash).
 */
class LineMarks {
  private readonly quoteOffsets = new Map<string, number[]>();
  private commentOffsets?: { slashes: number[]; hashes: number[]; anyHash: number[] };

  constructor(private readonly text: string) {}

  /** Unescaped `quote`s in [from, to). */
  quotes(quote: string, from: number, to: number): number {
    let list = this.quoteOffsets.get(quote);
    if (!list) {
      list = [];
      for (let i = this.text.indexOf(quote); i !== -1; i = this.text.indexOf(quote, i + 1)) if (this.text[i - 1] !== '\\') list.push(i);
      this.quoteOffsets.set(quote, list);
    }
    const escapedAtStart = from > 0 && from < to && this.text[from] === quote && this.text[from - 1] === '\\' ? 1 : 0;
    return lowerBound(list, to) - lowerBound(list, from) + escapedAtStart;
  }

  /** [from, to) holds whitespace then `//`, or whitespace, `#`, whitespace (all three characters inside). */
  hasComment(from: number, to: number): boolean {
    if (!this.commentOffsets) {
      const offsets = (re: RegExp): number[] => [...this.text.matchAll(re)].map((m) => m.index);
      this.commentOffsets = { slashes: offsets(/\s(?=\/\/)/g), hashes: offsets(/\s(?=#\s)/g), anyHash: offsets(/\s(?=#)/g) };
    }
    const { slashes, hashes } = this.commentOffsets;
    return this.within(slashes, from, to, 3) || this.within(hashes, from, to, 3);
  }

  /** [from, to) starts with `#` or holds whitespace then `#` (a YAML comment). */
  hasHashComment(from: number, to: number): boolean {
    if (from < to && this.text[from] === '#') return true;
    this.hasComment(from, from); // builds the offsets
    return this.within(this.commentOffsets!.anyHash, from, to, 2);
  }

  /** Some offset of `list` at or after `from` whose `length` characters end by `to`. */
  private within(list: number[], from: number, to: number, length: number): boolean {
    const at = list[lowerBound(list, from)];
    return at !== undefined && at + length <= to;
  }
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
