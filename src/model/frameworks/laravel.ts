// Laravel configuration as production loads it, read statically.
//
// Laravel reads `config/*.php` (BookStack keeps them in `app/Config/`), whose
// values call `env('X', default)`: the process environment first, then the
// application's `.env` file, then the default written in the config file
// (https://laravel.com/docs/configuration#environment-configuration). So a
// setting's value in production is what the env files production loads set
// (compose `env_file:`, an image's copied `.env`: the file roles say which),
// and the config file's default when none sets it.

import type { FileSet } from '../../repo/fileset.js';
import type { ParsedFiles } from '../../parse/parsed.js';
import { parseDotenv, type EnvFile } from '../../parse/dotenv.js';
import { parsePhpConfig, entryOf, type PhpConfigFile, type PhpScalar, type PhpValue } from '../../parse/php-config.js';
import type { FileRoles } from '../roles.js';
import type { Deployments } from '../deployments.js';
import { environmentOf } from '../../parse/compose.js';

export interface LaravelEnvFile {
  path: string;
  env: EnvFile;
}

export interface LaravelApp {
  /** The folder holding `artisan` ('' at the repository root). */
  root: string;
  /** The folder of the config files (`config`, or `app/Config`). */
  configDir: string;
  /** Every env file of the application (`.env`, `.env.*`), each judged by its own role. */
  envFiles: LaravelEnvFile[];
  /** The env files production is shown to load (role production). */
  productionEnvFiles: LaravelEnvFile[];
  /** `environment:` of the services of production compose deployments: the process environment, which wins over `.env`. */
  productionEnvironment: Array<{ path: string; service: string; get(name: string): { value: string; line: number } | undefined }>;
  /** A config file (`app`, `session`, `cors`) as read, or undefined when the application has none. */
  config(name: string): Promise<{ path: string; file: PhpConfigFile } | undefined>;
}

/** Where one config setting's value comes from in production. */
export interface LaravelSetting {
  /** `config/app.php`, the line of the key. */
  path: string;
  line: number;
  /** The value production gets, when decidable. */
  value?: PhpScalar;
  known: boolean;
  /** `env('APP_DEBUG', false)`: the variable read. */
  envVar?: string;
  /** The production compose environment or env file, and line, that set the variable, when one does. */
  setBy?: { path: string; line: number; raw: string; compose?: boolean };
  /** How it came about, for messages. */
  how: string;
}

const ARTISAN = /(^|\/)artisan$/;
const ENV_FILE = /(^|\/)\.env(\.[^/]+)?$/;

export async function readLaravelApps(files: FileSet, parsed: ParsedFiles, roles: FileRoles, deployments: Deployments): Promise<LaravelApp[]> {
  const apps: LaravelApp[] = [];
  const productionEnvironment: LaravelApp['productionEnvironment'] = deployments.list
    .filter((d) => d.role.role === 'production')
    // Services that run the application set its own variables (`APP_*`); a database service's environment is not Laravel's.
    .flatMap((d) => d.services.filter((service) => Object.keys(environmentOf(service)).some((k) => k.startsWith('APP_'))).map((service) => {
      const env = environmentOf(service);
      return { path: service.path, service: service.name, get: (name: string) => (name in env ? { value: env[name]!, line: service.locate(['environment', name]).line } : undefined) };
    }));
  for (const artisan of files.files.filter((f) => ARTISAN.test(f.path))) {
    const root = artisan.path.replace(/\/?artisan$/, '');
    const prefix = root ? `${root}/` : '';
    // A Laravel application kept as a test fixture or an example is not what production runs.
    if (!roles.isDeployed(artisan.path)) continue;
    const configDir = [`${prefix}config`, `${prefix}app/Config`].find((d) => files.has(`${d}/app.php`));
    if (!configDir) continue;
    const envFiles: LaravelEnvFile[] = [];
    for (const f of files.files) {
      if (!f.path.startsWith(prefix) || !ENV_FILE.test(f.path)) continue;
      const env = await parsed.memo('dotenv-entries', f.path, (text) => parseDotenv(text));
      if (env) envFiles.push({ path: f.path, env });
    }
    apps.push({
      root,
      configDir,
      envFiles,
      productionEnvFiles: envFiles.filter((e) => roles.of(e.path).role === 'production'),
      productionEnvironment,
      config: async (name) => {
        const path = `${configDir}/${name}.php`;
        if (!files.has(path)) return undefined;
        const file = await parsed.memo('php-config', path, (text) => parsePhpConfig(text));
        return file ? { path, file } : undefined;
      },
    });
  }
  return apps;
}

