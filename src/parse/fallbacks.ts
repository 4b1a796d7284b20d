// Literal fallbacks of environment reads in code, found by a line scan
// (nothing is executed, no parser): what the application runs with when the
// variable is not set.
//   Python  os.getenv("X", "d"), os.environ.get("X", "d"), os.environ.setdefault("X", "d"),
//           getenv("X", "d"), os.environ.get("X") or "d",
//           env("X", default="d") / env.str("X", "d") (django-environ),
//           config("X", default="d") / config("X", "d") (python-decouple)
//   JS/TS   process.env.X || 'd', process.env.X ?? "d", process.env["X"] || `d`,
//           import.meta.env.X || 'd'
//           and, in both languages, a fallback that names a module constant
//           (`process.env.X || DEFAULT_SECRET`, `os.getenv("X", DEFAULT_KEY)`)
//           declared once in the same file with a plain string literal
//   Elixir  System.get_env("X", "d"), System.get_env("X") || "d"
//           (application code and seeds; config/*.exs is read with its layering by model/frameworks/phoenix.ts)
// Every expression is bounded and applied to one line (a call split over a
// few lines is joined first), so a minified bundle costs linear time.

import { lineOfOffset, lineStartOffsets } from './lines.js';

export interface LiteralFallback {
  /** The environment variable read. */
  name: string;
  /** The literal used when it is unset (quotes removed, escapes not interpreted). */
  value: string;
  /** 1-based line of the read. */
  line: number;
  /** How it is written, for messages: `os.getenv("X", …)`. */
  form: string;
}

const MAX_LINE = 2000;
const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
// A plain string literal: no f-string or template interpolation, no escapes, bounded.
const PY_STRING = `(?<![fF])(["'])([^"'\\\\\\n]{0,200})`;

// Calls whose second positional argument is the default.
const PY_POSITIONAL = new RegExp(`\\b(os\\.getenv|os\\.environ\\.get|os\\.environ\\.setdefault|getenv|env\\.str|config)\\(\\s*(["'])${NAME}\\2\\s*,\\s*${PY_STRING}\\4\\s*[,)]`, 'g');
// Calls with a `default=` keyword (django-environ's env("X", default=...), decouple's config("X", cast=str, default=...)).
const PY_KEYWORD = new RegExp(`\\b(env(?:\\.str)?|config|os\\.getenv|os\\.environ\\.get)\\(\\s*(["'])${NAME}\\2\\s*,[^()\\n]{0,200}?\\bdefault\\s*=\\s*${PY_STRING}\\4\\s*[,)]`, 'g');
// `os.environ.get("X") or "d"`, `os.getenv("X") or 'd'`.
const PY_OR = new RegExp(`\\b(os\\.getenv|os\\.environ\\.get|getenv)\\(\\s*(["'])${NAME}\\2\\s*\\)\\s+or\\s+${PY_STRING}\\4`, 'g');

