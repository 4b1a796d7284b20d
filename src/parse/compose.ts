// Compose files as services with positions, for the compose checks and any
// other check that needs to know what runs in a compose file.
//
// Public API (kept small on purpose; other check families import it):
//   loadComposeFiles(ctx)        every compose file of the repository, parsed once per audit
//   loadComposeFile(ctx, path)   one compose file
//   ComposeFile { path, services, error? }
//   ComposeService { name, path, line, config, profiles, locate(keyPath) }
//   isOneShot(service, file), datastoreOf(image), hasHealthcheck(service), imageOf(service),
//   dependenciesOf(service), dockerfileOf(service) (the Dockerfile it builds, repo-relative)
//
// What is resolved, as docker compose does it: YAML anchors, aliases and `<<`
// merge keys (by the YAML loader), `x-` extension fields (they are simply
// not services), `extends` to a service of the same file or of another file
// (`extends: {file, service}`), list-form `environment`/`labels` turned into
// maps. `include:` is read (`includes`) and `-f` overlays are merged by the
// deployment model (src/model/deployments.ts) with `mergeLayers`, which keeps
// every key's position in the file that wrote it.

import { dirname, posix } from 'node:path';
import { imageFacts, type Datastore } from './image-facts.js';
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Location } from '../core/finding.js';
import type { FileSet } from '../repo/fileset.js';
import type { ParsedFiles } from './parsed.js';
import { isComposeFile } from '../repo/classify.js';
import { mapLimited, READ_CONCURRENCY } from '../repo/limit.js';
import { parseYaml, type YamlFile } from './yaml.js';
import { clampLine } from './lines.js';
import { interpolate, splitOutsideInterpolation, type InterpolateOptions, type Interpolated } from './interpolation.js';
import type { RoleInfo } from '../core/role.js';

export type KeyPath = ReadonlyArray<string | number>;

export interface ComposeService {
  name: string;
  /** The compose file that declares the service. */
  path: string;
  /** Line of the service's key under `services:`. */
  line: number;
  /** The service as compose sees it: anchors, merge keys and `extends` applied; plain values. */
  config: Record<string, unknown>;
  profiles: string[];
  /**
   * Where the value at `keyPath` is written: the service's own key, the `x-`
   * anchor it was merged from, or the extended service (possibly in another
   * file). Falls back to the service's line when the key is absent.
   * A string key on a list (`['environment', 'DB_PASSWORD']`) finds the
   * `- DB_PASSWORD=...` item.
   */
  locate(keyPath: KeyPath): Location;
  /** True when `keyPath` is written somewhere (own key, anchor or extended service). */
  has(keyPath: KeyPath): boolean;
  /** When merged from several files (`-f a -f b`, `include:`): the deployment's name, e.g. `compose.yml + compose.prod.yml`. */
  deployment?: string;
}

/** An `include:` entry: a local path (repo-relative, may be missing) or a remote one, at its line. */
export interface ComposeInclude {
  path: string;
  line: number;
  remote: boolean;
}

/** Something about the file compose itself would refuse or that cannot be followed (cyclic `extends`, a missing extended file). */
export interface ComposeNote {
  line: number;
  message: string;
}

export interface ComposeFile {
  path: string;
  services: ComposeService[];
  /** The YAML does not parse: one problem at the parser's line. Services are then empty. */
  error?: { line: number; message: string };
  /** `include:` entries, in order (compose spec, "include"). */
  includes?: ComposeInclude[];
  notes?: ComposeNote[];
  /**
   * The text the YAML was read from when it is not the whole file: a compose file a docs page writes out, its
   * page with every line outside the code block blanked (so lines keep their numbers).
   */
  text?: string;
  /**
   * Set on the view a check visits: the deployment these (merged) services
   * belong to, to resolve interpolations against its committed `.env`.
   */
  deployment?: DeploymentView;
}

/** What a compose check may ask of the deployment a service runs in (src/model/deployments.ts). */
export interface DeploymentView {
  name: string;
  files: readonly string[];
  /** production / development / test...: what the deployment is, from its files' roles (model/deployments.ts). */
  role: RoleInfo;
  /** `text` as it would run when only the committed `.env` sets variables (src/parse/interpolation.ts). */
  interpolate(text: string, options?: InterpolateOptions): Interpolated;
  /** The env files interpolation reads (repo-relative, in the repository). */
  envPaths: readonly string[];
}

