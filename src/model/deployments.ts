// Compose deployments: which compose files run together, under which role,
// with which variables. Computed once per audit (config → collect → model →
// checks); every compose check judges the merged services of a deployment
// instead of guessing per file.
//
// Where a deployment comes from, in the order Compose itself reads them:
// - `-f a.yml -f b.yml` chains written in Makefiles, scripts, package.json,
//   CI workflows and READMEs (a cheap line scan, nothing is executed), and
//   `COMPOSE_FILE=a.yml:b.yml` in a committed `.env`; the `--env-file`
//   options (and `COMPOSE_ENV_FILES=`) of the same command replace the
//   project's `.env` for interpolation, as Compose does;
// - the implicit pair `compose.yaml` + `compose.override.yaml` (what a bare
//   `docker compose up` merges);
// - `include:` (the included files are part of the including file's deployment);
// - every other compose file on its own. A file whose services name an
//   `image` or a `build` is standalone even when it shares service names with
//   the `docker-compose.yml` beside it (`docker-compose.prod.yml` used as
//   `docker compose -f docker-compose.prod.yml up`); a file of bare fragments
//   (services with neither) that no chain names is taken as an overlay of the
//   base file of its directory, as `-f docker-compose.yml -f FILE` would use it.
//
// A file that is the base of a production chain is judged in that chain only
// (the overlay's `restart:`/`healthcheck:` count for it); a base whose only
// chains are development or test ones is also judged on its own, as a bare
// `docker compose -f base.yml up` would run it.
//
// The role of a deployment: the role of its last file whose role a rule or
// its content decided (`-f compose.yml -f compose.prod.yml` is production,
// `compose.yml` + `compose.override.yml` is development, `-f compose.yml -f
// compose.ci.yml` is test); production when no file says anything.

import { posix } from 'node:path';
import type { FileSet } from '../repo/fileset.js';
import type { ParsedFiles } from '../parse/parsed.js';
import { isComposeFile } from '../repo/classify.js';
import { mapLimited, READ_CONCURRENCY } from '../repo/limit.js';
import { loadComposeFile, loadWrittenCompose, mergeLayers, isPlainObject, type ComposeFile, type ComposeService, type DeploymentView } from '../parse/compose.js';
import { interpolate, type InterpolateOptions, type Interpolated } from '../parse/interpolation.js';
import { parseDotenv } from '../parse/dotenv.js';
import { UNKNOWN_ROLE, type FileRoles, type RoleInfo } from './roles.js';
import type { FileRole } from './role-rules.js';
import type { Invocation } from './invocations.js';

export interface ComposeDeployment extends DeploymentView {
  /** `docker-compose.yml + docker-compose.prod.yml`. */
  name: string;
  /** In merge order (`include:`d files before the file including them). */
  files: string[];
  /** Why these files run together: `-f chain in Makefile:12`, `implicit compose.override.yml`, `on its own`. */
  how: string;
  role: RoleInfo;
  /** The merged services, each locating a key in the file that wrote it. */
  services: ComposeService[];
  /**
   * The env files interpolation reads, in order (a later one wins): the `--env-file`s of the
   * command that names the chain, else the committed `.env` of the project directory; only those in the repository.
   */
  envPaths: string[];
  /** Env files its services load with `env_file:` (repo-relative, present in the repository). */
  envFiles: Array<{ path: string; service: string; declaredIn: string; line: number }>;
}

/** Something about deployments that could not be followed: `error` when compose itself would refuse to start. */
export interface DeploymentNote {
  status: 'error' | 'skip';
  path: string;
  line: number;
  message: string;
}

export interface Deployments {
  /** Every compose file read: named by convention (`docker-compose*.yml`, `compose*.yaml`) or by a chain. */
  files: ComposeFile[];
  /** Production first, then development, then the rest. */
  list: ComposeDeployment[];
  notes: DeploymentNote[];
  /** The role under which a file runs: the highest of its deployments' roles (production > development > others), else its own. */
  roleOf(path: string): RoleInfo;
}

interface Chain {
  files: string[];
  how: string;
  /** `--env-file` options (or `COMPOSE_ENV_FILES`) of the command: they replace the project `.env` for interpolation. */
  envFiles?: string[];
}

