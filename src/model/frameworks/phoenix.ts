// Phoenix (Elixir) configuration as a production release loads it, read
// statically.
//
// Mix builds a release with MIX_ENV=prod: `config/config.exs` runs, and its
// `import_config "#{config_env()}.exs"` runs `config/prod.exs` at that point;
// at boot, `config/runtime.exs` (or the older `config/releases.exs`) runs
// with `config_env()` = :prod. Each `config :app, Key, opts` deep-merges
// keyword lists, later calls winning
// (https://hexdocs.pm/elixir/Config.html, https://hexdocs.pm/phoenix/deployment.html).
// So a `secret_key_base` literal of config.exs that runtime.exs replaces in
// prod (`System.fetch_env!("SECRET_KEY_BASE")`) never reaches production.

import type { FileSet } from '../../repo/fileset.js';
import type { ParsedFiles } from '../../parse/parsed.js';
import { parseElixirConfig, type ExAst, type ExConfigFile, type ExStatement } from '../../parse/elixir-config.js';
import type { FileRoles } from '../roles.js';

/** A value as production gets it. */
export type ExValue =
  | { kind: 'lit'; value: string | number | boolean | null; atom?: boolean }
  | { kind: 'kw'; entries: Map<string, ExEntry> }
  | { kind: 'list'; items: ExValue[] }
  /** An environment variable: `fallback` when unset (a literal), or `required` (the release refuses to start without it). */
  | { kind: 'env'; name: string; fallback?: ExValue; required?: boolean; path: string; line: number }
  | { kind: 'computed'; text: string };

export interface ExEntry {
  value: ExValue;
  path: string;
  line: number;
  /** Set in a branch the deployment decides (`if System.get_env("X") do`). */
  conditional: boolean;
}

export interface PhoenixApp {
  /** The folder holding `config/config.exs` ('' at the repository root). */
  root: string;
  /** The files read for prod, in load order. */
  files: string[];
  /** `config :app, Key, ...` merged for MIX_ENV=prod, by `app Key` (`chat_api ChatApiWeb.Endpoint`, `logger console`). */
  configs: Map<string, Map<string, ExEntry>>;
  /** Every environment read with a literal fallback that reaches a prod config value. */
  fallbacks: Array<{ app: string; key: string; path: string[]; value: Extract<ExValue, { kind: 'env' }> }>;
  /** Files that do not parse: their settings are unknown. */
  errors: Array<{ path: string; line: number; message: string }>;
  /** What was assumed (an import that is not in the repository, a condition not decided). */
  notes: string[];
  /** `config` calls whose options are computed (`config :app, Endpoint, opts_built_in_code`): their keys are unknown. */
  computed: Array<{ id: string; path: string; line: number }>;
  /** The config directory's other scripts (`dev.exs`, `test.exs`, `hex.exs`): not loaded for MIX_ENV=prod. */
  otherEnvironments: string[];
  /** Values written in a file prod reads that a later prod setting replaces, by `path:line`, with where: dev-only values. */
  replaced: Map<string, { path: string; line: number }>;
}

const ENV = 'prod';

