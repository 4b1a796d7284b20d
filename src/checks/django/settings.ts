// Django settings as the deployed process would see them, read statically:
// which settings modules exist, which one production uses, and the value of
// every setting after star imports (`from .base import *`) and later
// assignments. Environment variables are taken as unset, so a setting read
// with a default (`os.environ.get("DEBUG", "True")`) resolves to the default,
// which is what a deployment that forgets the variable gets.

import type { RepoCheckContext } from '../../engine/types.js';
import type { FileSet } from '../../repo/fileset.js';
import { parsePython, resolveModule } from '../../model/settings.js';
import {
  dottedName,
  envSchemesOf,
  evaluate,
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
  /** The first syntax error of each file read that has one: Python would not import the module. */
  syntaxErrors?: Array<{ path: string; line: number; message: string }>;
}

export interface DjangoProject {
  modules: SettingsModule[];
  /** Every settings-looking file found (for messages). */
  candidates: string[];
  /** Settings modules production runs with that could not be read (judged as errors, never as a pass). */
  unreadable?: UnreadableModule[];
}

export interface UnreadableModule {
  path: string;
  /** Why this module counts as the production settings. */
  reason: string;
  /** The file of the module that could not be read (itself, or a star import). */
  file: string;
  /** What went wrong with it: `mysite/settings.py was not read: 3000 bytes, larger than repo.max-file-bytes (1024 bytes)`. */
  problem: string;
}

/** A file of a settings module that could not be read, and why. */
export interface SettingsProblem {
  file: string;
  problem: string;
}

type Ctx = Pick<RepoCheckContext, 'files' | 'parsed' | 'model'>;

const cache = new WeakMap<FileSet, Promise<DjangoProject>>();

export function djangoProject(ctx: Ctx): Promise<DjangoProject> {
  let pending = cache.get(ctx.files);
  if (!pending) {
    pending = load(ctx);
    cache.set(ctx.files, pending);
  }
  return pending;
}

const parse = (ctx: Ctx, path: string): Promise<PyModule | undefined> => parsePython(ctx.parsed, path);

const SETTINGS_PATH = /(^|\/)(settings\.py|settings_[\w-]*\.py|settings\/[\w-]+\.py)$/;
export const PRODUCTION_NAME = /(^|[/_.])(prod|production|live|deploy|deployment|release|heroku|aws|k8s|kubernetes)([/_.]|\.py$|$)/i;
const DEV_NAME = /(^|[/_.])(dev|develop|development|local|test|tests|testing|ci|example|sample)([/_.]|\.py$|$)/i;
/**
 * Names Django reads from a settings module; a module assigning none of them
 * (a `settings_utils.py` of helpers, an app's `settings/choices.py`) is not one.
 */
const DJANGO_SETTING = /^(SECRET_KEY|DEBUG|ALLOWED_HOSTS|INSTALLED_APPS|MIDDLEWARE|MIDDLEWARE_CLASSES|DATABASES|ROOT_URLCONF|WSGI_APPLICATION|ASGI_APPLICATION|TEMPLATES|STATIC_URL|STATIC_ROOT|AUTH_USER_MODEL|CSRF_TRUSTED_ORIGINS|SECURE_[A-Z_]+|SESSION_COOKIE_SECURE|CSRF_COOKIE_SECURE|CORS_[A-Z_]+)$/;