const ROLE_RANK: Record<FileRole, number> = { production: 0, unknown: 1, development: 2, test: 3, tooling: 4, example: 5, template: 6, docs: 7 };

export async function computeDeployments(files: FileSet, parsed: ParsedFiles, roles: FileRoles, invocations: readonly Invocation[] = []): Promise<Deployments> {
  try {
    return await discoverDeployments(files, parsed, roles, invocations);
  } catch (err) {
    // A programmer error here must not stop the audit: every compose file is
    // then judged on its own, and the reason is reported (compose.healthcheck).
    const loaded = await mapLimited(files.files.filter((f) => isComposeFile(f.path)).map((f) => f.path), READ_CONCURRENCY, (path) =>
      loadComposeFile({ files, parsed }, path).catch(() => undefined),
    );
    const composeFiles = loaded.filter((f): f is ComposeFile => f !== undefined);
    const list: ComposeDeployment[] = [];
    for (const file of composeFiles) list.push(await makeDeployment([file.path], { files: [file.path], how: 'on its own' }, files, async () => file, roles.of(file.path)));
    const message = `Compose deployments could not be worked out (${err instanceof Error ? err.message : String(err)}): each compose file is judged on its own.`;
    return {
      files: composeFiles,
      list,
      notes: composeFiles.length ? [{ status: 'error', path: composeFiles[0]!.path, line: 1, message }] : [],
      roleOf: (path) => roles.of(path),
    };
  }
}

