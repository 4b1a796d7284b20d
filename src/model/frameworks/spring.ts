// Spring Boot applications and the configuration production loads, read as
// Spring Boot reads it (docs.spring.io/spring-boot/reference/features/external-config.html):
//
// - Files: `application.{yml,yaml,properties}` in `src/main/resources/` and
//   its `config/`, then `application-{profile}.*` for each active profile in
//   order; a later file wins, `config/` over the root, `.properties` over
//   `.yml` in one place, profile files over the rest. A document of a
//   multi-document file applies only when its `spring.config.activate.on-profile`
//   matches the active profiles.
// - Profiles: `SPRING_PROFILES_ACTIVE` (or `-Dspring.profiles.active`) in a
//   production deployment file, else `spring.profiles.active` in the files,
//   else an `application-prod*` file is assumed to be what production runs,
//   else the default profile; `spring.profiles.include` and
//   `spring.profiles.group` expand them. What was assumed is said.
// - Environment variables of the deployment override any key by relaxed
//   binding (`SPRING_DATASOURCE_PASSWORD` → `spring.datasource.password`).
// - `${NAME:default}` resolves to the deployment's NAME when it sets one,
//   else to the default; `${NAME}` without a default is supplied at run time.

import { posix } from 'node:path';
import type { FileSet } from '../../repo/fileset.js';
import { JVM_BUILD_FILE } from '../../repo/classify.js';
import type { ParsedFiles } from '../../parse/parsed.js';
import { isMap, isScalar, isSeq, parseYaml } from '../../parse/yaml.js';
import { parseProperties } from '../../parse/properties.js';
import type { FileRoles } from '../roles.js';
import { deploymentAssignments, mayRunInProduction, type EnvAssignment } from './deploy-env.js';

export type SpringValue =
  | { kind: 'literal'; text: string }
  /** `${NAME:default}` and the deployment does not set NAME. */
  | { kind: 'env-default'; envVar: string; text: string }
  /** `${NAME}` (no default), or text mixing placeholders: what runs is decided at run time. */
  | { kind: 'computed'; raw: string }
  /** Set by the deployment's environment (relaxed binding or the placeholder's variable). */
  | { kind: 'deployment'; envVar: string; text: string; path: string; line: number };

export interface SpringSetting {
  /** As written: `spring.jpa.hibernate.ddl-auto`. */
  key: string;
  value: SpringValue;
  path: string;
  line: number;
}

export interface SpringApp {
  /** The resources folder: `src/main/resources`. */
  root: string;
  /** The configuration files read, in load order. */
  files: string[];
  profiles: string[];
  /** How the profiles were decided, for messages (`SPRING_PROFILES_ACTIVE=prod in k8s/app.yml:12`, `assumed: ...`). */
  profilesFrom: string;
  /** Whether the profiles were assumed rather than read from a deployment. */
  assumed: boolean;
  /** The effective value of a key (relaxed: `ddlAuto`, `ddl-auto` and `ddl_auto` are one key). */
  get(key: string): SpringSetting | undefined;
  /** Every effective setting. */
  settings: SpringSetting[];
  /** Configuration files that do not parse: their settings are unknown. */
  unreadable: Array<{ path: string; line: number; message: string }>;
  /** Build files of the application (pom.xml, build.gradle), nearest first. */
  buildFiles: string[];
  /** Spring Security is a dependency of a build file. */
  security: boolean;
  /** Java and Kotlin sources of the application's main source set. */
  sources: string[];
}

export interface SpringModel {
  apps: SpringApp[];
}

const CONFIG_FILE = /^(.*\/)?src\/main\/resources\/(config\/)?application(-[\w.-]+)?\.(ya?ml|properties)$/;
const SECURITY_DEPENDENCY = /spring-boot-starter-security|spring-boot-starter-oauth2-resource-server|spring-security-(web|config)/;

/** Relaxed binding's comparison form: lower case, `[0]` as a segment, dashes and underscores dropped. */
export function canonicalKey(key: string): string {
  return key
    .toLowerCase()
    .replace(/\[(\w+)\]/g, '.$1')
    .split('.')
    .map((s) => s.replace(/[-_]/g, ''))
    .filter(Boolean)
    .join('.');
}

