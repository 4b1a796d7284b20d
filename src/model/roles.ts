// File roles, computed once per audit for every file of the repository and
// consulted by every repository check (through the severity policy in
// `policy.ts`, and directly by checks that choose their inputs by role).
// Decided from, in order: the configuration (`repo.roles`, glob → role),
// direct production evidence (model/evidence.ts: a file a documented deploy
// step runs, a production build or entrypoint names), the path table in
// `role-rules.ts`, the content of deployment files (a compose file whose
// header says it is for development), contained evidence (copied into a
// production image, inside the application's declared source), and
// otherwise `unknown`: nothing shows that production reaches the file.

import picomatch from 'picomatch';
import type { FileSet } from '../repo/fileset.js';
import { isComposeFile, isDockerfile } from '../repo/classify.js';
import { Breather, mapLimited, READ_CONCURRENCY } from '../repo/limit.js';
import { imageFacts } from '../parse/image-facts.js';
import { ROLE_RULES, type ConfiguredRole, type FileRole, type RoleRule } from './role-rules.js';

export type { FileRole, RoleInfo } from '../core/role.js';
import type { RoleInfo } from '../core/role.js';


/** The role of a file that no rule, content, configuration or evidence decided (compared by identity). */
export const UNKNOWN_ROLE: RoleInfo = { role: 'unknown', reason: 'nothing shows that production reaches it (no deploy step, build or entrypoint names it)', rule: 'unknown' };

/** Directories holding a project manifest: where `project`-scoped role rules are anchored. */
const PROJECT_MANIFEST = /(^|\/)(package\.json|pyproject\.toml|setup\.py|setup\.cfg|go\.mod|Cargo\.toml|composer\.json|Gemfile|pom\.xml|build\.gradle(\.kts)?|mix\.exs|[^/]+\.csproj)$/;

export function projectRootsOf(paths: Iterable<string>): Set<string> {
  const roots = new Set<string>();
  for (const path of paths) {
    if (!PROJECT_MANIFEST.test(path)) continue;
    const slash = path.lastIndexOf('/');
    if (slash > 0) roots.add(path.slice(0, slash));
  }
  return roots;
}

export class FileRoles {
  /**
   * Roles of paths the table gave none when computed (production by default),
   * or asked for later: every check asks for many paths, several times, and
   * the path table is some 40 expressions.
   */
  private readonly fromTable = new Map<string, RoleInfo>();

  constructor(
    private readonly byPath: ReadonlyMap<string, RoleInfo>,
    readonly projectRoots: ReadonlySet<string> = new Set(),
  ) {}

  of(path: string): RoleInfo {
    const known = this.byPath.get(path) ?? this.fromTable.get(path);
    if (known) return known;
    const info = roleFromPath(path, this.projectRoots) ?? UNKNOWN_ROLE;
    this.fromTable.set(path, info);
    return info;
  }

  is(path: string, ...roles: FileRole[]): boolean {
    return roles.includes(this.of(path).role);
  }

  /**
   * These roles with `overrides` applied (facts the path table cannot know,
   * e.g. the settings module a deployment names); a role given by the
   * configuration (`repo.roles`) is kept.
   */
  withOverrides(overrides: ReadonlyMap<string, RoleInfo>): FileRoles {
    if (!overrides.size) return this;
    const merged = new Map(this.byPath);
    for (const [path, info] of overrides) {
      if (merged.get(path)?.rule !== CONFIGURED_RULE) merged.set(path, info);
    }
    return new FileRoles(merged, this.projectRoots);
  }

  /** These roles with `facts` given only to files whose role is still unknown. */
  withFallbacks(facts: ReadonlyMap<string, RoleInfo>): FileRoles {
    return this.withFallbacksOver(facts, NO_PRESUMPTIONS);
  }

  /**
   * These roles with `facts` given to files whose role is unknown or was presumed from content alone by one of
   * `presumptions` (a compose file that sets MIX_ENV=prod is the production build, not proof anyone deploys it:
   * a contributors' guide that runs it says what it is for).
   */
  withFallbacksOver(facts: ReadonlyMap<string, RoleInfo>, presumptions: ReadonlySet<string>): FileRoles {
    if (!facts.size) return this;
    const merged = new Map(this.byPath);
    for (const [path, info] of facts) {
      const current = this.of(path);
      if (current === UNKNOWN_ROLE || (current.rule !== undefined && presumptions.has(current.rule))) merged.set(path, info);
    }
    return new FileRoles(merged, this.projectRoots);
  }