/**
 * Laravel's `env()` reads "true"/"(true)", "false"/"(false)", "null"/"(null)"
 * and "empty"/"(empty)" as those values (Illuminate\Support\Env::get).
 */
export function laravelEnvValue(raw: string): PhpScalar {
  switch (raw.toLowerCase()) {
    case 'true':
    case '(true)':
      return true;
    case 'false':
    case '(false)':
      return false;
    case 'null':
    case '(null)':
      return null;
    case 'empty':
    case '(empty)':
      return '';
    default:
      return raw;
  }
}

/** PHP's truthiness: false, null, 0, "" and "0" are false. */
export function phpTruthy(value: PhpScalar | undefined): boolean {
  return !(value === undefined || value === null || value === false || value === 0 || value === '' || value === '0');
}

export const phpRepr = (value: PhpScalar | undefined): string => (value === undefined || value === null ? 'null' : typeof value === 'string' ? `'${value}'` : String(value));

/**
 * The value production gets for `key` of a config file's returned array:
 * the production env files' setting of the variable `env()` reads, else the
 * literal default (undefined when the key is absent).
 */
export function resolveSetting(app: LaravelApp, path: string, file: PhpConfigFile, key: string): LaravelSetting | undefined {
  const entry = entryOf(file.value, key);
  if (!entry) return undefined;
  return resolveValue(app, path, entry.value, key);
}

function resolveValue(app: LaravelApp, path: string, value: PhpValue, key: string): LaravelSetting {
  const line = value.line;
  if (value.kind === 'literal') return { path, line, value: value.value, known: true, how: `'${key}' => ${phpRepr(value.value)} (${path}:${line})` };
  if (value.kind === 'env') {
    const set = productionSetting(app, value.name);
    if (set) {
      const v = laravelEnvValue(set.raw);
      return { path, line, value: v, known: true, envVar: value.name, setBy: set, how: `${value.name}=${set.raw} (${set.path}:${set.line}), read by '${key}' => env('${value.name}') (${path}:${line})` };
    }
    if (!value.fallback) return { path, line, value: null, known: true, envVar: value.name, how: `'${key}' => env('${value.name}') (${path}:${line}) is null when ${value.name} is unset` };
    if (value.fallback.kind === 'literal') {
      return { path, line, value: value.fallback.value, known: true, envVar: value.name, how: `'${key}' falls back to ${phpRepr(value.fallback.value)} when ${value.name} is unset (${path}:${line})` };
    }
    return { path, line, known: false, envVar: value.name, how: `'${key}' => env('${value.name}', …) with a computed default (${path}:${line})` };
  }
  return { path, line, known: false, how: `'${key}' is computed (${value.kind === 'computed' ? value.text : 'an array'}) at ${path}:${line}` };
}

/** The production compose `environment:` that sets `name` (the process environment wins over `.env`), else the last production env file (in path order). */
function productionSetting(app: LaravelApp, name: string): LaravelSetting['setBy'] {
  for (const s of app.productionEnvironment) {
    const e = s.get(name);
    // `${APP_DEBUG}` is the deployment's own environment: not decided here.
    if (e && !e.value.includes('$')) return { path: s.path, line: e.line, raw: e.value, compose: true };
  }
  let found: { path: string; line: number; raw: string } | undefined;
  for (const f of app.productionEnvFiles) {
    const e = f.env.get(name);
    if (e) found = { path: f.path, line: e.line, raw: e.value };
  }
  return found;
}

/** How Laravel settings are resolved, for docs/checks.md. */
export const LARAVEL_SETTINGS_DOC =
  '- **Laravel** (an `artisan` file beside `config/app.php`, or `app/Config/app.php`). `config/*.php` is read as the array it returns: literals, nested arrays and `env(\'X\', default)` (with casts); anything else is computed and never judged. A value read by `env()` is taken from the `environment:` of production compose deployments, else the env files production is shown to load (role `production`: a compose `env_file:`, an image\'s copied `.env`), else the config file\'s default, as Laravel does (environment, then `.env`, then the default); env() reads `true`/`(true)`, `false`, `null`, `empty` as those values. Every env file of the application is also judged on its own at its line, by its role (a development `.env` at most P2, templates not at all). A finding says which env files production loads, or that the config file\'s defaults were assumed.';
