// A reader of Rails configuration files (`config/application.rb`,
// `config/environments/production.rb`): the `config.x = value` statements,
// found in the syntax tree of Ruby's own parser (Prism, its WebAssembly build
// published as @ruby/prism), so any valid Ruby is read: expression `if`s,
// blocks opened inside a continued call, heredocs. A value is decided only when it is a
// literal, `ENV.fetch("X", literal)` (or with a block), `ENV["X"]`, a boolean
// cast of those (`ActiveModel::Type::Boolean.new.cast(...)`), or a test of a
// variable's presence (`ENV["X"].present?`, `ENV["X"] == "true"`), which
// resolves to what a deployment that leaves the variable unset gets. Anything
// else is `computed`. Statements inside `if`/`unless`/`case` blocks, or with a
// modifier `if`, are `conditional`: the deployment decides them.

import type * as Prism from '@ruby/prism';
import { lineOfOffset, lineStartOffsets } from './lines.js';

export type RubyScalar = string | number | boolean | null;

export type RubyValue =
  | { kind: 'literal'; value: RubyScalar }
  /** Decided by environment variables; `whenUnset` is the value with all of them unset (undefined when that raises). */
  | { kind: 'env'; vars: string[]; whenUnset?: RubyScalar; required?: boolean; literalDefault: boolean }
  | { kind: 'computed'; text: string };

export interface RubySetting {
  /** `force_ssl`, `action_dispatch.show_exceptions`, `hosts`. */
  name: string;
  /** `=`, `<<` (appended), `+=`, or a method called on it (`clear`). */
  op: string;
  value: RubyValue;
  line: number;
  conditional: boolean;
}

export interface RubyConfigFile {
  settings: RubySetting[];
  /** A syntax error: the file is not read, and checks that need it report an error. */
  error?: { line: number; message: string };
}

/** The largest file read: a configuration file is a few KiB; beyond this, nothing is decided. */
const MAX_BYTES = 2 * 1024 * 1024;

/** Ruby's parser and its node classes, from one dynamic import. */
export interface RubyParser {
  parse: Awaited<ReturnType<typeof Prism.loadPrism>>;
  nodes: typeof Prism;
}
let loading: Promise<RubyParser> | undefined;

/**
 * Prism, loaded once per process, on first use. Node 20 calls its WASI support experimental and warns when the
 * module is loaded; that warning (about this reader's own machinery, not the audited files) is kept out of the
 * user's output, which is why the import is dynamic: the filter is in place before the module loads.
 */
export function rubyParser(): Promise<RubyParser> {
  loading ??= (async () => {
    const emit = process.emitWarning;
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
      if (/WASI/.test(typeof warning === 'string' ? warning : warning.message)) return;
      (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
    }) as typeof process.emitWarning;
    try {
      const nodes = await import('@ruby/prism');
      return { parse: await nodes.loadPrism(), nodes };
    } finally {
      process.emitWarning = emit;
    }
  })();
  return loading;
}

// Calls on a setting that change it in place (`config.hosts.clear`, `config.hosts.push(...)`).
const IN_PLACE = new Set(['clear', 'push', 'concat']);

type Node = { location: { startOffset: number; length: number }; compactChildNodes(): Node[] };

/** The `config.a.b` a receiver names (the bare `config` of a `configure` block), or undefined. */
function configPath(node: unknown, CallNode: typeof Prism.CallNode): string | undefined {
  if (!(node instanceof CallNode)) return undefined;
  if (node.receiver === null) return node.name === 'config' && node.arguments_ === null && node.block === null ? '' : undefined;
  // `Rails.application.config` (an initializer's spelling of the same object).
  if (node.name === 'config' && node.arguments_ === null && node.block === null && isRailsApplication(node.receiver, CallNode)) return '';
  if (node.arguments_ !== null || node.block !== null) return undefined;
  const above = configPath(node.receiver, CallNode);
  return above === undefined ? undefined : above ? `${above}.${node.name}` : node.name;
}

/** `Rails.application`. */
function isRailsApplication(node: unknown, CallNode: typeof Prism.CallNode): boolean {
  if (!(node instanceof CallNode) || node.name !== 'application' || node.arguments_ !== null) return false;
  const receiver = node.receiver as { name?: string; constructor?: { name?: string } } | null;
  return receiver !== null && receiver.name === 'Rails' && !(receiver instanceof CallNode);
}

