// The shapes the Python reader produces: module-level statements with their
// nested bodies, and expressions down to literals. Anything outside what the
// checks read becomes an `unknown` expression (or an `other` statement)
// rather than a wrong answer.

import type { parser } from '@lezer/python';

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
  /**
   * Syntax errors, the cause first (an unterminated string or an unclosed
   * bracket before the errors that follow from it); the statements around
   * them are still read, so a consumer that needs the whole module checks this.
   */
  errors: Array<{ line: number; message: string }>;
  /** The syntax tree and its text, for readers that look past the statements (ops.logging). */
  syntax: { source: string; tree: ReturnType<typeof parser.parse>; lineAt: (pos: number) => number };
}

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