const JS_READ = `(?:process\\.env|import\\.meta\\.env)(?:\\.${NAME}|\\[\\s*(["'\`])${NAME}\\2\\s*\\])`;
const JS_FALLBACK = new RegExp(`\\b${JS_READ}\\s*(\\|\\||\\?\\?)\\s*(["'\`])([^"'\`\\\\\\n$]{0,200})\\5`, 'g');
// The fallback is a bare identifier (not a call or a member): resolved through the file's module constants.
const JS_FALLBACK_CONSTANT = new RegExp(`\\b${JS_READ}\\s*(\\|\\||\\?\\?)\\s*([A-Za-z_$][\\w$]{0,80})(?![\\w$]|\\s*[.([])`, 'g');
// `const NAME = 'v'`, `export const NAME: string =\n  "v"` at the start of a line: one module constant.
const JS_CONSTANT = /^[ \t]{0,8}(?:export[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]{0,80})[ \t]*(?::[ \t]*[\w$.<>[\]| ]{1,60})?=[ \t]*\n?[ \t]{0,16}(["'`])([^"'`\\\n$]{0,200})\2/gm;
// Python: a module-level `NAME = "v"` (no indentation: a class or function local is not the fallback's constant).
const PY_CONSTANT = /^([A-Za-z_][A-Za-z0-9_]{0,80})[ \t]*(?::[ \t]*[\w.[\]| ]{1,60})?=[ \t]*(?<![fF])(["'])([^"'\\\n]{0,200})\2[ \t]*(?:#.*)?$/gm;
const PY_IDENT = '([A-Za-z_][A-Za-z0-9_]{0,80})(?![\\w.(\\[])';
const PY_POSITIONAL_CONSTANT = new RegExp(`\\b(os\\.getenv|os\\.environ\\.get|os\\.environ\\.setdefault|getenv|env\\.str|config)\\(\\s*(["'])${NAME}\\2\\s*,\\s*${PY_IDENT}\\s*[,)]`, 'g');
const PY_KEYWORD_CONSTANT = new RegExp(`\\b(env(?:\\.str)?|config|os\\.getenv|os\\.environ\\.get)\\(\\s*(["'])${NAME}\\2\\s*,[^()\\n]{0,200}?\\bdefault\\s*=\\s*${PY_IDENT}\\s*[,)]`, 'g');
const PY_OR_CONSTANT = new RegExp(`\\b(os\\.getenv|os\\.environ\\.get|getenv)\\(\\s*(["'])${NAME}\\2\\s*\\)\\s+or\\s+${PY_IDENT}`, 'g');

// A plain Elixir string: no `#{}` interpolation, no escapes, bounded.
const EX_STRING = '"((?:[^"\\\\\\n#]|#(?!\\{)){0,200})"';
const EX_GET_ENV = new RegExp(`\\bSystem\\.get_env\\(\\s*"${NAME}"\\s*,\\s*${EX_STRING}\\s*\\)`, 'g');
const EX_OR = new RegExp(`\\bSystem\\.get_env\\(\\s*"${NAME}"\\s*\\)\\s*(?:\\|\\||\\bor\\b)\\s*${EX_STRING}`, 'g');

/** Elixir files, except the config scripts (read by layering, where dev.exs and test.exs never reach production). */
export function isElixirCode(path: string): boolean {
  return /\.exs?$/.test(path) && !/(^|\/)config\/[^/]+\.exs$/.test(path);
}

/** Literal fallbacks in an Elixir file. */
export function elixirFallbacks(text: string): LiteralFallback[] {
  if (!text.includes('System.get_env')) return [];
  const out: LiteralFallback[] = [];
  forEachLogicalLine(text, '#', (line, lineNo) => {
    if (!line.includes('System.get_env')) return;
    for (const [regex, form] of [[EX_GET_ENV, 'System.get_env("%s", …)'], [EX_OR, 'System.get_env("%s") || …']] as const) {
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = regex.exec(line)) !== null) out.push({ name: m[1]!, value: m[2]!, line: lineNo, form: form.replace('%s', m[1]!) });
    }
  });
  return dedupe(out);
}

/** Literal fallbacks in a Python file. */
export function pythonFallbacks(text: string): LiteralFallback[] {
  if (!/getenv|environ|env|config/.test(text)) return [];
  const out: LiteralFallback[] = [];
  let constants: Map<string, { value: string; line: number }> | undefined;
  forEachLogicalLine(text, '#', (line, lineNo) => {
    for (const [regex, form] of [
      [PY_POSITIONAL, (fn: string, name: string) => `${fn}("${name}", …)`],
      [PY_KEYWORD, (fn: string, name: string) => `${fn}("${name}", default=…)`],
      [PY_OR, (fn: string, name: string) => `${fn}("${name}") or …`],
    ] as const) {
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = regex.exec(line)) !== null) {
        // env("X", "d") passes a cast to django-environ, not a default: keyword form only.
        if (regex === PY_POSITIONAL && m[1] === 'env') continue;
        out.push({ name: m[3]!, value: m[5]!, line: lineNo, form: form(m[1]!, m[3]!) });
      }
    }
    for (const [regex, form] of [
      [PY_POSITIONAL_CONSTANT, (fn: string, name: string, constant: string) => `${fn}("${name}", ${constant})`],
      [PY_KEYWORD_CONSTANT, (fn: string, name: string, constant: string) => `${fn}("${name}", default=${constant})`],
      [PY_OR_CONSTANT, (fn: string, name: string, constant: string) => `${fn}("${name}") or ${constant}`],
    ] as const) {
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = regex.exec(line)) !== null) {
        if (regex === PY_POSITIONAL_CONSTANT && m[1] === 'env') continue;
        constants ??= moduleConstants(text, PY_CONSTANT);
        const constant = constants.get(m[4]!);
        if (constant) out.push({ name: m[3]!, value: constant.value, line: lineNo, form: `${form(m[1]!, m[3]!, m[4]!)} (the constant at line ${constant.line})` });
      }
    }
  });
  return dedupe(out);
}

