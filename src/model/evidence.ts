// Production by evidence: which files the production deployment is shown to
// reach (SEVERITY.md, "What production means"). Two strengths:
//
// - direct: the file is named by something production runs. A documented
//   deploy or install step (model/invocations.ts) runs, applies, installs or
//   downloads it; a production deployment loads it as an env file. Direct
//   evidence outweighs what a folder name says (`dev/`, `contrib/`,
//   `examples/`), never what the configuration says (`repo.roles`) nor a
//   file name made for development or tests (`compose.dev.yml`).
// - contained: the file is part of what production runs without being named:
//   copied into a production image (COPY/ADD sources resolved against the
//   build context, minus `.dockerignore`), or inside the application's own
//   source as its manifests declare it. It only decides files that no rule,
//   content or direct evidence did.
//
// A deployment descriptor (compose file, Dockerfile, chart) is never
// production by containment: copying `compose.yml` into an image runs nothing.

import { posix } from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import type { FileSet } from '../repo/fileset.js';
import { IMAGE_PLUGIN, isComposeFile, isDockerfile, JVM_BUILD_FILE } from '../repo/classify.js';
import { mapLimited, READ_CONCURRENCY } from '../repo/limit.js';
import { copyDestination, copySources, stageReach, type DockerInstruction, type DockerStage } from '../parse/dockerfile.js';
import type { ParsedFiles } from '../parse/parsed.js';
import type { Invocation } from './invocations.js';
import type { Deployments } from './deployments.js';
import { bindMountsOf } from '../parse/compose.js';
import { UNKNOWN_ROLE, CONFIGURED_RULE, type FileRoles, type RoleInfo } from './roles.js';
import { ROLE_RULES } from './role-rules.js';

/** Path rules that only say where a file sits: a deploy step that names the file outweighs them. */
const YIELDING_RULES = new Set(ROLE_RULES.filter((r) => r.yieldsToEvidence).map((r) => r.id));

/** Whether direct production evidence outweighs a file's current role. */
export function yieldsToEvidence(info: RoleInfo): boolean {
  if (info.rule === CONFIGURED_RULE) return false;
  if (info === UNKNOWN_ROLE || info.role === 'unknown') return true;
  return info.rule !== undefined && YIELDING_RULES.has(info.rule);
}

const VERB: Record<Invocation['kind'], string> = {
  compose: 'run by',
  kubectl: 'applied by',
  helm: 'installed by',
  download: 'downloaded into place by',
  copy: 'copied into place by',
  'written-compose': 'written out by',
  'docker-run': 'run by',
};

/**
 * Roles the invocations give: production targets of production-context
 * commands (over folder rules), and development or test to the files whose
 * role is still unknown when only such commands name them.
 */
export function invocationRoles(invocations: readonly Invocation[], roles: FileRoles): { direct: Map<string, RoleInfo>; fallback: Map<string, RoleInfo> } {
  const direct = new Map<string, RoleInfo>();
  const fallback = new Map<string, RoleInfo>();
  for (const inv of invocations) {
    const where = `${inv.source}:${inv.line}`;
    // A page that writes out a compose file stays a page: the deployment it writes is judged, not its prose.
    if (inv.context === 'unspecified' || inv.kind === 'written-compose') continue;
    for (const target of inv.targets) {
      if (inv.context === 'production') {
        // A context only an enclosing section gave decides for files of no known role, not over a folder's word.
        const current = roles.of(target);
        if (!direct.has(target) && yieldsToEvidence(current) && (!inv.inherited || current.role === 'unknown')) {
          direct.set(target, { role: 'production', reason: `${VERB[inv.kind]} ${where} (${inv.contextWhy})`, rule: `evidence:${inv.kind}` });
        }
      } else if (!fallback.has(target) || (inv.context === 'development' && fallback.get(target)!.role === 'test')) {
        // Run by contributors and by CI: a development file (judged at P2), not a test file (not judged).
        fallback.set(target, { role: inv.context, reason: `${VERB[inv.kind]} ${where} (${inv.contextWhy})`, rule: `evidence:${inv.kind}-${inv.context}` });
      }
    }
  }
  for (const path of direct.keys()) fallback.delete(path);
  return { direct, fallback };
}

