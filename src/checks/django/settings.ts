// Django settings as the deployed process would see them, read statically:
// which settings modules exist, which one production uses, and the value of
// every setting after star imports (`from .base import *`) and later
// assignments. Environment variables are taken as unset, so a setting read
// with a default (`os.environ.get("DEBUG", "True")`) resolves to the default,
// which is what a deployment that forgets the variable gets.

import type { RepoCheckContext } from '../../engine/types.js';
import type { FileSet } from '../../repo/fileset.js';
import { NON_PRODUCT_PATH } from '../ops/project.js';
import {
  dottedName,
  envSchemesOf,
  evaluate,
  parsePythonModule,
  pyRepr,
  truthy,
  type EvalResult,
  type EvalScope,
  type PyExpr,
  type PyLiteral,
  type PyModule,
  type PyStatement,
} from '../../parse/python.js';

export interface Setting {
  name: string;
  value: EvalResult;
  expr: PyExpr;
  path: string;
  line: number;
  /** Assigned in a branch whose condition is not decidable statically. */
  conditional: boolean;
}

export interface SettingsModule {
  /** The root settings file that was analysed. */
  path: string;
  /** Why this module counts as the production settings. */
  reason: string;
  settings: Map<string, Setting>;
  /** Files read, in order (star imports first). */
  files: string[];
}

export interface DjangoProject {
  modules: SettingsModule[];
  /** Every settings-looking file found (for messages). */
  candidates: string[];
}

type Ctx = Pick<RepoCheckContext, 'files' | 'parsed'>;

const cache = new WeakMap<FileSet, Promise<DjangoProject>>();

export function djangoProject(ctx: Ctx): Promise<DjangoProject> {
  let pending = cache.get(ctx.files);
  if (!pending) {
    pending = load(ctx);
    cache.set(ctx.files, pending);
  }
  return pending;
}

const parse = (ctx: Ctx, path: string): Promise<PyModule | undefined> => ctx.parsed.memo('python', path, (text) => parsePythonModule(text));

const SETTINGS_PATH = /(^|\/)(settings\.py|settings_[\w-]*\.py|settings\/[\w-]+\.py)$/;
export const PRODUCTION_NAME = /(^|[/_.])(prod|production|live|deploy|deployment|release|heroku|aws|k8s|kubernetes)([/_.]|\.py$|$)/i;
const DEV_NAME = /(^|[/_.])(dev|develop|development|local|test|tests|testing|ci|example|sample)([/_.]|\.py$|$)/i;
/** Files that name the settings module a deployment runs with. */
const DEPLOY_FILE = /(^|\/)(wsgi\.py|asgi\.py|Dockerfile[^/]*|[^/]*\.dockerfile|Procfile|[^/]*compose[^/]*\.ya?ml|\.env[^/]*|[^/]*\.env|app\.ya?ml|fly\.toml|render\.yaml|[^/]*\.ya?ml)$/;

