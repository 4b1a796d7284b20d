// Reads Python source with the Lezer Python grammar
// (https://github.com/lezer-parser/python), which always returns a tree, also
// for broken input: a syntax error midway costs the statement it is in, not
// the rest of the module. The tree is then turned into the statements and
// expressions of ast.ts. Nothing from the repository is imported or run.

import { parser } from '@lezer/python';
import { calleeName, callsIn, type PyExpr, type PyModule, type PyStatement } from './ast.js';
import { lineOfOffset, lineStartOffsets } from '../lines.js';

type Tree = ReturnType<typeof parser.parse>;
type Node = Tree['topNode'];
type Call = Extract<PyExpr, { kind: 'call' }>;

/**
 * Lezer's error recovery costs some 10–20 µs per character of garbage (2 MB
 * of `)` take half a minute), so a parse that has been recovering this many
 * steps stops where it is: the module is read up to there and says so.
 */
const MAX_RECOVERY_STEPS = 3000;
/**
 * Deeper expressions (thousands of nested brackets, a `+` chain of thousands
 * of terms) are generated code; keeping them would exhaust the stack of every
 * recursive walk (evaluate, callsIn). Such a statement's value is unknown.
 */
const MAX_EXPRESSION_DEPTH = 200;
/** Bodies nested deeper than this are not read (Python stops at 100 levels of indentation). */
const MAX_BLOCK_DEPTH = 100;
/** A broken file can have an error per character; the first ones say enough. */
const MAX_ERRORS = 50;

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

function unescape(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (whole, esc: string) => {
    if (esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    return SIMPLE_ESCAPES[esc] ?? whole;
  });
}

/**
 * Lezer reads well-formed Python at 1–3 MB/s of CPU, so a module larger than
 * this (no hand-written settings module or migration is) is not parsed: it
 * would cost seconds. It reads as empty, with an error saying why.
 */
export const MAX_PYTHON_CHARS = 512 * 1024;

/** Reads a module: statements with their nested bodies (classes, functions, blocks). */
export function parsePythonModule(source: string): PyModule {
  if (source.length > MAX_PYTHON_CHARS) return unread(`too large to read as Python (${source.length} characters, more than ${MAX_PYTHON_CHARS})`);
  const { tree, stoppedAt } = parseTree(source);
  if (!tree) return unread('nested too deeply to read');
  const reader = new Reader(source, tree);
  const errors = reader.errors();
  if (stoppedAt !== undefined) errors.push({ line: reader.lineAt(stoppedAt), message: 'too many syntax errors to read further' });
  const syntax = { source, tree, lineAt: (pos: number) => reader.lineAt(pos) };
  if (errors.length && stoppedAt === undefined) {
    // Valid Python the Lezer grammar does not read (a bare `yield`, `case Cls():`, parenthesized `with` items),
    // rewritten line for line into the same meaning it does read.
    const compatible = lezerCompatible(source);
    if (compatible !== source) {
      const again = parseTree(compatible);
      if (again.tree && again.stoppedAt === undefined) {
        const other = new Reader(compatible, again.tree);
        const fewer = other.errors();
        if (fewer.length < errors.length) {
          const better = { statements: other.statementsIn(again.tree.topNode, 0), errors: fewer, syntax: { source: compatible, tree: again.tree, lineAt: (pos: number) => other.lineAt(pos) } };
          if (!fewer.length) return better;
          const pieces = readInPieces(compatible);
          return pieces && pieces.errors.length < fewer.length ? { ...pieces, syntax: better.syntax } : better;
        }
      }
    }
    // Lezer sometimes misreads a long valid module (an error at a statement that parses alone, which moves when
    // lines far above are removed: measured on the corpus by scripts/python-agreement.mjs). Read it again in
    // pieces cut at top-level statements: when the pieces hold fewer errors, they are the better reading.
    const pieces = readInPieces(source);
    if (pieces && pieces.errors.length < errors.length) return { ...pieces, syntax };
  }
  return { statements: reader.statementsIn(tree.topNode, 0), errors, syntax };
}

/**
 * Rewrites, line for line (no line added or removed), the valid Python that
 * @lezer/python 1.1 cannot read into code of the same shape it can:
 * - a bare `yield` statement (or `x = yield`) becomes `pass`/`None`;
 * - an empty class pattern in a `case` line (`case Device():`) gets a wildcard (`Device(_)`);
 * - parenthesized `with` items (`with (\n a as x,\n b as y,\n):`, Python 3.10) become one
 *   backslash-continued item list.
 * Exported for tests; used only when the first reading has errors.
 */