/**
 * `text` of a compose file as compose would start it: through its deployment's committed `.env` when the file
 * belongs to a deployment, else with each variable's default (`${VAR:-default}`) only.
 */
export function interpolateInFile(file: Pick<ComposeFile, 'deployment'> | undefined, text: string, options?: InterpolateOptions): Interpolated {
  return file?.deployment ? file.deployment.interpolate(text, options) : interpolate(text, undefined, options);
}

export interface ComposeContext {
  files: FileSet;
  parsed: ParsedFiles;
}

/** Every compose file (`docker-compose*.y*ml`, `compose*.y*ml`) of the repository, in path order. */
export async function loadComposeFiles(ctx: ComposeContext): Promise<ComposeFile[]> {
  const paths = ctx.files.files.filter((f) => isComposeFile(f.path)).map((f) => f.path);
  const loaded = await mapLimited(paths, READ_CONCURRENCY, (path) => loadComposeFile(ctx, path));
  return loaded.filter((f): f is ComposeFile => f !== undefined);
}

/** One compose file, memoised per audit; undefined when unreadable or binary. */
export async function loadComposeFile(ctx: ComposeContext, path: string): Promise<ComposeFile | undefined> {
  const yaml = await ctx.parsed.yaml(path);
  if (!yaml) return undefined;
  const pending = ctx.parsed.memo('compose', path, (text) => buildComposeFile(ctx, path, text, yaml));
  return (await pending) ?? undefined;
}

/**
 * The compose file a docs page writes out in the code block that opens at `fenceLine` (1-based), read in place:
 * every line of the page outside the block is blanked, so services and keys keep the page's line numbers and a
 * finding points at the page. Memoised per page (a page is read for one block: model/invocations.ts).
 */
export async function loadWrittenCompose(ctx: ComposeContext, page: string, fenceLine: number): Promise<ComposeFile | undefined> {
  const built = await ctx.parsed.memo('compose-written', page, async (text) => {
    const inPlace = blockInPlace(text, fenceLine);
    const file = await buildComposeFile(ctx, page, inPlace, parseYaml(inPlace));
    return { ...file, text: inPlace };
  });
  return built ?? undefined;
}

/** `text` with every line blank but those inside the fenced block opening at `fenceLine` (1-based). */
export function blockInPlace(text: string, fenceLine: number): string {
  const lines = text.split('\n');
  const out = lines.map(() => '');
  const indent = /^\s*/.exec(lines[fenceLine - 1] ?? '')?.[0].length ?? 0;
  for (let i = fenceLine; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) break;
    // A block indented in a list item or an MDX component: its lines lose the fence's indentation.
    out[i] = line.slice(0, indent).trim() === '' ? line.slice(indent) : line;
  }
  return out.join('\n');
}

interface Layer {
  path: string;
  yaml: YamlFile;
  doc: Document.Parsed;
  node: YAMLMap;
}

interface RawService {
  name: string;
  layer: Layer;
  line: number;
  plain: Record<string, unknown>;
}

async function buildComposeFile(ctx: ComposeContext, path: string, text: string, yaml: YamlFile): Promise<ComposeFile> {
  const problem = yaml.errors[0];
  if (problem) return { path, services: [], error: { line: clampLine(text, problem.line), message: problem.message } };
  try {
    const own = rawServices(path, yaml);
    const services: ComposeService[] = [];
    const notes: ComposeNote[] = [];
    for (const raw of own.values()) {
      const note = (message: string): void => {
        notes.push({ line: lineOfKey(raw, 'extends'), message: `service \`${raw.name}\`: ${message}` });
      };
      const chain = await extendsChain(ctx, raw, own, new Set([`${path}#${raw.name}`]), 0, note);
      services.push(makeService(raw, chain));
    }
    return { path, services, includes: includesOf(path, yaml), notes };
  } catch (err) {
    // e.g. the YAML loader refusing an alias bomb ("Excessive alias count").
    return { path, services: [], error: { line: 1, message: err instanceof Error ? err.message.split('\n')[0]! : String(err) } };
  }
}

