// Which Python settings module a deployment runs with, decided once per audit
// from the files that name it: `DJANGO_SETTINGS_MODULE` in manage.py,
// wsgi.py/asgi.py, a Dockerfile `ENV`, a compose `environment`, an env file,
// a Procfile... (Django reads the module from that variable and nothing else:
// https://docs.djangoproject.com/en/stable/topics/settings/#designating-the-settings).
//
// Also gives role overrides: a module named by a deployed file is what runs,
// whatever its folder is called (a project package named `example`), so the
// path table's `example` role does not hide it.

import type { FileSet } from '../repo/fileset.js';
import type { ParsedFiles } from '../parse/parsed.js';
import { parsePythonModule, type PyModule } from '../parse/python.js';
import { isDockerfile } from '../repo/classify.js';
import type { FileRoles, RoleInfo } from './roles.js';

export interface SettingsReference {
  /** The dotted module as written: `mysite.settings.prod`. */
  module: string;
  /** The repository file that holds it. */
  path: string;
  /**
   * Where the deployment puts the file when it is copied into place
   * (`cp docker/config.py settings/config.py` in a Dockerfile): relative
   * imports resolve from there.
   */
  asPath?: string;
  /** The file that names it, and the line. */
  namedIn: string;
  line: number;
  /**
   * Named as a default: by manage.py, or by `os.environ.setdefault(...)` in
   * any module (wsgi.py, asgi.py, celery.py), which the environment a
   * deployment sets (Dockerfile `ENV`, compose `environment`, uWSGI `env =`)
   * overrides. What deploys names the module without a default's hedge.
   */
  asDefault: boolean;
}

export interface PythonSettings {
  /** Every `DJANGO_SETTINGS_MODULE` naming a repository module, from production and development files. */
  references: SettingsReference[];
}