async function discoverDeployments(files: FileSet, parsed: ParsedFiles, roles: FileRoles, invocations: readonly Invocation[]): Promise<Deployments> {
  const ctx = { files, parsed };
  const notes: DeploymentNote[] = [];
  const loaded = new Map<string, ComposeFile>();
  const load = async (path: string): Promise<ComposeFile | undefined> => {
    if (!loaded.has(path)) {
      const file = await loadComposeFile(ctx, path).catch(() => undefined);
      if (file) loaded.set(path, file);
    }
    return loaded.get(path);
  };
  await mapLimited(files.files.filter((f) => isComposeFile(f.path)).map((f) => f.path), READ_CONCURRENCY, load);

  const chains = [...(await namedChains(files, notes)), ...implicitPairs(files)];
  const usable: Chain[] = [];
  const seenChain = new Set<string>();
  for (const chain of chains) {
    const key = [...chain.files, '--env-file', ...(chain.envFiles ?? [])].join('\u0000');
    if (seenChain.has(key)) continue;
    seenChain.add(key);
    const ok = await Promise.all(chain.files.map(load));
    if (ok.every((f) => f !== undefined)) usable.push(chain);
  }

  // Files an include pulls in are part of the including file's deployment.
  const included = new Set<string>();
  const withIncludes = async (path: string, stack: string[]): Promise<string[]> => {
    const file = await load(path);
    const out: string[] = [];
    for (const inc of file?.includes ?? []) {
      if (inc.remote) {
        pushNote(notes, { status: 'skip', path, line: inc.line, message: `${path} includes ${inc.path}, a remote file: not fetched, its services are not judged.` });
      } else if (stack.includes(inc.path)) {
        pushNote(notes, { status: 'error', path, line: inc.line, message: `${path} includes ${inc.path}, which includes it back (cyclic include): compose refuses it.` });
      } else if (!files.has(inc.path)) {
        pushNote(notes, { status: 'error', path, line: inc.line, message: `${path} includes ${inc.path}, which is not in the repository: compose would refuse to start.` });
      } else {
        included.add(inc.path);
        out.push(...(await withIncludes(inc.path, [...stack, inc.path])), inc.path);
      }
    }
    return out;
  };

  const inChain = new Map<string, Array<{ chain: Chain; position: number }>>();
  for (const chain of usable) {
    chain.files.forEach((path, position) => inChain.set(path, [...(inChain.get(path) ?? []), { chain, position }]));
  }

  // Files no chain names: standalone, or a fragment overlay of its directory's base file.
  const bases = new Map<string, ComposeFile>();
  for (const file of loaded.values()) {
    const dir = posix.dirname(file.path);
    if (BASE_NAME.test(posix.basename(file.path)) && !bases.has(dir)) bases.set(dir, file);
  }
  for (const file of [...loaded.values()].sort((a, b) => a.path.localeCompare(b.path))) {
    if (inChain.has(file.path) || file.error) continue;
    const base = bases.get(posix.dirname(file.path));
    const fragments = file.services.filter(isFragment);
    if (base && base !== file && fragments.length > 0 && fragments.every((s) => base.services.some((b) => b.name === s.name))) {
      const chain = { files: [base.path, file.path], how: `an overlay of ${base.path} (its services have neither image nor build; no script names how it is used)` };
      usable.push(chain);
      inChain.set(base.path, [...(inChain.get(base.path) ?? []), { chain, position: 0 }]);
      inChain.set(file.path, [{ chain, position: 1 }]);
    }
  }

  const deployments: ComposeDeployment[] = [];
  const chainRoles = new Map<Chain, FileRole>();
  const build = async (chain: Chain): Promise<void> => {
    const ordered: string[] = [];
    for (const path of chain.files) {
      for (const p of [...(await withIncludes(path, [path])), path]) if (!ordered.includes(p)) ordered.push(p);
    }
    const deployment = await makeDeployment(ordered, chain, files, load, roleOfChain(chain.files, roles));
    chainRoles.set(chain, deployment.role.role);
    deployments.push(deployment);
  };
  for (const chain of usable) await build(chain);
  for (const file of [...loaded.values()].sort((a, b) => a.path.localeCompare(b.path))) {
    const uses = inChain.get(file.path) ?? [];
    if (uses.some((u) => u.chain.files.length === 1)) continue; // named alone: already a deployment
    const overlay = uses.some((u) => u.position > 0);
    const baseOfProduction = uses.some((u) => u.position === 0 && (chainRoles.get(u.chain) === 'production' || chainRoles.get(u.chain) === 'unknown'));
    if (overlay || baseOfProduction) continue;
    await build({ files: [file.path], how: 'on its own' });
  }
  const written = await writtenDeployments(ctx, invocations, files, notes);
  deployments.push(...written.map((w) => w.deployment));
  markLocalBuilds(deployments);
  // An included file is judged alone only when nothing includes it (or a chain names it alone).
  const list = deployments
    .filter((d) => !(d.files.length === 1 && d.how === 'on its own' && included.has(d.files[0]!)))
    .sort((a, b) => ROLE_RANK[a.role.role] - ROLE_RANK[b.role.role] || a.name.localeCompare(b.name));

  for (const file of loaded.values()) {
    for (const note of file.notes ?? []) pushNote(notes, { status: 'skip', path: file.path, line: note.line, message: `${file.path}: ${note.message}` });
  }

  const best = new Map<string, RoleInfo>();
  for (const d of list) {
    for (const path of [...d.files, ...d.envFiles.map((e) => e.path), ...d.envPaths]) {
      const current = best.get(path);
      if (!current || ROLE_RANK[d.role.role] < ROLE_RANK[current.role]) best.set(path, d.role);
    }
  }
  return {
    files: [...loaded.values(), ...written.map((w) => w.file)].sort((a, b) => a.path.localeCompare(b.path)),
    list,
    notes: notes.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line),
    roleOf: (path) => best.get(path) ?? roles.of(path),
  };
}

/**
 * The compose files production-context docs pages write out for operators to save and run ("Create a
 * `docker-compose.yml` with:" under "Self-hosting"): the deployment the project's own install docs give its users
 * (SEVERITY.md), read in place in the page. The reader's folder, not the page's, is the project directory: no
 * committed `.env` interpolates it. A block that does not parse is a note, never a silent pass.
 */
async function writtenDeployments(
  ctx: { files: FileSet; parsed: ParsedFiles },
  invocations: readonly Invocation[],
  files: FileSet,
  notes: DeploymentNote[],
): Promise<Array<{ file: ComposeFile; deployment: ComposeDeployment }>> {
  const out: Array<{ file: ComposeFile; deployment: ComposeDeployment }> = [];
  for (const inv of invocations) {
    if (inv.kind !== 'written-compose' || inv.context !== 'production') continue;
    const page = inv.targets[0]!;
    const file = await loadWrittenCompose(ctx, page, inv.line);
    if (!file) continue;
    if (file.error) {
      pushNote(notes, { status: 'skip', path: page, line: file.error.line, message: `${page}:${inv.line} writes out a compose file for operators that does not parse as YAML (${file.error.message}): its services are not judged.` });
      continue;
    }
    if (!file.services.length) continue;
    const role: RoleInfo = { role: 'production', reason: `the compose file ${page}:${inv.line} writes out for operators to save and run (${inv.contextWhy})`, rule: 'evidence:written-compose' };
    const chain: Chain = { files: [page], how: `written out by ${page}:${inv.line} for operators to save and run`, envFiles: [] };
    out.push({ file, deployment: await makeDeployment([page], chain, files, async () => file, role) });
  }
  return out;
}