export function readRubyConfig(text: string, { parse, nodes }: RubyParser): RubyConfigFile {
  const { CallNode, CallOperatorWriteNode } = nodes;
  // Nodes under which an assignment runs only when the deployment decides so.
  const conditionalKinds = [nodes.IfNode, nodes.UnlessNode, nodes.CaseNode, nodes.CaseMatchNode, nodes.WhileNode, nodes.UntilNode];
  const source = Buffer.from(text, 'utf8');
  if (source.length > MAX_BYTES) return { settings: [], error: { line: 1, message: `larger than ${MAX_BYTES / 1024 / 1024} MiB, not read` } };
  // Prism's locations are byte offsets: lines and source text are taken from the UTF-8 bytes.
  const starts = lineStartOffsets(source);
  const lineAt = (offset: number): number => lineOfOffset(starts, offset);
  const sourceOf = (node: Node): string => source.subarray(node.location.startOffset, node.location.startOffset + node.location.length).toString('utf8');
  const result = parse(text);
  const [problem] = result.errors;
  if (problem) return { settings: [], error: { line: lineAt(problem.location.startOffset), message: problem.message } };
  const settings: RubySetting[] = [];
  const add = (name: string, op: string, valueText: string, node: Node, conditional: boolean): void => {
    settings.push({ name, op, value: rubyValue(valueText.trim()), line: lineAt(node.location.startOffset), conditional });
  };
  // Depth-first, in source order; an explicit stack keeps a deeply nested file from exhausting the call stack.
  const stack: Array<{ node: Node; conditional: boolean }> = [{ node: result.value as unknown as Node, conditional: false }];
  while (stack.length) {
    const { node, conditional } = stack.pop()!;
    if (node instanceof CallNode) {
      const writer = /^([a-z_]\w*)=$/.exec(node.name);
      const on = configPath(node.receiver, CallNode);
      const [first] = node.arguments_?.arguments_ ?? [];
      if (on !== undefined && writer && first) add(on ? `${on}.${writer[1]}` : writer[1]!, '=', sourceOf(first as Node), node, conditional);
      else if (on && node.name === '<<' && first) add(on, '<<', sourceOf(first as Node), node, conditional);
      else if (on && IN_PLACE.has(node.name)) add(on, node.name, (node.arguments_?.arguments_ ?? []).map((a) => sourceOf(a as Node)).join(', '), node, conditional);
    } else if (node instanceof CallOperatorWriteNode && node.binaryOperator === '+') {
      const on = configPath(node.receiver, CallNode);
      if (on !== undefined) add(on ? `${on}.${node.readName}` : node.readName, '+=', sourceOf(node.value as Node), node, conditional);
    }
    const inside = conditional || conditionalKinds.some((kind) => node instanceof kind);
    const children = node.compactChildNodes();
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, conditional: inside });
  }
  settings.sort((a, b) => a.line - b.line);
  return { settings };
}

const STRING = /^(["'])((?:(?!\1)[^\\#]|\\.|#(?!\{))*)\1$/;
const ENV_NAME = `(["'])([A-Za-z_][A-Za-z0-9_]*)\\1`;
const ENV_INDEX = new RegExp(`^ENV\\[${ENV_NAME}\\]$`);
const ENV_FETCH = new RegExp(`^ENV\\.fetch\\(\\s*${ENV_NAME}\\s*(?:,\\s*(.+?))?\\s*\\)(?:\\s*\\{\\s*(.+?)\\s*\\})?$`);
const BOOLEAN_CAST = /^ActiveModel::Type::Boolean\.new\.cast\((.+)\)$/;
const PRESENCE = /^(!)?ENV\[(["'])([A-Za-z_][A-Za-z0-9_]*)\2\]\.(present\?|blank\?|nil\?)$/;
const COMPARISON = new RegExp(`^ENV\\[${ENV_NAME}\\]\\s*(==|!=)\\s*(["'][^"']*["'])$`);

/** A Ruby literal, or undefined. */
function literal(text: string): RubyScalar | undefined {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'nil') return null;
  if (/^-?\d[\d_]*(\.\d+)?$/.test(text)) return Number(text.replace(/_/g, ''));
  if (/^:[a-z_]\w*[?!]?$/i.test(text)) return text;
  const s = STRING.exec(text);
  return s ? s[2]! : undefined;
}

/** Rails' boolean cast of a value (ActiveModel::Type::Boolean: "false", "f", "0", "off"... are false; "" is nil). */
export function castBoolean(value: RubyScalar): RubyScalar {
  if (value === null || value === '') return null;
  if (typeof value === 'boolean') return value;
  return !['0', 'f', 'false', 'off', 'no', 'n'].includes(String(value).toLowerCase());
}

export function rubyValue(text: string): RubyValue {
  const lit = literal(text);
  if (lit !== undefined) return { kind: 'literal', value: lit };
  const cast = BOOLEAN_CAST.exec(text);
  if (cast) {
    const inner = rubyValue(cast[1]!.trim());
    if (inner.kind === 'literal') return { kind: 'literal', value: castBoolean(inner.value) };
    if (inner.kind === 'env') return { ...inner, ...(inner.whenUnset !== undefined ? { whenUnset: castBoolean(inner.whenUnset) } : {}) };
    return inner;
  }
  const index = ENV_INDEX.exec(text);
  if (index) return { kind: 'env', vars: [index[2]!], whenUnset: null, literalDefault: false };
  const fetch = ENV_FETCH.exec(text);
  if (fetch) {
    const fallbackText = fetch[3] ?? fetch[4];
    if (fallbackText === undefined) return { kind: 'env', vars: [fetch[2]!], required: true, literalDefault: false };
    const fallback = literal(fallbackText.trim());
    if (fallback === undefined) return { kind: 'computed', text };
    return { kind: 'env', vars: [fetch[2]!], whenUnset: fallback, literalDefault: true };
  }
  // `ENV["X"].present? && ENV["X"] != "false"`: every term a test of a variable, joined by && or ||.
  const terms = text.split(/\s*(&&|\|\|)\s*/);
  const vars: string[] = [];
  let result: boolean | undefined;
  let joiner = '';
  for (const term of terms) {
    if (term === '&&' || term === '||') { joiner = term; continue; }
    let value: boolean | undefined;
    const presence = PRESENCE.exec(term);
    const comparison = COMPARISON.exec(term);
    if (presence) {
      vars.push(presence[3]!);
      value = presence[4] !== 'present?';
      if (presence[1]) value = !value;
    } else if (comparison) {
      vars.push(comparison[2]!);
      value = comparison[3] === '!=';
    } else return { kind: 'computed', text };
    result = result === undefined ? value : joiner === '&&' ? result && value : result || value;
  }
  if (vars.length) return { kind: 'env', vars: [...new Set(vars)], whenUnset: result!, literalDefault: false };
  return { kind: 'computed', text };
}

/** The last unconditional and the conditional assignments of `name`, for judging. */
export function settingOf(settings: readonly RubySetting[], name: string): RubySetting[] {
  return settings.filter((s) => s.name === name);
}
