// A reader of Elixir configuration scripts (`config/*.exs`), for the
// statically decidable subset: `config :app, Key, key: value` calls,
// `import_config "#{config_env()}.exs"`, `if config_env() == :prod do ... end`,
// variable assignments, and values that are literals, keyword lists, lists,
// `System.get_env("X")`, `System.get_env("X", "default")`,
// `System.fetch_env!("X")` and `System.get_env("X") || default` (or `|| raise`).
// Anything else (a function call, a map, string interpolation) is kept as
// `computed`: never a pass or a fail by guess. Nothing is executed.
// Elixir's config: https://hexdocs.pm/elixir/Config.html

export type ExAst =
  | { kind: 'lit'; value: string | number | boolean | null; atom?: boolean; alias?: boolean; line: number }
  | { kind: 'list'; items: ExAst[]; line: number }
  | { kind: 'kw'; entries: Array<{ key: string; value: ExAst; line: number }>; line: number }
  | { kind: 'var'; name: string; line: number }
  | { kind: 'call'; name: string; args: ExAst[]; line: number }
  | { kind: 'op'; op: string; left: ExAst; right: ExAst; line: number }
  | { kind: 'not'; operand: ExAst; line: number }
  | { kind: 'raise'; line: number }
  /** `if test do a else b end` used as a value: each branch worth its last expression (nil when empty). */
  | { kind: 'cond'; test: ExAst; negate: boolean; then: ExAst; otherwise: ExAst; line: number }
  /** A string with `#{...}`: its raw text, for `import_config`. */
  | { kind: 'template'; raw: string; line: number }
  | { kind: 'computed'; text: string; line: number };

export type ExStatement =
  | { kind: 'config'; args: ExAst[]; line: number }
  | { kind: 'import'; path: ExAst; line: number }
  | { kind: 'assign'; name: string; value: ExAst; line: number }
  | { kind: 'if'; test: ExAst; negate: boolean; then: ExStatement[]; otherwise: ExStatement[]; line: number };

export interface ExConfigFile {
  statements: ExStatement[];
  error?: { line: number; message: string };
}

interface Token {
  type: 'str' | 'num' | 'atom' | 'kw' | 'ident' | 'alias' | 'op' | 'sigil' | 'eof';
  text: string;
  line: number;
  /** A newline comes before this token. */
  nl: boolean;
  /** Whitespace comes right before this token. */
  space: boolean;
  interp?: boolean;
}

class SyntaxProblem extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