export function lezerCompatible(source: string): string {
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 2000) continue;
    if (/^\s*yield\s*(#.*)?$/.test(line)) lines[i] = line.replace('yield', 'pass ');
    else if (/=\s*yield\s*(#.*)?$/.test(line)) lines[i] = line.replace(/yield(\s*(#.*)?)$/, 'None $1');
    else if (/^\s*case\b/.test(line)) lines[i] = line.replace(/([\w\]])\(\s*\)/g, '$1(_)');
    else if (/^\s*(async\s+)?with\s*\($/.test(line.replace(/\s*#.*$/, ''))) unparenthesizeWith(lines, i);
  }
  return lines.join('\n');
}

/** The line without its comment (a `#` outside strings); undefined when a string is left open at its end. */
function withoutComment(line: string): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return quote ? undefined : line;
}

/** `with (` at the end of line `i`, items on the following lines, `):` closing them: one continued item list. */
function unparenthesizeWith(lines: string[], i: number): void {
  let close = -1;
  for (let j = i + 1; j < lines.length && j < i + 50; j++) {
    if (/^\s*\)\s*:\s*(#.*)?$/.test(lines[j]!)) {
      close = j;
      break;
    }
    // Only item lines: no nested block, no string left open at the line's end.
    const code = withoutComment(lines[j]!);
    if (code === undefined || /:\s*$/.test(code)) return;
  }
  if (close < 0) return;
  const body = lines.slice(i + 1, close).map((l) => withoutComment(l)!.trimEnd());
  if (!body.some((l) => /\bas\b/.test(l))) return;
  let last = body.length - 1;
  while (last >= 0 && body[last]!.trim() === '') last--;
  if (last >= 0) body[last] = body[last]!.replace(/,\s*$/, '');
  lines[i] = lines[i]!.replace(/\(\s*(#.*)?$/, '\\');
  for (let k = 0; k < body.length; k++) lines[i + 1 + k] = `${body[k]} \\`;
  lines[close] = lines[close]!.replace(/^(\s*)\)/, '$1 ');
}

/** Pieces of at least this many lines: the misreadings need long stretches of input. */
const PIECE_LINES = 120;

/**
 * The module read as consecutive pieces, each cut where a top-level statement
 * starts (column 0, outside brackets and strings, not a continuation line, not
 * `else`/`elif`/`except`/`finally`, not after a decorator); each piece's lines
 * keep their numbers in the module. Linear: every character is parsed once more.
 */
function readInPieces(source: string): Pick<PyModule, 'statements' | 'errors'> | undefined {
  const cuts = topLevelStarts(source);
  if (cuts.length < 2) return undefined;
  const starts = lineStartOffsets(source);
  const statements: PyStatement[] = [];
  const errors: PyModule['errors'] = [];
  let from = 0;
  while (from < cuts.length) {
    let to = from + 1;
    while (to < cuts.length && cuts[to]! - cuts[from]! < PIECE_LINES) to++;
    const startLine = cuts[from]!;
    const begin = starts[startLine - 1]!;
    const end = to < cuts.length ? starts[cuts[to]! - 1]! : source.length;
    const piece = source.slice(begin, end);
    const { tree, stoppedAt } = parseTree(piece);
    if (!tree || stoppedAt !== undefined) return undefined;
    const reader = new Reader(piece, tree, startLine);
    errors.push(...reader.errors());
    statements.push(...reader.statementsIn(tree.topNode, 0));
    from = to;
  }
  return { statements, errors };
}

const CONTINUES_COMPOUND = /^(else|elif|except|finally)\b/;

/** 1-based lines where a top-level statement starts, by a linear scan that tracks brackets and strings. */
export function topLevelStarts(source: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let quote: string | undefined;
  let line = 1;
  let atLineStart = true;
  let continued = false;
  let afterDecorator = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (atLineStart) {
      atLineStart = false;
      if (!quote && depth === 0 && !continued && c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '#') {
        const rest = source.slice(i, i + 10);
        if (!CONTINUES_COMPOUND.test(rest) && !afterDecorator) out.push(line);
        afterDecorator = c === '@';
      }
      continued = false;
    }
    if (quote) {
      if (c === '\\') i++;
      else if (source.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = undefined;
      } else if (c === '\n') {
        line++;
        atLineStart = true;
        // A single-quoted string ends at the line's end (broken input): do not carry it on.
        if (quote.length === 1) quote = undefined;
      }
      continue;
    }
    if (c === '#') {
      while (i + 1 < source.length && source[i + 1] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      quote = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\\' && source[i + 1] === '\n') {
      continued = true;
      i++;
      line++;
      atLineStart = true;
      continued = true;
    } else if (c === '\n') {
      line++;
      atLineStart = true;
    }
  }
  return out;
}

const unread = (message: string): PyModule => ({ statements: [], errors: [{ line: 1, message }], syntax: { source: '', tree: parser.parse(''), lineAt: () => 1 } });

function parseTree(source: string): { tree?: Tree; stoppedAt?: number } {
  const parse = parser.startParse(source);
  // `recovering` is not in the typings of @lezer/lr's Parse; without it there is no budget, only the grammar's own limits.
  const state = parse as unknown as { recovering?: number };
  let recovering = 0;
  let stoppedAt: number | undefined;
  try {
    for (;;) {
      if (state.recovering && ++recovering > MAX_RECOVERY_STEPS && stoppedAt === undefined) {
        stoppedAt = parse.parsedPos;
        parse.stopAt(stoppedAt);
      }
      const tree = parse.advance();
      if (tree) return stoppedAt === undefined ? { tree } : { tree, stoppedAt };
    }
  } catch (error) {
    // Building a tree thousands of brackets deep can exhaust the stack inside Lezer.
    if (!(error instanceof RangeError)) throw error;
    return {};
  }
}

const BLOCK_KEYWORDS = new Set(['if', 'elif', 'else', 'try', 'except', 'finally', 'for', 'while', 'with']);
const SIMPLE_OTHER = new Set([
  'DeleteStatement',
  'PassStatement',
  'BreakStatement',
  'ContinueStatement',
  'ReturnStatement',
  'YieldStatement',
  'PrintStatement',
  'RaiseStatement',
  'ScopeStatement',
  'AssertStatement',
  'TypeDefinition',
]);
const ASSIGN_OPS = new Set(['+=', '-=', '|=']);
const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/** The children of a node, comments left out. */
function kids(node: Node): Node[] {
  const out: Node[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

/** Splits children at top-level `sep` tokens (commas of a list, `=` of a chained assignment). */
function split(nodes: Node[], sep: (n: Node) => boolean): Node[][] {
  const out: Node[][] = [[]];
  for (const n of nodes) {
    if (sep(n)) out.push([]);
    else out[out.length - 1]!.push(n);
  }
  return out;
}

const isComma = (n: Node): boolean => n.name === ',';
/** The children inside a display's brackets (the closing one is missing in broken input). */
const unbracketed = (nodes: Node[]): Node[] => nodes.slice(OPENING.has(nodes[0]?.name ?? '') ? 1 : 0, CLOSING.has(nodes[nodes.length - 1]?.name ?? '') ? -1 : undefined);
/** Error nodes Lezer inserts for a missing token are empty; they do not make an item unknown. */
const meaningful = (nodes: Node[]): Node[] => nodes.filter((n) => !(n.type.isError && n.from === n.to));

class Reader {
  private readonly lineStarts: number[];
  private lineHint = 0;
  private tooDeep = false;
  /** Where the error nodes are, in order (filled by errors()). */
  private readonly errorPositions: number[] = [];

  constructor(
    private readonly source: string,
    private readonly tree: Tree,
    /** The line of the source's first line in the module (a piece of it: readInPieces). */
    private readonly firstLine = 1,
  ) {
    this.lineStarts = lineStartOffsets(source);
  }

  /** 1-based line of an offset; walks are mostly forward, so the last answer is tried first. */
  lineAt(pos: number): number {
    const starts = this.lineStarts;
    let i = this.lineHint;
    if (!(starts[i]! <= pos && (i + 1 >= starts.length || pos < starts[i + 1]!))) i = lineOfOffset(starts, pos) - 1;
    this.lineHint = i;
    return i + this.firstLine;
  }

  private text(node: Node): string {
    return this.source.slice(node.from, node.to);
  }

  /** Whether a statement has an error node in it: what Lezer guessed there is not read as a value. */
  private broken(node: Node): boolean {
    const errors = this.errorPositions;
    let lo = 0;
    let hi = errors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (errors[mid]! < node.from) lo = mid + 1;
      else hi = mid;
    }
    return lo < errors.length && errors[lo]! <= node.to;
  }

  /** Line of the last character of a node that is not white space. */
  private endLineOf(node: Node): number {
    let end = node.to - 1;
    while (end > node.from && /\s/.test(this.source[end]!)) end--;
    return this.lineAt(end);
  }

  // -------------------------------------------------------------------------
  // Statements

  statementsIn(container: Node, depth: number): PyStatement[] {
    const out: PyStatement[] = [];
    if (depth > MAX_BLOCK_DEPTH) return out;
    for (const node of kids(container)) this.statement(node, depth, out);
    return out;
  }

  private statement(node: Node, depth: number, out: PyStatement[]): void {
    const line = this.lineAt(node.from);
    switch (node.name) {
      case 'StatementGroup':
        for (const part of kids(node)) this.statement(part, depth, out);
        return;
      case 'AssignStatement':
      case 'UpdateStatement':
        out.push(this.assignment(node, line));
        return;
      case 'ExpressionStatement': {
        const value = this.broken(node) ? this.unknown(node, 'syntax error') : this.topExpression(meaningful(kids(node)), line);
        out.push({ kind: 'expr', value, line, endLine: this.endLineOf(node) });
        return;
      }
      case 'ImportStatement':
        out.push(this.importOf(node, line));
        return;
      case 'ClassDefinition':
      case 'FunctionDefinition': {
        const children = kids(node);
        const name = children.find((c) => c.name === 'VariableName');
        const body = children.find((c) => c.name === 'Body');
        const statements = body ? this.statementsIn(body, depth + 1) : [];
        const endLine = lastLineOf(statements, body ? this.lineAt(body.from) : line);
        const nameText = name ? this.text(name) : '';
        if (node.name === 'FunctionDefinition') {
          out.push({ kind: 'def', name: nameText, body: statements, line, endLine });
          return;
        }
        const argList = children.find((c) => c.name === 'ArgList');
        const bases = argList ? this.argumentsOf(argList, 0).args : [];
        out.push({ kind: 'class', name: nameText, bases, body: statements, line, endLine });
        return;
      }
      case 'DecoratedStatement':
        for (const part of kids(node)) {
          if (part.name === 'Decorator') out.push({ kind: 'other', line: this.lineAt(part.from) });
          else this.statement(part, depth, out);
        }
        return;
      case 'IfStatement':
      case 'WhileStatement':
      case 'ForStatement':
      case 'TryStatement':
      case 'WithStatement':
        this.clauses(node, depth, out);
        return;
      case 'MatchStatement': {
        const cases: PyStatement[] = [];
        for (const clause of kids(node).find((c) => c.name === 'MatchBody')?.getChildren('MatchClause') ?? []) {
          const body = clause.getChild('Body');
          const statements = body ? this.statementsIn(body, depth + 2) : [];
          const at = this.lineAt(clause.from);
          cases.push({ kind: 'block', keyword: 'case', body: statements, line: at, endLine: lastLineOf(statements, at) });
        }
        out.push({ kind: 'block', keyword: 'match', body: cases, line, endLine: lastLineOf(cases, line) });
        return;
      }
      default:
        if (SIMPLE_OTHER.has(node.name)) out.push({ kind: 'other', line });
    }
  }

  /** `if ... elif ... else`, `try ... except ... finally`, `for ... else`: one block per clause, as siblings. */
  private clauses(node: Node, depth: number, out: PyStatement[]): void {
    let keyword: Node | undefined;
    let header: Node[] = [];
    for (const child of kids(node)) {
      if (child.name === 'Body') {
        if (!keyword) continue;
        const body = this.statementsIn(child, depth + 1);
        const line = this.lineAt(keyword.from);
        const block: PyStatement = { kind: 'block', keyword: keyword.name, body, line, endLine: lastLineOf(body, this.lineAt(child.from)) };
        const test = meaningful(header);
        if ((keyword.name === 'if' || keyword.name === 'elif') && test.length) block.test = this.topExpression(test, line);
        out.push(block);
        keyword = undefined;
        header = [];
      } else if (!keyword && BLOCK_KEYWORDS.has(child.name)) keyword = child;
      else header.push(child);
    }
  }

  /** `A = B = expr`, `A: int = expr`, `A += expr`; annotations alone and other operators (`*=`) are `other`. */
  private assignment(node: Node, line: number): PyStatement {
    const children = kids(node);
    const update = children.find((c) => c.name === 'UpdateOp');
    const op = update ? this.text(update) : '=';
    if (update && !ASSIGN_OPS.has(op)) return { kind: 'other', line };
    const parts = split(children, (c) => c.name === 'AssignOp' || c.name === 'UpdateOp');
    if (parts.length < 2) return { kind: 'other', line };
    const targets = parts
      .slice(0, -1)
      .map((part) => part.filter((c) => c.name !== 'TypeDef').map((c) => this.targetText(c)).join(''))
      .filter(Boolean);
    const valueNodes = meaningful(parts[parts.length - 1]!);
    const value: PyExpr = valueNodes.length && !this.broken(node) ? this.topExpression(valueNodes, line) : { kind: 'unknown', text: 'syntax error', line };
    return { kind: 'assign', targets, value, op: op as '=' | '+=' | '-=' | '|=', line, endLine: this.endLineOf(node) };
  }

  /** A target as written, without spaces and with strings in JSON quotes: `app.config["DEBUG"]`. */
  private targetText(node: Node): string {
    let out = '';
    const cursor = node.cursor();
    let depth = 0;
    for (;;) {
      if (cursor.name === 'String' || cursor.name === 'FormatString') out += JSON.stringify(this.stringValue(cursor.node));
      else if (cursor.name !== 'Comment' && !cursor.type.isError) {
        if (cursor.firstChild()) {
          depth++;
          continue;
        }
        out += this.source.slice(cursor.from, cursor.to);
      }
      for (;;) {
        if (depth === 0) return out;
        if (cursor.nextSibling()) break;
        cursor.parent();
        depth--;
      }
    }
  }

  private importOf(node: Node, line: number): PyStatement {
    const children = kids(node);
    if (children[0]?.name === 'import') {
      // `import os.path, json as j` -> ['os.path', 'json']
      const names = split(children.slice(1), isComma)
        .map((part) => {
          const alias = part.findIndex((c) => c.name === 'as');
          return (alias < 0 ? part : part.slice(0, alias)).map((c) => this.text(c)).join('');
        })
        .filter(Boolean);
      return { kind: 'import', module: '', names, line };
    }
    const importAt = children.findIndex((c) => c.name === 'import');
    const module = children
      .slice(1, importAt < 0 ? children.length : importAt)
      .filter((c) => !c.type.isError)
      .map((c) => this.text(c))
      .join('');
    if (importAt < 0) return { kind: 'other', line };
    const imported = children.slice(importAt + 1).filter((c) => c.name !== '(' && c.name !== ')' && !c.type.isError);
    if (imported[0]?.name === '*') return { kind: 'star-import', module, line };
    // Like Python's own names list, aliases are names too; `bindings` says which is which.
    const names = imported.filter((c) => c.name === 'VariableName').map((c) => this.text(c));
    const bindings = split(imported, isComma)
      .filter((part) => part[0]?.name === 'VariableName')
      .map((part) => {
        const name = this.text(part[0]!);
        return { name, as: part[1]?.name === 'as' && part[2] ? this.text(part[2]) : name };
      });
    return { kind: 'import', module, names, line, bindings };
  }

  // -------------------------------------------------------------------------
  // Expressions

  /** A statement-level expression list: `a, b` is a tuple, as in Python. */
  private topExpression(nodes: Node[], line: number): PyExpr {
    this.tooDeep = false;
    const items = split(nodes, isComma);
    let value: PyExpr;
    if (items.length === 1) value = this.itemOf(items[0]!, 0);
    else value = { kind: 'tuple', items: items.filter((i) => i.length).map((i) => this.itemOf(i, 0)), line: this.lineAt(nodes[0]!.from) };
    return this.tooDeep ? { kind: 'unknown', text: 'nested too deeply', line } : value;
  }

  /** One item of a display or an expression list: `x` or `*x`. */
  private itemOf(part: Node[], depth: number): PyExpr {
    const nodes = meaningful(part);
    if (nodes.length === 2 && nodes[0]!.name === '*') return { kind: 'starred', value: this.expr(nodes[1]!, depth + 1), line: this.lineAt(nodes[0]!.from) };
    if (nodes.length === 1) return this.expr(nodes[0]!, depth);
    return this.unknown(part[0] ?? null, 'expression');
  }

  private unknown(node: Node | null, text: string): PyExpr {
    return { kind: 'unknown', text, line: node ? this.lineAt(node.from) : 0 };
  }

  expr(node: Node, depth: number): PyExpr {
    if (depth > MAX_EXPRESSION_DEPTH) {
      this.tooDeep = true;
      return this.unknown(node, 'nested too deeply');
    }
    const line = this.lineAt(node.from);
    switch (node.name) {
      case 'String':
      case 'FormatString':
      case 'ContinuedString': {
        // Adjacent string literals concatenate.
        let value = '';
        let fString = false;
        for (const part of node.name === 'ContinuedString' ? kids(node) : [node]) {
          if (part.name !== 'String' && part.name !== 'FormatString') continue;
          value += this.stringValue(part);
          if (part.name === 'FormatString') fString = true;
        }
        return fString ? { kind: 'str', value, line, fString } : { kind: 'str', value, line };
      }
      case 'Number': {
        const raw = this.text(node);
        const clean = raw.replace(/_/g, '');
        const value = /^0[xob]/i.test(clean) ? Number(clean) : parseFloat(clean);
        return Number.isFinite(value) && !/[jJ]$/.test(clean) ? { kind: 'num', value, line } : { kind: 'unknown', text: raw, line };
      }
      case 'Boolean':
        return { kind: 'bool', value: this.text(node) === 'True', line };
      case 'None':
        return { kind: 'none', line };
      case 'VariableName':
        return { kind: 'name', name: this.text(node), line };
      case 'ParenthesizedExpression': {
        const inner = meaningful(kids(node)).filter((c) => c.name !== '(' && c.name !== ')');
        return inner.length === 1 ? this.expr(inner[0]!, depth + 1) : this.unknown(node, 'parenthesized expression');
      }
      case 'TupleExpression':
      case 'ArrayExpression':
      case 'SetExpression': {
        const inner = unbracketed(kids(node));
        const items = split(inner, isComma)
          .filter((part) => part.length)
          .map((part) => this.itemOf(part, depth + 1));
        return { kind: node.name === 'TupleExpression' ? 'tuple' : node.name === 'ArrayExpression' ? 'list' : 'set', items, line };
      }
      case 'DictionaryExpression':
        return this.dictOf(node, depth, line);
      case 'ArrayComprehensionExpression':
        return { kind: 'unknown', text: 'list comprehension', line };
      case 'ComprehensionExpression':
      case 'SetComprehensionExpression':
      case 'DictionaryComprehensionExpression':
        return { kind: 'unknown', text: 'comprehension', line };
      case 'MemberExpression':
        return this.memberOf(node, depth, line);
      case 'CallExpression': {
        const [calleeNode, argList] = kids(node);
        if (!calleeNode || argList?.name !== 'ArgList') return this.unknown(node, 'call');
        const callee = this.expr(calleeNode, depth + 1);
        const { args, kwargs } = this.argumentsOf(argList, depth + 1);
        return { kind: 'call', callee, args, kwargs, line, endLine: this.lineAt(Math.max(argList.from, argList.to - 1)) };
      }
      case 'UnaryExpression': {
        const [opNode, operandNode] = meaningful(kids(node));
        if (!opNode || !operandNode) return this.unknown(node, 'unary expression');
        const op = this.text(opNode);
        const operand = this.expr(operandNode, depth + 1);
        if (operand.kind === 'num' && (op === '-' || op === '+')) return { ...operand, value: op === '-' ? -operand.value : operand.value, line };
        return { kind: 'unary', op, operand, line };
      }
      case 'BinaryExpression': {
        const children = meaningful(kids(node));
        if (children.length < 3) return this.unknown(node, 'binary expression');
        const op = children
          .slice(1, -1)
          .map((c) => this.text(c))
          .join(' ');
        return { kind: 'binop', op, left: this.expr(children[0]!, depth + 1), right: this.expr(children[children.length - 1]!, depth + 1), line };
      }
      case 'ConditionalExpression': {
        const [then, , test, , otherwise] = meaningful(kids(node));
        if (!then || !test || !otherwise) return this.unknown(node, 'conditional expression');
        return { kind: 'ternary', test: this.expr(test, depth + 1), then: this.expr(then, depth + 1), otherwise: this.expr(otherwise, depth + 1), line };
      }
      default:
        return { kind: 'unknown', text: node.name, line };
    }
  }

  /** `{k: v, **base}`: the literal entries (an unpacked mapping adds none); `{}` is a dict. */
  private dictOf(node: Node, depth: number, line: number): PyExpr {
    const entries: Array<{ key: PyExpr; value: PyExpr }> = [];
    for (const part of split(unbracketed(kids(node)), isComma)) {
      const nodes = meaningful(part);
      const colon = nodes.findIndex((c) => c.name === ':');
      if (colon === 1 && nodes.length === 3) entries.push({ key: this.expr(nodes[0]!, depth + 1), value: this.expr(nodes[2]!, depth + 1) });
    }
    return { kind: 'dict', entries, line };
  }

  /** `a.b` or `a[i]`; a slice is an unknown index. */
  private memberOf(node: Node, depth: number, line: number): PyExpr {
    const children = kids(node);
    const object = children[0] ? this.expr(children[0], depth + 1) : this.unknown(node, 'member');
    if (children[1]?.name === '.') {
      const property = children[2];
      return property?.name === 'PropertyName' ? { kind: 'attr', object, name: this.text(property), line } : this.unknown(node, 'attribute');
    }
    const inner = meaningful(children.slice(2, children[children.length - 1]?.name === ']' ? -1 : undefined));
    let index: PyExpr;
    if (!inner.length) index = this.unknown(node, '[]');
    else if (inner.some((c) => c.name === ':')) index = this.unknown(node, 'slice');
    else {
      const items = split(inner, isComma).filter((part) => part.length);
      index = items.length === 1 && !inner.some(isComma) ? this.itemOf(items[0]!, depth + 1) : { kind: 'tuple', items: items.map((i) => this.itemOf(i, depth + 1)), line };
    }
    return { kind: 'subscript', object, index, line };
  }

  /** Positional and keyword arguments; `*args`/`**kwargs` are unknown positionals, a generator argument is unknown. */
  argumentsOf(argList: Node, depth: number): { args: PyExpr[]; kwargs: Record<string, PyExpr> } {
    const args: PyExpr[] = [];
    const kwargs: Record<string, PyExpr> = {};
    const children = kids(argList).filter((c) => !OPENING.has(c.name) && !CLOSING.has(c.name));
    for (const part of split(children, isComma)) {
      const nodes = meaningful(part);
      if (!nodes.length) continue;
      const first = nodes[0]!;
      if (nodes.some((c) => c.name === 'for')) {
        // The rest of the list belongs to the comprehension (`f(x for a, b in pairs)`).
        args.push(this.unknown(first, 'comprehension'));
        break;
      }
      if (first.name === '*' || first.name === '**') args.push(this.unknown(first, 'unpacked arguments'));
      else if (first.name === 'VariableName' && nodes[1]?.name === 'AssignOp' && this.text(nodes[1]) === '=' && nodes[2]) kwargs[this.text(first)] = this.expr(nodes[2], depth + 1);
      else if (nodes.length === 1) args.push(this.expr(first, depth + 1));
      else args.push(this.unknown(first, 'argument'));
    }
    return { args, kwargs };
  }

  /** The value of a String or FormatString node, escapes resolved unless raw (f-strings keep their braces). */
  stringValue(node: Node): string {
    const { prefix, content } = this.quoting(node);
    return prefix.includes('r') ? content : unescape(content);
  }

  /** Prefix letters, the text between the quotes, and whether both quotes are there. */
  private quoting(node: Node): { prefix: string; content: string; quoted: boolean; closed: boolean } {
    const text = this.text(node);
    let p = 0;
    while (p < text.length && p < 3 && /[a-zA-Z]/.test(text[p]!)) p++;
    const quoted = text[p] === '"' || text[p] === "'";
    const q = text.startsWith('"""', p) || text.startsWith("'''", p) ? 3 : 1;
    let closed = quoted && text.length >= p + 2 * q && text.endsWith(text.slice(p, p + q));
    if (closed) {
      // A closing quote after an odd run of backslashes is escaped: the string runs on.
      let slashes = 0;
      for (let i = text.length - q - 1; i >= p + q && text[i] === '\\'; i--) slashes++;
      closed = slashes % 2 === 0;
    }
    return { prefix: text.slice(0, p).toLowerCase(), content: text.slice(p + q, closed ? text.length - q : text.length), quoted, closed };
  }

  // -------------------------------------------------------------------------
  // Errors

  /**
   * Unterminated strings, then an unclosed bracket at the end, then the other
   * syntax errors, one per line. Lezer cuts trees that nest thousands deep or
   * chain hundreds of `+` (with error nodes where it cut), so errors on a line
   * that nests deeper than any hand-written code are that limit, not the code's:
   * the statement there is unknown, the module is not broken.
   */
  errors(): Array<{ line: number; message: string }> {
    const strings: Array<{ line: number; message: string }> = [];
    const found = this.errorPositions;
    const syntax: number[] = [];
    const deepLines = new Set<number>();
    let unclosed: { line: number; message: string } | undefined;
    const end = this.source.trimEnd().length;
    let depth = 0;
    this.tree.iterate({
      enter: (ref) => {
        if (ref.name === 'String' || ref.name === 'FormatString') {
          const { quoted, closed } = this.quoting(ref.node);
          if (!quoted) {
            // Error recovery made a string of text without a quote: a syntax error there, not a string.
            found.push(ref.from);
            syntax.push(ref.from);
          } else if (!closed) {
            found.push(ref.from);
            if (strings.length < MAX_ERRORS) strings.push({ line: this.lineAt(ref.from), message: 'unterminated string' });
          }
          return false;
        }
        if (ref.type.isError) {
          found.push(ref.from);
          if (ref.from >= end && !unclosed && this.insideOpenBracket(ref.node)) unclosed = { line: this.lineStarts.length + this.firstLine - 1, message: 'unclosed bracket at end of file' };
          else syntax.push(ref.from);
          return false;
        }
        if (++depth > MAX_EXPRESSION_DEPTH) deepLines.add(this.lineAt(ref.from));
        return undefined;
      },
      leave: () => {
        depth--;
      },
    });
    const others: Array<{ line: number; message: string }> = [];
    for (const pos of syntax) {
      const line = this.lineAt(pos);
      if (others.length < MAX_ERRORS && !deepLines.has(line) && others[others.length - 1]?.line !== line) others.push({ line, message: 'syntax error' });
    }
    return [...strings, ...(unclosed ? [unclosed] : []), ...others].slice(0, MAX_ERRORS);
  }

  /** Whether an enclosing node opens a bracket it never closes. */
  private insideOpenBracket(node: Node): boolean {
    for (let at = node.parent; at; at = at.parent) {
      let open = 0;
      for (let c = at.firstChild; c; c = c.nextSibling) {
        if (OPENING.has(c.name)) open++;
        else if (CLOSING.has(c.name)) open--;
      }
      if (open > 0) return true;
    }
    return false;
  }
}

const lastLineOf = (body: PyStatement[], fallback: number): number => {
  const last = body[body.length - 1];
  if (!last) return fallback;
  return 'endLine' in last ? last.endLine : last.line;
};

/**
 * The calls of `name` (the callee's last name) anywhere in the module: in
 * return values, lambdas, decorators and comprehensions too, which the
 * statements leave out.
 */
export function callsNamed(module: PyModule, name: string): Call[] {
  const { source, tree } = module.syntax;
  const reader = new Reader(source, tree);
  const out: Call[] = [];
  tree.iterate({
    enter: (ref) => {
      if (ref.name !== 'CallExpression') return undefined;
      const callee = ref.node.firstChild;
      const last = callee?.name === 'MemberExpression' ? callee.lastChild : callee;
      if (last?.name !== 'VariableName' && last?.name !== 'PropertyName') return undefined;
      if (source.slice(last.from, last.to) !== name) return undefined;
      // Calls of the same name inside its arguments come from the converted call, so each is read once.
      const call = reader.expr(ref.node, 0);
      for (const inner of callsIn(call)) if (calleeName(inner) === name) out.push(inner);
      return false;
    },
  });
  return out;
}

/** Every string literal in the module with its line (f-strings with their braces). */
export function stringLiterals(module: PyModule): Array<{ value: string; line: number }> {
  const { source, tree } = module.syntax;
  const reader = new Reader(source, tree);
  const out: Array<{ value: string; line: number }> = [];
  tree.iterate({
    enter: (ref) => {
      if (ref.name !== 'String' && ref.name !== 'FormatString') return undefined;
      out.push({ value: reader.stringValue(ref.node), line: reader.lineAt(ref.from) });
      return false;
    },
  });
  return out;
}
