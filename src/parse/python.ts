// A small static reader for the subset of Python that settings modules and
// migrations are written in. Nothing from the repository is imported or run:
// the text is tokenized (strings incl. triple-quoted and prefixed ones,
// comments, bracket nesting, backslash continuations, indentation) and then
// split into logical lines, from which module-level assignments, star imports,
// class bodies and call expressions are read. Anything outside the subset
// becomes an `unknown` expression rather than a wrong answer.

export type TokenType = 'name' | 'number' | 'string' | 'op';

export interface Token {
  type: TokenType;
  /** For strings: the decoded value (escapes of non-raw strings resolved). */
  value: string;
  line: number;
  /** For strings: the prefix letters, lower-cased (`f`, `rb`...). */
  prefix?: string;
}

export interface LogicalLine {
  tokens: Token[];
  /** Column of the first token (indentation). */
  indent: number;
  line: number;
  endLine: number;
}

export type PyExpr =
  | { kind: 'str'; value: string; line: number; fString?: boolean }
  | { kind: 'num'; value: number; line: number }
  | { kind: 'bool'; value: boolean; line: number }
  | { kind: 'none'; line: number }
  | { kind: 'list' | 'tuple' | 'set'; items: PyExpr[]; line: number }
  | { kind: 'dict'; entries: Array<{ key: PyExpr; value: PyExpr }>; line: number }
  | { kind: 'name'; name: string; line: number }
  | { kind: 'attr'; object: PyExpr; name: string; line: number }
  | { kind: 'call'; callee: PyExpr; args: PyExpr[]; kwargs: Record<string, PyExpr>; line: number; endLine: number }
  | { kind: 'subscript'; object: PyExpr; index: PyExpr; line: number }
  | { kind: 'binop'; op: string; left: PyExpr; right: PyExpr; line: number }
  | { kind: 'unary'; op: string; operand: PyExpr; line: number }
  | { kind: 'ternary'; test: PyExpr; then: PyExpr; otherwise: PyExpr; line: number }
  /** `*name` inside a list, tuple or set display: its items are spliced in. */
  | { kind: 'starred'; value: PyExpr; line: number }
  | { kind: 'unknown'; text: string; line: number };

export type PyStatement =
  | { kind: 'assign'; targets: string[]; value: PyExpr; op: '=' | '+=' | '-=' | '|='; line: number; endLine: number }
  | { kind: 'star-import'; module: string; line: number }
  | { kind: 'import'; module: string; names: string[]; line: number; bindings?: Array<{ name: string; as: string }> }
  | { kind: 'expr'; value: PyExpr; line: number; endLine: number }
  | { kind: 'class'; name: string; bases: PyExpr[]; body: PyStatement[]; line: number; endLine: number }
  | { kind: 'def'; name: string; body: PyStatement[]; line: number; endLine: number }
  | { kind: 'block'; keyword: string; test?: PyExpr; body: PyStatement[]; line: number; endLine: number }
  | { kind: 'other'; line: number };

export interface PyModule {
  statements: PyStatement[];
  lines: LogicalLine[];
  /** Tokenizer problems (unterminated string...); the module may be partial. */
  errors: Array<{ line: number; message: string }>;
}

// ---------------------------------------------------------------------------
// Tokenizer