const OPS = ['===', '!==', '...', '<<<', '>>>', '<<', '>>', '==', '!=', '||', '&&', '|>', '<>', '++', '--', '->', '=>', '<=', '>=', '=~', '::', '..', '\\\\', '<-', '%{'];
const MAX_TOKENS = 300_000;
const MAX_DEPTH = 200;
const ATOM = /:[A-Za-z_][\w@]*[?!]?/y;
const NUMBER = /\d[\d_]*(\.\d+)?(e[+-]?\d+)?/iy;
const WORD = /[A-Za-z_]\w*[?!]?/y;
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>', '/': '/', '|': '|', '"': '"', "'": "'" };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  let nl = true;
  let space = true;
  const n = text.length;
  const push = (t: Omit<Token, 'nl' | 'space'>): void => {
    tokens.push({ type: t.type, text: t.text, line: t.line, nl, space, interp: t.interp === true });
    nl = false;
    space = false;
  };
  // Sticky expressions read at `i` in the text itself: no substring per token.
  const at = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    return re.exec(text)?.[0];
  };
  /** A quoted string from `i` (at the quote); returns its text and whether it interpolates. */
  const readString = (quote: string, triple: boolean): { text: string; interp: boolean } => {
    let out = '';
    let interp = false;
    i += triple ? 3 : 1;
    // Jumps from one character that matters (the quote, a backslash, `#`, a newline) to the next: linear on long strings.
    const special = quote === '"' ? /["\\#\n]/g : /['\\#\n]/g;
    while (i < n) {
      special.lastIndex = i;
      const found = special.exec(text);
      if (!found) break;
      out += text.slice(i, found.index);
      i = found.index;
      if (triple ? text.startsWith(quote.repeat(3), i) : text[i] === quote) {
        i += triple ? 3 : 1;
        return { text: out, interp };
      }
      const c = text[i]!;
      if (c === '\n') line++;
      if (c === '\\' && i + 1 < n) {
        out += text[i + 1] === quote ? quote : c + text[i + 1];
        if (text[i + 1] === '\n') line++;
        i += 2;
        continue;
      }
      if (c === '#' && text[i + 1] === '{') {
        interp = true;
        // Keep the interpolation's text (`#{config_env()}`), skipping nested braces.
        let depth = 0;
        const start = i;
        i += 1;
        while (i < n) {
          if (text[i] === '{') depth++;
          else if (text[i] === '}' && --depth === 0) break;
          else if (text[i] === '\n') line++;
          i++;
        }
        out += text.slice(start, i + 1);
        i++;
        continue;
      }
      out += c;
      i++;
    }
    throw new SyntaxProblem('a string is not closed', line);
  };
  while (i < n) {
    if (tokens.length > MAX_TOKENS) throw new SyntaxProblem('file too large to read', line);
    const c = text[i]!;
    if (c === '\n') { line++; i++; nl = true; space = true; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; space = true; continue; }
    if (c === '#') { while (i < n && text[i] !== '\n') i++; continue; }
    const start = line;
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const s = readString(c, triple);
      // `"key": value` in a keyword list.
      if (text[i] === ':' && /\s/.test(text[i + 1] ?? '')) {
        i++;
        push({ type: 'kw', text: s.text, line: start });
      } else push({ type: 'str', text: s.text, line: start, interp: s.interp });
      continue;
    }
    if (c === '~' && /[a-zA-Z]/.test(text[i + 1] ?? '')) {
      // A sigil: ~w(a b), ~r/x/, ~s"..." : an opaque value.
      let j = i + 2;
      while (j < n && /[A-Z]/.test(text[j]!)) j++;
      const open = text[j] ?? '';
      const close = CLOSERS[open];
      if (!close) throw new SyntaxProblem('a sigil has no delimiter', line);
      const triple = (open === '"' || open === "'") && text.startsWith(open.repeat(3), j);
      i = j;
      if (triple) readString(open, true);
      else {
        i++;
        let depth = 1;
        while (i < n && depth > 0) {
          if (text[i] === '\\') i++;
          else if (text[i] === close && close !== open ? --depth === 0 : text[i] === close) depth = 0;
          else if (text[i] === open && close !== open) depth++;
          if (text[i] === '\n') line++;
          i++;
        }
        if (depth > 0) throw new SyntaxProblem('a sigil is not closed', start);
      }
      while (i < n && /[a-zA-Z]/.test(text[i]!)) i++;
      push({ type: 'sigil', text: '~sigil', line: start });
      continue;
    }
    if (c === ':' && text[i + 1] === '"') {
      i++;
      const s = readString('"', false);
      push({ type: 'atom', text: s.text, line: start });
      continue;
    }
    if (c === ':' && /[a-zA-Z_]/.test(text[i + 1] ?? '')) {
      // `:timer.minutes(90)` is a call on the atom: an atom's name stops at the dot.
      const m = at(ATOM)!;
      push({ type: 'atom', text: m.slice(1), line: start });
      i += m.length;
      continue;
    }
    const num = at(NUMBER);
    if (num) { push({ type: 'num', text: num, line: start }); i += num.length; continue; }
    if (c === '?' && i + 1 < n) {
      // A character literal (?a): a number.
      push({ type: 'num', text: '0', line: start });
      i += text[i + 1] === '\\' ? 3 : 2;
      continue;
    }
    const w = at(WORD);
    if (w) {
      i += w.length;
      if (text[i] === ':' && text[i + 1] !== ':' && /[\s]/.test(text[i + 1] ?? ' ')) {
        i++;
        push({ type: 'kw', text: w, line: start });
      } else push({ type: /^[A-Z]/.test(w) ? 'alias' : 'ident', text: w, line: start });
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i)) ?? c;
    push({ type: 'op', text: op, line: start });
    i += op.length;
  }
  tokens.push({ type: 'eof', text: '', line, nl: true, space: true });
  return tokens;
}