export async function readPhoenixApps(files: FileSet, parsed: ParsedFiles, roles: FileRoles): Promise<PhoenixApp[]> {
  const apps: PhoenixApp[] = [];
  for (const f of files.files) {
    if (!/(^|\/)config\/config\.exs$/.test(f.path) || !roles.isDeployed(f.path)) continue;
    const dir = f.path.slice(0, -'/config.exs'.length);
    const root = dir.replace(/\/?config$/, '');
    const app: PhoenixApp = { root, files: [], configs: new Map(), fallbacks: [], errors: [], notes: [], computed: [], replaced: new Map(), otherEnvironments: [] };
    const load = (path: string): Promise<ExConfigFile | undefined> => parsed.memo('elixir-config', path, (text) => parseElixirConfig(text));
    const run = async (path: string, depth: number): Promise<void> => {
      const file = await load(path);
      if (!file) return;
      app.files.push(path);
      if (file.error) {
        app.errors.push({ path, ...file.error });
        return;
      }
      await runStatements(app, file.statements, path, new Map(), false, async (target, line) => {
        const resolved = `${path.slice(0, path.lastIndexOf('/') + 1)}${target}`;
        if (depth > 4) return;
        if (!files.has(resolved)) {
          app.notes.push(`${path}:${line} imports ${resolved}, which is not in the repository (its settings, if any, are unknown)`);
          return;
        }
        await run(resolved, depth + 1);
      });
    };
    await run(f.path, 0);
    for (const runtime of [`${dir}/runtime.exs`, `${dir}/releases.exs`]) if (files.has(runtime)) await run(runtime, 0);
    // dev.exs, test.exs and any other environment's file (`hex.exs`): never loaded for MIX_ENV=prod.
    app.otherEnvironments = files.files.map((x) => x.path).filter((p) => p.startsWith(`${dir}/`) && /^[^/]+\.exs$/.test(p.slice(dir.length + 1)) && !app.files.includes(p));
    apps.push(app);
  }
  return apps;
}

type Importer = (target: string, line: number) => Promise<void>;

async function runStatements(app: PhoenixApp, statements: readonly ExStatement[], path: string, scope: Map<string, ExValue>, conditional: boolean, importer: Importer): Promise<void> {
  for (const s of statements) {
    if (s.kind === 'assign') scope.set(s.name, evaluate(s.value, scope, path));
    else if (s.kind === 'import') {
      const target = importPath(s.path);
      if (target) await importer(target, s.line);
      else app.notes.push(`${path}:${s.line}: import_config with a computed path is not followed`);
    } else if (s.kind === 'config') applyConfig(app, s, scope, path, conditional);
    else if (s.kind === 'if') {
      const test = decide(s.test, scope);
      const value = test === undefined ? undefined : s.negate ? !test : test;
      // Elixir's branches have their own scope: what they assign does not leak out.
      if (value === true) await runStatements(app, s.then, path, new Map(scope), conditional, importer);
      else if (value === false) await runStatements(app, s.otherwise, path, new Map(scope), conditional, importer);
      else {
        await runStatements(app, s.then, path, new Map(scope), true, importer);
        await runStatements(app, s.otherwise, path, new Map(scope), true, importer);
      }
    }
  }
}