// What a guide says a file is for, right after naming it: "The `docker-compose.yml` file configures the Docker
// development environment".
const DEVELOPMENT_PURPOSE = /^[^\n]{0,80}?\b(development|dev|local|contributor'?s?)\s+(environment|setup|stack|only)\b|^[^\n]{0,80}?\bfor\s+(local\s+)?development\b/i;

/**
 * The files a development-context command runs that the guide running them also describes as the development
 * environment, by name: that outweighs what a setting in the file presumes (a compose file that sets MIX_ENV=prod
 * to build releases locally). A guide that only runs a file says how contributors use it, not that production
 * does not: self-hosted projects run the same compose file in both.
 */
export async function describedForDevelopment(files: FileSet, invocations: readonly Invocation[]): Promise<Set<string>> {
  const out = new Set<string>();
  const bySource = new Map<string, Set<string>>();
  for (const inv of invocations) {
    if (inv.context !== 'development' || inv.kind === 'written-compose' || !/\.(md|mdx|rst|txt|adoc)$/i.test(inv.source)) continue;
    for (const target of inv.targets) bySource.set(inv.source, (bySource.get(inv.source) ?? new Set()).add(target));
  }
  for (const [source, targets] of bySource) {
    const text = (await files.read(source)) ?? '';
    // Sentences wrap: a line and the next read as one.
    const flat = text.slice(0, 500_000).replace(/\n(?!\n)/g, ' ');
    for (const target of targets) {
      const name = posix.basename(target);
      for (let at = flat.indexOf(name); at >= 0; at = flat.indexOf(name, at + name.length)) {
        const after = flat.slice(at + name.length, at + name.length + 160).replace(/^[`'")\]]*(\([^)\s]*\))?/, '');
        const purpose = DEVELOPMENT_PURPOSE.exec(after);
        // No other file named between the name and the words.
        if (purpose && !/\.(ya?ml|json|env)\b/.test(after.slice(0, purpose[0].length))) {
          out.add(target);
          break;
        }
      }
    }
  }
  return out;
}

// Where a datastore image runs the scripts it finds at its first start (postgres, mysql, mariadb, mongo).
const INIT_DIR = /^\/docker-entrypoint-initdb\.d\/?$/;

/**
 * Env files production compose deployments load (`env_file:`, the project `.env` they interpolate from), and the
 * repository files their services bind-mount: a single file (`../doc/db/schema.sql:/docker-entrypoint-initdb.d/x.sql`,
 * `./nginx.conf:/etc/nginx/nginx.conf`) or a folder mounted as a datastore's init scripts. Other folders are not
 * followed: a mount of the checkout over the code (`.:/app`) says nothing of each file in it.
 */
export function deploymentFileRoles(deployments: Deployments, roles: FileRoles, files: Pick<FileSet, 'has' | 'files'>): Map<string, RoleInfo> {
  const out = new Map<string, RoleInfo>();
  for (const d of deployments.list) {
    if (d.role.role !== 'production') continue;
    for (const service of d.services) {
      for (const mount of bindMountsOf(service)) {
        if (mount.outsideRepository) continue;
        const declaredIn = service.locate(['volumes', mount.key]);
        const source = posix.normalize(posix.join(posix.dirname(declaredIn.path), mount.source)).replace(/\/+$/, '');
        const mounted = files.has(source) ? [source] : INIT_DIR.test(mount.target) ? files.files.filter((f) => f.path.startsWith(`${source}/`)).map((f) => f.path) : [];
        // What production runs at start is production, whatever its folder says (a `seed/` folder mounted as the
        // database's init scripts); only the user's configuration outranks it.
        for (const path of mounted) {
          if (!out.has(path) && roles.of(path).rule !== CONFIGURED_RULE) {
            out.set(path, { role: 'production', reason: `mounted into service \`${service.name}\` of the production deployment ${d.name} (${declaredIn.path}:${declaredIn.line})`, rule: 'evidence:mounted' });
          }
        }
      }
    }
    for (const e of d.envFiles) {
      if (!out.has(e.path) && yieldsToEvidence(roles.of(e.path))) {
        out.set(e.path, { role: 'production', reason: `loaded by service \`${e.service}\` of the production deployment ${d.name} (${e.declaredIn}:${e.line})`, rule: 'evidence:env-file' });
      }
    }
    for (const path of d.envPaths) {
      if (!out.has(path) && yieldsToEvidence(roles.of(path))) {
        out.set(path, { role: 'production', reason: `interpolated into the production deployment ${d.name}`, rule: 'evidence:compose-env' });
      }
    }
  }
  return out;
}

