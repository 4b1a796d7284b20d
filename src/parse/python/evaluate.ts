// Evaluation under an unset environment: what a setting resolves to when the
// deployment does not provide the variable. `os.environ.get("DEBUG", "True")`,
// `env.bool("DEBUG", default=True)` and `config("DEBUG", default=True, cast=bool)`
// resolve to their defaults; `os.environ["X"]` is unknown (it must be set).

import { calleeName, dottedName, type PyExpr, type PyLiteral } from './ast.js';

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