/** `"#{config_env()}.exs"`, `"#{Mix.env()}.exs"`, `"prod.secret.exs"`: the file name for prod. */
function importPath(ast: ExAst): string | undefined {
  if (ast.kind === 'lit' && typeof ast.value === 'string') return ast.value;
  if (ast.kind !== 'template') return undefined;
  const name = ast.raw.replace(/#\{\s*(?:config_env\(\)|Mix\.env(?:\(\))?|config_env)\s*\}/g, ENV);
  return name.includes('#{') ? undefined : name;
}

function applyConfig(app: PhoenixApp, s: Extract<ExStatement, { kind: 'config' }>, scope: Map<string, ExValue>, path: string, conditional: boolean): void {
  const [first, second, third] = s.args;
  if (first?.kind !== 'lit' || !first.atom) return;
  let key: string;
  let opts: ExAst | undefined;
  if (second?.kind === 'kw' && !third) {
    key = '';
    opts = second;
  } else if (second?.kind === 'lit' && (second.atom || second.alias) && third) {
    key = String(second.value);
    opts = third;
  } else return;
  const id = `${first.value} ${key}`.trim();
  // `config :app, Endpoint, endpoint_config`: the keyword list a variable holds, with the lines it was written at.
  const value = evaluate(opts, scope, path);
  if (value.kind !== 'kw') {
    if (opts.kind !== 'lit') app.computed.push({ id, path, line: s.line });
    // `config :app, Endpoint, listeners ++ [secret_key_base: ...]`: the options stay computed, but the keys of the
    // literal list at the end are set whatever the rest holds, so what they replace never reaches prod.
    const tail = literalTail(opts, scope, path);
    const target = app.configs.get(id);
    if (tail && target && !conditional) for (const [k, e] of tail.entries) markReplaced(app, target.get(k), e);
    return;
  }
  const target = app.configs.get(id) ?? new Map<string, ExEntry>();
  app.configs.set(id, target);
  for (const [k, e] of value.entries) {
    const entry = { ...e, value: located(e.value, e.path, e.line, conditional), conditional: e.conditional || conditional };
    mergeInto(app, target, k, entry);
    collectFallbacks(app, String(first.value), key, [k], entry.value);
  }
}

/** Keyword entries of a value get the file and line they are written at. */
function located(value: ExValue, path: string, line: number, conditional: boolean): ExValue {
  if (value.kind !== 'kw') return value;
  return { kind: 'kw', entries: new Map([...value.entries].map(([k, v]) => [k, { ...v, path: v.path || path, line: v.line || line, conditional: v.conditional || conditional }])) };
}

/** Config's deep merge: keyword lists merge key by key, anything else replaces (and what it replaces never reaches prod). */
function mergeInto(app: PhoenixApp, target: Map<string, ExEntry>, key: string, entry: ExEntry): void {
  const previous = target.get(key);
  if (previous?.value.kind === 'kw' && entry.value.kind === 'kw') {
    const merged = new Map(previous.value.entries);
    for (const [k, v] of entry.value.entries) mergeInto(app, merged, k, v);
    target.set(key, { ...entry, value: { kind: 'kw', entries: merged } });
    return;
  }
  // A replacement under a condition the deployment decides may not happen: the earlier value may still reach prod.
  if (previous && !entry.conditional) for (const replaced of leaves(previous)) app.replaced.set(`${replaced.path}:${replaced.line}`, { path: entry.path, line: entry.line });
  target.set(key, entry);
}

/** The keyword list a `a ++ b ++ [k: v]` expression ends with, or undefined. */
function literalTail(ast: ExAst, scope: Map<string, ExValue>, path: string): Extract<ExValue, { kind: 'kw' }> | undefined {
  let at = ast;
  while (at.kind === 'op' && at.op === '++') at = at.right;
  if (at === ast || at.kind !== 'kw') return undefined;
  const value = evaluate(at, scope, path);
  return value.kind === 'kw' ? value : undefined;
}

/** Marks what `next` replaces in `previous` (keyword lists merge key by key) without merging it. */
function markReplaced(app: PhoenixApp, previous: ExEntry | undefined, next: ExEntry): void {
  if (!previous) return;
  if (previous.value.kind === 'kw' && next.value.kind === 'kw') {
    for (const [k, e] of next.value.entries) markReplaced(app, previous.value.entries.get(k), e);
    return;
  }
  for (const replaced of leaves(previous)) app.replaced.set(`${replaced.path}:${replaced.line}`, { path: next.path, line: next.line });
}

function leaves(entry: ExEntry): ExEntry[] {
  return entry.value.kind === 'kw' ? [...entry.value.entries.values()].flatMap(leaves) : [entry];
}

function collectFallbacks(app: PhoenixApp, appName: string, key: string, at: string[], value: ExValue): void {
  if (value.kind === 'env' && value.fallback) app.fallbacks.push({ app: appName, key, path: at, value });
  if (value.kind === 'kw') for (const [k, e] of value.entries) collectFallbacks(app, appName, key, [...at, k], e.value);
  if (value.kind === 'list') for (const item of value.items) collectFallbacks(app, appName, key, at, item);
}

function evaluate(ast: ExAst, scope: Map<string, ExValue>, path: string): ExValue {
  switch (ast.kind) {
    case 'lit':
      return { kind: 'lit', value: ast.value, ...(ast.atom ? { atom: true } : {}) };
    case 'list':
      return { kind: 'list', items: ast.items.map((i) => evaluate(i, scope, path)) };
    case 'kw':
      return { kind: 'kw', entries: new Map(ast.entries.map((e) => [e.key, { value: evaluate(e.value, scope, path), path, line: e.line, conditional: false }])) };
    case 'var':
      return scope.get(ast.name) ?? { kind: 'computed', text: ast.name };
    case 'call':
      return envCall(ast, path) ?? { kind: 'computed', text: `${ast.name}(...)` };
    case 'op': {
      if (ast.op !== '||' && ast.op !== 'or') return { kind: 'computed', text: ast.op };
      const left = evaluate(ast.left, scope, path);
      if (left.kind === 'lit') return left.value === null || left.value === false ? evaluate(ast.right, scope, path) : left;
      if (left.kind !== 'env' || (left.fallback && !(left.fallback.kind === 'lit' && left.fallback.value === null))) return { kind: 'computed', text: ast.op };
      if (ast.right.kind === 'raise') return { ...left, required: true, fallback: undefined };
      const right = evaluate(ast.right, scope, path);
      if (right.kind === 'lit') return { ...left, fallback: right };
      if (right.kind === 'env' && right.required) return { kind: 'computed', text: `${left.name} || ${right.name}` };
      return { kind: 'computed', text: ast.op };
    }
    case 'cond':
      return evaluateCond(ast, scope, path);
    case 'template':
      return { kind: 'computed', text: 'interpolated string' };
    default:
      return { kind: 'computed', text: ast.kind };
  }
}

/**
 * An `if` used as a value. `if System.get_env("X") do System.get_env("X") else b end` is `System.get_env("X") || b`
 * (pinchflat's secret_key_base). A test on the environment being built picks its branch; any other test is decided
 * by the deployment, so when one branch raises the value is the other (the only one production can run with), and
 * when neither does it is not judged.
 */
function evaluateCond(ast: Extract<ExAst, { kind: 'cond' }>, scope: Map<string, ExValue>, path: string): ExValue {
  const then = ast.negate ? ast.otherwise : ast.then;
  const otherwise = ast.negate ? ast.then : ast.otherwise;
  const test = ast.test.kind === 'call' ? envCall(ast.test, path) : undefined;
  const same = then.kind === 'call' ? envCall(then, path) : undefined;
  if (test?.kind === 'env' && same?.kind === 'env' && test.name === same.name && !test.fallback && !same.fallback) {
    return evaluate({ kind: 'op', op: '||', left: then, right: otherwise, line: ast.line }, scope, path);
  }
  const decided = decide(ast.test, scope);
  if (decided !== undefined) return evaluate(decided !== ast.negate ? ast.then : ast.otherwise, scope, path);
  if (then.kind === 'raise' && otherwise.kind !== 'raise') return evaluate(otherwise, scope, path);
  if (otherwise.kind === 'raise' && then.kind !== 'raise') return evaluate(then, scope, path);
  return { kind: 'computed', text: 'if' };
}

/** `System.get_env("X")`, `System.get_env("X", "d")`, `System.fetch_env!("X")`. */
function envCall(ast: Extract<ExAst, { kind: 'call' }>, path: string): ExValue | undefined {
  const name = ast.args[0];
  if (name?.kind !== 'lit' || typeof name.value !== 'string') return undefined;
  if (ast.name === 'System.fetch_env!') return { kind: 'env', name: name.value, required: true, path, line: ast.line };
  if (ast.name !== 'System.get_env') return undefined;
  const fallback = ast.args[1];
  if (!fallback) return { kind: 'env', name: name.value, path, line: ast.line };
  if (fallback.kind !== 'lit') return { kind: 'computed', text: `System.get_env("${name.value}", ...)` };
  return { kind: 'env', name: name.value, fallback: { kind: 'lit', value: fallback.value }, path, line: ast.line };
}

/** An `if` test on the environment being built: `config_env() == :prod`, `Mix.env() in [:dev, :test]`... Undecided otherwise. */
function decide(ast: ExAst, scope: Map<string, ExValue>): boolean | undefined {
  const isEnvCall = (a: ExAst): boolean => a.kind === 'call' && (a.name === 'config_env' || a.name === 'Mix.env');
  if (ast.kind === 'not') {
    const inner = decide(ast.operand, scope);
    return inner === undefined ? undefined : !inner;
  }
  if (ast.kind === 'lit') return !(ast.value === null || ast.value === false);
  if (ast.kind === 'var') {
    const v = scope.get(ast.name);
    return v?.kind === 'lit' ? !(v.value === null || v.value === false) : undefined;
  }
  if (ast.kind !== 'op') return undefined;
  if (['and', '&&', 'or', '||'].includes(ast.op)) {
    const l = decide(ast.left, scope);
    const r = decide(ast.right, scope);
    if (ast.op === 'and' || ast.op === '&&') return l === false || r === false ? false : l === true && r === true ? true : undefined;
    return l === true || r === true ? true : l === false && r === false ? false : undefined;
  }
  const [call, other] = isEnvCall(ast.left) ? [ast.left, ast.right] : isEnvCall(ast.right) ? [ast.right, ast.left] : [undefined, undefined];
  if (!call || !other) return undefined;
  if (['==', '===', '!=', '!=='].includes(ast.op) && other.kind === 'lit' && other.atom) {
    const equal = other.value === ENV;
    return ast.op.startsWith('!') ? !equal : equal;
  }
  if ((ast.op === 'in' || ast.op === 'not in') && other.kind === 'list') {
    const found = other.items.some((i) => i.kind === 'lit' && i.value === ENV);
    return ast.op === 'in' ? found : !found;
  }
  return undefined;
}

/**
 * Config values that never reach prod, for every Elixir application: `path:line` of a value a later prod setting
 * replaces, or `path` of a config script prod does not load, -> why.
 */
export function outsideProd(apps: readonly PhoenixApp[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const app of apps) {
    for (const [at, by] of app.replaced) out.set(at, `prod replaces it (${by.path}:${by.line}), so this value is read only outside production`);
    for (const path of app.otherEnvironments) out.set(path, `MIX_ENV=prod does not load ${path} (prod reads ${app.files.join(', ')}), so this value is read only outside production`);
  }
  return out;
}

/** The entry at a keyword path (`["http", "port"]`) of a merged config. */
export function entryAt(config: ReadonlyMap<string, ExEntry> | undefined, ...keys: string[]): ExEntry | undefined {
  let entry: ExEntry | undefined;
  let map = config;
  for (const k of keys) {
    entry = map?.get(k);
    map = entry?.value.kind === 'kw' ? entry.value.entries : undefined;
  }
  return entry;
}

/** The endpoints of the application (`config :app, AppWeb.Endpoint, ...`), by `app Module`. */
export function endpointsOf(app: PhoenixApp): Array<[string, Map<string, ExEntry>]> {
  return [...app.configs].filter(([id]) => /\s\S*Endpoint$/.test(id));
}

/** How Phoenix settings are resolved, for docs/checks.md. */
export const PHOENIX_SETTINGS_DOC =
  '- **Phoenix / Elixir** (`config/config.exs`). For MIX_ENV=prod: config.exs, the files it imports (`import_config "#{config_env()}.exs"` → prod.exs, in place), then `config/runtime.exs` (and `releases.exs`) with `config_env()` = :prod; each `config :app, Key, opts` deep-merges keyword lists, later calls winning. `if config_env() == :prod` (also `Mix.env()`, `!=`, `in [...]`, `unless`) is decided; other conditions make their settings conditional (not judged). Values: literals, keyword lists, variables assigned earlier, `System.get_env("X")` (nil when unset), `System.get_env("X", "d")` and `System.get_env("X") || "d"` (the fallback), `System.fetch_env!("X")` and `System.get_env("X") || raise ...` (required). Options built in code (`config :app, Endpoint, opts`) are computed: a check says so instead of failing. An import the repository lacks (`prod.secret.exs`) is named in the message as assumed empty.';