function isDescriptor(path: string): boolean {
  return isComposeFile(path) || isDockerfile(path) || /(^|\/)(Chart\.ya?ml|values[\w.-]*\.ya?ml|\.dockerignore|[\w.-]+\.dockerignore)$/.test(path);
}

const GLOB = /[*?[\]{}]/;

/**
 * Files copied into the images of production Dockerfiles. The build context
 * is the Dockerfile's folder or the repository root, whichever holds the
 * COPY sources (the context a build passes is rarely written where we can
 * resolve it); `.dockerignore` at that context's root, or
 * `<Dockerfile>.dockerignore` beside it (BuildKit), takes files out. Only the
 * stages the final stage uses are read.
 */
export async function imageContents(files: FileSet, parsedFiles: ParsedFiles, productionDockerfiles: readonly string[]): Promise<Map<string, RoleInfo>> {
  const out = new Map<string, RoleInfo>();
  // The same memo the Dockerfile checks read: each Dockerfile is parsed once per audit.
  const parsed = await mapLimited(productionDockerfiles, READ_CONCURRENCY, async (path) => {
    const file = await parsedFiles.dockerfile(path);
    return file ? { path, file } : undefined;
  });
  let all: string[] | undefined;
  // One walk over the tree per distinct (context, .dockerignore, source): a monorepo's thirty `COPY . .` share it.
  const walked = new Map<string, string[]>();
  for (const item of parsed) {
    if (!item) continue;
    const reach = stageReach(item.file);
    const copies = [...reach].flatMap(([index, reached]) => {
      const stage = item.file.stages[index]!;
      return stage.instructions.filter((ins) => (ins.keyword === 'COPY' || ins.keyword === 'ADD') && !ins.flags.from).map((ins) => ({ stage, ins, reached }));
    });
    if (!copies.length) continue;
    const dockerDir = posix.dirname(item.path);
    const sourcesOf = copies.map((c) => ({ ...c, sources: copySources(c.ins.args) }));
    const context = chooseContext(files, dockerDir, sourcesOf.flatMap((c) => c.sources));
    const ignored = await dockerignoreOf(files, context, item.path);
    for (const { stage, ins, reached, sources } of sourcesOf) {
      if (reached !== 'whole' && !reached.length) continue; // a build stage nothing is copied out of
      for (const source of sources) {
        const key = `${context}\u0000${ignored.key}\u0000${source}`;
        let matched = walked.get(key);
        if (!matched) {
          matched = filesUnder((all ??= everyPath(files)), context, source).filter((p) => !ignored.test(p));
          walked.set(key, matched);
        }
        const root = posix.normalize(posix.join(context, source.replace(/^\/+/, ''))).replace(/\/+$/, '');
        for (const path of matched) {
          if (out.has(path) || isDescriptor(path)) continue;
          if (reached !== 'whole' && !reachesFinal(stage, ins, path, root, source, reached)) continue;
          out.set(path, { role: 'production', reason: `copied into the production image of ${item.path} (${ins.keyword} ${source} at line ${ins.line})`, rule: 'evidence:copied-into-image' });
        }
      }
    }
  }
  return out;
}

/**
 * Whether a file copied into a build stage is among what a later stage copies
 * out of it: its path in the stage (through the COPY's destination and
 * WORKDIR) lies under one of the paths copied out. An unresolvable
 * destination (`$DEST`) counts as reaching: the evidence is incomplete, and
 * production is not taken away on a guess.
 */