/** Files that can name the settings module a deployment runs with. */
const NAMING_FILE = /(^|\/)(manage\.py|wsgi\.py|asgi\.py|celery\.py|uwsgi[^/]*\.ini|gunicorn[^/]*\.(py|conf)|Dockerfile[^/]*|[^/]*\.dockerfile|Procfile[^/]*|[^/]*compose[^/]*\.ya?ml|\.env[^/]*|[^/]*\.env|app\.ya?ml|fly\.toml|render\.yaml|[^/]*\.ya?ml)$/;
// `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "x")`, `DJANGO_SETTINGS_MODULE=x`, `DJANGO_SETTINGS_MODULE: x`.
const NAMED = /DJANGO_SETTINGS_MODULE["']?\s*(?:=|:|,)\s*["']?([A-Za-z_][\w.]*)/g;
// Dockerfile `ENV DJANGO_SETTINGS_MODULE x` (the legacy space form).
const DOCKER_ENV_SPACE = /^\s*ENV\s+DJANGO_SETTINGS_MODULE\s+["']?([A-Za-z_][\w.]*)/gm;
const MAX_BYTES = 512 * 1024;

export async function findSettingsReferences(files: FileSet, roles: FileRoles): Promise<PythonSettings> {
  const references: SettingsReference[] = [];
  // Every audit builds the model: a repository without Python has no settings module to name (and no YAML to read for one).
  const unread = files.notRead((p) => p.endsWith('.py')).map((s) => s.path);
  if (!files.files.some((f) => f.path.endsWith('.py')) && !unread.length) return { references };
  // A named module the walker left out (over repo.max-file-bytes) is still the one production runs: name it, so
  // the checks that judge it say it was not read instead of finding no settings at all.
  const modules = unread.length ? withUnread(files, unread) : files;
  for (const file of files.files) {
    if (!NAMING_FILE.test(file.path) || file.size > MAX_BYTES || !roles.isDeployed(file.path)) continue;
    const text = await files.read(file.path);
    if (!text || !text.includes('DJANGO_SETTINGS_MODULE')) continue;
    const byManagePy = /(^|\/)manage\.py$/.test(file.path);
    const matches = [...text.matchAll(NAMED), ...(isDockerfile(file.path) ? text.matchAll(DOCKER_ENV_SPACE) : [])];
    for (const m of matches) {
      const module = m[1]!;
      const line = text.slice(0, m.index).split('\n').length;
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      const asDefault = byManagePy || /\bsetdefault\s*\(\s*$/.test(text.slice(Math.max(lineStart, m.index - 200), m.index).replace(/["']$/, ''));
      const path = resolveModule(modules, module, file.path);
      if (path) references.push({ module, path, namedIn: file.path, line, asDefault });
      else if (isDockerfile(file.path)) {
        const copied = copiedInto(files, text, file.path, module);
        if (copied) references.push({ module, ...copied, namedIn: file.path, line, asDefault });
      }
    }
  }
  return { references };
}

/** The files of the set plus `unread` paths, for resolving a module name to a file whether or not it was read. */
function withUnread(files: FileSet, unread: readonly string[]): Pick<FileSet, 'has' | 'files'> {
  const extra = new Set(unread);
  return { has: (p) => files.has(p) || extra.has(p), files: [...files.files, ...unread.map((path) => ({ path, size: 0, tracked: false }))] };
}

/**
 * `RUN cp docker/config.py settings/config.py` (or `COPY`) in the Dockerfile
 * that names `settings.config`: the module is that source file, placed where
 * the package of the module is.
 */
function copiedInto(files: FileSet, dockerfile: string, dockerPath: string, module: string): { path: string; asPath: string } | undefined {
  const parts = module.split('.');
  const target = `${parts.join('/')}.py`;
  const dir = dockerPath.includes('/') ? dockerPath.slice(0, dockerPath.lastIndexOf('/') + 1) : '';
  for (const m of dockerfile.matchAll(/\b(?:cp|mv|COPY|ADD)\s+(?:-\S+\s+)*([\w./-]+\.py)\s+([\w./-]+\.py)\b/g)) {
    const [, source, dest] = m as unknown as [string, string, string];
    if (!(`/${dest}`.endsWith(`/${target}`))) continue;
    const path = [source.replace(/^\.\//, ''), dir + source.replace(/^\.\//, '')].find((p) => files.has(p));
    if (!path) continue;
    const pkg = parts.length > 1 ? resolveModule(files, parts.slice(0, -1).join('.'), dockerPath) : undefined;
    const base = pkg ? pkg.replace(/(\/__init__)?\.py$/, '').replace(/[^/]*$/, '') : '';
    return { path, asPath: `${base}${target}` };
  }
  return undefined;
}

/** `mysite.settings.prod` or `.base` (relative to `fromPath`) -> a repository file. */
export function resolveModule(files: Pick<FileSet, 'has' | 'files'>, module: string, fromPath: string): string | undefined {
  const dots = /^\.*/.exec(module)![0].length;
  const rest = module.slice(dots).split('.').filter(Boolean);
  const tryPaths = (base: string[]): string | undefined => {
    const stem = [...base, ...rest].join('/');
    for (const candidate of [`${stem}.py`, `${stem}/__init__.py`]) if (files.has(candidate)) return candidate;
    return undefined;
  };
  if (dots > 0) {
    const dir = fromPath.split('/').slice(0, -1);
    return tryPaths(dir.slice(0, dir.length - (dots - 1)));
  }
  if (!rest.length) return undefined;
  // Absolute: the source root may be a subdirectory (src/, backend/...).
  const exact = tryPaths([]);
  if (exact) return exact;
  const suffixes = [`/${rest.join('/')}.py`, `/${rest.join('/')}/__init__.py`];
  const matches = files.files.filter((f) => suffixes.some((s) => f.path.endsWith(s))).map((f) => f.path);
  if (matches.length <= 1) return matches[0];
  // Prefer the one closest to the file that names it.
  return matches.sort((a, b) => sharedPrefix(b, fromPath) - sharedPrefix(a, fromPath) || a.length - b.length)[0];
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export const parsePython = (parsed: ParsedFiles, path: string): Promise<PyModule | undefined> => parsed.memo('python', path, (text) => parsePythonModule(text));

/**
 * The files a settings module reads its values from: itself, its star imports
 * (`from .base import *`) and the repository modules it imports upper-case
 * names from (`from .configuration import ALLOWED_HOSTS`), transitively.
 */
export async function settingsClosure(files: FileSet, parsed: ParsedFiles, root: string, asPath = root): Promise<string[]> {
  const out: string[] = [];
  const queue: Array<[string, string]> = [[root, asPath]];
  while (queue.length && out.length < 50) {
    const [path, at] = queue.shift()!;
    if (out.includes(path)) continue;
    out.push(path);
    const module = await parsePython(parsed, path);
    for (const s of module?.statements ?? []) {
      const follows = s.kind === 'star-import' || (s.kind === 'import' && s.module !== '' && s.names.some((n) => /^[A-Z][A-Z0-9_]+$/.test(n)));
      if (!follows) continue;
      const target = resolveModule(files, (s as { module: string }).module, at);
      if (target) queue.push([target, target]);
    }
  }
  return out;
}

// Only the `example` role is lifted: a module named by a deployed manage.py
// under `tests/` is a reusable app's test settings, and stays a test file.
// Roles a settings module loses when production names it: a folder word (`examples/`) or no evidence at all.
const LIFTED_ROLES = new Set(['example', 'unknown']);

/** Role overrides: the files of a settings module a deployed file names are production, whatever their folder. */
export async function settingsRoleOverrides(files: FileSet, parsed: ParsedFiles, roles: FileRoles, settings: PythonSettings): Promise<Map<string, RoleInfo>> {
  const overrides = new Map<string, RoleInfo>();
  for (const ref of settings.references) {
    // Only what production names is production: manage.py's default (`settings.local`) is the developer's.
    if (roles.of(ref.namedIn).role !== 'production') continue;
    for (const path of await settingsClosure(files, parsed, ref.path, ref.asPath)) {
      if (overrides.has(path) || !LIFTED_ROLES.has(roles.of(path).role)) continue;
      overrides.set(path, { role: 'production', reason: `read by the settings module ${ref.module}, named by DJANGO_SETTINGS_MODULE in ${ref.namedIn}:${ref.line}`, rule: 'evidence:settings-module' });
    }
  }
  return overrides;
}

/** How the settings a Python check judges are determined, for docs/checks.md. */
export const SETTINGS_RESOLUTION_DOC = [
  'Django settings are judged as the production process would load them:',
  '',
  '- **Which module.** The module named by `DJANGO_SETTINGS_MODULE` in a production or development file: wsgi.py/asgi.py/celery.py, a Dockerfile `ENV` (both `ENV K=V` and `ENV K V`), a compose `environment`, an env file, a Procfile, any YAML (manage.py counts too, after the others, since it often names the development settings). A Dockerfile that copies a file into place (`RUN cp docker/config.py settings/config.py`) names that file. Without any, settings files that assign Django settings (`SECRET_KEY`, `DEBUG`, `ALLOWED_HOSTS`, `MIDDLEWARE`...) are candidates; helper modules (`settings_utils.py`) are not. A module so named is production even in a folder the role table calls `example` (a project package named `example`).',
  '- **Which values.** Star imports (`from .base import *`) and django-split-settings `include()` in order; `from .configuration import ALLOWED_HOSTS`, `import configuration` and `importlib.import_module(...)` + `getattr(configuration, "X", default)` read the other module and report at its line; `X += [...]`, `X = [*X, ...]`, `.append/.insert/.extend/.remove` on known lists.',
  '- **Environment variables are taken as unset**, so a read with a literal default resolves to the default: `os.environ.get("DEBUG", "True")`, `env.bool("DEBUG", default=True)`, `config("DEBUG", cast=bool, default=True)`, `os.getenv("DEBUG", "True") == "True"`, and a project helper named for the environment (`get_bool_from_env("DEBUG", True)`, cast by its name); the message says which variable, and for a helper, whose default it is.',
  '- Branches on the environment (`if os.environ.get("ENV") == "production":`) are read as conditional and not judged on their own; a settings module production runs with that cannot be read is an `error`.',
].join('\n');
