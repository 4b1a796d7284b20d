// A reader of Laravel configuration files (`config/*.php`): the array a file
// returns, read statically. Only what is decidable without running PHP is a
// value: string, number, boolean and null literals, nested arrays, and
// `env('X', default)` (with `(bool)`/`(string)`/`(int)` casts). Anything else
// (a variable, a function call, a concatenation) is `computed`, which the
// checks never take for a pass or a fail.
// Laravel's config files: https://laravel.com/docs/configuration#environment-configuration

export type PhpScalar = string | number | boolean | null;

export type PhpValue =
  | { kind: 'literal'; value: PhpScalar; line: number }
  | { kind: 'array'; entries: PhpEntry[]; line: number }
  /** `env('X')` or `env('X', default)`: Laravel takes the variable from the environment or `.env`, else the default (null without one). */
  | { kind: 'env'; name: string; fallback?: PhpValue; cast?: string; line: number }
  | { kind: 'computed'; text: string; line: number };

export interface PhpEntry {
  /** The string key; undefined for a list item. */
  key?: string;
  value: PhpValue;
  line: number;
}

export interface PhpConfigFile {
  /** The returned array, or undefined when the file returns none. */
  value?: Extract<PhpValue, { kind: 'array' }>;
  /** The first syntax problem met: the file is then not judged. */
  error?: { line: number; message: string };
}

interface Token {
  type: 'str' | 'num' | 'word' | 'var' | 'punct';
  text: string;
  line: number;
  /** A double-quoted string with `$` interpolation: not a literal. */
  interpolated?: boolean;
}