function reachesFinal(stage: DockerStage, ins: DockerInstruction, path: string, root: string, source: string, copiedOut: readonly string[]): boolean {
  const isFile = !GLOB.test(source) && path === root;
  const rel = GLOB.test(source) ? posix.basename(path) : root === '.' ? path : path.slice(root.length + 1);
  const inStage = copyDestination(stage, ins, rel, isFile || GLOB.test(source));
  if (inStage === undefined) return true;
  return copiedOut.some((out) => out === '/' || inStage === out || inStage.startsWith(`${out}/`));
}

function chooseContext(files: FileSet, dockerDir: string, sources: readonly string[]): string {
  if (dockerDir === '.') return '.';
  const exists = (context: string): number =>
    sources.filter((s) => {
      const p = posix.normalize(posix.join(context, s)).replace(/\/+$/, '');
      return p === '.' || GLOB.test(s) || files.has(p) || files.files.some((f) => f.path.startsWith(`${p}/`));
    }).length;
  return exists(dockerDir) >= exists('.') ? dockerDir : '.';
}

async function dockerignoreOf(files: FileSet, context: string, dockerfile: string): Promise<{ key: string; test: (path: string) => boolean }> {
  const beside = `${dockerfile}.dockerignore`;
  const atRoot = context === '.' ? '.dockerignore' : `${context}/.dockerignore`;
  const path = files.has(beside) ? beside : files.has(atRoot) ? atRoot : undefined;
  const text = path ? await files.read(path) : undefined;
  if (!path || !text) return { key: '', test: () => false };
  const matcher = ignore().add(text.split('\n').map((l) => l.replace(/^\//, '')));
  const prefix = context === '.' ? '' : `${context}/`;
  return {
    key: path,
    test: (p) => {
      const rel = p.startsWith(prefix) ? p.slice(prefix.length) : p;
      try {
        return matcher.ignores(rel);
      } catch {
        return false;
      }
    },
  };
}

/**
 * Every path of the repository: the files read, and those over repo.max-file-bytes (left unread, but
 * production reaches them all the same: their checks report them as not read, at the role they have).
 */
function everyPath(files: FileSet): string[] {
  return [...files.files.map((f) => f.path), ...files.notRead(() => true).filter((s) => s.unread === 'oversized').map((s) => s.path)];
}

function filesUnder(all: readonly string[], context: string, source: string): string[] {
  const base = posix.normalize(posix.join(context, source.replace(/^\/+/, ''))).replace(/\/+$/, '');
  if (base.startsWith('..')) return [];
  if (GLOB.test(source)) {
    const match = picomatch(base === '.' ? '**' : base, { dot: true });
    return all.filter((p) => match(p) || [...ancestors(p)].some((a) => match(a)));
  }
  if (base === '.') return [...all];
  if (all.includes(base)) return [base];
  return all.filter((p) => p.startsWith(`${base}/`));
}

function* ancestors(path: string): Generator<string> {
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) yield path.slice(0, slash);
}

// The application's own source, by the manifest of each ecosystem: where its
// code lives by the framework's convention or the manifest's own declaration.
const SOURCE_ROOTS: ReadonlyArray<{ manifest: RegExp; roots: readonly string[]; why: string; only?: RegExp }> = [
  { manifest: /(^|\/)Gemfile$/, roots: ['app', 'config', 'lib', 'db', 'bin', 'config.ru'], why: 'Ruby/Rails application source (Gemfile)' },
  { manifest: /(^|\/)composer\.json$/, roots: ['app', 'src', 'config', 'routes', 'database', 'bootstrap', 'resources', 'public'], why: 'PHP application source (composer.json)' },
  { manifest: /(^|\/)mix\.exs$/, roots: ['lib', 'config', 'priv'], why: 'Elixir application source (mix.exs)' },
  { manifest: JVM_BUILD_FILE, roots: ['src/main'], why: 'the main source set of a Maven/Gradle project' },
  { manifest: /(^|\/)go\.mod$/, roots: [''], why: 'Go module source (go.mod)', only: /\.go$/ },
  { manifest: /(^|\/)Cargo\.toml$/, roots: ['src'], why: 'Rust crate source (Cargo.toml)' },
  { manifest: /(^|\/)[^/]+\.csproj$/, roots: [''], why: '.NET project source (.csproj)', only: /\.(cs|fs|vb)$|(^|\/)appsettings[\w.-]*\.json$/ },
  { manifest: /(^|\/)package\.json$/, roots: ['src', 'app', 'lib', 'server', 'pages', 'api', 'config', 'routes', 'prisma'], why: 'Node package source (package.json)' },
  { manifest: /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|manage\.py)$/, roots: ['src'], why: 'Python project source' },
];

const CODE_OR_CONFIG = /\.(py|[cm]?[jt]sx?|rb|erb|php|ex|exs|eex|heex|go|rs|java|kt|scala|groovy|cs|fs|vb|json|ya?ml|toml|ini|cfg|conf|properties|xml|sql|prisma|env)$|(^|\/)(config\.ru|Procfile|manage\.py)$/i;

/**
 * Application source by manifest: the conventional source folders of each
 * ecosystem beside its manifest, the folders a package.json's main, bin and
 * exports point into, and the top-level Python packages (folders with an
 * `__init__.py`) beside a Python project's manifest.
 */
export async function applicationSource(files: FileSet): Promise<Map<string, RoleInfo>> {
  // A test project's folder is a root too, of no production source: the nearest manifest decides, so a
  // package.json's `src/` further up does not claim a test project's code beneath it.
  const prefixes = new Map<string, { why: string; only?: RegExp; tests?: true }>();
  const paths = everyPath(files);
  const add = (dir: string, root: string, why: string, only?: RegExp, tests?: true): void => {
    const prefix = posix.normalize(posix.join(dir, root)).replace(/^\.$/, '');
    if (!prefixes.has(prefix)) prefixes.set(prefix, { why, only, ...(tests ? { tests } : {}) });
  };
  const unpublished = await unpublishedModules(files, paths);
  for (const path of paths) {
    const dir = posix.dirname(path);
    for (const rule of SOURCE_ROOTS) {
      if (!rule.manifest.test(path) || unpublished.has(path)) continue;
      // A test project's manifest (`Foo.Tests.csproj`) declares tests.
      if (/\.csproj$/.test(path) && /tests?\b/i.test(posix.basename(path))) {
        add(dir, '', `a .NET test project (${path})`, undefined, true);
        continue;
      }
      for (const root of rule.roots) add(dir, root, `${rule.why} at ${path}`, rule.only);
    }
    if (/(^|\/)package\.json$/.test(path)) {
      for (const entry of await packageEntryFolders(files, path)) add(dir, entry, `a folder the entry points of ${path} name`);
    }
  }
  // Python: top-level packages beside the manifest (`app/__init__.py` next to `pyproject.toml` or `manage.py`).
  const pythonRoots = new Set(paths.filter((p) => /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|manage\.py)$/.test(p)).map((p) => posix.dirname(p)));
  for (const path of paths) {
    const m = /^(?:(.*)\/)?([^/]+)\/__init__\.py$/.exec(path);
    if (m && pythonRoots.has(m[1] ?? '.')) add(m[1] ?? '.', m[2]!, `a Python package beside ${m[1] ?? 'the root'}'s project manifest`);
  }
  for (const root of pythonRoots) for (const name of ['manage.py', 'wsgi.py', 'asgi.py', 'app.py', 'main.py']) add(root, name, 'a Python entry point beside the project manifest');
  const out = new Map<string, RoleInfo>();
  for (const path of paths) {
    if (!CODE_OR_CONFIG.test(path) || isDescriptor(path)) continue;
    // The nearest declared root among the path itself and its folders (linear in the path's depth).
    for (const prefix of [path, ...ancestors(path), '']) {
      const root = prefixes.get(prefix);
      if (root?.tests) {
        out.set(path, { role: 'test', reason: root.why, rule: 'evidence:test-project' });
        break;
      }
      if (!root || (root.only && !root.only.test(path))) continue;
      out.set(path, { role: 'production', reason: `application source: ${root.why}`, rule: 'evidence:application-source' });
      break;
    }
  }
  return out;
}