/**
 * A deployment that builds from source the services another production
 * deployment of the repository runs from published images (the root
 * `docker-compose.yml` with `build: ./apps/api` beside a self-hosting compose
 * with `image: org/app-api:1.4`) is the developers' local build of that
 * deployment, not a second production: it is judged as development. Only
 * deployments whose role nothing decided; at least two services must match,
 * and at least half of the built ones.
 */
function markLocalBuilds(deployments: ComposeDeployment[]): void {
  const published = deployments.filter((d) => d.role.role === 'production');
  for (const d of deployments) {
    if (d.role !== UNKNOWN_ROLE) continue;
    const built = d.services.filter((s) => s.config.build !== undefined).map((s) => s.name);
    if (built.length < 2) continue;
    for (const other of published) {
      if (other === d || other.files.some((f) => d.files.includes(f))) continue;
      const fromImages = built.filter((name) => other.services.some((s) => s.name === name && s.config.image !== undefined && s.config.build === undefined));
      if (fromImages.length >= 2 && fromImages.length * 2 >= built.length) {
        d.role = {
          role: 'development',
          reason: `builds from source the services that ${other.name} runs from published images (${fromImages.slice(0, 4).join(', ')}${fromImages.length > 4 ? ', ...' : ''}): a local build`,
          rule: 'evidence:local-build',
        };
        break;
      }
    }
  }
}

const BASE_NAME = /^(docker-)?compose\.ya?ml$/;
const OVERRIDE_NAME = /^(docker-)?compose\.override\.ya?ml$/;

/** A service compose refuses on its own: neither image, build nor extends. */
export function isFragment(service: ComposeService): boolean {
  return service.config.image === undefined && service.config.build === undefined && service.config.extends === undefined;
}

/** `compose.yaml` + `compose.override.yaml` in one directory: what a bare `docker compose up` merges. */
function implicitPairs(files: FileSet): Chain[] {
  const byDir = new Map<string, { base?: string; override?: string }>();
  for (const { path } of files.files) {
    const name = posix.basename(path);
    const dir = posix.dirname(path);
    const entry = byDir.get(dir) ?? {};
    // compose.yaml is preferred over docker-compose.yml (compose spec, "Compose file").
    if (BASE_NAME.test(name) && (!entry.base || name.startsWith('compose'))) entry.base = path;
    if (OVERRIDE_NAME.test(name) && (!entry.override || name.startsWith('compose'))) entry.override = path;
    byDir.set(dir, entry);
  }
  const out: Chain[] = [];
  for (const { base, override } of byDir.values()) {
    if (base && override) out.push({ files: [base, override], how: `${posix.basename(override)} merged automatically by \`docker compose up\`` });
  }
  return out;
}

