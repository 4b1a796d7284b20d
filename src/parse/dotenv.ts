// Env files (`.env`, `.env.example`, ...) with dotenv's own semantics and
// line numbers. dotenv's `parse()` returns values only, so this applies the
// same LINE expression as dotenv (lib/main.js, v16-v18) and keeps where each
// entry starts: `export KEY=`, `KEY: value`, single/double/backtick quotes,
// `#` comments, multi-line quoted values, `\n` expansion in double quotes,
// last definition wins.

import { lineOfOffset, lineStartOffsets } from './lines.js';

export { lineOfOffset, lineStartOffsets };

export interface EnvEntry {
  key: string;
  /** The value as dotenv returns it (quotes removed, `\n` expanded in double quotes). */
  value: string;
  /** 1-based line of the key. */
  line: number;
  /** Last line of the value (multi-line quoted values span several lines). */
  endLine: number;
  quote: '"' | "'" | '`' | undefined;
  exported: boolean;
}

export interface EnvProblem {
  line: number;
  message: string;
}

export interface EnvFile {
  /** Every assignment in file order (a key may appear twice; the last wins, as in dotenv). */
  entries: EnvEntry[];
  /** Lines dotenv silently ignores or misreads: not `KEY=VALUE`, or an unterminated quote. */
  problems: EnvProblem[];
  /** The entry dotenv would use for `key`. */
  get(key: string): EnvEntry | undefined;
  keys: ReadonlySet<string>;
}

// Copied from dotenv (BSD-2-Clause), lib/main.js `LINE`.
const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

export function parseDotenv(source: string): EnvFile {
  const text = source.replace(/\r\n?/g, '\n');
  const lineStarts = lineStartOffsets(text);
  const lineAt = (offset: number): number => lineOfOffset(lineStarts, offset);
  const entries: EnvEntry[] = [];
  const problems: EnvProblem[] = [];
  const covered = new Uint8Array(lineStarts.length + 1);

  LINE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = LINE.exec(text)) !== null) {
    if (match[0].length === 0) {
      LINE.lastIndex++;
      continue;
    }
    const key = match[1]!;
    const keyOffset = match.index + match[0].indexOf(key);
    const raw = (match[2] ?? '').trim();
    const first = raw[0];
    const quote = first === '"' || first === "'" || first === '`' ? first : undefined;
    let value = raw.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
    if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    const line = lineAt(keyOffset);
    const endLine = lineAt(match.index + Math.max(0, match[0].length - 1));
    for (let l = lineAt(match.index); l <= endLine; l++) covered[l] = 1;
    if (quote && (raw.length < 2 || raw[raw.length - 1] !== quote)) {
      problems.push({ line, message: `the value of ${key} opens a ${quote} quote that is never closed` });
    }
    const exported = /^\s*export\s/.test(text.slice(lineStarts[line - 1]!, keyOffset));
    entries.push({ key, value, line, endLine, quote: value === raw ? undefined : quote, exported });
  }

  const lines = text.split('\n');
  lines.forEach((content, index) => {
    const line = index + 1;
    if (covered[line]) return;
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    problems.push({ line, message: `line ${line} is not KEY=VALUE; dotenv ignores it` });
  });
  problems.sort((a, b) => a.line - b.line);

  const last = new Map<string, EnvEntry>();
  for (const entry of entries) last.set(entry.key, entry);
  return { entries, problems, get: (key) => last.get(key), keys: new Set(last.keys()) };
}