/** `SPRING_DATASOURCE_PASSWORD` → `spring.datasource.password` (underscores are dots, Spring Boot's rule for environment variables). */
export function canonicalEnvName(name: string): string {
  return name.toLowerCase().split('_').filter(Boolean).join('.');
}

export async function springModel(files: FileSet, parsed: ParsedFiles, roles: FileRoles): Promise<SpringModel> {
  const byRoot = new Map<string, string[]>();
  for (const f of files.files) {
    const m = CONFIG_FILE.exec(f.path);
    if (!m) continue;
    const root = `${m[1] ?? ''}src/main/resources`;
    byRoot.set(root, [...(byRoot.get(root) ?? []), f.path]);
  }
  if (!byRoot.size) return { apps: [] };
  const env = await deploymentAssignments(files, roles, (name) => /^[A-Z][A-Z0-9_]*$/.test(name) || /^spring\.profiles\.active$/i.test(name));
  const apps: SpringApp[] = [];
  const modules = [...byRoot.keys()].map(moduleOf);
  for (const [root, paths] of [...byRoot].sort(([a], [b]) => a.localeCompare(b))) {
    // A service's own deployment files (its Dockerfile, its chart) first, then those of no other module (a root compose file).
    const module = moduleOf(root);
    const others = modules.filter((m) => m !== module && m !== '' && !inDir(module, m));
    const ours = env.filter((a) => inDir(a.path, module) || !others.some((m) => inDir(a.path, m)));
    const near = (a: EnvAssignment): number => (module !== '' && inDir(a.path, module) ? 0 : 1);
    apps.push(await readApp(files, parsed, root, paths, [...ours].sort((a, b) => near(a) - near(b))));
  }
  return { apps };
}

const moduleOf = (root: string): string => root.replace(/\/?src\/main\/resources$/, '');
const inDir = (path: string, dir: string): boolean => dir === '' || path.startsWith(`${dir}/`);

interface Doc {
  path: string;
  /** `spring.config.activate.on-profile` (or legacy `spring.profiles`) of the document. */
  onProfile?: string;
  entries: Array<{ key: string; raw: string; line: number }>;
}

