// What the env checks share, computed once per audit: the env templates and
// real env files (parsed with dotenv semantics), and the variables the code
// and compose files read (src/parse/env-usage.ts), first place first.

import type { FileSet } from '../../repo/fileset.js';
import type { RepoCheckContext } from '../../engine/types.js';
import { isComposeFile, isEnvTemplate, isProductionName, isRealEnvFile, isSecretVariableName, sourceLanguage } from '../../repo/classify.js';
import { parseDotenv, type EnvFile } from '../../parse/dotenv.js';
import { mapLimited, READ_CONCURRENCY } from '../../repo/limit.js';
import { envUsageScanner } from '../scanners.js';

export interface LoadedEnvFile {
  path: string;
  env: EnvFile;
  /** Keys only mentioned in a comment (`# SENTRY_DSN=`): documented as optional. */
  commentedKeys: ReadonlySet<string>;
  production: boolean;
}

export interface VariableRead {
  name: string;
  /** First place it is required, else first place it is read (path order, then line). */
  path: string;
  line: number;
  /** Some read fails when it is unset (see src/parse/env-usage.ts: `os.environ["X"]`, `${X:?err}`, a raise right after). */
  required: boolean;
  /** Every read of it has a fallback in code (`os.getenv("X", "d")`, `process.env.X ?? 'd'`, `${X:-d}`). */
  alwaysDefaulted: boolean;
  reads: number;
}

// Set by the platform, the shell or CI, never by the application's env file.
const PLATFORM_VARIABLES = new Set([
  'NODE_ENV', 'PATH', 'HOME', 'USER', 'USERNAME', 'PWD', 'SHELL', 'TERM', 'CI', 'HOSTNAME', 'TZ', 'LANG', 'LC_ALL',
  'TMPDIR', 'TEMP', 'TMP', 'NODE_OPTIONS', 'NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'EDITOR', 'VISUAL', 'PYTHONPATH', 'VIRTUAL_ENV', 'JEST_WORKER_ID', 'KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT',
]);
const PLATFORM_PREFIXES = /^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|npm_|VERCEL_|NETLIFY_|RENDER_|FLY_|HEROKU_|RAILWAY_|XDG_)/;

export function isPlatformVariable(name: string): boolean {
  return PLATFORM_VARIABLES.has(name) || PLATFORM_PREFIXES.test(name);
}

export function loadEnvFile(ctx: RepoCheckContext, path: string): Promise<LoadedEnvFile | undefined> {
  return ctx.parsed.memo('dotenv', path, (text) => {
    const commented = new Set<string>();
    for (const m of text.matchAll(/^[ \t]*#+[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=/gm)) commented.add(m[1]!);
    return { path, env: parseDotenv(text), commentedKeys: commented, production: isProductionName(path) };
  });
}

/** The application's env templates; those under test and fixture folders document the tests, not the app. */
export async function loadTemplates(ctx: RepoCheckContext): Promise<LoadedEnvFile[]> {
  const paths = ctx.files.files.filter((f) => isEnvTemplate(f.path) && !ctx.model.roles.is(f.path, 'test'));
  const loaded = await mapLimited(paths, READ_CONCURRENCY, (f) => loadEnvFile(ctx, f.path));
  return loaded.filter((f): f is LoadedEnvFile => f !== undefined);
}

export async function loadRealEnvFiles(ctx: RepoCheckContext): Promise<LoadedEnvFile[]> {
  const paths = ctx.files.files.filter((f) => isRealEnvFile(f.path));
  const loaded = await mapLimited(paths, READ_CONCURRENCY, (f) => loadEnvFile(ctx, f.path));
  return loaded.filter((f): f is LoadedEnvFile => f !== undefined);
}

const readsByFileSet = new WeakMap<FileSet, Promise<VariableRead[]>>();

/** Variables read by application code (tests excluded) and compose files, once per audit. */
export function variablesRead(ctx: RepoCheckContext): Promise<VariableRead[]> {
  let pending = readsByFileSet.get(ctx.files);
  if (!pending) {
    pending = collectReads(ctx);
    readsByFileSet.set(ctx.files, pending);
  }
  return pending;
}

async function collectReads(ctx: RepoCheckContext): Promise<VariableRead[]> {
  const sources = ctx.files.files.filter((f) => !ctx.model.roles.is(f.path, 'test') && (isComposeFile(f.path) || sourceLanguage(f.path) !== undefined));
  const perFile = await mapLimited(sources, ctx.parsed.scanConcurrency, async (f) => ({
    path: f.path,
    usages: (await ctx.parsed.scan(envUsageScanner, f.path)) ?? [],
  }));
  const byName = new Map<string, VariableRead>();
  for (const { path, usages } of perFile) {
    for (const usage of usages) {
      if (isPlatformVariable(usage.name)) continue;
      const seen = byName.get(usage.name);
      if (!seen) byName.set(usage.name, { name: usage.name, path, line: usage.line, required: usage.required, alwaysDefaulted: usage.hasDefault, reads: 1 });
      else {
        seen.reads++;
        seen.alwaysDefaulted &&= usage.hasDefault;
        // Point at the read that makes it required: that is the line a reviewer must see.
        if (usage.required && !seen.required) Object.assign(seen, { path, line: usage.line, required: true });
      }
    }
  }
  return [...byName.values()];
}

/** Real values for secret-like keys: not placeholders, not booleans, not references. */
export function isSecretEnvKey(name: string): boolean {
  return isSecretVariableName(
    name,
    /_(FILE|PATH|ID|HOST|PORT|USER|USERNAME|NAME|REGION|ENABLED|TTL|EXPIRY|EXPIRES|LIFETIME|ALGORITHM)$|PUBLIC|PUBLISHABLE/i,
    /_DSN$|(^|_)PWD$/i,
  );
}