/**
 * Deployment descriptors (compose files, Dockerfiles) inside a .NET test project's folder are the suite's
 * (BTCPayServer.Tests/docker-compose.testnet.yml): the nearest project manifest above them is a test project
 * (`Foo.Tests.csproj`). Known before the deployments are, so a compose file's deployment takes that role; a
 * descriptor is never made production by the folder it sits in, only by what deploys it.
 */
export function testProjectDescriptors(files: FileSet): Map<string, RoleInfo> {
  const projects = new Map<string, string>();
  for (const f of files.files) if (/\.csproj$/.test(f.path) && !projects.has(posix.dirname(f.path))) projects.set(posix.dirname(f.path), f.path);
  const out = new Map<string, RoleInfo>();
  if (!projects.size) return out;
  for (const f of files.files) {
    if (!isDescriptor(f.path)) continue;
    const nearest = [...ancestors(f.path)].find((dir) => projects.has(dir));
    const manifest = nearest !== undefined ? projects.get(nearest)! : undefined;
    if (manifest && /tests?\b/i.test(posix.basename(manifest))) out.set(f.path, { role: 'test', reason: `a .NET test project (${manifest})`, rule: 'evidence:test-project' });
  }
  return out;
}

/**
 * Runnable modules of a multi-module Maven/Gradle build that no image is made from, in a build whose other modules
 * make theirs (docker-maven-plugin, Jib): mall-swarm's `mall-demo`, a test service beside six imaged services. Their
 * source is no production's (it stays unknown); library modules (no application configuration of their own) are
 * compiled into the imaged ones and keep their role.
 */
