// Compose interpolation (compose spec, "Interpolation"): `${VAR}`,
// `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`, `${VAR?message}`,
// `${VAR:+alt}`, `${VAR+alt}` and `$VAR`; `$$` is a literal dollar. Defaults
// may themselves interpolate (`${A:-${B:-x}}`), as Compose v2 allows.
//
// What a check needs is "what runs when the variable is not set on the
// deploying host": the value from the committed `.env` beside the compose
// file when it sets one, else the written default, else nothing to judge.
// A linear scanner, not a regular expression over the whole value: values
// come from files anyone can commit.

export type Operator = ':-' | '-' | ':?' | '?' | ':+' | '+';

export interface VariableReference {
  name: string;
  operator?: Operator;
  /** The text after the operator (a default, an error message or an alternative), uninterpolated. */
  argument?: string;
  /** Offset of the `$` in the scanned text. */
  offset: number;
  /** Length of the whole reference (`${...}` or `$NAME`). */
  length: number;
}

/** `:?` / `?`: the deployment refuses to start without it (compose: "mandatory variable"). */
export function isRequired(ref: VariableReference): boolean {
  return ref.operator === ':?' || ref.operator === '?';
}

/** The literal fallback of `${VAR:-x}` / `${VAR-x}`, when there is one. */
export function defaultOf(ref: VariableReference): string | undefined {
  return ref.operator === ':-' || ref.operator === '-' ? ref.argument : undefined;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const MAX_DEPTH = 8;

/** Every variable reference of `text`, outermost only, in order. Malformed ones (`${` never closed, and what follows) are left out. */
export function findReferences(text: string): VariableReference[] {
  const out: VariableReference[] = [];
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) break;
    const next = text[dollar + 1];
    if (next === '$') {
      i = dollar + 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(text, dollar + 2);
      // Never closed: compose rejects the value; the rest is left as written
      // (stopping here also keeps a run of `${` linear).
      if (close < 0) break;
      const ref = parseBraced(text.slice(dollar + 2, close), dollar, close + 1 - dollar);
      if (ref) out.push(ref);
      i = close + 1;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = dollar + 2;
      while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
      out.push({ name: text.slice(dollar + 1, end), offset: dollar, length: end - dollar });
      i = end;
      continue;
    }
    i = dollar + 1;
  }
  return out;
}

/** Index of the `}` closing a `${` whose body starts at `start`, counting nested `${`. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function parseBraced(body: string, offset: number, length: number): VariableReference | undefined {
  let end = 0;
  if (!NAME_START.test(body[0] ?? '')) return undefined;
  while (end < body.length && NAME_CHAR.test(body[end]!)) end++;
  const name = body.slice(0, end);
  const rest = body.slice(end);
  if (rest === '') return { name, offset, length };
  const operator = (['-', '?', '+'].includes(rest[0]!) ? rest[0] : rest.slice(0, 2)) as Operator;
  if (!['-', '?', '+', ':-', ':?', ':+'].includes(operator)) return undefined;
  return { name, operator, argument: rest.slice(operator.length), offset, length };
}

export type Lookup = (name: string) => string | undefined;

export interface Interpolated {
  /** The value with every reference replaced; an unset variable with no default becomes ''. */
  value: string;
  /** Variables neither set by the lookup nor given a default: the value cannot be judged as written. */
  unresolved: string[];
  /** Variables the deployment requires (`:?`) and the lookup does not set. */
  required: string[];
}

/**
 * What `text` becomes when only the variables `lookup` knows are set (the
 * committed `.env`), as `docker compose config` would print it on a host that
 * sets nothing else.
 */
export function interpolate(text: string, lookup: Lookup = () => undefined, options: InterpolateOptions = {}): Interpolated {
  return interpolateAt(text, lookup, options, 0);
}

export interface InterpolateOptions {
  /** What an unset variable with no default becomes (default ''): a marker lets a check tell which part is unknown. */
  unset?: (name: string) => string;
}

function interpolateAt(text: string, lookup: Lookup, options: InterpolateOptions, depth: number): Interpolated {
  const unresolved: string[] = [];
  const required: string[] = [];
  let value = '';
  let last = 0;
  for (const ref of findReferences(text)) {
    value += unescape(text.slice(last, ref.offset));
    last = ref.offset + ref.length;
    const set = lookup(ref.name);
    const nested = (arg: string): string => {
      if (depth >= MAX_DEPTH) return arg;
      const inner = interpolateAt(arg, lookup, options, depth + 1);
      unresolved.push(...inner.unresolved);
      required.push(...inner.required);
      return inner.value;
    };
    switch (ref.operator) {
      case ':-':
        value += set !== undefined && set !== '' ? set : nested(ref.argument ?? '');
        break;
      case '-':
        value += set !== undefined ? set : nested(ref.argument ?? '');
        break;
      case ':+':
        value += set !== undefined && set !== '' ? nested(ref.argument ?? '') : '';
        break;
      case '+':
        value += set !== undefined ? nested(ref.argument ?? '') : '';
        break;
      default:
        if (set !== undefined) value += set;
        else {
          value += options.unset?.(ref.name) ?? '';
          unresolved.push(ref.name);
          if (isRequired(ref)) required.push(ref.name);
        }
    }
  }
  value += unescape(text.slice(last));
  return { value, unresolved, required };
}

function unescape(text: string): string {
  return text.includes('$$') ? text.replace(/\$\$/g, '$') : text;
}

/**
 * Splits a compose short syntax on `:` outside `${VAR:-default}`: a port
 * (`"${DB_PORT:-5432}:5432"` is host and container port) or a volume (`src:dst:mode`).
 */
export function splitOutsideInterpolation(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '$' && text[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    if (c === ':' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}