const MAX_TOKENS = 200_000;
const MAX_DEPTH = 200;
const NUMBER = /\d[\d_]*(\.\d+)?/y;
const VARIABLE = /\$[A-Za-z_]\w*/y;
const WORD = /\\?[A-Za-z_][\w\\]*/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  // Sticky expressions read at `i` in the text itself: no substring per token.
  const at = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    return re.exec(text)?.[0];
  };
  while (i < n && tokens.length < MAX_TOKENS) {
    const c = text[i]!;
    if (c === '\n') { line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (text.startsWith('<?php', i)) { i += 5; continue; }
    if (c === '#' || text.startsWith('//', i)) {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let k = i; k < stop; k++) if (text[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      const start = line;
      let value = '';
      let interpolated = false;
      i++;
      while (i < n && text[i] !== c) {
        const ch = text[i]!;
        if (ch === '\n') line++;
        if (ch === '\\' && i + 1 < n) {
          const next = text[i + 1]!;
          // Single quotes escape only \' and \\; double quotes the usual set (read literally: only the shape matters here).
          if (next === c || next === '\\') { value += next; i += 2; continue; }
          if (c === '"' && next === '$') { value += '$'; i += 2; continue; }
        }
        if (c === '"' && ch === '$' && /[A-Za-z_{]/.test(text[i + 1] ?? '')) interpolated = true;
        value += ch;
        i++;
      }
      i++;
      tokens.push({ type: 'str', text: value, line: start, interpolated });
      continue;
    }
    const num = at(NUMBER);
    if (num) { tokens.push({ type: 'num', text: num, line }); i += num.length; continue; }
    if (c === '$') {
      const m = at(VARIABLE);
      tokens.push({ type: 'var', text: m ?? '$', line });
      i += m ? m.length : 1;
      continue;
    }
    const word = at(WORD);
    if (word) { tokens.push({ type: 'word', text: word, line }); i += word.length; continue; }
    const punct = ['=>', '::', '->', '??', '?:', '==', '!=', '&&', '||'].find((p) => text.startsWith(p, i)) ?? c;
    tokens.push({ type: 'punct', text: punct, line });
    i += punct.length;
  }
  return tokens;
}

class SyntaxProblem extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

const CASTS = new Set(['bool', 'boolean', 'int', 'integer', 'string', 'float']);

class Reader {
  private at = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }

  /** The value at the cursor, up to a `,` `]` or `)` at depth 0. */
  value(): PhpValue {
    if (++this.depth > MAX_DEPTH) throw new SyntaxProblem('values nested too deeply to read', this.peek()?.line ?? 1);
    try {
      return this.valueAt();
    } finally {
      this.depth--;
    }
  }

  private valueAt(): PhpValue {
    const start = this.at;
    const first = this.peek();
    if (!first) throw new SyntaxProblem('unexpected end of file', this.tokens.at(-1)?.line ?? 1);
    const simple = this.simpleValue();
    const next = this.peek();
    if (simple && (!next || [',', ']', ')', ';'].includes(next.text))) return simple;
    if (simple && next && next.type !== 'punct' && next.type !== 'word') throw this.missingComma(next);
    // Anything longer (`env('A') ?: 'b'`, `'a' . $b`, a closure): computed, skipped to its end.
    this.at = start;
    this.skipExpression();
    const text = this.tokens.slice(start, this.at).map((t) => (t.type === 'str' ? `'${t.text}'` : t.text)).join(' ');
    return { kind: 'computed', text: text.slice(0, 200), line: first.line };
  }

  private simpleValue(): PhpValue | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.type === 'str' && !t.interpolated) { this.at++; return { kind: 'literal', value: t.text, line: t.line }; }
    if (t.type === 'num') { this.at++; return { kind: 'literal', value: Number(t.text.replace(/_/g, '')), line: t.line }; }
    if (t.type === 'punct' && t.text === '-' && this.peek(1)?.type === 'num') { this.at += 2; return { kind: 'literal', value: -Number(this.peek(-1)!.text), line: t.line }; }
    if (t.type === 'word' && /^(true|false|null)$/i.test(t.text)) {
      this.at++;
      const w = t.text.toLowerCase();
      return { kind: 'literal', value: w === 'null' ? null : w === 'true', line: t.line };
    }
    if (t.type === 'punct' && t.text === '(' && this.peek(1)?.type === 'word' && CASTS.has(this.peek(1)!.text.toLowerCase()) && this.peek(2)?.text === ')') {
      const cast = this.peek(1)!.text.toLowerCase();
      this.at += 3;
      const inner = this.simpleValue();
      return inner?.kind === 'env' ? { ...inner, cast } : inner;
    }
    if (t.type === 'punct' && t.text === '[') { this.at++; return this.array(']', t.line); }
    if (t.type === 'word' && t.text.toLowerCase() === 'array' && this.peek(1)?.text === '(') { this.at += 2; return this.array(')', t.line); }
    if (t.type === 'word' && /^\\?env$/.test(t.text) && this.peek(1)?.text === '(' && this.peek(2)?.type === 'str' && !this.peek(2)!.interpolated) {
      const name = this.peek(2)!.text;
      this.at += 3;
      let fallback: PhpValue | undefined;
      if (this.peek()?.text === ',') {
        this.at++;
        fallback = this.value();
      }
      if (this.peek()?.text !== ')') return undefined;
      this.at++;
      return { kind: 'env', name, ...(fallback ? { fallback } : {}), line: t.line };
    }
    return undefined;
  }

  array(close: string, line: number): Extract<PhpValue, { kind: 'array' | 'computed' }> {
    // Nesting is bounded: a hostile file of ten thousand `[` must end as a syntax problem, not a stack overflow.
    if (++this.depth > MAX_DEPTH) throw new SyntaxProblem('arrays nested too deeply to read', line);
    try {
      return this.arrayBody(close, line);
    } finally {
      this.depth--;
    }
  }

  private arrayBody(close: string, line: number): Extract<PhpValue, { kind: 'array' | 'computed' }> {
    const entries: PhpEntry[] = [];
    let computedKey = false;
    while (this.peek() && this.peek()!.text !== close) {
      const keyToken = this.peek()!;
      let key: string | undefined;
      if ((keyToken.type === 'str' && !keyToken.interpolated) || keyToken.type === 'num') {
        if (this.peek(1)?.text === '=>') {
          key = keyToken.text;
          this.at += 2;
        }
      } else if (this.lookAheadArrow()) {
        // A computed key (`SomeClass::class => ...`): the array's keys are not known, so neither is the array.
        computedKey = true;
        this.skipUntil('=>');
        this.at++;
      }
      const value = this.value();
      entries.push({ ...(key !== undefined ? { key } : {}), value, line: keyToken.line });
      if (this.peek()?.text === ',') this.at++;
      else if (this.peek()?.text !== close) throw new SyntaxProblem(`expected "," or "${close}", found "${this.peek()?.text ?? 'the end of the file'}"`, this.peek()?.line ?? line);
    }
    if (!this.peek()) throw new SyntaxProblem(`the array opened at line ${line} is not closed`, line);
    this.at++;
    return computedKey ? { kind: 'computed', text: 'an array with computed keys', line } : { kind: 'array', entries, line };
  }

  /** Whether a `=>` comes before the next `,` or closing bracket at depth 0. */
  private lookAheadArrow(): boolean {
    let depth = 0;
    for (let k = this.at; k < this.tokens.length; k++) {
      const t = this.tokens[k]!.text;
      if (depth === 0 && t === '=>') return true;
      if (['(', '[', '{'].includes(t)) depth++;
      else if ([')', ']', '}'].includes(t)) {
        if (depth === 0) return false;
        depth--;
      } else if (depth === 0 && (t === ',' || t === ';')) return false;
    }
    return false;
  }

  private skipUntil(text: string): void {
    while (this.peek() && this.peek()!.text !== text) this.at++;
  }

  private missingComma(t: Token): SyntaxProblem {
    return new SyntaxProblem(`expected "," or a closing bracket, found "${t.text}"`, t.line);
  }

  /** Skips one expression: to the next `,` `;` or unmatched closing bracket at depth 0. */
  skipExpression(): void {
    let depth = 0;
    let previous: Token | undefined;
    while (this.peek()) {
      const token = this.peek()!;
      const t = token.text;
      // Two operands in a row (`'a' => 1` then `'b' => 2` on the next line) are a missing comma, not an expression.
      // A cast's `)` (`(bool) $x`) ends no operand.
      const cast = previous?.text === ')' && CASTS.has(this.peek(-2)?.text.toLowerCase() ?? '') && this.peek(-3)?.text === '(';
      const operandEnd = previous && !cast && (['str', 'num', 'var'].includes(previous.type) || previous.text === ')' || previous.text === ']');
      if (operandEnd && ['str', 'num', 'var'].includes(token.type)) throw this.missingComma(token);
      previous = token;
      if (['(', '[', '{'].includes(t)) depth++;
      else if ([')', ']', '}'].includes(t)) {
        if (depth === 0) return;
        depth--;
      } else if (depth === 0 && (t === ',' || t === ';')) return;
      this.at++;
    }
  }

  /** Moves to the `return [` of the file (the array Laravel's config repository loads). */
  findReturn(): boolean {
    let depth = 0;
    while (this.peek()) {
      const t = this.peek()!;
      if (t.text === '{') depth++;
      else if (t.text === '}') depth--;
      else if (depth === 0 && t.type === 'word' && t.text === 'return') {
        this.at++;
        return true;
      }
      this.at++;
    }
    return false;
  }
}

/** Reads the array a Laravel config file returns. */
export function parsePhpConfig(text: string): PhpConfigFile {
  const reader = new Reader(tokenize(text));
  try {
    if (!reader.findReturn()) return {};
    const value = reader.value();
    if (value.kind !== 'array') return {};
    return { value };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { error: { line: e.line, message: e.message } };
    throw e;
  }
}

/** The entry at `key` of an array value (the last one, as PHP keeps it). */
export function entryOf(value: PhpValue | undefined, key: string): PhpEntry | undefined {
  if (value?.kind !== 'array') return undefined;
  for (let k = value.entries.length - 1; k >= 0; k--) if (value.entries[k]!.key === key) return value.entries[k];
  return undefined;
}