async function unpublishedModules(files: FileSet, paths: readonly string[]): Promise<Set<string>> {
  const builds = paths.filter((p) => JVM_BUILD_FILE.test(p));
  if (builds.length < 3) return new Set();
  const imaged = new Set<string>();
  for (const b of builds) {
    // A plugin only configured in <pluginManagement> is applied by the modules that name it, not inherited.
    const text = ((await files.read(b)) ?? '').replace(/<pluginManagement>[\s\S]*?<\/pluginManagement>/g, '');
    if (!IMAGE_PLUGIN.test(text)) continue;
    // A parent build that makes images passes its plugin to every module (spring-petclinic-microservices): no rule.
    if (posix.dirname(b) === '.' || /<modules>|\bsubprojects\s*\{|\ballprojects\s*\{/.test(text)) return new Set();
    imaged.add(b);
  }
  if (!imaged.size) return new Set();
  const out = new Set<string>();
  for (const b of builds) {
    const dir = posix.dirname(b);
    if (imaged.has(b) || dir === '.') continue;
    const runnable = paths.some((p) => p.startsWith(`${dir}/src/main/resources/`) && /\/application(-[\w-]+)?\.(ya?ml|properties)$/.test(p));
    const ownImage = paths.some((p) => p.startsWith(`${dir}/`) && isDockerfile(p));
    if (runnable && !ownImage) out.add(b);
  }
  return out;
}

async function packageEntryFolders(files: FileSet, path: string): Promise<string[]> {
  const text = await files.read(path);
  if (!text) return [];
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const entries: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') entries.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
  };
  collect(pkg.main);
  collect(pkg.module);
  collect(pkg.bin);
  collect(pkg.exports);
  return [...new Set(entries.map((e) => e.replace(/^\.\//, '').split('/')[0]!).filter((e) => e && e !== '.' && !e.startsWith('..') && !/^(dist|build|out)$/.test(e)))];
}

/** Production Dockerfiles with their roles, for the image-contents scan. */
export function productionDockerfiles(files: FileSet, roles: FileRoles): string[] {
  return files.files.map((f) => f.path).filter((p) => isDockerfile(p) && roles.of(p).role === 'production');
}
