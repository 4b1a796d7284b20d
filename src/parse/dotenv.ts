// Env files (`.env`, `.env.example`, ...) with dotenv's own semantics and
// line numbers. dotenv's `parse()` returns values only, so this applies the
// same LINE expression as dotenv (lib/main.js, v16-v18) and keeps where each
// entry starts: `export KEY=`, `KEY: value`, single/double/backtick quotes,
// `#` comments, multi-line quoted values, `\n` expansion in double quotes,
// last definition wins.
//
// The LINE expression and the unquoting rules follow dotenv
// (https://github.com/motdotla/dotenv, lib/main.js), under its license:
//
//   Copyright (c) 2015, Scott Motte
//   All rights reserved.
//
//   Redistribution and use in source and binary forms, with or without
//   modification, are permitted provided that the following conditions are met:
//
//   * Redistributions of source code must retain the above copyright notice, this
//     list of conditions and the following disclaimer.
//
//   * Redistributions in binary form must reproduce the above copyright notice,
//     this list of conditions and the following disclaimer in the documentation
//     and/or other materials provided with the distribution.
//
//   THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
//   AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
//   IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
//   DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
//   FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
//   DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
//   SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
//   CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
//   OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
//   OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
//
// The bundle reproduces this notice in dist/licenses.txt (scripts/bundle.mjs).

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