function rawServices(path: string, yaml: YamlFile): Map<string, RawService> {
  const out = new Map<string, RawService>();
  const doc = yaml.documents[0];
  if (!doc || !isMap(doc.contents)) return out;
  const servicesPair = findPair(doc, doc.contents, 'services');
  const servicesNode = servicesPair ? deref(doc, servicesPair.value) : undefined;
  if (!isMap(servicesNode)) return out;
  for (const pair of servicesNode.items) {
    const value = deref(doc, pair.value);
    if (!isScalar(pair.key) || !isMap(value)) continue;
    const name = String(pair.key.value);
    const plain = value.toJS(doc, { maxAliasCount: 10000 }) as Record<string, unknown>;
    out.set(name, { name, layer: { path, yaml, doc, node: value }, line: yaml.lineOf(pair), plain: normalise(plain) });
  }
  return out;
}

/** The service's layers, own first, then what it extends (recursively). */
async function extendsChain(
  ctx: ComposeContext,
  raw: RawService,
  sameFile: Map<string, RawService>,
  seen: Set<string>,
  depth: number,
  note: (message: string) => void,
): Promise<RawService[]> {
  const chain = [raw];
  const ext = raw.plain.extends;
  if (depth > 10 || ext === undefined || ext === null) return chain;
  const target = typeof ext === 'string' ? { service: ext } : (ext as { service?: unknown; file?: unknown });
  if (typeof target.service !== 'string') return chain;
  let base: RawService | undefined;
  let baseFile = sameFile;
  if (typeof target.file === 'string') {
    const basePath = posix.normalize(posix.join(dirname(raw.layer.path).replace(/\\/g, '/'), target.file));
    if (basePath.startsWith('..') || /^[a-z][a-z0-9+.-]*:\/\//i.test(target.file)) {
      note(`\`${raw.name}\` extends ${target.file}, outside the repository: not followed.`);
      return chain;
    }
    const yaml = await ctx.parsed.yaml(basePath).catch(() => undefined);
    if (!yaml || yaml.errors.length) {
      note(`\`${raw.name}\` extends ${basePath}, which ${yaml ? 'is not valid YAML' : 'is not in the repository'}: compose would refuse to start it.`);
      return chain;
    }
    baseFile = rawServices(basePath, yaml); // may throw on an alias bomb: caught by buildComposeFile
    base = baseFile.get(target.service);
  } else {
    base = sameFile.get(target.service);
  }
  if (!base) {
    note(`\`${raw.name}\` extends \`${target.service}\`, which is not defined${typeof target.file === 'string' ? ` in ${target.file}` : ''}: compose would refuse to start it.`);
    return chain;
  }
  const key = `${base.layer.path}#${base.name}`;
  if (seen.has(key)) {
    note(`\`${raw.name}\` has cyclic \`extends\` (back to \`${base.name}\` in ${base.layer.path}): compose would refuse it; judged without the cycle.`);
    return chain;
  }
  seen.add(key);
  return [...chain, ...(await extendsChain(ctx, base, baseFile, seen, depth + 1, note))];
}

function lineOfKey(raw: RawService, key: string): number {
  const pair = findPair(raw.layer.doc, raw.layer.node, key);
  return pair ? raw.layer.yaml.lineOf(pair) : raw.line;
}

/** The `include:` entries (short form `- path`, long form `- path: [a, b]` / `- path: a`). */
function includesOf(path: string, yaml: YamlFile): ComposeInclude[] {
  const doc = yaml.documents[0];
  if (!doc || !isMap(doc.contents)) return [];
  const pair = findPair(doc, doc.contents, 'include');
  const list = pair ? deref(doc, pair.value) : undefined;
  if (!isSeq(list)) return [];
  const out: ComposeInclude[] = [];
  const add = (node: unknown): void => {
    const value = deref(doc, node);
    if (!isScalar(value) || typeof value.value !== 'string') return;
    const text = value.value.trim();
    const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('git@') || /^oci:/i.test(text);
    const resolved = remote ? text : posix.normalize(posix.join(posix.dirname(path), text));
    out.push({ path: resolved, line: yaml.lineOf(value), remote });
  };
  for (const item of list.items) {
    const entry = deref(doc, item);
    if (isMap(entry)) {
      const p = findPair(doc, entry, 'path');
      const value = p ? deref(doc, p.value) : undefined;
      if (isSeq(value)) value.items.forEach(add);
      else if (value) add(value);
    } else add(entry);
  }
  return out;
}