async function readApp(files: FileSet, parsed: ParsedFiles, root: string, paths: string[], env: EnvAssignment[]): Promise<SpringApp> {
  const unreadable: SpringApp['unreadable'] = [];
  const docsOf = new Map<string, Doc[]>();
  for (const path of paths) {
    const docs = await readDocs(parsed, path);
    if ('error' in docs) unreadable.push({ path, ...docs.error });
    else docsOf.set(path, docs);
  }
  const fileFor = (profile: string | undefined, ext: string, config: boolean): string => `${root}/${config ? 'config/' : ''}application${profile ? `-${profile}` : ''}.${ext}`;
  const layer = (profile: string | undefined): string[] =>
    [false, true].flatMap((config) => ['yaml', 'yml', 'properties'].map((ext) => fileFor(profile, ext, config))).filter((p) => paths.includes(p));
  const base = layer(undefined);

  // Profiles: the deployment's, else the files', else assumed.
  const profileEnv = env.filter((a) => /^(SPRING_PROFILES_ACTIVE|spring\.profiles\.active)$/i.test(a.name));
  const prodEnv = profileEnv.find((a) => mayRunInProduction(a) && !/\$\{|^\$/.test(a.value));
  const baseValue = (key: string): string | undefined => {
    let found: string | undefined;
    for (const path of base) for (const doc of docsOf.get(path) ?? []) if (!doc.onProfile) for (const e of doc.entries) if (canonicalKey(e.key) === canonicalKey(key)) found = e.raw;
    return found;
  };
  let profiles: string[] = [];
  let profilesFrom: string;
  let assumed = false;
  const fromFiles = baseValue('spring.profiles.active');
  const prodFile = paths.map((p) => /application-(prod|production)\.(ya?ml|properties)$/.exec(p)?.[1]).find(Boolean);
  if (prodEnv) {
    profiles = list(prodEnv.value);
    profilesFrom = `${prodEnv.name}=${prodEnv.value} in ${prodEnv.path}:${prodEnv.line}${prodEnv.role === 'unknown' ? ' (a file of unknown role, the only one that sets it)' : ''}`;
  } else if (fromFiles !== undefined && !/[@$]/.test(fromFiles) && fromFiles.trim()) {
    profiles = list(fromFiles);
    profilesFrom = `spring.profiles.active=${fromFiles} in the configuration files`;
  } else {
    assumed = true;
    const dev = profileEnv[0];
    const seen = dev ? ` (only ${dev.path}:${dev.line}, a ${dev.role} file, sets ${dev.name}=${dev.value})` : '';
    if (prodFile) {
      profiles = [prodFile];
      profilesFrom = `assumed: the \`${prodFile}\` profile, since application-${prodFile}.* exists and no production deployment file sets SPRING_PROFILES_ACTIVE${seen}`;
    } else profilesFrom = `assumed: the default profile, since no production deployment file sets SPRING_PROFILES_ACTIVE${seen}`;
  }
  profiles = expandProfiles(profiles, baseValue);

  // Load order, later wins.
  const order = [...base, ...profiles.flatMap((p) => layer(p))];
  const effective = new Map<string, SpringSetting>();
  const envByCanonical = new Map<string, EnvAssignment>();
  const envByName = new Map<string, EnvAssignment>();
  for (const a of env) {
    if (!mayRunInProduction(a)) continue;
    if (!envByName.has(a.name)) envByName.set(a.name, a);
    if (/^[A-Z][A-Z0-9_]*$/.test(a.name) && !envByCanonical.has(canonicalEnvName(a.name))) envByCanonical.set(canonicalEnvName(a.name), a);
  }
  for (const path of order) {
    for (const doc of docsOf.get(path) ?? []) {
      if (doc.onProfile !== undefined && !profileMatches(doc.onProfile, profiles)) continue;
      for (const e of doc.entries) effective.set(canonicalKey(e.key), { key: e.key, value: resolve(e.raw, envByName), path, line: e.line });
    }
  }
  for (const [key, s] of effective) {
    const a = envByCanonical.get(key);
    if (a) effective.set(key, { ...s, value: { kind: 'deployment', envVar: a.name, text: a.value, path: a.path, line: a.line } });
  }
  const buildFiles = await withModuleDependencies(files, buildFilesOf(files, root));
  let security = false;
  for (const b of buildFiles) if (SECURITY_DEPENDENCY.test((await files.read(b)) ?? '')) security = true;
  const main = root.replace(/resources$/, '');
  const sources = files.files.map((f) => f.path).filter((p) => p.startsWith(main) && /\.(java|kt)$/.test(p));
  return {
    root,
    files: order,
    profiles,
    profilesFrom,
    assumed,
    get: (key) => effective.get(canonicalKey(key)),
    settings: [...effective.values()],
    unreadable,
    buildFiles,
    security,
    sources,
  };
}

/** `${NAME:default}` → the deployment's NAME, else the default; `${NAME}` and mixed text → computed. */
function resolve(raw: string, env: Map<string, EnvAssignment>): SpringValue {
  if (!raw.includes('${')) return { kind: 'literal', text: raw };
  const whole = /^\$\{([^:}]+)(?::([^}]*))?\}$/.exec(raw.trim());
  if (!whole) return { kind: 'computed', raw };
  const name = whole[1]!;
  const a = env.get(name);
  if (a) return { kind: 'deployment', envVar: name, text: a.value, path: a.path, line: a.line };
  if (whole[2] === undefined || whole[2].includes('${')) return { kind: 'computed', raw };
  return { kind: 'env-default', envVar: name, text: whole[2] };
}

function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** `spring.profiles.include` and `spring.profiles.group.<name>` add profiles after the one that names them. */
function expandProfiles(active: string[], baseValue: (key: string) => string | undefined): string[] {
  const out: string[] = [];
  const add = (p: string, depth: number): void => {
    if (out.includes(p) || depth > 8) return;
    out.push(p);
    for (const member of list(baseValue(`spring.profiles.group.${p}`) ?? '')) add(member, depth + 1);
  };
  for (const p of [...active, ...list(baseValue('spring.profiles.include') ?? '')]) add(p, 0);
  return out;
}

/** `prod`, `!dev`, `prod | staging`, `prod & eu`, `prod,staging` (any of). */
export function profileMatches(expression: string, active: readonly string[]): boolean {
  return expression.split(/[|,]/).some((alt) =>
    alt
      .split('&')
      .map((t) => t.trim().replace(/^\(|\)$/g, ''))
      .filter(Boolean)
      .every((t) => (t.startsWith('!') ? !active.includes(t.slice(1).trim()) : active.includes(t))),
  );
}