async function load(ctx: Ctx): Promise<DjangoProject> {
  const candidates = ctx.files.files.map((f) => f.path).filter((p) => SETTINGS_PATH.test(p) && !p.endsWith('/__init__.py') && !NON_PRODUCT_PATH.test(p));
  // Modules named by DJANGO_SETTINGS_MODULE: in deployment files they name production.
  const named = new Map<string, string>();
  for (const file of ctx.files.files) {
    if (!(DEPLOY_FILE.test(file.path) || /(^|\/)manage\.py$/.test(file.path)) || NON_PRODUCT_PATH.test(file.path)) continue;
    if (file.size > 512 * 1024) continue;
    const text = await ctx.files.read(file.path);
    if (!text || !text.includes('DJANGO_SETTINGS_MODULE')) continue;
    for (const m of text.matchAll(/DJANGO_SETTINGS_MODULE["']?\s*(?:=|:|,)\s*["']?([A-Za-z_][\w.]*)/g)) {
      const path = resolveModule(ctx, m[1]!, file.path);
      if (path && NON_PRODUCT_PATH.test(path)) continue;
      if (path && !named.has(path)) named.set(path, `${m[1]} is named by DJANGO_SETTINGS_MODULE in ${file.path}${/manage\.py$/.test(file.path) ? ' (manage.py)' : ''}`);
      if (path && !candidates.includes(path)) candidates.push(path);
    }
  }

  if (!named.size && !(await looksLikeDjango(ctx, candidates))) return { modules: [], candidates: [] };

  // Star-imported modules (base.py) are parts of others, not roots.
  const imported = new Set<string>();
  for (const path of candidates) {
    const module = await parse(ctx, path);
    if (!module) continue;
    for (const s of module.statements) {
      if (s.kind === 'star-import') {
        const target = resolveModule(ctx, s.module, path);
        if (target) imported.add(target);
      }
    }
  }
  const roots = candidates.filter((p) => !imported.has(p)).sort();
  const production = roots.filter((p) => PRODUCTION_NAME.test(p.replace(/^.*?([^/]*\/[^/]*)$/, '$1')));
  const namedByDeploy = roots.filter((p) => named.has(p) && !/manage\.py/.test(named.get(p)!) && !DEV_NAME.test(baseName(p)));
  let chosen: Array<{ path: string; reason: string }>;
  if (production.length || namedByDeploy.length) {
    chosen = [...new Set([...production, ...namedByDeploy])].sort().map((path) => ({
      path,
      reason: named.has(path) && !/manage\.py/.test(named.get(path)!) ? named.get(path)! : 'its name marks it as the production settings',
    }));
  } else {
    const nonDev = roots.filter((p) => !DEV_NAME.test(baseName(p)));
    chosen = (nonDev.length ? nonDev : roots).map((path) => ({ path, reason: named.get(path) ?? 'the only settings module that is not for development' }));
  }
  const modules: SettingsModule[] = [];
  for (const { path, reason } of chosen) {
    const module = await resolveSettings(ctx, path);
    if (module) modules.push({ ...module, reason });
  }
  return { modules, candidates: candidates.sort() };
}

const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

async function looksLikeDjango(ctx: Ctx, candidates: string[]): Promise<boolean> {
  if (ctx.files.files.some((f) => /(^|\/)manage\.py$/.test(f.path) && !NON_PRODUCT_PATH.test(f.path))) return true;
  for (const path of candidates) {
    const text = await ctx.files.read(path);
    if (text && /\b(INSTALLED_APPS|MIDDLEWARE|ROOT_URLCONF|DJANGO_SETTINGS_MODULE)\b|from django|import django/.test(text)) return true;
  }
  return false;
}

/** `mysite.settings.prod` or `.base` (relative to `fromPath`) -> a repository file. */
export function resolveModule(ctx: Ctx, module: string, fromPath: string): string | undefined {
  const dots = /^\.*/.exec(module)![0].length;
  const rest = module.slice(dots).split('.').filter(Boolean);
  const tryPaths = (base: string[]): string | undefined => {
    const stem = [...base, ...rest].join('/');
    for (const candidate of [`${stem}.py`, `${stem}/__init__.py`]) if (ctx.files.has(candidate)) return candidate;
    return undefined;
  };
  if (dots > 0) {
    const dir = fromPath.split('/').slice(0, -1);
    return tryPaths(dir.slice(0, dir.length - (dots - 1)));
  }
  // Absolute: the source root may be a subdirectory (src/, backend/...).
  const exact = tryPaths([]);
  if (exact) return exact;
  const suffixes = [`/${rest.join('/')}.py`, `/${rest.join('/')}/__init__.py`];
  const matches = ctx.files.files.filter((f) => suffixes.some((s) => f.path.endsWith(s))).map((f) => f.path);
  if (matches.length <= 1) return matches[0];
  // Prefer the one closest to the file that names it.
  return matches.sort((a, b) => sharedPrefix(b, fromPath) - sharedPrefix(a, fromPath) || a.length - b.length)[0];
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const LIST_METHODS = new Set(['append', 'insert', 'extend', 'remove']);

/** Executes the module-level statements of a settings module (and its star imports) symbolically. */
export async function resolveSettings(ctx: Ctx, rootPath: string): Promise<Omit<SettingsModule, 'reason'> | undefined> {
  const settings = new Map<string, Setting>();
  const files: string[] = [];
  const envSchemes = new Map<string, { cast?: string; default?: EvalResult }>();
  const scope: EvalScope = {
    lookup: (name) => settings.get(name)?.value,
    envSchemes,
  };
  const visiting = new Set<string>();

  const run = async (path: string): Promise<boolean> => {
    if (visiting.has(path)) return false;
    visiting.add(path);
    const module = await parse(ctx, path);
    if (!module) return false;
    files.push(path);
    await runStatements(path, module.statements, false);
    return true;
  };

  const assign = (path: string, s: Extract<PyStatement, { kind: 'assign' }>, conditional: boolean): void => {
    for (const target of s.targets) {
      if (!/^[A-Za-z_]\w*$/.test(target)) continue;
      if (s.value.kind === 'call' && /(^|\.)Env$/.test(dottedName(s.value.callee) ?? '')) {
        for (const [k, v] of envSchemesOf(s.value, scope)) envSchemes.set(k, v);
      }
      let value = evaluate(s.value, scope);
      if (s.op !== '=') {
        const previous = settings.get(target)?.value;
        if (previous?.known && value.known && Array.isArray(previous.value) && Array.isArray(value.value)) value = { known: true, value: [...previous.value, ...value.value] };
        else if (!(previous?.known && value.known)) value = { known: false, reason: `${target} ${s.op} ...` };
        else value = { known: false, reason: `${target} ${s.op} ...` };
      }
      settings.set(target, { name: target, value, expr: s.value, path, line: s.line, conditional });
    }
  };

  /** `MIDDLEWARE.insert(0, "...")`, `INSTALLED_APPS.append(...)` on a known list. */
  const mutate = (path: string, expr: PyExpr, conditional: boolean): void => {
    if (expr.kind !== 'call' || expr.callee.kind !== 'attr' || expr.callee.object.kind !== 'name') return;
    const method = expr.callee.name;
    const target = expr.callee.object.name;
    const current = settings.get(target);
    if (!current || !LIST_METHODS.has(method)) return;
    const args = expr.args.map((a) => evaluate(a, scope));
    if (!current.value.known || !Array.isArray(current.value.value) || args.some((a) => !a.known)) {
      settings.set(target, { ...current, value: { known: false, reason: `${target}.${method}(...)` }, path, line: expr.line });
      return;
    }
    const list: PyLiteral[] = [...current.value.value];
    const values = args.map((a) => (a as { value: PyLiteral }).value);
    if (method === 'append') list.push(values[0]!);
    else if (method === 'extend' && Array.isArray(values[0])) list.push(...values[0]);
    else if (method === 'insert' && typeof values[0] === 'number') list.splice(values[0], 0, values[1]!);
    else if (method === 'remove') {
      const at = list.findIndex((v) => JSON.stringify(v) === JSON.stringify(values[0]));
      if (at >= 0) list.splice(at, 1);
    }
    settings.set(target, { ...current, value: { known: true, value: list }, path, line: expr.line, conditional: current.conditional || conditional });
  };

  const runStatements = async (path: string, statements: readonly PyStatement[], conditional: boolean): Promise<void> => {
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i]!;
      if (s.kind === 'assign') assign(path, s, conditional);
      else if (s.kind === 'star-import' && !conditional) {
        const target = resolveModule(ctx, s.module, path);
        if (target) await run(target);
      } else if (s.kind === 'expr') {
        if (s.value.kind === 'call' && (dottedName(s.value.callee) === 'include' || dottedName(s.value.callee) === 'split_settings.tools.include')) {
          // django-split-settings: include("components/base.py", ...), relative to this file.
          const dir = path.split('/').slice(0, -1);
          for (const arg of s.value.args) {
            if (arg.kind !== 'str') continue;
            const target = [...dir, ...arg.value.split('/')].reduce<string[]>((acc, part) => (part === '..' ? acc.slice(0, -1) : part === '.' ? acc : [...acc, part]), []).join('/');
            if (ctx.files.has(target)) await run(target);
          }
        } else mutate(path, s.value, conditional);
      } else if (s.kind === 'block' && s.keyword === 'if') {
        // Take the branch literal conditions take; undecidable or environment-dependent branches are all read as conditional.
        const chain: Array<Extract<PyStatement, { kind: 'block' }>> = [s];
        while (statements[i + 1]?.kind === 'block' && ['elif', 'else'].includes((statements[i + 1] as { keyword: string }).keyword)) {
          chain.push(statements[++i] as Extract<PyStatement, { kind: 'block' }>);
        }
        let undecided = conditional;
        for (const branch of chain) {
          if (branch.keyword === 'else') {
            await runStatements(path, branch.body, undecided);
            break;
          }
          const test = branch.test ? evaluate(branch.test, scope) : { known: false as const, reason: 'no test' };
          // A condition on the environment (`if os.environ.get("ENV") == "production":`) is decided
          // by the deployment, not by defaults: read every branch, as conditional.
          if (!test.known || test.envVar) {
            undecided = true;
            await runStatements(path, branch.body, true);
            continue;
          }
          if (truthy(test.value)) {
            await runStatements(path, branch.body, undecided);
            break;
          }
        }
      } else if (s.kind === 'block' && s.keyword === 'try') {
        await runStatements(path, s.body, conditional);
      } else if (s.kind === 'block' && (s.keyword === 'except' || s.keyword === 'else' || s.keyword === 'finally' || s.keyword === 'with')) {
        await runStatements(path, s.body, conditional || s.keyword === 'except');
      }
    }
  };

  if (!(await run(rootPath))) return undefined;
  return { path: rootPath, settings, files };
}

/** How a setting's value came about, for messages: "DEBUG = True (mysite/settings/base.py:3)". */
export function describeSetting(s: Setting): string {
  const where = `${s.path}:${s.line}`;
  if (s.value.known && s.value.envVar) return `${s.name} falls back to ${pyRepr(s.value.value)} when ${s.value.envVar} is unset (${where})`;
  if (s.value.known) return `${s.name} = ${pyRepr(s.value.value)} (${where})`;
  return `${s.name} is computed (${s.value.reason}) at ${where}`;
}