async function load(ctx: Ctx): Promise<DjangoProject> {
  const deployed = (p: string): boolean => ctx.model.roles.isDeployed(p);
  const settingsPath = (p: string): boolean => SETTINGS_PATH.test(p) && !p.endsWith('/__init__.py') && deployed(p);
  // Settings files the walker left out (over repo.max-file-bytes, links out of the repository) are candidates
  // too: judged as unreadable, never as absent.
  const unread = new Map(ctx.files.notRead(() => true).map((s) => [s.path, s]));
  const candidates = [...ctx.files.files.map((f) => f.path), ...[...unread.keys()].sort()].filter(settingsPath);
  // Modules named by DJANGO_SETTINGS_MODULE (the model reads every file that can name one).
  const named = new Map<string, { reason: string; asDefault: boolean; asPath?: string }>();
  for (const ref of ctx.model.settings.references) {
    if (!deployed(ref.path)) continue;
    const previous = named.get(ref.path);
    if (previous && !previous.asDefault) continue;
    const copied = ref.asPath ? ` (copied to ${ref.asPath})` : '';
    named.set(ref.path, {
      reason: `${ref.module} is named by DJANGO_SETTINGS_MODULE in ${ref.namedIn}${ref.asDefault ? (/(^|\/)manage\.py$/.test(ref.namedIn) ? ' (manage.py)' : '') : ''}${copied}`,
      asDefault: ref.asDefault,
      ...(ref.asPath ? { asPath: ref.asPath } : {}),
    });
    if (!candidates.includes(ref.path)) candidates.push(ref.path);
  }

  if (!named.size && !(await looksLikeDjango(ctx, candidates))) return { modules: [], candidates: [] };

  // Star-imported modules (base.py) are parts of others, not roots.
  const imported = new Set<string>();
  for (const path of candidates) {
    const module = await parse(ctx, path);
    if (!module) continue;
    for (const s of module.statements) {
      if (s.kind === 'star-import') {
        const target = resolveModule(ctx.files, s.module, named.get(path)?.asPath ?? path) ?? unreadModule(ctx.files, s.module, named.get(path)?.asPath ?? path);
        if (target) imported.add(target);
      }
    }
  }
  const roots = candidates.filter((p) => !imported.has(p)).sort();
  const production = roots.filter((p) => PRODUCTION_NAME.test(p.replace(/^.*?([^/]*\/[^/]*)$/, '$1')) && !named.get(p)?.asDefault);
  const namedByDeploy = roots.filter((p) => named.has(p) && !named.get(p)!.asDefault && !DEV_NAME.test(baseName(named.get(p)!.asPath ?? p)));
  const namedByManage = roots.filter((p) => named.get(p)?.asDefault && !DEV_NAME.test(baseName(p)));
  let chosen: Array<{ path: string; reason: string }>;
  if (production.length || namedByDeploy.length) {
    chosen = [...new Set([...production, ...namedByDeploy, ...roots.filter((p) => named.get(p)?.asDefault && PRODUCTION_NAME.test(baseName(p)))])].sort().map((path) => ({
      path,
      reason: named.has(path) ? named.get(path)!.reason : 'its name marks it as the production settings',
    }));
  } else if (namedByManage.length) {
    // What manage.py (or a setdefault) names is what runs when nothing else names a module.
    chosen = namedByManage.map((path) => ({ path, reason: named.get(path)!.reason }));
  } else {
    // Discovery: settings-looking files that assign Django settings (not helper modules).
    const settingsLike: string[] = [];
    for (const p of roots) if (named.has(p) || (await assignsDjangoSettings(ctx, p, unread.has(p)))) settingsLike.push(p);
    const nonDev = settingsLike.filter((p) => !DEV_NAME.test(baseName(p)));
    chosen = (nonDev.length ? nonDev : settingsLike).map((path) => ({ path, reason: named.get(path)?.reason ?? 'the only settings module that is not for development' }));
  }
  const modules: SettingsModule[] = [];
  const unreadable: UnreadableModule[] = [];
  for (const { path, reason } of chosen) {
    const problems: SettingsProblem[] = [];
    const module = await resolveSettings(ctx, path, named.get(path)?.asPath, 0, problems);
    if (module && !problems.length) modules.push({ ...module, reason });
    else unreadable.push({ path, reason, ...(problems[0] ?? { file: path, problem: `${path} is not text` }) });
  }
  return { modules, candidates: candidates.sort(), ...(unreadable.length ? { unreadable } : {}) };
}

const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