async function readDocs(parsed: ParsedFiles, path: string): Promise<Doc[] | { error: { line: number; message: string } }> {
  if (path.endsWith('.properties')) {
    const props = await parsed.memo('properties', path, (text) => parseProperties(text));
    if (!props) return [];
    return props.documents.map((entries) => docOf(path, entries.map((e) => ({ key: e.key, raw: e.value, line: e.line }))));
  }
  let yaml = await parsed.yaml(path);
  if (!yaml) return [];
  // A resource file the build expands as a Groovy template (Gradle's processResources { expand(...) }, komga) writes
  // a literal `${...}` as `\${...}`, which YAML does not allow in double quotes; the jar holds it expanded.
  if (yaml.errors.length && yaml.errors.some((e) => /escape/i.test(e.message))) {
    const expanded = await parsed.memo('yaml-expanded', path, (text) => (text.includes('\\$') ? parseYaml(text.replace(/\\\$/g, '$')) : undefined));
    if (expanded && !expanded.errors.length) yaml = expanded;
  }
  if (yaml.errors.length) return { error: yaml.errors[0]! };
  return yaml.documents.map((doc) => {
    const entries: Doc['entries'] = [];
    flatten(doc.contents, '', entries, yaml.lineOf);
    return docOf(path, entries);
  });
}

function docOf(path: string, entries: Doc['entries']): Doc {
  const on = entries.find((e) => ['spring.config.activate.onprofile', 'spring.profiles'].includes(canonicalKey(e.key)));
  return { path, onProfile: on?.raw, entries };
}

function flatten(node: unknown, prefix: string, out: Doc['entries'], lineOf: (n: unknown) => number, line = 1): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      flatten(pair.value, prefix ? `${prefix}.${key}` : key, out, lineOf, lineOf(pair));
    }
  } else if (isSeq(node)) {
    // A list of scalars binds like its comma-separated form (`include: [a, b]` = `include: a,b`).
    if (node.items.every((i) => isScalar(i))) out.push({ key: prefix, raw: node.items.map((i) => scalarText(i)).join(','), line });
    else node.items.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out, lineOf, lineOf(item)));
  } else if (isScalar(node) || node === null || node === undefined) {
    if (prefix) out.push({ key: prefix, raw: node ? scalarText(node) : '', line });
  }
}

function scalarText(node: unknown): string {
  const v = isScalar(node) ? node.value : node;
  return v === null || v === undefined ? '' : String(v);
}

/** pom.xml / build.gradle of the module and its parents, nearest first. */
function buildFilesOf(files: FileSet, root: string): string[] {
  const builds = files.files.map((f) => f.path).filter((p) => JVM_BUILD_FILE.test(p));
  const module = root.replace(/\/?src\/main\/resources$/, '');
  return builds
    .filter((b) => {
      const dir = posix.dirname(b) === '.' ? '' : posix.dirname(b);
      return dir === '' || module === dir || module.startsWith(`${dir}/`);
    })
    .sort((a, b) => b.length - a.length);
}

