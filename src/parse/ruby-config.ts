// A reader of Rails configuration files (`config/application.rb`,
// `config/environments/production.rb`): the `config.x = value` statements,
// read statically, line by line. A value is decided only when it is a
// literal, `ENV.fetch("X", literal)` (or with a block), `ENV["X"]`, a boolean
// cast of those (`ActiveModel::Type::Boolean.new.cast(...)`), or a test of a
// variable's presence (`ENV["X"].present?`, `ENV["X"] == "true"`), which
// resolves to what a deployment that leaves the variable unset gets. Anything
// else is `computed`. Statements inside `if`/`unless`/`case` blocks, or with a
// modifier `if`, are `conditional`: the deployment decides them.

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
  /** Unbalanced `end`s: the file is not read, and checks that need it report an error. */
  error?: { line: number; message: string };
}

const MAX_LINES = 20_000;
const MAX_JOINED = 40;
const OPENER = /^(if|unless|case|while|until|begin|def|class|module)\b/;
const DO_BLOCK = /\bdo(\s*\|[^|]*\|)?\s*$/;
const CONDITIONAL_OPENER = /^(if|unless|case|while|until)\b/;

/** Calls `visit` with each character of `code` outside quotes and its index, until it returns true; the index it stopped at. */
function scanOutsideQuotes(code: string, visit: (c: string, i: number) => boolean | void): number {
  let quote: string | undefined;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (visit(c, i)) return i;
  }
  return code.length;
}

/** The line without its comment (a `#` outside quotes and not `#{`). */
function stripComment(line: string): string {
  return line.slice(0, scanOutsideQuotes(line, (c, i) => c === '#' && line[i + 1] !== '{'));
}

export function readRubyConfig(text: string): RubyConfigFile {
  const lines = text.split('\n').slice(0, MAX_LINES);
  const settings: RubySetting[] = [];
  const stack: Array<{ conditional: boolean; line: number }> = [];
  let heredoc: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    if (heredoc) {
      if (lines[i]!.trim() === heredoc) heredoc = undefined;
      continue;
    }
    let code = stripComment(lines[i]!).trim();
    if (/^=begin\b/.test(code)) {
      while (i < lines.length && !/^=end\b/.test(lines[i]!)) i++;
      continue;
    }
    const doc = /<<[~-]?(['"]?)([A-Z_]+)\1/.exec(code);
    if (doc) heredoc = doc[2];
    // A statement continued on the next lines (`config.x =`, an open parenthesis, a trailing operator).
    // Bounded: a statement continued over more than MAX_JOINED lines is not a setting this reader can decide.
    // A next line that closes a block (`}`, `end`) ends the statement: a trailing comma before it (`api_key: x,`
    // then `}`) is the last entry of a hash, not a continuation.
    for (let joined = 0; joined < MAX_JOINED && i + 1 < lines.length && (/(=|\(|,|\\|&&|\|\||\bor|\band|\+)$/.test(code) || open(code) > 0) && !/^\s*(\}|end\b)/.test(stripComment(lines[i + 1]!)); joined++) {
      code = `${code.replace(/\\$/, '')} ${stripComment(lines[++i]!).trim()}`;
    }
    if (code === '') continue;
    if (/^(end\b|\})/.test(code)) {
      if (!stack.pop()) return { settings, error: { line: lineNo, message: 'an `end` closes no block' } };
      continue;
    }
    if (/^(else|elsif|when|in|rescue|ensure)\b/.test(code)) continue;
    const inCondition = stack.some((b) => b.conditional);
    // `config.x = if ...` / `case` / `begin` opens a block as a statement's opener does.
    const opens = OPENER.test(code) || /=\s*(if|unless|case|begin)\b/.test(code) || DO_BLOCK.test(code) || /\{\s*(\|[^|]*\|)?\s*$/.test(code);
    const setting = /^config\.([a-z_][\w.]*?)(?:\s*(=|<<|\+=)\s*(.+)|\.(clear|push|concat)\b\s*\(?(.*?)\)?)$/.exec(code);
    if (setting && !OPENER.test(code)) {
      let rest = setting[3] ?? setting[5] ?? '';
      const modifier = /\s+(if|unless)\s+.+$/.exec(rest);
      if (modifier && !/^(if|unless)\b/.test(rest)) rest = rest.slice(0, modifier.index);
      settings.push({
        name: setting[1]!,
        op: setting[2] ?? setting[4]!,
        value: rubyValue(rest.trim()),
        line: lineNo,
        conditional: inCondition || modifier !== null || /\bif\b.*\bthen\b/.test(code),
      });
    }
    if (opens && !/\bend$/.test(code)) stack.push({ conditional: CONDITIONAL_OPENER.test(code) || /=\s*(if|unless|case)\b/.test(code), line: lineNo });
  }
  if (stack.length) return { settings, error: { line: stack.at(-1)!.line, message: 'a block opened here is not closed by `end`' } };
  return { settings };
}

/** Parentheses and brackets left open in a line (quotes skipped). */
function open(code: string): number {
  let depth = 0;
  scanOutsideQuotes(code, (c) => {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
  });
  return depth;
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