/** Literal fallbacks in a JavaScript/TypeScript file. */
export function jsFallbacks(text: string): LiteralFallback[] {
  if (!text.includes('.env')) return [];
  const out: LiteralFallback[] = [];
  let constants: Map<string, { value: string; line: number }> | undefined;
  forEachLogicalLine(text, '//', (line, lineNo) => {
    if (!line.includes('.env')) return;
    JS_FALLBACK.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = JS_FALLBACK.exec(line)) !== null) {
      const name = m[1] ?? m[3]!;
      out.push({ name, value: m[6]!, line: lineNo, form: `process.env.${name} ${m[4]} …` });
    }
    JS_FALLBACK_CONSTANT.lastIndex = 0;
    while ((m = JS_FALLBACK_CONSTANT.exec(line)) !== null) {
      const name = m[1] ?? m[3]!;
      constants ??= moduleConstants(text, JS_CONSTANT);
      const constant = constants.get(m[5]!);
      if (constant) out.push({ name, value: constant.value, line: lineNo, form: `process.env.${name} ${m[4]} ${m[5]} (the constant at line ${constant.line})` });
    }
  });
  return dedupe(out);
}

/**
 * The file's constants bound once to a plain string literal (by `regex`: group 1 the name, group 3 the value).
 * A name bound twice is left out: which binding the fallback sees is not known without scopes.
 */
function moduleConstants(text: string, regex: RegExp): Map<string, { value: string; line: number }> {
  const found = new Map<string, { value: string; line: number } | null>();
  let starts: number[] | undefined;
  for (const m of text.matchAll(regex)) {
    const name = m[1]!;
    found.set(name, found.has(name) ? null : { value: m[3]!, line: lineOfOffset((starts ??= lineStartOffsets(text)), m.index) });
  }
  const out = new Map<string, { value: string; line: number }>();
  for (const [name, constant] of found) if (constant) out.set(name, constant);
  return out;
}

/**
 * Calls each non-comment line (joined with up to 3 following lines while a
 * parenthesis is left open, for `config(\n  "X",\n  default="d")`).
 */
function forEachLogicalLine(text: string, comment: string, visit: (line: string, lineNo: number) => void): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.length > MAX_LINE ? lines[i]!.slice(0, MAX_LINE) : lines[i]!;
    const trimmed = line.trimStart();
    if (trimmed.startsWith(comment) || trimmed.startsWith('*') || trimmed.startsWith('/*')) continue;
    for (let n = 1; n <= 3 && i + n < lines.length && openParens(line) > 0; n++) line += ` ${lines[i + n]!.slice(0, MAX_LINE).trim()}`;
    visit(line, i + 1);
  }
}

function openParens(line: string): number {
  let depth = 0;
  for (const c of line) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return depth;
}

/** One read found twice (on its own line and in the joined line above it) is kept once, at the first line. */
function dedupe(list: LiteralFallback[]): LiteralFallback[] {
  const last = new Map<string, number>();
  return list
    .sort((a, b) => a.line - b.line)
    .filter((f) => {
      const key = `${f.name}\u0000${f.value}`;
      const previous = last.get(key);
      if (previous !== undefined && f.line - previous <= 3 && f.line !== previous) return false;
      if (previous !== undefined && f.line === previous) return false;
      last.set(key, f.line);
      return true;
    });
}