  /** Files production reaches or may reach (proven, or unknown): what checks that look for production problems read. */
  mayBeProduction(path: string): boolean {
    return this.is(path, 'production', 'unknown');
  }

  /** Production, development and unknown files: what deployment checks judge (the policy caps the last two). */
  isDeployed(path: string): boolean {
    return this.is(path, 'production', 'development', 'unknown');
  }
}

/** `repo.roles` in the configuration: the user's word, which no evidence overrides. */
const NO_PRESUMPTIONS: ReadonlySet<string> = new Set();
export const CONFIGURED_RULE = 'config:repo.roles';

/**
 * The table's expressions joined, one per set of flags: most paths match no
 * rule, and one test of the union rejects them about twice as fast as
 * trying the rules one by one. A path the union matches goes through the
 * rules in order, so the first matching rule still decides.
 */
const ANY_RULE: readonly RegExp[] = [...new Set(ROLE_RULES.map((r) => r.path.flags))].map(
  (flags) => new RegExp(ROLE_RULES.filter((r) => r.path.flags === flags).map((r) => `(?:${r.path.source})`).join('|'), flags),
);

/** The path and its forms relative to each project root it is inside (`services/api/dev/x` → `dev/x`). */
function projectRelative(path: string, projectRoots: ReadonlySet<string>): string[] {
  const out = [path];
  if (!projectRoots.size) return out;
  for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
    if (projectRoots.has(path.slice(0, slash))) out.push(path.slice(slash + 1));
  }
  return out;
}

/** The role a path alone gives, by the first matching rule of the table (or of `rules`, for the table's own tests). */
export function roleFromPath(path: string, projectRoots: ReadonlySet<string> = new Set(), rules: readonly RoleRule[] = ROLE_RULES): RoleInfo | undefined {
  const forms = projectRelative(path, projectRoots);
  if (rules === ROLE_RULES && !forms.some((form) => ANY_RULE.some((any) => any.test(form)))) return undefined;
  for (const rule of rules) {
    const hit = rule.scope === 'project' ? forms.some((form) => rule.path.test(form)) : rule.path.test(path);
    if (hit) return { role: rule.role, reason: rule.why, rule: rule.id };
  }
  return undefined;
}

/**
 * Roles for every file: configured globs first, then the path table, then
 * content for the deployment files whose path decided nothing.
 */
export async function computeRoles(files: FileSet, configured: readonly ConfiguredRole[] = []): Promise<FileRoles> {
  const matchers = configured.map((c) => ({ ...c, matches: picomatch(c.glob, { dot: true }) }));
  const projectRoots = projectRootsOf(files.files.map((f) => f.path));
  const byPath = new Map<string, RoleInfo>();
  const undecided: string[] = [];
  // Synchronous per file: let timers (the audit's deadline) run on a tree of 100,000 files.
  const breather = new Breather(20);
  for (const { path } of files.files) {
    await breather.due();
    const given = matchers.find((m) => m.matches(path));
    if (given) {
      byPath.set(path, { role: given.role, reason: `repo.roles: ${given.glob}`, rule: CONFIGURED_RULE });
      continue;
    }
    const fromPath = roleFromPath(path, projectRoots);
    if (fromPath) byPath.set(path, fromPath);
    else if (isComposeFile(path) || isDockerfile(path) || isRequirementsLike(path) || path.endsWith('.go')) undecided.push(path);
  }
  // Whether the repository develops an application here (code outside tests, docs and examples).
  const developsCode = files.files.some((f) => APPLICATION_CODE.test(f.path) && roleFromPath(f.path, projectRoots) === undefined);
  await mapLimited(undecided, READ_CONCURRENCY, async (path) => {
    // A Go file's build constraint is in its first lines: only those are read.
    const text = path.endsWith('.go') ? (await files.readHead(path, 4096))?.toString('utf8') : await files.read(path);
    const fromContent = text === undefined ? undefined : roleFromContent(path, text);
    if (fromContent) byPath.set(path, fromContent);
    else if (text !== undefined && developsCode && isComposeFile(path) && runsOnlyBackingServices(text)) {
      byPath.set(path, {
        role: 'development',
        reason: 'runs only backing services (databases, brokers, mail catchers) beside the application developed in this repository: a local dependency stack',
        rule: 'content:dependency-stack',
      });
    }
  });
  return new FileRoles(byPath, projectRoots);
}