// Binary operators and their precedence (Elixir's table, lowest first); `when`, `|`, `::` and `<-` are read but never evaluated.
const BINARY: Record<string, number> = {
  '\\\\': 1, '<-': 1, when: 2, '::': 3, '|': 4, '=>': 5, '=': 6,
  '||': 7, or: 7, '&&': 8, and: 8,
  '==': 9, '!=': 9, '===': 9, '!==': 9, '=~': 9,
  '<': 10, '>': 10, '<=': 10, '>=': 10,
  '|>': 11, '<<<': 11, '>>>': 11, '<>': 12, '++': 12, '--': 12, '..': 12, in: 13,
  '+': 14, '-': 14, '*': 15, '/': 15,
};
const BLOCK_WORDS = new Set(['if', 'unless', 'case', 'cond', 'with', 'for', 'try', 'receive', 'quote', 'defmodule', 'def', 'defp']);

class Parser {
  private at = 0;
  /** While reading an `if` test: its `do` opens the statement's block, not a call's. */
  private inTest = false;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.at + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.at++;
    return t;
  }

  private is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return (t.type === 'op' || t.type === 'ident') && t.text === text;
  }

  private expect(text: string): Token {
    const t = this.next();
    if (t.text !== text || (t.type !== 'op' && t.type !== 'ident')) throw new SyntaxProblem(`expected "${text}", found "${t.text || 'the end of the file'}"`, t.line);
    return t;
  }

  statements(insideBlock: boolean): ExStatement[] {
    if (this.depth > MAX_DEPTH) throw new SyntaxProblem('nested too deeply to read', this.peek().line);
    const out: ExStatement[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type === 'eof') {
        if (insideBlock) throw new SyntaxProblem('a do-block is not closed by "end"', t.line);
        return out;
      }
      if (insideBlock && t.type === 'ident' && (t.text === 'end' || t.text === 'else')) return out;
      if (t.type === 'op' && t.text === ';') { this.next(); continue; }
      const s = this.statement();
      if (s) out.push(s);
    }
  }

  private statement(): ExStatement | undefined {
    const t = this.peek();
    if (t.type === 'ident' && (t.text === 'if' || t.text === 'unless') && !this.peek(1).nl) {
      const start = this.at;
      this.next();
      const test = this.doTest();
      if (test) {
        this.depth++;
        try {
          const then = this.statements(true);
          let otherwise: ExStatement[] = [];
          if (this.is('else')) {
            this.next();
            otherwise = this.statements(true);
          }
          this.expect('end');
          return { kind: 'if', test, negate: t.text === 'unless', then, otherwise, line: t.line };
        } finally {
          this.depth--;
        }
      }
      // `if x, do: y`: an expression whose value is unused.
      this.at = start;
    }
    if (t.type === 'ident' && (t.text === 'config' || t.text === 'import_config') && !this.isOperatorAfter(1)) {
      this.next();
      const args = this.callArgs(t.line);
      if (t.text === 'import_config') return args[0] ? { kind: 'import', path: args[0], line: t.line } : undefined;
      return { kind: 'config', args, line: t.line };
    }
    if (t.type === 'ident' && this.is('=', 1) && !BLOCK_WORDS.has(t.text)) {
      this.next();
      this.next();
      return { kind: 'assign', name: t.text, value: this.expression(0), line: t.line };
    }
    this.expression(0);
    return undefined;
  }

  /** Whether the token at `offset` is followed by a binary operator (then `config` is a variable, not the call). */
  private isOperatorAfter(offset: number): boolean {
    const t = this.peek(offset);
    return t.type === 'op' && t.text in BINARY && t.text !== '-';
  }

  expression(minPrec: number): ExAst {
    // Nesting is bounded: a hostile file of ten thousand `[` must end as a syntax problem, not a stack overflow.
    if (++this.depth > MAX_DEPTH) throw new SyntaxProblem('nested too deeply to read', this.peek().line);
    try {
      return this.binary(minPrec);
    } finally {
      this.depth--;
    }
  }

  private binary(minPrec: number): ExAst {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const op = t.type === 'op' || (t.type === 'ident' && ['or', 'and', 'in', 'when'].includes(t.text)) ? t.text : undefined;
      // `not in`
      const notIn = t.type === 'ident' && t.text === 'not' && this.peek(1).type === 'ident' && this.peek(1).text === 'in';
      const prec = notIn ? BINARY.in! : op !== undefined ? BINARY[op] : undefined;
      // A newline ends an expression unless a pipe continues it.
      if (prec === undefined || prec < minPrec || (t.nl && op !== '|>')) return left;
      this.next();
      if (notIn) this.next();
      const right = this.expression(prec + (op === '=' || op === '||' || op === '&&' || op === '++' || op === '<>' ? 0 : 1));
      left = { kind: 'op', op: notIn ? 'not in' : op!, left, right, line: t.line };
    }
  }

  private unary(): ExAst {
    const t = this.peek();
    if ((t.type === 'ident' && t.text === 'not') || (t.type === 'op' && t.text === '!')) {
      this.next();
      return { kind: 'not', operand: this.expression(BINARY.in! + 2), line: t.line };
    }
    if (t.type === 'op' && (t.text === '-' || t.text === '+' || t.text === '&' || t.text === '@' || t.text === '^')) {
      this.next();
      const operand = this.expression(BINARY['*']! + 1);
      if (t.text === '-' && operand.kind === 'lit' && typeof operand.value === 'number') return { ...operand, value: -operand.value };
      return { kind: 'computed', text: t.text, line: t.line };
    }
    return this.postfix(this.primary());
  }

  /** `x.y`, `x.y(args)`, `x[key]`, `x.(args)`: computed, consumed. */
  private postfix(ast: ExAst): ExAst {
    for (;;) {
      const t = this.peek();
      if (t.type === 'op' && t.text === '.' && !t.nl) {
        this.next();
        const member = this.next();
        if (member.type === 'op' && member.text === '(') {
          this.at--;
          this.callArgs(member.line);
        } else if (this.is('(') && !this.peek().space) this.callArgs(member.line);
        ast = { kind: 'computed', text: 'member', line: t.line };
        continue;
      }
      if (t.type === 'op' && t.text === '[' && !t.space && !t.nl) {
        this.next();
        this.list(']', t.line);
        ast = { kind: 'computed', text: 'access', line: t.line };
        continue;
      }
      return ast;
    }
  }

  private primary(): ExAst {
    const t = this.next();
    switch (t.type) {
      case 'str':
        return t.interp ? { kind: 'template', raw: t.text, line: t.line } : { kind: 'lit', value: t.text, line: t.line };
      case 'num':
        return { kind: 'lit', value: Number(t.text.replace(/_/g, '')), line: t.line };
      case 'atom':
        return { kind: 'lit', value: t.text, atom: true, line: t.line };
      case 'sigil':
        return { kind: 'computed', text: 'sigil', line: t.line };
      case 'kw': {
        // A keyword list without brackets (in call arguments): `key: value, other: value`.
        this.at--;
        return this.keywords(t.line, undefined);
      }
      case 'alias':
        return this.aliasOrCall(t);
      case 'ident':
        return this.identifier(t);
      case 'op':
        if (t.text === '[') return this.list(']', t.line);
        if (t.text === '{') {
          this.list('}', t.line);
          return { kind: 'computed', text: 'tuple', line: t.line };
        }
        if (t.text === '%{' || t.text === '%') {
          if (t.text === '%') {
            while (this.peek().type === 'alias' || this.is('.')) this.next();
            this.expect('{');
          }
          this.list('}', t.line);
          return { kind: 'computed', text: 'map', line: t.line };
        }
        if (t.text === '<<') {
          this.list('>>', t.line);
          return { kind: 'computed', text: 'binary', line: t.line };
        }
        if (t.text === '(') {
          // A parenthesised block: expressions separated by newlines or `;`, worth its last one
          // (`listen_ip = (str = ...\n case ... end)`).
          if (this.is(')')) {
            this.next();
            return { kind: 'lit', value: null, line: t.line };
          }
          let inner = this.expression(0);
          for (;;) {
            if (this.is(';')) {
              this.next();
              if (this.is(')')) break;
              inner = this.expression(0);
            } else if (!this.is(')') && this.peek().nl && this.peek().type !== 'eof') {
              inner = this.expression(0);
            } else break;
          }
          this.expect(')');
          return inner;
        }
        throw new SyntaxProblem(`unexpected "${t.text}"`, t.line);
      case 'eof':
        throw new SyntaxProblem('unexpected end of file', t.line);
    }
  }

  private aliasOrCall(first: Token): ExAst {
    const parts = [first.text];
    while (this.is('.') && !this.peek().nl && this.peek(1).type === 'alias') {
      this.next();
      parts.push(this.next().text);
    }
    if (this.is('.') && !this.peek().nl && this.peek(1).type === 'ident') {
      this.next();
      const fn = this.next();
      const name = `${parts.join('.')}.${fn.text}`;
      const args = this.is('(') && !this.peek().space ? this.callArgs(fn.line) : this.startsArgument() ? this.callArgs(fn.line) : [];
      this.doBlock();
      return { kind: 'call', name, args, line: first.line };
    }
    return { kind: 'lit', value: parts.join('.'), alias: true, line: first.line };
  }

  private identifier(t: Token): ExAst {
    if (t.text === 'true' || t.text === 'false') return { kind: 'lit', value: t.text === 'true', line: t.line };
    if (t.text === 'nil') return { kind: 'lit', value: null, line: t.line };
    if (t.text === 'fn') {
      this.skipTo('end', t.line);
      return { kind: 'computed', text: 'fn', line: t.line };
    }
    if (t.text === 'raise' || t.text === 'throw' || t.text === 'exit') {
      if (this.startsArgument() || this.is('(')) this.callArgs(t.line);
      return { kind: 'raise', line: t.line };
    }
    // `if x do ... end` as a value; `if(x, do: a, else: b)` is a call, read below.
    if ((t.text === 'if' || t.text === 'unless') && !this.peek().nl && !(this.is('(') && !this.peek().space)) {
      const cond = this.condExpression(t);
      if (cond) return cond;
    }
    if (BLOCK_WORDS.has(t.text)) {
      // `case ... do ... end`, `if x, do: y, else: z`: computed, consumed to its end. An `if` test may start with a
      // unary operator (`if !(v in [nil, "ipv6"]), do: raise(...)`, supabase/realtime).
      if (this.startsArgument() || this.is('(') || ((t.text === 'if' || t.text === 'unless') && !this.peek().nl)) this.callArgs(t.line);
      this.doBlock();
      return { kind: 'computed', text: t.text, line: t.line };
    }
    if (this.is('(') && !this.peek().space) {
      const args = this.callArgs(t.line);
      this.doBlock();
      return { kind: 'call', name: t.text, args, line: t.line };
    }
    if (this.startsArgument()) {
      const args = this.callArgs(t.line);
      this.doBlock();
      return { kind: 'call', name: t.text, args, line: t.line };
    }
    if (this.doBlock()) return { kind: 'computed', text: t.text, line: t.line };
    return { kind: 'var', name: t.text, line: t.line };
  }

  /** The test of an `if`/`unless` and its `do` (consumed), or undefined for the keyword form `if x, do: y`. */
  private doTest(): ExAst | undefined {
    this.inTest = true;
    let test: ExAst;
    try {
      test = this.expression(0);
    } finally {
      this.inTest = false;
    }
    if (!(this.is('do') && this.peek().type === 'ident')) return undefined;
    this.next();
    return test;
  }

  /**
   * `if test do ... else ... end` as a value (`secret_key_base = if System.get_env("X") do ... end`): the test and
   * each branch's last expression. Undefined (nothing consumed) for the keyword form `if x, do: y`.
   */
  private condExpression(t: Token): ExAst | undefined {
    const start = this.at;
    const test = this.doTest();
    if (!test) {
      this.at = start;
      return undefined;
    }
    this.depth++;
    try {
      const then = this.blockValue(t.line);
      let otherwise: ExAst = { kind: 'lit', value: null, line: t.line };
      if (this.is('else')) {
        this.next();
        otherwise = this.blockValue(t.line);
      }
      this.expect('end');
      return { kind: 'cond', test, negate: t.text === 'unless', then, otherwise, line: t.line };
    } finally {
      this.depth--;
    }
  }

  /** The expressions of a do-block up to its `else` or `end`, worth the last one (nil when empty). */
  private blockValue(line: number): ExAst {
    let value: ExAst = { kind: 'lit', value: null, line };
    for (;;) {
      const t = this.peek();
      if (t.type === 'eof') throw new SyntaxProblem('a do-block is not closed by "end"', line);
      if (t.type === 'ident' && (t.text === 'end' || t.text === 'else')) return value;
      if (t.type === 'op' && t.text === ';') {
        this.next();
        continue;
      }
      value = this.expression(0);
    }
  }

  /** Whether the next token, on the same line and after a space, starts an argument of a call without parentheses. */
  private startsArgument(): boolean {
    const t = this.peek();
    if (t.nl || !t.space) return false;
    if (['str', 'num', 'atom', 'kw', 'alias', 'sigil'].includes(t.type)) return true;
    if (t.type === 'ident') return !['do', 'end', 'else', 'and', 'or', 'in', 'when', 'not'].includes(t.text);
    return t.type === 'op' && ['[', '{', '%{', '%', '<<'].includes(t.text);
  }

  /** A `do ... end` block after a call: skipped. */
  private doBlock(): boolean {
    if (this.inTest || !(this.peek().type === 'ident' && this.peek().text === 'do')) return false;
    const t = this.next();
    this.skipTo('end', t.line);
    return true;
  }

  /** Skips to the `end` matching an opener already consumed (`do` or `fn`). */
  private skipTo(end: string, line: number): void {
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t.type === 'eof') throw new SyntaxProblem('a block is not closed by "end"', line);
      if (t.type === 'ident' && (t.text === 'do' || t.text === 'fn')) depth++;
      else if (t.type === 'ident' && t.text === end && --depth === 0) return;
    }
  }

  /** Arguments with or without parentheses; a trailing `key: value, ...` is one keyword list. */
  private callArgs(line: number): ExAst[] {
    const parens = this.is('(') && !this.peek().space;
    if (parens) this.next();
    const args: ExAst[] = [];
    if (parens && this.is(')')) {
      this.next();
      return args;
    }
    for (;;) {
      if (this.peek().type === 'kw') {
        args.push(this.keywords(line, parens ? ')' : undefined));
      } else args.push(this.expression(0));
      if (this.is(',')) {
        this.next();
        continue;
      }
      break;
    }
    if (parens) this.expect(')');
    return args;
  }

  private keywords(line: number, close: string | undefined): ExAst {
    const entries: Array<{ key: string; value: ExAst; line: number }> = [];
    for (;;) {
      const k = this.next();
      if (k.type !== 'kw') throw new SyntaxProblem(`expected a keyword, found "${k.text}"`, k.line);
      entries.push({ key: k.text, value: this.expression(0), line: k.line });
      if (this.is(',') && this.peek(1).type === 'kw') {
        this.next();
        continue;
      }
      if (close && this.is(',') && this.is(close, 1)) this.next();
      break;
    }
    return { kind: 'kw', entries, line };
  }

  /** `[a, b]` or `[key: value]` up to `close` (already past the opener). */
  private list(close: string, line: number): ExAst {
    const items: ExAst[] = [];
    if (this.is(close)) {
      this.next();
      return { kind: 'list', items, line };
    }
    if (this.peek().type === 'kw') {
      const kw = this.keywords(line, close);
      if (this.is(',')) this.next();
      this.expect(close);
      return kw;
    }
    for (;;) {
      if (this.peek().type === 'kw') {
        items.push(this.keywords(line, close));
        if (this.is(',')) this.next();
        break;
      }
      items.push(this.expression(0));
      if (this.is('|')) {
        this.next();
        this.expression(0);
      }
      if (!this.is(',')) break;
      this.next();
      if (this.is(close)) break;
    }
    this.expect(close);
    return { kind: 'list', items, line };
  }
}

/** Reads the statements of a config script; a file that does not parse has an `error` and no statements. */
export function parseElixirConfig(text: string): ExConfigFile {
  try {
    return { statements: new Parser(tokenize(text)).statements(false) };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { statements: [], error: { line: e.line, message: e.message } };
    throw e;
  }
}