async function assignsDjangoSettings(ctx: Ctx, path: string, unread: boolean): Promise<boolean> {
  if (unread) {
    // Not read: its first part tells (a link out of the repository has none, and counts).
    const head = await ctx.files.head(path, HEAD_BYTES);
    return head === undefined || DJANGO_SETTING_LINE.test(head);
  }
  const module = await parse(ctx, path);
  const visit = (statements: readonly PyStatement[]): boolean =>
    statements.some((s) => s.kind === 'star-import' || (s.kind === 'assign' && s.targets.some((t) => DJANGO_SETTING.test(t))) || (s.kind === 'block' && visit(s.body)));
  return module ? visit(module.statements) : false;
}

async function looksLikeDjango(ctx: Ctx, candidates: string[]): Promise<boolean> {
  if (ctx.files.files.some((f) => /(^|\/)manage\.py$/.test(f.path) && ctx.model.roles.isDeployed(f.path))) return true;
  for (const path of candidates) {
    const text = ctx.files.has(path) ? await ctx.files.read(path) : await ctx.files.head(path, HEAD_BYTES);
    if (text && /\b(INSTALLED_APPS|MIDDLEWARE|ROOT_URLCONF|DJANGO_SETTINGS_MODULE)\b|from django|import django/.test(text)) return true;
  }
  return false;
}

/** How much of a settings file left out for its size is read to tell what it is. */
const HEAD_BYTES = 64 * 1024;
/** A line assigning a Django setting, or a star import (`from .base import *`), in text not parsed. */
const DJANGO_SETTING_LINE = new RegExp(`^(?:(?:${DJANGO_SETTING.source.slice(1, -1)})\\s*=|from\\s+\\S+\\s+import\\s+\\*)`, 'm');

const LIST_METHODS = new Set(['append', 'insert', 'extend', 'remove']);

/** `X += [...]`, `X = X + [...]`, `X = [*X, ...]`: an assignment that adds to the list it names. */
function extendsItself(target: string, s: Extract<PyStatement, { kind: 'assign' }>): boolean {
  if (s.op === '+=') return true;
  const v = s.value;
  if (v.kind === 'binop' && v.op === '+' && v.left.kind === 'name' && v.left.name === target) return true;
  return (v.kind === 'list' || v.kind === 'tuple') && v.items.some((i) => i.kind === 'starred' && i.value.kind === 'name' && i.value.name === target);
}

/**
 * Executes the module-level statements of a settings module (and its star imports) symbolically.
 * A file of the module (itself, a star import) that cannot be read or does not parse is said in
 * `problems`: its settings are unknown, so the module cannot be judged.
 */
