// Environment variables read by code, found statically (nothing is executed):
//   JS/TS   process.env.X, process.env["X"], import.meta.env.X, const { X, Y = 'd' } = process.env
//   Python  os.environ["X"], os.environ.get("X"), os.getenv("X"),
//           env("X") / env.str("X") (django-environ, when `environ` is imported),
//           config("X") (python-decouple, when `decouple` is imported)
//   Ruby    ENV["X"], ENV.fetch("X")
//   Java    System.getenv("X");  Go  os.Getenv("X"), os.LookupEnv("X");  PHP getenv("X"), $_ENV["X"]
//   Compose ${X}, ${X:-default}, ${X-default}, ${X:?err}, $X ($$ is a literal dollar)
// `hasDefault` says the code carries a fallback, so a missing variable does not break it.

import { lineOfOffset, lineStartOffsets } from './lines.js';
import type { SourceLanguage } from '../repo/classify.js';

export interface EnvUsage {
  name: string;
  /** 1-based. */
  line: number;
  hasDefault: boolean;
}

const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const Q = `["'\`]`;

interface Pattern {
  regex: RegExp;
  /** Names the runtime defines itself under this form, not read from the environment. */
  builtins?: ReadonlySet<string>;
  /** Decides from the text after the match whether the read has a fallback. */
  defaultAfter: (after: string, match: RegExpExecArray) => boolean;
}

// A second argument (`os.getenv("X", "d")`) or a `default=` keyword.
const defaultKeyword = (after: string): boolean => /^[^)]*\bdefault\s*=/.test(after);
const secondArgument = (after: string): boolean => /^\s*,\s*(?![A-Za-z_]\w*\s*=[^=])(?!\))\S/.test(after) || defaultKeyword(after);
// `process.env.X || 'd'`, `?? 'd'`, and TS non-null is not a default.
const jsFallback = (after: string): boolean => /^\s*(\?\?|\|\|)/.test(after);

// Vite's own `import.meta.env` entries (vite.dev/guide/env-and-mode): set by the build, never by an env file.
const VITE_BUILTINS = new Set(['MODE', 'BASE_URL', 'PROD', 'DEV', 'SSR']);

const PATTERNS: Record<SourceLanguage, Pattern[]> = {
  js: [
    { regex: new RegExp(`\\bprocess\\.env\\.${NAME}\\b`, 'g'), defaultAfter: jsFallback },
    { regex: new RegExp(`\\bprocess\\.env\\[\\s*${Q}${NAME}${Q}\\s*\\]`, 'g'), defaultAfter: jsFallback },
    { regex: new RegExp(`\\bimport\\.meta\\.env\\.${NAME}\\b`, 'g'), defaultAfter: jsFallback, builtins: VITE_BUILTINS },
    { regex: new RegExp(`\\bimport\\.meta\\.env\\[\\s*${Q}${NAME}${Q}\\s*\\]`, 'g'), defaultAfter: jsFallback, builtins: VITE_BUILTINS },
  ],
  python: [
    { regex: new RegExp(`\\bos\\.environ\\[\\s*${Q}${NAME}${Q}\\s*\\]`, 'g'), defaultAfter: () => false },
    { regex: new RegExp(`\\bos\\.(?:environ\\.get|getenv)\\(\\s*${Q}${NAME}${Q}`, 'g'), defaultAfter: secondArgument },
  ],
  ruby: [
    { regex: new RegExp(`\\bENV\\[\\s*${Q}${NAME}${Q}\\s*\\]`, 'g'), defaultAfter: (after) => /^\s*(\|\||or\b)/.test(after) },
    { regex: new RegExp(`\\bENV\\.fetch\\(\\s*${Q}${NAME}${Q}`, 'g'), defaultAfter: (after) => secondArgument(after) || /^\s*\)\s*(\{|do\b)/.test(after) },
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
    // django-environ's default is a keyword or a tuple in the scheme: env.bool("X", default=False), Env(X=(bool, False)).
    if (/^\s*(import environ\b|from environ import)/m.test(text)) patterns.push({ regex: DJANGO_ENVIRON, defaultAfter: secondArgument });
    if (/^\s*from decouple import\b/m.test(text)) patterns.push({ regex: DECOUPLE, defaultAfter: defaultKeyword });
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
      if (property) out.push({ name: property[2]!, line: lineOfOffset(starts, offset + property[1]!.length), hasDefault: property[3] !== undefined });
      offset += part.length + 1;
    }
  }
  return out;
}

// ${NAME}, ${NAME:-d}, ${NAME-d}, ${NAME:?e}, ${NAME?e}, ${NAME:+x}, or $NAME; `$$` escapes.
// The default is bounded: unbounded, a line of `${A:-${A:-...` without a closing
// brace made every `${` scan to the end of the file (quadratic).
const COMPOSE_VARIABLE = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])[^}]{0,256})?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Variables a compose file interpolates (compose spec "Interpolation"); comments are ignored. */
export function findComposeVariables(text: string): EnvUsage[] {
  if (!text.includes('$')) return [];
  const starts = lineStartOffsets(text);
  const marks = new LineMarks(text);
  const out: EnvUsage[] = [];
  let match: RegExpExecArray | null;
  COMPOSE_VARIABLE.lastIndex = 0;
  while ((match = COMPOSE_VARIABLE.exec(text)) !== null) {
    if (match[1] === '$') continue;
    const line = lineOfOffset(starts, match.index);
    if (marks.hasHashComment(Math.max(starts[line - 1]!, match.index - LINE_WINDOW), match.index)) continue;
    const name = match[2] ?? match[4]!;
    const operator = match[3];
    out.push({ name, line, hasDefault: operator === '-' || operator === ':-' || operator === '+' || operator === ':+' });
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
  for (const { regex, defaultAfter, builtins } of patterns) {
    regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(text)) !== null) {
      if (builtins?.has(match[1]!)) continue;
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 240);
      // `process.env.PREFIX_${name}` builds the name at run time: not one variable.
      if (/^[$`{+]/.test(after)) continue;
      const line = lineOfOffset(starts, match.index);
      if (isCommentOrString(text, Math.max(starts[line - 1]!, match.index - LINE_WINDOW), match.index, marks)) continue;
      out.push({ name: match[1]!, line, hasDefault: defaultAfter(after, match) });
    }
  }
  return out.sort((a, b) => a.line - b.line);
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