function isRequirementsLike(path: string): boolean {
  return /(^|\/)(requirements[\w.-]*\.(txt|in)|\.env[\w.-]*|[\w-]+\.env|package\.json|pyproject\.toml)$/i.test(path);
}

/**
 * The opening comment lines of a file (before the first non-comment line), at
 * most 3: where a file says what it is for. Further down, a comment block
 * describes options ("- just-backend: ... for local development"), not the file.
 */
function headerComment(text: string, lines = 3): string {
  const out: string[] = [];
  let start = 0;
  for (let n = 0; n < 40 && out.length < lines && start < text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + 500)).trim();
    start = end + 1;
    if (line === '' || line === '---') continue;
    if (!line.startsWith('#')) break;
    // Markdown emphasis in a comment (`for the **development** setup`) is not part of the words.
    out.push(line.replace(/[*_`]+/g, ''));
  }
  return out.join('\n');
}

// A header that says what the file is for: "# Development environment",
// "# for local development only", "# DO NOT USE IN PRODUCTION".
const DEV_HEADER = /\b(local[- ]dev(elopment)?\b|development (only|environment|setup|stack|purposes?|use)|for (local )?dev(elopment)?\b|dev(elopment)?[- ]only|not (meant |intended |suitable |to be used )?(for|in) production|do not use (this |these |the )?([\w-]+ )?(in|for) production|local (testing|setup|use) only)/i;
// "... without first customizing it to your situation": what to do before production, not a refusal of it.
const CUSTOMISE_FIRST = /^[\s\w]{0,12}\bwithout\s+(first\s+)?(customi[sz]|chang|modify|adapt|review|adjust|harden|secur|configur|tun)/i;
const NOT_FOR_PRODUCTION = /\b(do not|don'?t|never) use (this|these|the|it)( [\w-]+)? (in|for) production\b|\bnot (meant|intended|suitable) (for|in) production\b/i;
// A deployment file's own header presenting it to operators: "To make it easier to self-host, we have a preset
// docker compose config". Read after DEV_HEADER and TEST_HEADER, so "not for production" never lands here.
const PRODUCTION_HEADER = /\b(self[- ]?host(ed|ing)?\b|for (use in )?production\b|production (deployments?|use|setups?|installs?|installations?)\b|(to|for) deploy(ing|ment)? (it|this|the app(lication)?|\w+) (on|to) (your|a) (own )?(server|host|vps|cluster))/i;
const TEST_HEADER = /\b(for (running )?(the )?tests|test(ing)? (only|environment|setup|stack|deployments?)|internal testing|used by (the )?(test suite|ci)|not (to be )?used for (personal |production |real )?deployments?)\b/i;
// Servers that exist only for development: Django's runserver ("DO NOT USE
// THIS SERVER IN A PRODUCTION SETTING", Django docs), auto-reloaders.
const DEV_SERVER = /\b(manage\.py\s+runserver(_plus)?|runserver\s+0|flask\s+run\b[^\n]{0,200}--debug|uvicorn\b[^\n]{0,200}--reload|--reload\b|nodemon\b|(npm|pnpm|yarn|bun)\s+(run\s+)?dev\b|next\s+dev\b|vite\b\s*$|ng\s+serve\b|rails\s+s(erver)?\b[^\n]{0,100}-e\s+development)/im;
// Images made to be a developer's workspace, not to serve: dev containers,
// Google Cloud Workstations, Gitpod workspaces. A Dockerfile built on one is a
// development environment whatever its folder is called.
const DEV_ENVIRONMENT_BASE = /^[ \t]*FROM[ \t]+(?:--platform=\S+[ \t]+)?((?:mcr\.microsoft\.com\/(?:vscode\/)?devcontainers|[\w.-]+\/cloud-workstations-images\/predefined|gitpod\/workspace-)[^\s]*)/im;
// Development runtimes of frameworks, run by compose: Laravel Sail's runtimes and images, DDEV.
const DEV_RUNTIME = /vendor\/laravel\/sail\/runtimes|\bsail-\d+(\.\d+)?\/app\b|\bdrud\/ddev|\bddev\/ddev-/;
// An env file that names its environment: the framework's own variable set to development or test.
const ENV_OF_ENV_FILE = /^\s*(?:export\s+)?(APP_ENV|NODE_ENV|RAILS_ENV|RACK_ENV|MIX_ENV|FLASK_ENV|DJANGO_ENV|ENVIRONMENT|ASPNETCORE_ENVIRONMENT|GO_ENV)\s*=\s*["']?(development|dev|local|test|testing)["']?\s*$/im;
// The framework's environment variable set to production, in a compose `environment:` or an env file.
const PRODUCTION_ENVIRONMENT = /^\s*-?\s*["']?(MIX_ENV|NODE_ENV|RAILS_ENV|RACK_ENV|APP_ENV|FLASK_ENV|DJANGO_ENV|ASPNETCORE_ENVIRONMENT|GO_ENV|SPRING_PROFILES_ACTIVE)["']?\s*[=:]\s*["']?(prod|production)["']?\s*$/im;
// Unrendered template syntax: cookiecutter/copier/Jinja.
const TEMPLATE_SYNTAX = /\{\{\s*(cookiecutter|copier|_copier)\.|\{%-?\s*(if|for|raw|set|endif|endfor|else|elif)\b/;

// Build tags that only a test build sets (`go test -tags e2etest`, `//go:build integration`).
const TEST_BUILD_TAG = /^(e2e\w*|\w*e2e|integration\w*|\w*test|\w*tests|testing|mock\w*|fixtures?)$/i;

/**
 * A Go file whose build constraint requires a test tag in every alternative (`//go:build e2etest`,
 * `//go:build integration && linux`) is compiled only into a test build: `go build` of the release leaves it out.
 */
export function goTestBuildTag(text: string): string | undefined {
  // The constraint sits in the header, before the package clause (Go spec, build constraints).
  const head = text.slice(0, 4096);
  const packageAt = head.search(/^package\s/m);
  const m = /^\/\/go:build[ \t]+(.+)$/m.exec(packageAt < 0 ? head : head.slice(0, packageAt));
  if (!m) return undefined;
  const alternatives = m[1]!.split('||').map((alt) => alt.split('&&').map((t) => t.trim().replace(/^\(+|\)+$/g, '')));
  const required = alternatives.map((conjuncts) => conjuncts.find((t) => !t.startsWith('!') && TEST_BUILD_TAG.test(t)));
  return required.every((t) => t !== undefined) ? m[1]!.trim() : undefined;
}

/** The role a deployment file's content gives when its path says nothing (`asCompose`: a compose file whatever its name, as a `-f` names it). */
export function roleFromContent(path: string, text: string, asCompose: boolean = isComposeFile(path)): RoleInfo | undefined {
  if (path.endsWith('.go')) {
    const tag = goTestBuildTag(text);
    return tag ? { role: 'test', reason: `its build constraint (//go:build ${tag.slice(0, 60)}) compiles it into test builds only`, rule: 'content:go-test-build-tag' } : undefined;
  }
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (TEMPLATE_SYNTAX.test(head)) return { role: 'template', reason: 'contains unrendered template tags ({% ... %} / {{ cookiecutter.* }})', rule: 'content:template-tags' };
  const header = headerComment(head);
  // An explicit refusal anywhere in the opening comment block (up to ten lines: a warning often follows a line or two
  // of description, "# NOTE: please do not use this configuration for production setups", Unleash's enterprise
  // compose); weaker words (a profile "for local development") count only in the first lines.
  const opening = headerComment(head, 10);
  // "not intended for production use without first customizing it": production once adapted, not a refusal.
  const refusal = NOT_FOR_PRODUCTION.exec(opening);
  const adapted = refusal ? CUSTOMISE_FIRST.test(opening.slice(refusal.index + refusal[0].length, refusal.index + refusal[0].length + 80).replace(/\n#\s*/g, ' ')) : false;
  if (refusal && !adapted) return { role: 'development', reason: `its opening comment says not to use it in production: "${refusal[0]}"`, rule: 'content:dev-header' };
  if (DEV_HEADER.test(header) && !(adapted && NOT_FOR_PRODUCTION.test(header))) return { role: 'development', reason: `its header comment says it is for development: "${firstMatchLine(header, DEV_HEADER)}"`, rule: 'content:dev-header' };
  if (TEST_HEADER.test(header)) return { role: 'test', reason: `its header comment says it is for tests: "${firstMatchLine(header, TEST_HEADER)}"`, rule: 'content:test-header' };
  if (isDockerfile(path)) {
    const from = DEV_ENVIRONMENT_BASE.exec(head);
    if (from) return { role: 'development', reason: `builds on a developer-environment image (${from[1]})`, rule: 'content:dev-environment-image' };
  }
  if (asCompose || isDockerfile(path)) {
    const server = DEV_SERVER.exec(head);
    if (server) return { role: 'development', reason: `runs a development server (${server[0].trim().slice(0, 60)})`, rule: 'content:dev-server' };
  }
  if (asCompose && /^\s*build\s*:/m.test(head)) {
    // (Not `:local`: the tag of any image built from the checkout, the documented install of self-hosted projects
    // that ship no registry image, xxl-job round 17.)
    const devImage = /^\s*image\s*:\s*["']?[\w./-]+:(dev|devel|develop|development|debug)["']?\s*$/m.exec(head);
    if (devImage) return { role: 'development', reason: `builds the application as a development image (${devImage[0].trim()})`, rule: 'content:dev-image' };
  }
  if (asCompose) {
    // A compose file that builds the development Dockerfile (`dockerfile: Dockerfile.dev`) is the development stack.
    const devBuild = /^\s*dockerfile\s*:\s*["']?([\w./-]*(?:Dockerfile|Containerfile)[.-](?:dev|devel|development|local)|[\w./-]*(?:dev|local)\.(?:Dockerfile|Containerfile))["']?\s*$/im.exec(head);
    if (devBuild) return { role: 'development', reason: `it builds the development Dockerfile ${devBuild[1]}`, rule: 'content:dev-dockerfile-build' };
    const runtime = DEV_RUNTIME.exec(head);
    if (runtime) return { role: 'development', reason: `runs a framework's development runtime (${runtime[0].trim().slice(0, 60)})`, rule: 'content:dev-runtime' };
    // Its services load the development env file (`env_file: config/.env.dev.txt`, glific round 12): the development stack.
    const devEnv = DEV_ENV_FILE.exec(head);
    if (devEnv) return { role: 'development', reason: `its services load a development env file (${devEnv[1]})`, rule: 'content:dev-env-file' };
  }
  if (/(^|\/)(\.env[\w.-]*|[\w-]+\.env)$/.test(path)) {
    const env = ENV_OF_ENV_FILE.exec(head);
    if (env) {
      const role = /^test/i.test(env[2]!) ? 'test' : 'development';
      return { role, reason: `it sets ${env[1]}=${env[2]}`, rule: 'content:env-file-environment' };
    }
  }
  if (asCompose && PRODUCTION_HEADER.test(header)) {
    return { role: 'production', reason: `its header comment presents it to operators: "${firstMatchLine(header, PRODUCTION_HEADER)}"`, rule: 'content:production-header' };
  }
  if (asCompose || /(^|\/)(\.env[\w.-]*|[\w-]+\.env)$/.test(path)) {
    // The file sets the framework's environment to production itself: what it runs is the production deployment.
    const prod = PRODUCTION_ENVIRONMENT.exec(head);
    if (prod) return { role: 'production', reason: `it sets ${prod[1]} to ${prod[2]}`, rule: 'content:production-environment' };
  }
  if (asCompose) {
    // Certificates from a public CA for the stack's own domain: only a deployment on the internet can obtain them.
    const tls = PUBLIC_TLS.exec(head);
    if (tls) return { role: 'production', reason: `it obtains public TLS certificates for its domain (${tls[0].trim().slice(0, 60)})`, rule: 'content:public-tls' };
  }
  if (asCompose && isLocalDependencyStack(head)) {
    return { role: 'development', reason: 'builds no application and publishes its ports on loopback only: a local dependency stack', rule: 'content:loopback-stack' };
  }
  return undefined;
}

/** `env_file: .env.dev`, `- config/.env.development.txt`, `- dev.env`: an env file named for development, in a list or alone. */
const DEV_ENV_FILE = /^\s*(?:env_file\s*:\s*|-\s+)(?:path\s*:\s*)?["']?((?:[\w.-]+\/)*(?:\.env[.-](?:dev|development|local)(?:\.[\w-]+)*|(?:dev|development|local)\.env))["']?\s*$/m;

/**
 * ACME certificate automation in a compose file: the nginx-proxy companion (pixelfed's stack, round 12), certbot,
 * a Traefik certificate resolver, the companion's LETSENCRYPT_HOST/EMAIL. A development or test stack has no public
 * domain to prove (pebble, Let's Encrypt's test server, is not one of these).
 */
const PUBLIC_TLS = /\b(nginxproxy\/acme-companion|jrcs\/letsencrypt-nginx-proxy-companion|certbot\/certbot)\b|certificatesresolvers\.[\w-]+\.acme\.(email|httpchallenge|tlschallenge|dnschallenge)|\bLETSENCRYPT_(HOST|EMAIL)\s*[:=]\s*["']?[\w${]/i;

/**
 * The "services for local development" compose file: no service is built
 * from the repository, and every published port is bound to 127.0.0.1 (or
 * none is published). What it runs is the developer's Postgres and Redis; a
 * production deployment runs the application. A cheap text test: a compose
 * file with a `build:` key or a port published on all interfaces is not one.
 */
function isLocalDependencyStack(text: string): boolean {
  // Only backing services: a stack that runs the application itself (`plausible/analytics` published on
  // 127.0.0.1 behind a reverse proxy) is a deployment, whatever interface it binds.
  if (!runsOnlyBackingServices(text)) return false;
  const ports = text.match(/^\s*-\s*["']?[\d.:[\]${}A-Za-z_-]*\d+:\d+[^\n]*$/gm) ?? [];
  if (ports.length === 0) return false;
  return ports.every((p) => /["'\s-](127\.0\.0\.1|localhost|\[::1\]):/.test(p));
}

function firstMatchLine(text: string, pattern: RegExp): string {
  const line = text.split('\n').find((l) => pattern.test(l)) ?? '';
  const clean = line.replace(/^#+\s*/, '');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

// Compose starts a service with `profiles:` only when one of them is asked
// for (`--profile debug`); a service that exists only in development, test or
// retired profiles is not part of the default deployment.
const NON_PRODUCTION_PROFILE = /^(dev|devel|development|local|debug|test|tests|testing|ci|e2e|tools?|admin[-_]?tools|deprecated|legacy|old|manual|migrate[-_]?old)$/i;

export function roleOfProfiles(profiles: readonly string[]): RoleInfo | undefined {
  if (profiles.length === 0 || !profiles.every((p) => NON_PRODUCTION_PROFILE.test(p))) return undefined;
  const role = profiles.every((p) => /^(test|tests|testing|ci|e2e)$/i.test(p)) ? 'test' : 'development';
  return { role, reason: `the service runs only in the compose profile(s) ${profiles.join(', ')}`, rule: 'content:compose-profile' };
}

// Images developers run beside the application they work on: datastores,
// brokers, object storage, mail catchers, cloud emulators and database admin
// UIs (every image of parse/image-facts.ts). Not monitoring, identity or
// secret stores: a compose file of Prometheus and Grafana, or of Keycloak, is
// production infrastructure.
function isBackingServiceImage(image: string): boolean {
  // `${APP_IMAGE:-org/app:dev}` runs its default unless the deployment says otherwise: judge the default. An
  // image given only by a variable may be the application itself: not known to be a backing service.
  const withDefault = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]+)\}/.exec(image);
  if (withDefault) return isBackingServiceImage(withDefault[1]!);
  if (/^\$\{?[A-Za-z_]/.test(image)) return false;
  return imageFacts(image) !== undefined;
}

const APPLICATION_CODE = /\.(py|[cm]?[jt]sx?|rb|java|kt|scala|go|php|rs|cs|ex|exs|swift|dart)$/i;

/** A compose file that builds nothing and whose every image is a backing service. */
function runsOnlyBackingServices(text: string): boolean {
  if (/^\s*build\s*:/m.test(text)) return false;
  const images = [...text.matchAll(/^[ \t]*image[ \t]*:[ \t]*["']?([^\s"'#]+)/gm)].map((m) => m[1]!);
  return images.length > 0 && images.every(isBackingServiceImage);
}