function makeService(raw: RawService, chain: RawService[]): ComposeService {
  // Compose merges the extended service under the local one (compose spec, "extends").
  let config: Record<string, unknown> = {};
  for (const layer of [...chain].reverse()) config = mergeService(config, layer.plain);
  delete config.extends;
  const profiles = Array.isArray(config.profiles) ? config.profiles.map(String) : [];
  const find = (keyPath: KeyPath): Location | undefined => {
    for (const layer of chain) {
      const node = locateIn(layer.layer.doc, layer.layer.node, keyPath);
      if (node) return { path: layer.layer.path, line: layer.layer.yaml.lineOf(node) };
    }
    return undefined;
  };
  return {
    name: raw.name,
    path: raw.layer.path,
    line: raw.line,
    config,
    profiles,
    locate: (keyPath) => find(keyPath) ?? { path: raw.layer.path, line: raw.line },
    has: (keyPath) => find(keyPath) !== undefined,
  };
}

/**
 * One service as several compose files define it (`-f a.yml -f b.yml`, in
 * that order), merged as compose does (compose spec, "Merge": mappings merged
 * key by key, `environment`/`labels` by variable, `ports`/`volumes`/... appended,
 * other values replaced by the later file). `locate` answers with the last
 * file that writes the key, so a finding points at the line that set it; a
 * key no file writes is located at the service in the first file.
 */
export function mergeLayers(layers: readonly ComposeService[], deployment: string): ComposeService {
  const first = layers[0]!;
  if (layers.length === 1) return { ...first, deployment };
  let config: Record<string, unknown> = {};
  for (const layer of layers) config = mergeService(config, layer.config);
  const profiles = Array.isArray(config.profiles) ? config.profiles.map(String) : [];
  const writer = (keyPath: KeyPath): ComposeService | undefined => [...layers].reverse().find((l) => l.has(keyPath));
  return {
    name: first.name,
    path: first.path,
    line: first.line,
    config,
    profiles,
    deployment,
    locate: (keyPath) => (writer(keyPath) ?? first).locate(keyPath),
    has: (keyPath) => writer(keyPath) !== undefined,
  };
}

// Keys whose sequences are added to, not replaced, when a service extends another.
const CONCATENATED = new Set(['ports', 'expose', 'external_links', 'dns', 'dns_search', 'tmpfs', 'volumes', 'devices', 'cap_add', 'cap_drop', 'security_opt', 'env_file']);

function mergeService(base: Record<string, unknown>, local: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(local)) {
    const previous = out[key];
    if (CONCATENATED.has(key) && Array.isArray(previous) && Array.isArray(value)) out[key] = [...previous, ...value];
    else if (isPlainObject(previous) && isPlainObject(value)) out[key] = mergeService(previous, value);
    else out[key] = value;
  }
  return out;
}