export async function resolveSettings(
  ctx: Ctx,
  rootPath: string,
  rootAsPath?: string,
  depth = 0,
  problems: SettingsProblem[] = [],
): Promise<Omit<SettingsModule, 'reason'> | undefined> {
  const settings = new Map<string, Setting>();
  const files: string[] = [];
  const syntaxErrors: Array<{ path: string; line: number; message: string }> = [];
  const envSchemes = new Map<string, { cast?: string; default?: EvalResult }>();
  /** `configuration.ALLOWED_HOSTS` after `import configuration`: the settings of imported repository modules. */
  const namespaces = new Map<string, Setting>();
  const boundModules = new Set<string>();
  const scope: EvalScope = {
    lookup: (name) => settings.get(name)?.value ?? namespaces.get(name)?.value,
    isModule: (name) => boundModules.has(name),
    envSchemes,
  };
  const visiting = new Set<string>();
  /** Where relative imports of a file resolve from (a file copied into place by the Dockerfile). */
  const importBase = (path: string): string => (path === rootPath && rootAsPath ? rootAsPath : path);

  const run = async (path: string): Promise<boolean> => {
    if (visiting.has(path)) return false;
    visiting.add(path);
    const skipped = ctx.files.notRead((p) => p === path)[0];
    if (skipped) {
      problems.push({ file: path, problem: `${path} was not read: ${skipped.reason}` });
      return false;
    }
    const module = await parse(ctx, path);
    if (!module) {
      problems.push({ file: path, problem: `${path} is not text` });
      return false;
    }
    files.push(path);
    if (module.errors[0]) syntaxErrors.push({ path, ...module.errors[0] });
    await runStatements(path, module.statements, false);
    return true;
  };

  /**
   * `from .configuration import ALLOWED_HOSTS` / `import configuration` of a
   * repository module: its upper-case names, read on their own (a settings-like
   * file under another name), keep the file and line that set them.
   */
  const importNames = async (path: string, s: Extract<PyStatement, { kind: 'import' }>, conditional: boolean): Promise<void> => {
    if (depth >= 3) return;
    const base = importBase(path);
    const dir = base.slice(0, base.lastIndexOf('/') + 1);
    // `import X` / `from . import X` bind a module: only a sibling or a root-relative module, not a guess.
    const isLocal = (target: string, dotted: string): boolean => [`${dir}${dotted.replace(/\./g, '/')}.py`, `${dotted.replace(/\./g, '/')}.py`].includes(target);
    const bound: Array<{ module: string; names?: Array<{ name: string; as: string }>; as?: string }> = [];
    if (!s.module) for (const name of s.names) bound.push({ module: name, as: name });
    else {
      const upper = (s.bindings ?? []).filter((b) => /^[A-Z][A-Z0-9_]*$/.test(b.name));
      if (upper.length) bound.push({ module: s.module, names: upper });
      for (const b of (s.bindings ?? []).filter((x) => /^[a-z_][a-z0-9_]*$/.test(x.name))) bound.push({ module: `${s.module}${s.module.endsWith('.') ? '' : '.'}${b.name}`, as: b.as });
    }
    for (const { module: dotted, names, as } of bound) {
      const target = resolveModule(ctx.files, dotted, base);
      if (!target || visiting.has(target) || target === rootPath) continue;
      if (!names && !isLocal(target, dotted.replace(/^\.+/, ''))) continue;
      const imported = await resolveSettings(ctx, target, undefined, depth + 1);
      if (!imported) continue;
      let used = !names && [...imported.settings.keys()].some((k) => DJANGO_SETTING.test(k));
      if (names) {
        for (const b of names) {
          const setting = imported.settings.get(b.name);
          if (setting && DJANGO_SETTING.test(b.as)) used = true;
          if (setting) settings.set(b.as, { ...setting, name: b.as, conditional: setting.conditional || conditional });
        }
      } else bindModule(as!, imported.settings);
      // Listed among the files read only when it gives a Django setting (not a constants module).
      if (used && !files.includes(target)) files.push(target);
    }
  };

  const bindModule = (as: string, values: ReadonlyMap<string, Setting>): void => {
    boundModules.add(as);
    for (const [name, setting] of values) namespaces.set(`${as}.${name}`, setting);
  };

  /** `configuration = importlib.import_module(os.getenv("NETBOX_CONFIGURATION", "netbox.configuration"))`. */
  const importModuleCall = async (path: string, s: Extract<PyStatement, { kind: 'assign' }>): Promise<boolean> => {
    if (depth >= 3 || s.value.kind !== 'call' || !/(^|\.)import_module$/.test(dottedName(s.value.callee) ?? '') || !s.value.args[0] || s.targets.length !== 1) return false;
    const name = evaluate(s.value.args[0], scope);
    if (!name.known || typeof name.value !== 'string') return false;
    const target = resolveModule(ctx.files, name.value, importBase(path));
    if (!target || visiting.has(target) || target === rootPath) return false;
    const imported = await resolveSettings(ctx, target, undefined, depth + 1);
    if (!imported) return false;
    if (!files.includes(target)) files.push(target);
    bindModule(s.targets[0]!, imported.settings);
    return true;
  };

  const assign = (path: string, s: Extract<PyStatement, { kind: 'assign' }>, written: boolean): void => {
    // `SESSION_COOKIE_SECURE = secure_origins` where `secure_origins` is set differently in branches the
    // deployment decides (`True if every origin is https else False`): the copy depends on them too.
    const conditional = written || plainNamesIn(s.value).some((name) => settings.get(name)?.conditional === true);
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
      const previous = settings.get(target);
      const source = importedSetting(s.value);
      if (source) settings.set(target, { ...source, name: target, conditional: source.conditional || conditional });
      else if (previous && extendsItself(target, s) && value.known) {
        // `MIDDLEWARE += [...]` or `MIDDLEWARE = [*MIDDLEWARE, "x"]` (even under an `if`): the list
        // keeps what it had in every branch, so it stays where it was written, as it was.
        settings.set(target, { ...previous, value });
      } else settings.set(target, { name: target, value, expr: s.value, path, line: s.line, conditional });
    }
  };

  /** `configuration.ALLOWED_HOSTS` or `getattr(configuration, "ALLOWED_HOSTS", ...)`: the imported setting, with its own file and line. */
  const importedSetting = (expr: PyExpr): Setting | undefined => {
    if (expr.kind === 'attr') return namespaces.get(dottedName(expr) ?? '');
    if (expr.kind === 'call' && dottedName(expr.callee) === 'getattr' && expr.args[0] && expr.args[1]?.kind === 'str') {
      return namespaces.get(`${dottedName(expr.args[0]) ?? ''}.${expr.args[1].value}`);
    }
    return undefined;
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
      if (s.kind === 'assign') {
        if (!(await importModuleCall(path, s))) assign(path, s, conditional);
      }
      else if (s.kind === 'star-import' && !conditional) {
        const target = resolveModule(ctx.files, s.module, importBase(path)) ?? unreadModule(ctx.files, s.module, importBase(path));
        if (target) await run(target);
      } else if (s.kind === 'import') await importNames(path, s, conditional); else if (s.kind === 'expr') {
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
  return { path: rootPath, settings, files, ...(syntaxErrors.length ? { syntaxErrors } : {}) };
}

/** A module the walker left out (over repo.max-file-bytes...), resolved as `resolveModule` would if it had been read. */
function unreadModule(files: FileSet, module: string, fromPath: string): string | undefined {
  const unread = files.notRead((p) => p.endsWith('.py')).map((s) => ({ path: s.path, size: 0, tracked: false }));
  if (!unread.length) return undefined;
  const paths = new Set(unread.map((f) => f.path));
  return resolveModule({ has: (p) => paths.has(p), files: unread }, module, fromPath);
}

/** ` when DEBUG is unset` (and whose default it is, for a project helper): the fallback said in messages. */
export function whenUnset(value: EvalResult): string {
  if (!value.envVar) return '';
  const via = value.known && value.via ? ` (the default given to ${value.via}())` : '';
  return ` when ${value.envVar} is unset${via}`;
}

/** How a setting's value came about, for messages: "DEBUG = True (mysite/settings/base.py:3)". */
export function describeSetting(s: Setting): string {
  const where = `${s.path}:${s.line}`;
  if (s.value.known && s.value.envVar) return `${s.name} falls back to ${pyRepr(s.value.value)}${whenUnset(s.value)} (${where})`;
  if (s.value.known) return `${s.name} = ${pyRepr(s.value.value)} (${where})`;
  return `${s.name} is computed (${s.value.reason}) at ${where}`;
}

/** The bare names an expression is computed from (`x`, `not x`, `a or b`, `x if c else y`); not calls or attributes. */
function plainNamesIn(expr: PyExpr): string[] {
  switch (expr.kind) {
    case 'name':
      return [expr.name];
    case 'unary':
      return plainNamesIn(expr.operand);
    case 'binop':
      return [...plainNamesIn(expr.left), ...plainNamesIn(expr.right)];
    case 'ternary':
      return [...plainNamesIn(expr.test), ...plainNamesIn(expr.then), ...plainNamesIn(expr.otherwise)];
    default:
      return [];
  }
}