// Where `-f` chains are written: build and task files, scripts, CI, READMEs and docs.
const CHAIN_SOURCES = /(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|[^/]+\.(sh|bash|zsh|ps1)|package\.json|Procfile[\w.-]*|README[\w.-]*|[^/]+\.(md|mdx|rst))$|^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$|(^|\/)\.env$/;
/** Documentation files read at most: they are many in large repositories, and chains live in a few. */
const MAX_DOC_FILES = 300;
const COMPOSE_COMMAND = /\b(docker[- ]compose|podman[- ]compose)(?![.\w-])/gi; // not the file name docker-compose.yml
const FILE_OPTION = /(?:^|\s)(?:-f|--file)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
const ENV_FILE_OPTION = /(?:^|\s)--env-file(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
/** `COMPOSE_ENV_FILES=a.env,b.env docker compose ...` (comma-separated, compose's environment variable). */
const ENV_FILES_VARIABLE = /(?:^|\s)(?:export\s+)?COMPOSE_ENV_FILES=(["']?)([^\s"'`;|&()<>]+)\1/;

async function namedChains(files: FileSet, notes: DeploymentNote[]): Promise<Chain[]> {
  const sources = files.files.map((f) => f.path).filter((p) => CHAIN_SOURCES.test(p));
  const docs = sources.filter((p) => /\.(md|mdx|rst)$/i.test(p) || /README/i.test(p)).slice(0, MAX_DOC_FILES);
  const scanned = [...sources.filter((p) => !docs.includes(p) && !/\.(md|mdx|rst)$/i.test(p)), ...docs];
  const perFile = await mapLimited(scanned, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    if (!text) return [];
    if (posix.basename(path) === '.env') return composeFileVariable(path, text, files, notes);
    return text.includes('compose') ? chainsIn(path, text, files, notes) : [];
  });
  return perFile.flat();
}

/** `COMPOSE_FILE=docker-compose.yml:docker-compose.prod.yml` in a committed `.env` (compose's environment variables). */
function composeFileVariable(path: string, text: string, files: FileSet, notes: DeploymentNote[]): Chain[] {
  if (!text.includes('COMPOSE_FILE')) return [];
  const env = parseDotenv(text);
  const entry = env.get('COMPOSE_FILE');
  if (!entry || !entry.value.trim()) return [];
  const separator = env.get('COMPOSE_PATH_SEPARATOR')?.value || ':';
  const dir = posix.dirname(path);
  const named = entry.value.split(separator).map((s) => s.trim()).filter(Boolean);
  const resolved: string[] = [];
  for (const name of named) {
    const p = posix.normalize(posix.join(dir, name));
    if (!files.has(p)) {
      pushNote(notes, { status: 'skip', path, line: entry.line, message: `COMPOSE_FILE in ${path} names ${name}, which is not in the repository: that deployment is not judged.` });
      return [];
    }
    resolved.push(p);
  }
  return [{ files: resolved, how: `COMPOSE_FILE in ${path}:${entry.line}` }];
}

/** `docker compose -f a.yml -f b.yml up` on one (continued) line. */
function chainsIn(path: string, text: string, files: FileSet, notes: DeploymentNote[]): Chain[] {
  const out: Chain[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const lineNo = i + 1;
    if (!/compose/i.test(line)) continue;
    // Shell and Makefile continuations: `docker compose \` / `  -f a.yml \`.
    for (let n = 0; n < 20 && /\\\s*$/.test(line) && i + 1 < lines.length; n++) line = `${line.replace(/\\\s*$/, ' ')}${lines[++i]}`;
    if (line.length > 4000) line = line.slice(0, 4000);
    COMPOSE_COMMAND.lastIndex = 0;
    let command: RegExpExecArray | null;
    while ((command = COMPOSE_COMMAND.exec(line)) !== null) {
      const rest = line.slice(command.index + command[0].length);
      const end = rest.search(/&&|\|\||;|\||\$\(|`|"\s*,/);
      const args = end < 0 ? rest : rest.slice(0, end);
      const named: string[] = [];
      FILE_OPTION.lastIndex = 0;
      let option: RegExpExecArray | null;
      while ((option = FILE_OPTION.exec(args)) !== null) named.push(option[2]!);
      if (named.length === 0) continue;
      // `--env-file` replaces the project `.env` (several: later ones win); else `COMPOSE_ENV_FILES` set before the command.
      const envNamed: string[] = [];
      ENV_FILE_OPTION.lastIndex = 0;
      while ((option = ENV_FILE_OPTION.exec(args)) !== null) envNamed.push(option[2]!);
      if (!envNamed.length) {
        const variable = ENV_FILES_VARIABLE.exec(line.slice(0, command.index));
        if (variable) envNamed.push(...variable[2]!.split(',').map((s) => s.trim()).filter(Boolean));
      }
      const resolved: string[] = [];
      let usable = true;
      for (const name of named) {
        const found = resolveNamed(name, path, files);
        if (found === 'not a file') continue; // `logs -f web`: follow, not a file
        if (found === 'unknown') usable = false;
        else if (found === 'missing') {
          usable = false;
          pushNote(notes, { status: 'skip', path, line: lineNo, message: `${path}:${lineNo} runs compose with -f ${name}, which is not in the repository: that deployment is not judged.` });
        } else resolved.push(found);
      }
      if (!usable || resolved.length === 0) continue;
      const envFiles: string[] = [];
      for (const name of envNamed) {
        const found = resolveNamed(name, path, files, true);
        if (found === 'unknown' || found === 'not a file') continue;
        if (found === 'missing') {
          pushNote(notes, { status: 'skip', path, line: lineNo, message: `${path}:${lineNo} runs compose with --env-file ${name}, which is not in the repository: its variables are judged by their written defaults.` });
        } else envFiles.push(found);
      }
      const how = `-f chain in ${path}:${lineNo}${envFiles.length ? ` with --env-file ${envFiles.join(', ')}` : ''}`;
      // An env file given by a variable or absent from the repository: nothing is read in place of the `.env` (defaults are judged).
      out.push({ files: resolved, how, ...(envNamed.length ? { envFiles } : {}) });
    }
  }
  return out;
}

/** The repository file a `-f` (or `--env-file`: `anyName`) argument names, relative to the file that says it or to the root; `unknown` for variables and stdin, `not a file` for `logs -f web`. */
function resolveNamed(name: string, from: string, files: FileSet, anyName = false): string | 'missing' | 'unknown' | 'not a file' {
  if (/[$%{}*]/.test(name) || name === '-') return 'unknown';
  if (!anyName && !/\.ya?ml$/i.test(name)) return 'not a file';
  const clean = name.replace(/^\.\//, '');
  for (const candidate of [posix.join(posix.dirname(from), clean), clean]) {
    const p = posix.normalize(candidate);
    if (!p.startsWith('..') && files.has(p)) return p;
  }
  // Run from another directory (`cd docker && docker compose -f docker-compose.yml ...`): a unique file with that path suffix.
  const suffix = `/${posix.normalize(clean).replace(/^(\.\.\/)+/, '')}`;
  const matches = files.files.filter((f) => `/${f.path}`.endsWith(suffix));
  if (matches.length === 1) return matches[0]!.path;
  return matches.length > 1 ? 'unknown' : 'missing';
}

function roleOfChain(paths: readonly string[], roles: FileRoles): RoleInfo {
  for (let i = paths.length - 1; i >= 0; i--) {
    const info = roles.of(paths[i]!);
    if (info.role !== 'unknown') return paths.length === 1 ? info : { role: info.role, reason: `deployment ${paths.join(' + ')} takes the role of ${paths[i]}: ${info.reason}`, ...(info.rule ? { rule: info.rule } : {}) };
  }
  return UNKNOWN_ROLE;
}

async function makeDeployment(
  paths: string[],
  chain: Chain,
  files: FileSet,
  load: (path: string) => Promise<ComposeFile | undefined>,
  role: RoleInfo,
): Promise<ComposeDeployment> {
  const name = `${paths.join(' + ')}${chain.envFiles?.length ? ` (--env-file ${chain.envFiles.join(', ')})` : ''}`;
  const layers = new Map<string, ComposeService[]>();
  for (const path of paths) {
    const file = await load(path);
    for (const service of file?.services ?? []) layers.set(service.name, [...(layers.get(service.name) ?? []), service]);
  }
  const services = [...layers.values()].map((l) => mergeLayers(l, name));
  // The project directory is the first file's (compose spec): its `.env` feeds interpolation,
  // unless the command names `--env-file`s, which replace it (a later file wins).
  const defaultEnv = posix.join(posix.dirname(paths[0]!), '.env').replace(/^\.\//, '');
  const envPaths: string[] = [];
  const envs: Array<ReturnType<typeof parseDotenv>> = [];
  for (const path of chain.envFiles ?? [defaultEnv]) {
    const text = files.has(path) ? await files.read(path) : undefined;
    if (text === undefined) continue;
    envPaths.push(path);
    envs.push(parseDotenv(text));
  }
  const lookup = (variable: string): string | undefined => {
    for (let i = envs.length - 1; i >= 0; i--) {
      const entry = envs[i]!.get(variable);
      if (entry) return entry.value;
    }
    return undefined;
  };
  const envFiles: ComposeDeployment['envFiles'] = [];
  for (const service of services) {
    for (const ref of envFileRefs(service.config.env_file)) {
      const at = service.locate(['env_file']);
      const path = posix.normalize(posix.join(posix.dirname(at.path), ref));
      // A file over repo.max-file-bytes is still in the repository: production loads it (its checks say it was not read).
      if (!path.startsWith('..') && (files.has(path) || files.notRead((p) => p === path).length > 0)) envFiles.push({ path, service: service.name, declaredIn: at.path, line: at.line });
    }
  }
  return {
    name,
    files: paths,
    how: chain.how,
    role,
    services,
    envFiles,
    envPaths,
    interpolate: (text: string, options?: InterpolateOptions): Interpolated => interpolate(text, lookup, options),
  };
}

/** `env_file: .env`, `[a.env, b.env]`, `[{path: a.env, required: false}]`. */
function envFileRefs(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items
    .map((item) => (typeof item === 'string' ? item : isPlainObject(item) && typeof item.path === 'string' ? item.path : undefined))
    .filter((p): p is string => p !== undefined && !p.includes('$'));
}

function pushNote(notes: DeploymentNote[], note: DeploymentNote): void {
  if (!notes.some((n) => n.path === note.path && n.line === note.line && n.message === note.message)) notes.push(note);
}

/** How deployments, their roles and interpolation defaults are determined, for docs/checks.md. */
export const DEPLOYMENTS_DOC = [
  '### Compose deployments',
  '',
  'Compose checks judge each *deployment* (the compose files that run together, merged as `docker compose config` merges them), not each file:',
  '',
  '- **Which files run together**: `-f a.yml -f b.yml` (or `--file`) chains written in Makefiles, `*.mk`, justfiles, Taskfiles, shell scripts, `package.json`, CI workflows and READMEs/docs (a line scan; chains with variables are ignored); `COMPOSE_FILE` in a committed `.env`; the implicit `compose.yaml` + `compose.override.yaml` pair; `include:` (included files belong to the including deployment). Any other compose file is a deployment on its own; one whose services name an `image` or a `build` is standalone even if it shares service names with the file beside it, and one made only of fragments (no `image`/`build`) is taken as an overlay of its directory\'s `compose.yaml`/`docker-compose.yml`.',
  '- **Merge**: mappings merged key by key, `environment` and `labels` by variable, `ports`, `volumes`, `env_file`... appended, other values replaced by the later file; every key keeps the file and line that wrote it, so a finding points at that line (or at the service in the first file when no file sets the key).',
  '- **Role**: the role of the last file of the chain whose role a rule or its content decided (`-f compose.yml -f compose.prod.yml` is production, `compose.yml` + `compose.override.yml` development, `-f compose.yml -f compose.ci.yml` test); unknown when no file says anything (its findings at most P1). The base of a production chain is judged only with its overlay; a base whose chains are all development or test is also judged on its own. A line shared by several deployments is reported once, under the highest role.',
  '- **Compose files written in docs**: a docs page (`.md`, `.mdx`) whose section says production (install, self-host, deploy, quick start...) and that tells the reader to create or save a compose file, then gives it in a `yaml` code block of `services:`, writes out the deployment its users run: that block is judged in place, as a production deployment, findings pointing at the page\'s lines (`evidence:written-compose`). One block per page (the first); a snippet to *add* to the repository\'s file is not one; a block that does not parse is a note. No committed `.env` interpolates it (it runs in the reader\'s folder).',
  '- **Interpolation**: `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`, `${VAR:+alt}`, `$VAR` and `$$` are resolved against the committed `.env` of the project directory (the first file\'s) or, when the command that names the chain passes `--env-file` (or sets `COMPOSE_ENV_FILES=`), against those env files instead, a later one winning, as Compose does (one that is not in the repository is a note, and the written defaults are judged); a variable it does not set takes its written default (`${TAG:-latest}` is judged as `latest`), and one with no default is left to whoever deploys (never judged as a secret or a tag). `env_file:` files of a production deployment are judged as production env.',
  '- **Bad input**: a compose file that is not YAML, or an `include:` of a missing file, is an `error` at its line; a remote `include`, a cyclic or missing `extends`, and a chain naming a missing file are notes at their line; nothing stops the audit.',
].join('\n');