/** `environment: [A=1, B]` and `labels: [...]` as maps, like compose. */
function normalise(service: Record<string, unknown>): Record<string, unknown> {
  for (const key of ['environment', 'labels']) {
    const value = service[key];
    if (!Array.isArray(value)) continue;
    const map: Record<string, unknown> = {};
    for (const item of value) {
      const text = String(item);
      const eq = text.indexOf('=');
      if (eq < 0) map[text] = null;
      else map[text.slice(0, eq)] = text.slice(eq + 1);
    }
    service[key] = map;
  }
  return service;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deref(doc: Document.Parsed, node: unknown): unknown {
  let current = node;
  for (let i = 0; i < 20 && isAlias(current); i++) current = current.resolve(doc);
  return current;
}

function keyName(pair: Pair): string | undefined {
  if (!isScalar(pair.key)) return undefined;
  const value = pair.key.value;
  return typeof value === 'symbol' ? '<<' : String(value);
}

/** The pair for `key` in a map, following `<<` merge keys (own keys win, then merged maps in order). */
function findPair(doc: Document.Parsed, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  const direct = map.items.find((p) => keyName(p) === key);
  if (direct || depth > 10) return direct;
  for (const pair of map.items) {
    if (keyName(pair) !== '<<') continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const merged = deref(doc, source);
      if (isMap(merged)) {
        const found = findPair(doc, merged, key, depth + 1);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function locateIn(doc: Document.Parsed, root: YAMLMap, keyPath: KeyPath): Node | Pair | undefined {
  let current: unknown = root;
  let found: Node | Pair | undefined;
  for (const key of keyPath) {
    current = deref(doc, current);
    if (isMap(current)) {
      const pair = findPair(doc, current, String(key));
      if (!pair) return undefined;
      found = pair;
      current = pair.value;
    } else if (isSeq(current)) {
      const item =
        typeof key === 'number'
          ? current.items[key]
          : current.items.find((i) => {
              const v = deref(doc, i);
              if (!isScalar(v)) return false;
              const text = String(v.value);
              return text === key || text.startsWith(`${key}=`);
            });
      if (!item) return undefined;
      found = item as Node;
      current = item;
    } else {
      return undefined;
    }
  }
  return found;
}

/** The image reference of a service, when it names one. */
/**
 * A service's `environment:` as name → value (list syntax is already a map: see `normalise`); a name
 * without a value (`- DEBUG`, `DEBUG:`) is left out, since nothing is set there.
 */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.config.environment;
  const out: Record<string, string> = {};
  if (isPlainObject(env)) for (const [k, v] of Object.entries(env)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

export function imageOf(service: ComposeService): string | undefined {
  const image = service.config.image;
  return typeof image === 'string' && image.trim() ? image.trim() : undefined;
}

export type { Datastore } from './image-facts.js';

/** Which datastore an image runs, from its repository name (`bitnami/postgresql:16` -> postgres): parse/image-facts.ts. */
export function datastoreOf(image: string | undefined): Datastore | undefined {
  return imageFacts(image)?.datastore;
}

/** A healthcheck is declared and not disabled (`disable: true` or `test: ["NONE"]`). */
export function hasHealthcheck(service: ComposeService): boolean {
  const hc = service.config.healthcheck;
  if (!isPlainObject(hc)) return false;
  if (hc.disable === true) return false;
  const test = hc.test;
  if (Array.isArray(test) && String(test[0]).toUpperCase() === 'NONE') return false;
  return test !== undefined && test !== null;
}

const ONE_SHOT_PROFILES = new Set(['tools', 'tool', 'tooling', 'cli', 'job', 'jobs', 'manual', 'setup', 'migrate', 'migrations', 'seed', 'init', 'test', 'tests', 'debug', 'ops', 'admin', 'scripts', 'utils', 'utility']);
const ONE_SHOT_NAME =
  /(^|[-_])(migrat(e|es|ion|ions|or|ions?-runner)|init|seed(er|s)?|setup|bootstrap|provision(er)?|createsuperuser|collectstatic|fixtures?|backup|restore|tests?|e2e|lint|prepare|install(er)?|pull(er)?|import(er)?|download(er)?)([-_]|$)/i;
const JOB_COMMAND = /\b(migrate|migrations?|upgrade head|seed|createsuperuser|collectstatic|loaddata|pytest|jest|npm (run )?test|db:(migrate|seed|setup)|init|setup)\b/i;

/**
 * A one-shot job rather than a long-running service: a tools/jobs profile, a
 * name such as migrate/init/seed, a service others wait for with
 * `condition: service_completed_successfully`, or `restart: "no"` with a
 * command that runs a task (migrate, seed, tests...).
 */
export function isOneShot(service: ComposeService, file: ComposeFile): boolean {
  if (service.profiles.some((p) => ONE_SHOT_PROFILES.has(p.toLowerCase()))) return true;
  if (ONE_SHOT_NAME.test(service.name)) return true;
  for (const other of file.services) {
    const deps = other.config.depends_on;
    if (isPlainObject(deps)) {
      const entry = deps[service.name];
      if (isPlainObject(entry) && entry.condition === 'service_completed_successfully') return true;
    }
  }
  const restart = service.config.restart;
  if (restart === 'no' || restart === false) {
    if (JOB_COMMAND.test(serviceCommand(service))) return true;
  }
  return false;
}

/** The names a service depends on, with the condition when the long form gives one. */
export function dependenciesOf(service: ComposeService): Array<{ name: string; condition?: string }> {
  const deps = service.config.depends_on;
  if (Array.isArray(deps)) return deps.map((d) => ({ name: String(d) }));
  if (isPlainObject(deps)) {
    return Object.entries(deps).map(([name, value]) => ({
      name,
      condition: isPlainObject(value) && typeof value.condition === 'string' ? value.condition : undefined,
    }));
  }
  return [];
}

export { isPlainObject };

/** A service's own `command` and `entrypoint` (list or string syntax) as one line of words, for tests on flags. */
export function serviceCommand(service: ComposeService): string {
  return [service.config.command, service.config.entrypoint].flat().filter((c) => c !== undefined && c !== null).map(String).join(' ');
}

/**
 * The Dockerfile a service builds (`build: ./api` or `build: {context, dockerfile}`),
 * relative to the repository root; undefined for remote contexts and inline Dockerfiles.
 */
export function dockerfileOf(service: ComposeService): string | undefined {
  const build = service.config.build;
  let context: string;
  let dockerfile = 'Dockerfile';
  if (typeof build === 'string') context = build;
  else if (isPlainObject(build)) {
    if (build.dockerfile_inline !== undefined) return undefined;
    context = typeof build.context === 'string' ? build.context : '.';
    if (typeof build.dockerfile === 'string') dockerfile = build.dockerfile;
  } else return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@')) return undefined;
  // Relative to the file that declares `build` (an extended service may live in another directory).
  const declaredIn = service.locate(['build']).path;
  const path = posix.normalize(posix.join(posix.dirname(declaredIn), context, dockerfile));
  return path.startsWith('..') ? undefined : path;
}

export interface BindMount {
  source: string;
  /** The source is not a path of the repository: absolute, under `~`, a variable, or `../` out of it. */
  outsideRepository: boolean;
  target: string;
  readOnly: boolean;
  /** The entry as written (short syntax) or its index (long syntax), for `service.locate(['volumes', key])`. */
  key: string | number;
  text: string;
}

/**
 * Bind mounts in `volumes:`, short (`./src:/app/src:ro`) and long
 * (`{type: bind, source, target}`) syntax. A short source is a host path
 * when it is absolute, relative (`.`, `./`, `../`), under `~`, or holds a
 * `/` (compose spec, "short syntax"); a bare name is a named volume.
 */
export function bindMountsOf(service: ComposeService): BindMount[] {
  const volumes = Array.isArray(service.config.volumes) ? service.config.volumes : [];
  const out: BindMount[] = [];
  volumes.forEach((entry, index) => {
    if (typeof entry === 'string') {
      const parts = splitOutsideInterpolation(entry);
      if (parts.length < 2) return;
      const [source, target, mode = ''] = parts as [string, string, string?];
      if (!isHostPath(source)) return;
      out.push({ source, outsideRepository: isOutside(service.path, source), target, readOnly: /(^|,)ro(,|$)/.test(mode), key: entry, text: entry });
    } else if (isPlainObject(entry) && entry.type === 'bind' && typeof entry.source === 'string' && typeof entry.target === 'string') {
      out.push({ source: entry.source, outsideRepository: isOutside(service.path, entry.source), target: entry.target, readOnly: entry.read_only === true, key: index, text: `${entry.source}:${entry.target}${entry.read_only === true ? ':ro' : ''}` });
    }
  });
  return out;
}

function isOutside(composePath: string, source: string): boolean {
  if (/^(\/|~|\$)/.test(source)) return true;
  return posix.normalize(posix.join(posix.dirname(composePath), source)).startsWith('..');
}

function isHostPath(source: string): boolean {
  return /^(\/|\.|~)/.test(source) || source.includes('/') || /^\$\{?PWD\b/.test(source);
}