// `implementation project(':api')`, `api(project(":platform:core"))`: a Gradle module of the same build.
const GRADLE_PROJECT = /\bproject\s*\(\s*(?:path\s*[:=]\s*)?["'](:[\w.:-]+)["']/g;
const MAVEN_DEPENDENCY = /<dependency>[\s\S]*?<artifactId>\s*([\w.-]+)\s*<\/artifactId>[\s\S]*?<\/dependency>/g;

/**
 * A pom's own artifactId: the one written directly under <project>, before or after its <parent> block (mall-swarm's
 * modules write it first), never the parent's nor a dependency's.
 */
function mavenOwnArtifact(pom: string): string | undefined {
  const head = pom.replace(/<parent>[\s\S]*?<\/parent>/, '').split(/<(dependencies|dependencyManagement|build|profiles|modules|properties|reporting)>/)[0]!;
  return /<artifactId>\s*([\w.-]+)\s*<\/artifactId>/.exec(head)?.[1];
}

/**
 * The build files of the modules an application module depends on, followed
 * through the build (Gradle `project(':api')`, a Maven dependency on a module
 * of the same repository), transitively: a starter declared by a sibling
 * module (`api` brings spring-boot-starter-security) is on the application's
 * classpath too.
 */
async function withModuleDependencies(files: FileSet, start: string[]): Promise<string[]> {
  const all = files.files.map((f) => f.path).filter((p) => JVM_BUILD_FILE.test(p));
  let mavenModules: Map<string, string> | undefined;
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length && seen.size < 200) {
    const build = queue.shift()!;
    const text = (await files.read(build)) ?? '';
    const next: string[] = [];
    for (const m of text.matchAll(GRADLE_PROJECT)) {
      const dir = m[1]!.replace(/^:/, '').replace(/:/g, '/');
      next.push(...all.filter((p) => posix.dirname(p) === dir && /\.gradle(\.kts)?$/.test(p)));
    }
    if (build.endsWith('pom.xml')) {
      if (!mavenModules) {
        mavenModules = new Map();
        for (const pom of all.filter((p) => p.endsWith('pom.xml'))) {
          const id = mavenOwnArtifact((await files.read(pom)) ?? '');
          if (id && !mavenModules.has(id)) mavenModules.set(id, pom);
        }
      }
      for (const m of text.matchAll(MAVEN_DEPENDENCY)) {
        const pom = mavenModules.get(m[1]!);
        if (pom) next.push(pom);
      }
    }
    for (const n of next) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return [...seen];
}

/** The value that runs, when the files or the deployment decide it: undefined for `${VAR}` supplied at run time. */
export function settingText(setting: SpringSetting | undefined): string | undefined {
  if (!setting) return undefined;
  const v = setting.value;
  if (v.kind === 'computed') return undefined;
  if (v.kind === 'deployment') return /\$/.test(v.text) ? undefined : v.text;
  return v.text;
}

/** Where a setting's running value comes from, for messages: `spring.h2.console.enabled=true (src/main/resources/application.yml:12)`. */
export function describeSpringSetting(s: SpringSetting): string {
  const v = s.value;
  if (v.kind === 'deployment') return `${s.key} is set to \`${v.text}\` by ${v.envVar} in ${v.path}:${v.line}`;
  if (v.kind === 'env-default') return `${s.key} falls back to \`${v.text}\` when ${v.envVar} is not set (${s.path}:${s.line})`;
  if (v.kind === 'computed') return `${s.key} is \`${v.raw}\` (${s.path}:${s.line})`;
  return `${s.key}=${v.text} (${s.path}:${s.line})`;
}

/** How the Spring Boot checks read the configuration, for docs/checks.md. */
export const SPRING_RESOLUTION_DOC = [
  'Spring Boot settings are judged as the production process would load them (Spring Boot reference, "Externalized Configuration"):',
  '',
  '- **Which application.** Every `src/main/resources/` folder with an `application*.yml`, `.yaml` or `.properties` (in it or in its `config/`); its build files are the `pom.xml`/`build.gradle` of its module and the modules above it, its sources the `.java`/`.kt` files of the same `src/main/`.',
  '- **Which profiles.** `SPRING_PROFILES_ACTIVE` (or `-Dspring.profiles.active=`, `--spring.profiles.active=`) in a production deployment file (compose `environment`, Dockerfile `ENV`, Kubernetes `env`, env files, scripts, the entry point or JVM flags of a Maven/Gradle build that makes the image: docker-maven-plugin, Jib), else in a file of unknown role; else `spring.profiles.active` in `application.*` (not a Maven `@...@` filter); else the `prod`/`production` profile when `application-prod.*` exists, and otherwise the default profile, **said in every failing finding as assumed**. `spring.profiles.include` and `spring.profiles.group.<name>` add theirs.',
  '- **Which files, which values.** `application.*` in the folder then in `config/`, then `application-<profile>.*` for each active profile in order, a later file winning and `.properties` over `.yml` in one place; a document of a multi-document file (`---`, `#---`) counts only when its `spring.config.activate.on-profile` (`prod`, `!dev`, `a | b`, `a & b`) matches. Keys compare by relaxed binding (`ddl-auto` = `ddlAuto` = `ddl_auto`).',
  '- **The environment wins.** A variable of a production deployment file overrides the key it binds to (`SPRING_DATASOURCE_PASSWORD` → `spring.datasource.password`: dots become underscores, dashes are dropped); `${NAME:default}` runs with the deployment\'s NAME when it sets one, else with the default; `${NAME}` without a default is supplied at run time and never judged as a committed value. A configuration file that does not parse is an `error` for every Spring check.',
].join('\n');