// Sticky regexes: each is tried at the current offset only (no slicing per token).
const STRING_START = /([rRbBuUfF]{0,2})('''|"""|'|")/y;
const STRING_PREFIX = /^(|[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])$/;
const WORD = /[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*/y;
const NUMBER = /0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?[jJ]?/y;
const OPERATOR = /\*\*=|\/\/=|>>=|<<=|\.\.\.|->|:=|\*\*|\/\/|==|!=|<=|>=|<<|>>|[-+*/%&|^@]=|[()[\]{},:.;@=+\-*/%<>&|^~]/y;

const stickyAt = (re: RegExp, source: string, i: number): RegExpExecArray | null => {
  re.lastIndex = i;
  return re.exec(source);
};

/** Splits source into logical lines of tokens; never throws. */
export function tokenize(source: string): { lines: LogicalLine[]; errors: Array<{ line: number; message: string }> } {
  const lines: LogicalLine[] = [];
  const errors: Array<{ line: number; message: string }> = [];
  let current: Token[] = [];
  let indent = 0;
  let startLine = 1;
  let depth = 0;
  let line = 1;
  let atLineStart = true;
  let column = 0;
  let i = 0;
  const n = source.length;

  const flush = (): void => {
    if (current.length) lines.push({ tokens: current, indent, line: startLine, endLine: current[current.length - 1]!.line });
    current = [];
  };

  while (i < n) {
    const ch = source[i]!;
    if (atLineStart) {
      // Measure indentation of a new physical line (only meaningful outside brackets).
      column = 0;
      while (i < n && (source[i] === ' ' || source[i] === '\t' || source[i] === '\f')) {
        column += source[i] === '\t' ? 8 - (column % 8) : 1;
        i++;
      }
      atLineStart = false;
      continue;
    }
    if (ch === '\n') {
      line++;
      i++;
      atLineStart = true;
      if (depth === 0) flush();
      continue;
    }
    if (ch === '\r' || ch === ' ' || ch === '\t' || ch === '\f') {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '\\' && (source[i + 1] === '\n' || (source[i + 1] === '\r' && source[i + 2] === '\n'))) {
      // Explicit line continuation: the logical line goes on.
      i += source[i + 1] === '\r' ? 3 : 2;
      line++;
      continue;
    }
    if (current.length === 0 && depth === 0) {
      indent = column;
      startLine = line;
    }
    const stringStart = stickyAt(STRING_START, source, i);
    if (stringStart && STRING_PREFIX.test(stringStart[1]!)) {
      const prefix = stringStart[1]!.toLowerCase();
      const quote = stringStart[2]!;
      const tokenLine = line;
      let j = i + stringStart[0].length;
      let raw = '';
      let closed = false;
      while (j < n) {
        const c = source[j]!;
        if (c === '\\') {
          raw += source.slice(j, j + 2);
          if (source[j + 1] === '\n') line++;
          j += 2;
          continue;
        }
        if (source.startsWith(quote, j)) {
          j += quote.length;
          closed = true;
          break;
        }
        if (c === '\n') {
          if (quote.length === 1) break;
          line++;
        }
        raw += c;
        j++;
      }
      if (!closed) errors.push({ line: tokenLine, message: 'unterminated string' });
      current.push({ type: 'string', value: prefix.includes('r') ? raw : unescape(raw), line: tokenLine, prefix });
      i = j;
      continue;
    }
    const word = stickyAt(WORD, source, i);
    if (word) {
      current.push({ type: 'name', value: word[0], line });
      i += word[0].length;
      continue;
    }
    const number = stickyAt(NUMBER, source, i);
    if (number && number[0] !== '.' && number[0] !== '') {
      current.push({ type: 'number', value: number[0], line });
      i += number[0].length;
      continue;
    }
    const opMatch = stickyAt(OPERATOR, source, i);
    if (opMatch) {
      const op = opMatch[0];
      if (op === '(' || op === '[' || op === '{') depth++;
      if ((op === ')' || op === ']' || op === '}') && depth > 0) depth--;
      current.push({ type: 'op', value: op, line });
      i += op.length;
      continue;
    }
    // Anything else (a stray character) is kept so expressions containing it become unknown.
    current.push({ type: 'op', value: ch, line });
    i++;
  }
  if (depth > 0) errors.push({ line, message: 'unclosed bracket at end of file' });
  flush();
  return { lines: splitSemicolons(lines), errors };
}

function splitSemicolons(lines: LogicalLine[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  for (const l of lines) {
    if (!l.tokens.some((t) => t.type === 'op' && t.value === ';')) {
      out.push(l);
      continue;
    }
    let part: Token[] = [];
    let depth = 0;
    for (const t of l.tokens) {
      if (t.type === 'op' && '([{'.includes(t.value)) depth++;
      if (t.type === 'op' && ')]}'.includes(t.value)) depth--;
      if (t.type === 'op' && t.value === ';' && depth === 0) {
        if (part.length) out.push({ tokens: part, indent: l.indent, line: part[0]!.line, endLine: part[part.length - 1]!.line });
        part = [];
      } else part.push(t);
    }
    if (part.length) out.push({ tokens: part, indent: l.indent, line: part[0]!.line, endLine: part[part.length - 1]!.line });
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

function unescape(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (whole, esc: string) => {
    if (esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    return SIMPLE_ESCAPES[esc] ?? whole;
  });
}

// ---------------------------------------------------------------------------
// Expressions: a precedence-climbing parser over one logical line's tokens.

class ExprParser {
  pos = 0;
  constructor(private readonly tokens: Token[], private readonly endIndex = tokens.length) {}

  peek(offset = 0): Token | undefined {
    const k = this.pos + offset;
    return k < this.endIndex ? this.tokens[k] : undefined;
  }
  isOp(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && t.type === 'op' && t.value === value;
  }
  isName(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && t.type === 'name' && t.value === value;
  }
  atEnd(): boolean {
    return this.pos >= this.endIndex;
  }

  /** An expression list: `a, b` is a tuple as in Python. */
  parseExpressionList(): PyExpr {
    const line = this.peek()?.line ?? 0;
    const first = this.parseTest();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.pos++;
      if (this.atEnd() || this.isOp('=') || this.isOp(')')) break;
      items.push(this.parseTest());
    }
    return { kind: 'tuple', items, line };
  }

  parseTest(): PyExpr {
    if (this.isName('lambda')) return this.skipUnknown();
    const body = this.parseOr();
    if (this.isName('if')) {
      this.pos++;
      const test = this.parseOr();
      if (!this.isName('else')) return { kind: 'unknown', text: 'conditional expression', line: body.line };
      this.pos++;
      const otherwise = this.parseTest();
      return { kind: 'ternary', test, then: body, otherwise, line: body.line };
    }
    return body;
  }

  parseOr(): PyExpr {
    let left = this.parseAnd();
    while (this.isName('or')) {
      this.pos++;
      left = { kind: 'binop', op: 'or', left, right: this.parseAnd(), line: left.line };
    }
    return left;
  }
  parseAnd(): PyExpr {
    let left = this.parseNot();
    while (this.isName('and')) {
      this.pos++;
      left = { kind: 'binop', op: 'and', left, right: this.parseNot(), line: left.line };
    }
    return left;
  }
  parseNot(): PyExpr {
    if (this.isName('not')) {
      const line = this.peek()!.line;
      this.pos++;
      return { kind: 'unary', op: 'not', operand: this.parseNot(), line };
    }
    return this.parseComparison();
  }
  parseComparison(): PyExpr {
    let left = this.parseBinary(0);
    for (;;) {
      let op: string | undefined;
      const t = this.peek();
      if (!t) break;
      if (t.type === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(t.value)) op = t.value;
      else if (t.type === 'name' && t.value === 'in') op = 'in';
      else if (t.type === 'name' && t.value === 'not' && this.isName('in', 1)) op = 'not in';
      else if (t.type === 'name' && t.value === 'is') op = this.isName('not', 1) ? 'is not' : 'is';
      if (!op) break;
      this.pos += op.includes(' ') ? 2 : 1;
      left = { kind: 'binop', op, left, right: this.parseBinary(0), line: left.line };
    }
    return left;
  }

  static readonly LEVELS: string[][] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];

  parseBinary(level: number): PyExpr {
    if (level >= ExprParser.LEVELS.length) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const t = this.peek();
      if (!t || t.type !== 'op' || !ExprParser.LEVELS[level]!.includes(t.value)) break;
      this.pos++;
      left = { kind: 'binop', op: t.value, left, right: this.parseBinary(level + 1), line: left.line };
    }
    return left;
  }
  parseUnary(): PyExpr {
    const t = this.peek();
    if (t && t.type === 'op' && (t.value === '-' || t.value === '+' || t.value === '~')) {
      this.pos++;
      const operand = this.parseUnary();
      if (operand.kind === 'num' && t.value !== '~') return { ...operand, value: t.value === '-' ? -operand.value : operand.value };
      return { kind: 'unary', op: t.value, operand, line: t.line };
    }
    return this.parsePower();
  }
  parsePower(): PyExpr {
    const base = this.parsePostfix();
    if (this.isOp('**')) {
      this.pos++;
      return { kind: 'binop', op: '**', left: base, right: this.parseUnary(), line: base.line };
    }
    return base;
  }
  parsePostfix(): PyExpr {
    let expr = this.parseAtom();
    for (;;) {
      if (this.isOp('.')) {
        const name = this.peek(1);
        if (!name || name.type !== 'name') break;
        this.pos += 2;
        expr = { kind: 'attr', object: expr, name: name.value, line: expr.line };
      } else if (this.isOp('(')) {
        expr = this.parseCall(expr);
      } else if (this.isOp('[')) {
        this.pos++;
        const index = this.isOp(']') ? ({ kind: 'unknown', text: '[]', line: expr.line } as PyExpr) : this.parseSubscriptIndex();
        this.expectClose(']');
        expr = { kind: 'subscript', object: expr, index, line: expr.line };
      } else break;
    }
    return expr;
  }
  parseSubscriptIndex(): PyExpr {
    const start = this.pos;
    const expr = this.parseExpressionList();
    if (this.isOp(':')) {
      this.pos = start;
      return this.skipUnknown();
    }
    return expr;
  }
  parseCall(callee: PyExpr): PyExpr {
    this.pos++; // (
    const args: PyExpr[] = [];
    const kwargs: Record<string, PyExpr> = {};
    while (!this.atEnd() && !this.isOp(')')) {
      const t = this.peek()!;
      if (t.type === 'name' && this.isOp('=', 1)) {
        this.pos += 2;
        kwargs[t.value] = this.parseTest();
      } else if (this.isOp('*') || this.isOp('**')) {
        this.pos++;
        const splat = this.parseTest();
        args.push({ kind: 'unknown', text: 'unpacked arguments', line: splat.line });
      } else {
        const value = this.parseTest();
        if (this.isName('for')) args.push(this.skipComprehension(value.line));
        else args.push(value);
      }
      if (this.isOp(',')) this.pos++;
      else if (!this.isOp(')')) this.skipUnknownUntilClose();
    }
    const end = this.peek();
    this.expectClose(')');
    return { kind: 'call', callee, args, kwargs, line: callee.line, endLine: end?.line ?? callee.line };
  }
  parseAtom(): PyExpr {
    const t = this.peek();
    if (!t) return { kind: 'unknown', text: '', line: 0 };
    if (t.type === 'string') {
      // Adjacent string literals concatenate.
      let value = '';
      let fString = false;
      while (this.peek()?.type === 'string') {
        const s = this.peek()!;
        value += s.value;
        if (s.prefix?.includes('f')) fString = true;
        this.pos++;
      }
      return fString ? { kind: 'str', value, line: t.line, fString } : { kind: 'str', value, line: t.line };
    }
    if (t.type === 'number') {
      this.pos++;
      const clean = t.value.replace(/_/g, '');
      const value = /^0[xob]/i.test(clean) ? Number(clean) : parseFloat(clean);
      return Number.isFinite(value) && !/[jJ]$/.test(clean) ? { kind: 'num', value, line: t.line } : { kind: 'unknown', text: t.value, line: t.line };
    }
    if (t.type === 'name') {
      this.pos++;
      if (t.value === 'True' || t.value === 'False') return { kind: 'bool', value: t.value === 'True', line: t.line };
      if (t.value === 'None') return { kind: 'none', line: t.line };
      return { kind: 'name', name: t.value, line: t.line };
    }
    if (t.value === '(') {
      this.pos++;
      if (this.isOp(')')) {
        this.pos++;
        return { kind: 'tuple', items: [], line: t.line };
      }
      const first = this.parseTest();
      if (this.isName('for')) {
        const unknown = this.skipComprehension(t.line);
        this.expectClose(')');
        return unknown;
      }
      if (this.isOp(')')) {
        this.pos++;
        return first;
      }
      const items = [first];
      while (this.isOp(',')) {
        this.pos++;
        if (this.isOp(')')) break;
        items.push(this.parseTest());
      }
      if (!this.isOp(')')) this.skipUnknownUntilClose();
      this.expectClose(')');
      return { kind: 'tuple', items, line: t.line };
    }
    if (t.value === '[') {
      this.pos++;
      const items = this.parseItems(']');
      if (items === undefined) return { kind: 'unknown', text: 'list comprehension', line: t.line };
      return { kind: 'list', items, line: t.line };
    }
    if (t.value === '{') return this.parseBrace();
    return this.skipUnknown();
  }
  /** Items up to `close` (consumed); undefined for a comprehension. */
  parseItems(close: string): PyExpr[] | undefined {
    const items: PyExpr[] = [];
    while (!this.atEnd() && !this.isOp(close)) {
      const star = this.isOp('*');
      if (star) this.pos++;
      const parsed = this.parseTest();
      const item: PyExpr = star ? { kind: 'starred', value: parsed, line: parsed.line } : parsed;
      if (this.isName('for')) {
        this.skipComprehension(item.line);
        this.expectClose(close);
        return undefined;
      }
      items.push(item);
      if (this.isOp(',')) this.pos++;
      else if (!this.isOp(close)) this.skipUnknownUntilClose();
    }
    this.expectClose(close);
    return items;
  }
  parseBrace(): PyExpr {
    const open = this.peek()!;
    this.pos++;
    if (this.isOp('}')) {
      this.pos++;
      return { kind: 'dict', entries: [], line: open.line };
    }
    const entries: Array<{ key: PyExpr; value: PyExpr }> = [];
    const items: PyExpr[] = [];
    let isDict: boolean | undefined;
    while (!this.atEnd() && !this.isOp('}')) {
      if (this.isOp('**')) {
        this.pos++;
        this.parseTest();
        isDict = true;
      } else {
        const key = this.parseTest();
        if (this.isName('for')) {
          this.skipComprehension(key.line);
          this.expectClose('}');
          return { kind: 'unknown', text: 'comprehension', line: open.line };
        }
        if (this.isOp(':')) {
          this.pos++;
          isDict = true;
          const value = this.parseTest();
          if (this.isName('for')) {
            this.skipComprehension(key.line);
            this.expectClose('}');
            return { kind: 'unknown', text: 'comprehension', line: open.line };
          }
          entries.push({ key, value });
        } else {
          isDict = isDict ?? false;
          items.push(key);
        }
      }
      if (this.isOp(',')) this.pos++;
      else if (!this.isOp('}')) this.skipUnknownUntilClose();
    }
    this.expectClose('}');
    return isDict === false ? { kind: 'set', items, line: open.line } : { kind: 'dict', entries, line: open.line };
  }
  skipComprehension(line: number): PyExpr {
    this.skipUnknownUntilClose();
    return { kind: 'unknown', text: 'comprehension', line };
  }
  /** Skips to the closing bracket of the current nesting level (not consumed) or the end. */
  skipUnknownUntilClose(): void {
    let depth = 0;
    while (!this.atEnd()) {
      const t = this.peek()!;
      if (t.type === 'op' && '([{'.includes(t.value)) depth++;
      if (t.type === 'op' && ')]}'.includes(t.value)) {
        if (depth === 0) return;
        depth--;
      }
      if (depth === 0 && t.type === 'op' && t.value === ',') return;
      this.pos++;
    }
  }
  /** Consumes one unsupported construct up to the next comma/close at this level. */
  skipUnknown(): PyExpr {
    const start = this.peek();
    const from = this.pos;
    this.skipUnknownUntilClose();
    if (this.pos === from && !this.atEnd()) this.pos++;
    const text = this.tokens
      .slice(from, this.pos)
      .map((t) => t.value)
      .join(' ');
    return { kind: 'unknown', text, line: start?.line ?? 0 };
  }
  expectClose(close: string): void {
    if (this.isOp(close)) this.pos++;
  }
}

/** Parses the tokens of an expression; trailing tokens make it unknown. */
export function parseExpression(tokens: Token[]): PyExpr {
  const unknown = (): PyExpr => ({ kind: 'unknown', text: tokens.map((t) => t.value).join(' '), line: tokens[0]?.line ?? 0 });
  const parser = new ExprParser(tokens);
  let expr: PyExpr;
  try {
    expr = parser.parseExpressionList();
  } catch (error) {
    if (error instanceof RangeError) return unknown();
    throw error;
  }
  if (!parser.atEnd() || expressionDepth(expr) > MAX_EXPRESSION_DEPTH) return unknown();
  return expr;
}

/**
 * Deeper expressions (thousands of nested brackets, a `+` chain of thousands
 * of terms) are generated code; keeping them would exhaust the stack of every
 * recursive walk (evaluate, callsIn) and fail the whole check.
 */
const MAX_EXPRESSION_DEPTH = 200;

/** Nesting depth of an expression tree, walked without recursion. */
function expressionDepth(root: PyExpr): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_EXPRESSION_DEPTH) break;
    for (const value of Object.values(node as object)) {
      if (Array.isArray(value)) for (const item of value) stack.push([item, depth + 1]);
      else if (value !== null && typeof value === 'object') stack.push([value, depth + 1]);
    }
  }
  return max;
}

// ---------------------------------------------------------------------------
// Statements

const ASSIGN_OPS = new Set(['=', '+=', '-=', '|=']);
const BLOCK_KEYWORDS = new Set(['if', 'elif', 'else', 'try', 'except', 'finally', 'for', 'while', 'with', 'async', 'match', 'case']);

/** Reads a module: statements with their nested bodies (classes, functions, blocks). */
export function parsePythonModule(source: string): PyModule {
  const { lines, errors } = tokenize(source);
  const index = { value: 0 };
  const statements = parseBlock(lines, index, -1);
  return { statements, lines, errors };
}

function parseBlock(lines: LogicalLine[], index: { value: number }, parentIndent: number): PyStatement[] {
  const out: PyStatement[] = [];
  let blockIndent: number | undefined;
  while (index.value < lines.length) {
    const line = lines[index.value]!;
    if (line.indent <= parentIndent) break;
    if (blockIndent === undefined) blockIndent = line.indent;
    if (line.indent < blockIndent) break;
    if (line.indent > blockIndent) {
      // Unexpected deeper indentation (e.g. after a one-line block); read it as its own block.
      out.push(...parseBlock(lines, index, blockIndent));
      continue;
    }
    index.value++;
    out.push(parseStatement(line, lines, index));
  }
  return out;
}

function parseStatement(line: LogicalLine, lines: LogicalLine[], index: { value: number }): PyStatement {
  const tokens = line.tokens;
  const first = tokens[0]!;
  const endsWithColon = (): number => {
    // Index of the top-level ':' that opens a block, or -1.
    let depth = 0;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.type === 'op' && '([{'.includes(t.value)) depth++;
      else if (t.type === 'op' && ')]}'.includes(t.value)) depth--;
      else if (depth === 0 && t.type === 'op' && t.value === ':') return k;
    }
    return -1;
  };
  const blockBody = (colon: number): PyStatement[] => {
    if (colon >= 0 && colon < tokens.length - 1) {
      // One-line body: `if x: DEBUG = True`.
      const rest = tokens.slice(colon + 1);
      return [parseStatement({ tokens: rest, indent: line.indent + 1, line: rest[0]!.line, endLine: line.endLine }, lines, index)];
    }
    return parseBlock(lines, index, line.indent);
  };
  const lastLineOf = (body: PyStatement[]): number => {
    const last = body[body.length - 1];
    if (!last) return line.endLine;
    return 'endLine' in last ? last.endLine : last.line;
  };

  if (first.type === 'name' && first.value === 'class') {
    const name = tokens[1]?.value ?? '';
    let bases: PyExpr[] = [];
    const colon = endsWithColon();
    if (tokens[2]?.value === '(') {
      const call = parseExpression(tokens.slice(1, colon >= 0 ? colon : tokens.length));
      if (call.kind === 'call') bases = call.args;
    }
    const body = blockBody(colon);
    return { kind: 'class', name, bases, body, line: line.line, endLine: lastLineOf(body) };
  }
  if (first.type === 'name' && (first.value === 'def' || (first.value === 'async' && tokens[1]?.value === 'def'))) {
    const name = tokens[first.value === 'def' ? 1 : 2]?.value ?? '';
    const body = blockBody(endsWithColon());
    return { kind: 'def', name, body, line: line.line, endLine: lastLineOf(body) };
  }
  if (first.type === 'op' && first.value === '@') return { kind: 'other', line: line.line };
  if (first.type === 'name' && BLOCK_KEYWORDS.has(first.value)) {
    const colon = endsWithColon();
    // `match`/`case` are soft keywords: `match = re.match(...)` is an assignment.
    const soft = first.value === 'match' || first.value === 'case';
    if (colon >= 0 && (!soft || (colon === tokens.length - 1 && colon > 1))) {
      const body = blockBody(colon);
      const testTokens = tokens.slice(1, colon);
      const block: PyStatement = { kind: 'block', keyword: first.value, body, line: line.line, endLine: lastLineOf(body) };
      if ((first.value === 'if' || first.value === 'elif') && testTokens.length) block.test = parseExpression(testTokens);
      return block;
    }
  }
  if (first.type === 'name' && first.value === 'from') {
    const importAt = tokens.findIndex((t) => t.type === 'name' && t.value === 'import');
    if (importAt > 0) {
      const module = tokens
        .slice(1, importAt)
        .map((t) => t.value)
        .join('');
      const names = tokens.slice(importAt + 1).filter((t) => t.type === 'name' && t.value !== 'as').map((t) => t.value);
      if (tokens[importAt + 1]?.value === '*') return { kind: 'star-import', module, line: line.line };
      return { kind: 'import', module, names, line: line.line, bindings: importBindings(tokens.slice(importAt + 1)) };
    }
  }
  if (first.type === 'name' && first.value === 'import') {
    // `import os.path, json as j` -> ['os.path', 'json']
    const names: string[] = [];
    let name = '';
    let alias = false;
    for (const t of tokens.slice(1)) {
      if (t.type === 'op' && t.value === ',') {
        if (name) names.push(name);
        name = '';
        alias = false;
      } else if (t.type === 'name' && t.value === 'as') alias = true;
      else if (!alias) name += t.value;
    }
    if (name) names.push(name);
    return { kind: 'import', module: '', names, line: line.line };
  }
  // Assignments: `A = B = expr`, `A: int = expr`, `A += expr`.
  let depth = 0;
  const splits: number[] = [];
  let op: '=' | '+=' | '-=' | '|=' = '=';
  let annotationAt = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.type === 'op' && '([{'.includes(t.value)) depth++;
    else if (t.type === 'op' && ')]}'.includes(t.value)) depth--;
    else if (depth === 0 && t.type === 'op' && ASSIGN_OPS.has(t.value)) {
      splits.push(k);
      op = t.value as typeof op;
      if (op !== '=') break;
    } else if (depth === 0 && t.type === 'op' && t.value === ':' && splits.length === 0 && annotationAt < 0) annotationAt = k;
    else if (depth === 0 && t.type === 'name' && t.value === 'lambda') break;
  }
  if (splits.length) {
    const targets: string[] = [];
    let from = 0;
    for (const split of splits) {
      const targetTokens = tokens.slice(from, annotationAt >= 0 && annotationAt < split ? annotationAt : split);
      targets.push(targetTokens.map((t) => (t.type === 'string' ? JSON.stringify(t.value) : t.value)).join(''));
      from = split + 1;
    }
    const valueTokens = tokens.slice(splits[splits.length - 1]! + 1);
    const value = valueTokens.length ? parseExpression(valueTokens) : ({ kind: 'unknown', text: '', line: line.line } as PyExpr);
    return { kind: 'assign', targets, value, op, line: line.line, endLine: line.endLine };
  }
  if (first.type === 'name' && ['return', 'pass', 'raise', 'global', 'nonlocal', 'del', 'assert', 'yield', 'break', 'continue'].includes(first.value)) {
    return { kind: 'other', line: line.line };
  }
  return { kind: 'expr', value: parseExpression(tokens), line: line.line, endLine: line.endLine };
}

/** `a, b as c` (parentheses allowed) -> [{a, a}, {b, c}]: the names a `from` import binds. */
function importBindings(tokens: Token[]): Array<{ name: string; as: string }> {
  const out: Array<{ name: string; as: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'name') continue;
    if (tokens[i + 1]?.type === 'name' && tokens[i + 1]!.value === 'as' && tokens[i + 2]?.type === 'name') {
      out.push({ name: t.value, as: tokens[i + 2]!.value });
      i += 2;
    } else out.push({ name: t.value, as: t.value });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Helpers for readers of the tree

/** `os.environ.get` for a name/attribute chain, undefined otherwise. */
export function dottedName(expr: PyExpr): string | undefined {
  if (expr.kind === 'name') return expr.name;
  if (expr.kind === 'attr') {
    const base = dottedName(expr.object);
    return base === undefined ? undefined : `${base}.${expr.name}`;
  }
  return undefined;
}

/** The callee's last name: `migrations.AddField` -> `AddField`. */
export function calleeName(call: Extract<PyExpr, { kind: 'call' }>): string | undefined {
  const callee = call.callee;
  if (callee.kind === 'name') return callee.name;
  if (callee.kind === 'attr') return callee.name;
  return undefined;
}

/** Literal value of a string, number, bool, None or a container of those; undefined if not literal. */
export type PyLiteral = string | number | boolean | null | PyLiteral[] | { [key: string]: PyLiteral };

export function literalValue(expr: PyExpr): PyLiteral | undefined {
  switch (expr.kind) {
    case 'str':
      return expr.fString ? undefined : expr.value;
    case 'num':
    case 'bool':
      return expr.value;
    case 'none':
      return null;
    case 'list':
    case 'tuple':
    case 'set': {
      const items = expr.items.map(literalValue);
      return items.every((v) => v !== undefined) ? (items as PyLiteral[]) : undefined;
    }
    case 'dict': {
      const out: Record<string, PyLiteral> = {};
      for (const { key, value } of expr.entries) {
        const k = literalValue(key);
        const v = literalValue(value);
        if (typeof k !== 'string' || v === undefined) return undefined;
        out[k] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** Every call expression inside an expression, outermost first. */
export function callsIn(expr: PyExpr, out: Array<Extract<PyExpr, { kind: 'call' }>> = []): Array<Extract<PyExpr, { kind: 'call' }>> {
  switch (expr.kind) {
    case 'call':
      out.push(expr);
      callsIn(expr.callee, out);
      for (const a of expr.args) callsIn(a, out);
      for (const v of Object.values(expr.kwargs)) callsIn(v, out);
      break;
    case 'list':
    case 'tuple':
    case 'set':
      for (const item of expr.items) callsIn(item, out);
      break;
    case 'dict':
      for (const { key, value } of expr.entries) {
        callsIn(key, out);
        callsIn(value, out);
      }
      break;
    case 'attr':
      callsIn(expr.object, out);
      break;
    case 'subscript':
      callsIn(expr.object, out);
      callsIn(expr.index, out);
      break;
    case 'binop':
      callsIn(expr.left, out);
      callsIn(expr.right, out);
      break;
    case 'unary':
      callsIn(expr.operand, out);
      break;
    case 'starred':
      callsIn(expr.value, out);
      break;
    case 'ternary':
      callsIn(expr.test, out);
      callsIn(expr.then, out);
      callsIn(expr.otherwise, out);
      break;
    default:
      break;
  }
  return out;
}

/** Every call anywhere in the statements (nested bodies included). */
export function callsInStatements(statements: readonly PyStatement[]): Array<Extract<PyExpr, { kind: 'call' }>> {
  const out: Array<Extract<PyExpr, { kind: 'call' }>> = [];
  const visit = (list: readonly PyStatement[]): void => {
    for (const s of list) {
      if (s.kind === 'assign' || s.kind === 'expr') callsIn(s.value, out);
      else if (s.kind === 'class') {
        for (const b of s.bases) callsIn(b, out);
        visit(s.body);
      } else if (s.kind === 'def' || s.kind === 'block') visit(s.body);
    }
  };
  visit(statements);
  return out;
}

/** The module names a file imports (`import flask`, `from fastapi import FastAPI`). */
export function importedModules(module: PyModule): Set<string> {
  const out = new Set<string>();
  const visit = (list: readonly PyStatement[]): void => {
    for (const s of list) {
      if (s.kind === 'import' && s.module) out.add(s.module);
      else if (s.kind === 'import') for (const name of s.names) out.add(name);
      else if (s.kind === 'star-import') out.add(s.module);
      else if (s.kind === 'class' || s.kind === 'def' || s.kind === 'block') visit(s.body);
    }
  };
  visit(module.statements);
  return out;
}

// ---------------------------------------------------------------------------
// Evaluation under an unset environment: what a setting resolves to when the
// deployment does not provide the variable. `os.environ.get("DEBUG", "True")`,
// `env.bool("DEBUG", default=True)` and `config("DEBUG", default=True, cast=bool)`
// resolve to their defaults; `os.environ["X"]` is unknown (it must be set).

export type EvalResult =
  /** `via`: the project helper whose literal default this is (`get_bool_from_env`), for messages. */
  | { known: true; value: PyLiteral; envVar?: string; via?: string }
  | { known: false; reason: string; envVar?: string };

export interface EvalScope {
  /** Names defined earlier in the module (settings can refer to one another). */
  lookup(name: string): EvalResult | undefined;
  /** A name bound to a repository module that was read (`configuration = importlib.import_module(...)`). */
  isModule?(name: string): boolean;
  /** django-environ schemes: `environ.Env(DEBUG=(bool, False))`. */
  envSchemes?: Map<string, { cast?: string; default?: EvalResult }>;
}

const ENV_GET_CALLS = new Set(['os.environ.get', 'os.getenv', 'environ.get', 'getenv', 'os.environ.setdefault']);
/** django-environ (`env.bool`), environs (`env.bool`), python-decouple (`config`). */
const ENV_READER_METHODS = new Set(['bool', 'str', 'int', 'float', 'list', 'tuple', 'json', 'url', 'db', 'db_url', 'cache', 'cache_url', 'get_value', 'dict', 'path']);
const DECOUPLE_CALLS = new Set(['config', 'decouple.config', 'env_config']);

const unknown = (reason: string, envVar?: string): EvalResult => (envVar ? { known: false, reason, envVar } : { known: false, reason });
const known = (value: PyLiteral, envVar?: string): EvalResult => (envVar ? { known: true, value, envVar } : { known: true, value });

/** A literal as Python would print it (`True`, `None`, `['*']`), for messages. */
export function pyRepr(value: PyLiteral): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/** Python truthiness of a literal. */
export function truthy(value: PyLiteral): boolean {
  if (value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** How django-environ/decouple/environs read a boolean from a string. */
export function castBool(value: PyLiteral): PyLiteral | undefined {
  if (typeof value === 'boolean') return value;
  if (value === null) return false;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on', 'y', 't'].includes(v)) return true;
    if (['0', 'false', 'no', 'off', 'n', 'f', ''].includes(v)) return false;
  }
  return undefined;
}

function castTo(cast: string | undefined, value: PyLiteral): PyLiteral | undefined {
  switch (cast) {
    case undefined:
    case 'str':
      return value;
    case 'bool':
      return castBool(value);
    case 'int':
    case 'float': {
      if (typeof value === 'number') return value;
      const n = typeof value === 'string' ? Number(value.trim()) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'list':
    case 'tuple':
    case 'Csv':
      if (Array.isArray(value)) return value;
      if (typeof value === 'string') return value === '' ? [] : value.split(',').map((s) => s.trim());
      return undefined;
    default:
      return undefined;
  }
}

function castName(expr: PyExpr | undefined): string | undefined {
  if (!expr) return undefined;
  if (expr.kind === 'name') return expr.name;
  if (expr.kind === 'call') return calleeName(expr);
  if (expr.kind === 'attr') return expr.name;
  return undefined;
}

export function evaluate(expr: PyExpr, scope: EvalScope): EvalResult {
  switch (expr.kind) {
    case 'str':
      return expr.fString ? unknown('f-string') : known(expr.value);
    case 'num':
    case 'bool':
      return known(expr.value);
    case 'none':
      return known(null);
    case 'list':
    case 'tuple':
    case 'set': {
      const items: PyLiteral[] = [];
      for (const item of expr.items) {
        const r = evaluate(item.kind === 'starred' ? item.value : item, scope);
        if (!r.known) return r;
        if (item.kind !== 'starred') items.push(r.value);
        else if (Array.isArray(r.value)) items.push(...r.value);
        else if (typeof r.value === 'string') items.push(...r.value);
        else return unknown('unpacked value');
      }
      return known(items);
    }
    case 'dict': {
      const out: Record<string, PyLiteral> = {};
      for (const { key, value } of expr.entries) {
        const k = evaluate(key, scope);
        const v = evaluate(value, scope);
        if (!k.known || typeof k.value !== 'string') return unknown('dict with a computed key');
        if (!v.known) return v;
        out[k.value] = v.value;
      }
      return known(out);
    }
    case 'name':
      return scope.lookup(expr.name) ?? unknown(`${expr.name} is not known`);
    case 'attr': {
      // `configuration.ALLOWED_HOSTS` after `import configuration` (a module of the repository).
      const dotted = dottedName(expr);
      return (dotted && scope.lookup(dotted)) || unknown(dotted ?? 'attribute');
    }
    case 'subscript': {
      const target = dottedName(expr.object);
      const key = evaluate(expr.index, scope);
      if ((target === 'os.environ' || target === 'environ') && key.known && typeof key.value === 'string') {
        return unknown(`required from the environment (${key.value})`, key.value);
      }
      const object = evaluate(expr.object, scope);
      if (object.known && key.known) {
        if (Array.isArray(object.value) && typeof key.value === 'number') {
          const v = object.value[key.value < 0 ? object.value.length + key.value : key.value];
          if (v !== undefined) return known(v);
        }
        if (object.value && typeof object.value === 'object' && !Array.isArray(object.value) && typeof key.value === 'string' && key.value in object.value) {
          return known(object.value[key.value]!);
        }
      }
      return unknown('subscript');
    }
    case 'call':
      return evaluateCall(expr, scope);
    case 'unary': {
      const r = evaluate(expr.operand, scope);
      if (!r.known) return r;
      if (expr.op === 'not') return known(!truthy(r.value), r.envVar);
      return unknown(`unary ${expr.op}`);
    }
    case 'ternary': {
      const test = evaluate(expr.test, scope);
      if (!test.known) return test;
      const chosen = evaluate(truthy(test.value) ? expr.then : expr.otherwise, scope);
      return chosen.known && !chosen.envVar && test.envVar ? known(chosen.value, test.envVar) : chosen;
    }
    case 'binop':
      return evaluateBinary(expr, scope);
    default:
      return unknown(expr.kind === 'starred' ? 'unpacked value' : 'expression');
  }
}

function evaluateBinary(expr: Extract<PyExpr, { kind: 'binop' }>, scope: EvalScope): EvalResult {
  const left = evaluate(expr.left, scope);
  if (expr.op === 'or' || expr.op === 'and') {
    if (!left.known) return left;
    const shortCircuit = expr.op === 'or' ? truthy(left.value) : !truthy(left.value);
    if (shortCircuit) return left;
    const right = evaluate(expr.right, scope);
    return right.known ? known(right.value, right.envVar ?? left.envVar) : right;
  }
  const right = evaluate(expr.right, scope);
  if (!left.known) return left;
  if (!right.known) return right;
  const envVar = left.envVar ?? right.envVar;
  const a = left.value;
  const b = right.value;
  switch (expr.op) {
    case '==':
      return known(JSON.stringify(a) === JSON.stringify(b), envVar);
    case '!=':
      return known(JSON.stringify(a) !== JSON.stringify(b), envVar);
    case 'is':
      return a === null || b === null || typeof a === 'boolean' ? known(a === b, envVar) : unknown('is');
    case 'is not':
      return a === null || b === null || typeof a === 'boolean' ? known(a !== b, envVar) : unknown('is not');
    case 'in':
    case 'not in': {
      let found: boolean | undefined;
      if (Array.isArray(b)) found = b.some((x) => JSON.stringify(x) === JSON.stringify(a));
      else if (typeof b === 'string' && typeof a === 'string') found = b.includes(a);
      else if (b && typeof b === 'object' && typeof a === 'string') found = a in b;
      if (found === undefined) return unknown('in');
      return known(expr.op === 'in' ? found : !found, envVar);
    }
    case '+':
      if (typeof a === 'string' && typeof b === 'string') return known(a + b, envVar);
      if (typeof a === 'number' && typeof b === 'number') return known(a + b, envVar);
      if (Array.isArray(a) && Array.isArray(b)) return known([...a, ...b], envVar);
      return unknown('+');
    case '*':
      if (typeof a === 'number' && typeof b === 'number') return known(a * b, envVar);
      return unknown('*');
    default:
      return unknown(expr.op);
  }
}

function evaluateCall(call: Extract<PyExpr, { kind: 'call' }>, scope: EvalScope): EvalResult {
  const name = dottedName(call.callee);
  const first = call.args[0] ? evaluate(call.args[0], scope) : undefined;
  const varName = first?.known && typeof first.value === 'string' ? first.value : undefined;

  if (name && ENV_GET_CALLS.has(name) && varName) {
    const fallback = call.args[1] ?? call.kwargs.default;
    if (!fallback) return known(null, varName);
    const r = evaluate(fallback, scope);
    return r.known ? known(r.value, varName) : unknown(r.reason, varName);
  }
  if (name && DECOUPLE_CALLS.has(name) && varName) {
    const fallback = call.kwargs.default ?? call.args[1];
    if (!fallback) return unknown(`required from the environment (${varName})`, varName);
    const r = evaluate(fallback, scope);
    if (!r.known) return unknown(r.reason, varName);
    const cast = castName(call.kwargs.cast);
    // decouple casts string defaults but returns non-string defaults as they are.
    const value = typeof r.value === 'string' ? castTo(cast, r.value) : r.value;
    return value === undefined ? unknown('cast', varName) : known(value, varName);
  }
  // django-environ / environs: `env.bool("DEBUG", default=True)`, `env("DEBUG")`.
  if (call.callee.kind === 'attr' && call.callee.object.kind === 'name' && /env/i.test(call.callee.object.name) && ENV_READER_METHODS.has(call.callee.name) && varName) {
    const method = call.callee.name;
    return envReader(method === 'get_value' ? castName(call.kwargs.cast) : method, call, varName, scope);
  }
  if (call.callee.kind === 'name' && /^env$/i.test(call.callee.name) && varName) {
    return envReader(castName(call.kwargs.cast), call, varName, scope);
  }
  if (name === 'getattr' && call.args[0] && call.args[1]) {
    // `getattr(configuration, "ALLOWED_HOSTS", ["*"])` on a module the scope knows (NetBox's configuration.py).
    const object = dottedName(call.args[0]);
    const attr = evaluate(call.args[1], scope);
    const found = object && attr.known && typeof attr.value === 'string' ? scope.lookup(`${object}.${attr.value}`) : undefined;
    if (found) return found;
    return call.args[2] && object && scope.isModule?.(object) ? evaluate(call.args[2], scope) : unknown('getattr');
  }
  const helper = projectEnvHelper(call, name, varName, scope);
  if (helper) return helper;
  if (name === 'bool' && first?.known) return known(truthy(first.value), first.envVar);
  if ((name === 'strtobool' || name === 'distutils.util.strtobool' || name === 'util.strtobool') && first?.known) {
    const b = castBool(first.value);
    return b === undefined ? unknown('strtobool') : known(b ? 1 : 0, first.envVar);
  }
  if ((name === 'int' || name === 'float') && first?.known) {
    const v = castTo('int', first.value);
    return v === undefined ? unknown(name) : known(v, first.envVar);
  }
  if (name === 'str' && first?.known && typeof first.value !== 'object') return known(first.value === null ? 'None' : String(first.value), first.envVar);
  if ((name === 'ast.literal_eval' || name === 'literal_eval' || name === 'json.loads') && first?.known && typeof first.value === 'string') {
    const lowered = first.value.trim();
    if (['True', 'true'].includes(lowered)) return known(true, first.envVar);
    if (['False', 'false'].includes(lowered)) return known(false, first.envVar);
    const n = Number(lowered);
    if (lowered !== '' && Number.isFinite(n)) return known(n, first.envVar);
    return unknown(name);
  }
  // String methods on a known receiver: `os.getenv("DEBUG", "False").lower()`.
  if (call.callee.kind === 'attr') {
    const receiver = evaluate(call.callee.object, scope);
    if (!receiver.known) return receiver;
    const v = receiver.value;
    if (typeof v === 'string') {
      const sep = call.args[0] ? evaluate(call.args[0], scope) : undefined;
      switch (call.callee.name) {
        case 'lower':
        case 'casefold':
          return known(v.toLowerCase(), receiver.envVar);
        case 'upper':
          return known(v.toUpperCase(), receiver.envVar);
        case 'strip':
          return known(v.trim(), receiver.envVar);
        case 'capitalize':
          return known(v.charAt(0).toUpperCase() + v.slice(1).toLowerCase(), receiver.envVar);
        case 'split':
          if (!sep) return known(v.split(/\s+/).filter(Boolean), receiver.envVar);
          if (sep.known && typeof sep.value === 'string') return known(v.split(sep.value), receiver.envVar);
          return unknown('split');
        case 'startswith':
          return sep?.known && typeof sep.value === 'string' ? known(v.startsWith(sep.value), receiver.envVar) : unknown('startswith');
        default:
          return unknown(`str.${call.callee.name}`);
      }
    }
  }
  return unknown(name ? `${name}()` : 'call');
}

/** A project's own environment helper: `get_bool_from_env`, `env_setting`, `get_config`, `read_env_list`... */
const ENV_HELPER_NAME = /(^|_)(env|environ|getenv|config|setting)(_|$)|env$|^getenv|from_?env/i;
const ENV_VAR_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * `get_bool_from_env("DEBUG", True)`: a helper named for the environment,
 * called with an upper-case variable name and a literal default, resolves to
 * that default (cast by what its name says: bool, int, list), as the
 * well-known readers do. Without a default it is required or None: unknown.
 */
function projectEnvHelper(call: Extract<PyExpr, { kind: 'call' }>, name: string | undefined, varName: string | undefined, scope: EvalScope): EvalResult | undefined {
  const fn = calleeName(call);
  if (!fn || !varName || !ENV_VAR_NAME.test(varName) || !ENV_HELPER_NAME.test(fn)) return undefined;
  const fallback = call.kwargs.default ?? call.kwargs.default_value ?? call.kwargs.fallback ?? call.args[1];
  if (!fallback) return unknown(`${fn}("${varName}") without a default`, varName);
  const r = evaluate(fallback, scope);
  if (!r.known) return unknown(r.reason, varName);
  const cast = castName(call.kwargs.cast) ?? (/bool/i.test(fn) ? 'bool' : /int/i.test(fn) ? 'int' : /list|csv/i.test(fn) ? 'list' : undefined);
  const value = typeof r.value === 'string' ? castTo(cast, r.value) : r.value;
  if (value === undefined) return unknown('cast', varName);
  return { known: true, value, envVar: varName, via: name ?? fn };
}

function envReader(cast: string | undefined, call: Extract<PyExpr, { kind: 'call' }>, varName: string, scope: EvalScope): EvalResult {
  const fallback = call.kwargs.default ?? call.args[1];
  const scheme = scope.envSchemes?.get(varName);
  let value: EvalResult | undefined = fallback ? evaluate(fallback, scope) : scheme?.default;
  const effectiveCast = cast ?? scheme?.cast;
  if (!value) return unknown(`required from the environment (${varName})`, varName);
  if (!value.known) return unknown(value.reason, varName);
  const casted = typeof value.value === 'string' ? castTo(effectiveCast, value.value) : value.value;
  value = casted === undefined ? unknown('cast', varName) : known(casted, varName);
  return value;
}

/** `environ.Env(DEBUG=(bool, False))` -> scheme map for `env("DEBUG")`. */
export function envSchemesOf(call: Extract<PyExpr, { kind: 'call' }>, scope: EvalScope): Map<string, { cast?: string; default?: EvalResult }> {
  const out = new Map<string, { cast?: string; default?: EvalResult }>();
  for (const [name, value] of Object.entries(call.kwargs)) {
    if (value.kind === 'tuple' && value.items.length >= 1) {
      const entry: { cast?: string; default?: EvalResult } = {};
      const cast = castName(value.items[0]);
      if (cast) entry.cast = cast;
      if (value.items[1]) entry.default = evaluate(value.items[1], scope);
      out.set(name, entry);
    } else {
      const cast = castName(value);
      out.set(name, cast ? { cast } : {});
    }
  }
  return out;
}
