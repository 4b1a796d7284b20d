// Kubernetes manifests: workloads and their containers with lines, from any
// YAML file whose documents carry `apiVersion` and `kind` (multi-document
// files included).
//
// Public API (kept small on purpose; other check families import it):
//   loadManifests(ctx)  every manifest file of the repository, parsed once per audit
//   ManifestFile { path, workloads, secrets, helm?, error? }
//   Workload { kind, name, line, longRunning, podSpec, containers }
//   Container { name, line, init, spec, lineOf(keyPath), locate(keyPath) }
//   ManifestPosition { path, line? }: where a finding points; `locate` is the
//   one to use (a container rendered from a Helm chart points into the chart's
//   templates and values files, or at a template as a whole, see parse/helm.ts)
//
// Helm templates (`{{ ... }}`) are not valid YAML in general: a file whose
// YAML does not parse and holds `{{` is marked `helm: 'skipped'` and not
// judged; one that parses is read normally, and any value containing `{{`
// is treated as unknown by the checks (`isTemplated`).

import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import type { FileSet } from '../repo/fileset.js';
import type { ParsedFiles } from './parsed.js';
import { isComposeFile, isYamlFile } from '../repo/classify.js';
import { mapLimited, READ_CONCURRENCY } from '../repo/limit.js';
import { nodeAt } from './yaml.js';
import { clampLine } from './lines.js';
import type { YamlFile } from './yaml.js';

/** A file and line, or a file alone when no line applies (a key no rendered template writes). */
export interface ManifestPosition {
  path: string;
  line?: number;
}

export interface Container {
  name: string;
  /** Line of the container's `- name:` item. */
  line: number;
  /** An init container (runs to completion before the others). */
  init: boolean;
  /** The container as plain values. */
  spec: Record<string, unknown>;
  /** Line of a key inside the container (`['resources']`, `['securityContext', 'privileged']`), or the container's line, in the manifest file. */
  lineOf(keyPath: ReadonlyArray<string | number>): number;
  /** Where a key of the container is written (or should be): `{ path of the manifest, lineOf(keyPath) }` for a manifest. */
  locate(keyPath: ReadonlyArray<string | number>): ManifestPosition;
  /** The container's key path in its YAML document (`['spec', 'template', 'spec', 'containers', 0]`). */
  docPath: ReadonlyArray<string | number>;
}

export interface Workload {
  kind: string;
  name: string;
  /** Line of the document's `kind:` key. */
  line: number;
  /** Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController and Pods; not Jobs/CronJobs, nor Pods with restartPolicy Never/OnFailure. */
  longRunning: boolean;
  /** The pod spec as plain values. */
  podSpec: Record<string, unknown>;
  /** Line of a key inside the pod spec, or the workload's line. */
  podLineOf(keyPath: ReadonlyArray<string | number>): number;
  /** Where a key of the pod spec is written (or should be); see Container.locate. */
  podLocate(keyPath: ReadonlyArray<string | number>): ManifestPosition;
  /** The pod spec's key path in its YAML document. */
  specPath: ReadonlyArray<string | number>;
  containers: Container[];
  /** Rendered from a Helm chart: the template it came from (`# Source:` of `helm template`). */
  renderedFrom?: string;
  /** The pod's labels (what a Service selects it by). */
  podLabels?: Record<string, string>;
}

export interface SecretManifest {
  name: string;
  line: number;
  /** Keys of `data`/`stringData` with a non-empty value, with their lines. */
  values: Array<{ key: string; line: number; value: string; field: 'data' | 'stringData' }>;
}

export interface ServiceManifest {
  name: string;
  line: number;
  /** `spec.type`: ClusterIP when unset. */
  type: string;
  selector: Record<string, string>;
  /** `spec.externalIPs` is set: reachable from outside whatever the type. */
  externalIPs: boolean;
}

export interface ManifestFile {
  path: string;
  workloads: Workload[];
  secrets: SecretManifest[];
  /** Each Service of the file: its name, type (ClusterIP when unset) and selector. */
  services?: ServiceManifest[];
  /** Services an Ingress, an OpenShift Route or a Gateway route of the file sends outside traffic to. */
  routedServices?: string[];
  /** `skipped`: a Helm template that is not valid YAML; `parsed`: a template that parses. */
  helm?: 'skipped' | 'parsed';
  /** Not valid YAML (and not a Helm template): one problem at the parser's line. */
  error?: { line: number; message: string };
}

export interface ManifestContext {
  files: FileSet;
  parsed: ParsedFiles;
}

const POD_SPEC_PATH: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const RUN_TO_COMPLETION = new Set(['Job', 'CronJob']);

// Both keys at the start of a line: cheap enough to run over every YAML file.
const LOOKS_LIKE_MANIFEST = /^\s*(-\s+)?apiVersion\s*:/m;
const HAS_KIND = /^\s*(-\s+)?kind\s*:/m;

/** Every Kubernetes manifest file of the repository (compose files excluded), in path order. */
export async function loadManifests(ctx: ManifestContext): Promise<ManifestFile[]> {
  const candidates = ctx.files.files.filter((f) => isYamlFile(f.path) && !isComposeFile(f.path));
  const loaded = await mapLimited(candidates, READ_CONCURRENCY, (f) => loadManifest(ctx, f.path));
  return loaded.filter((m): m is ManifestFile => m !== undefined);
}

/** Each file's manifests, per audit (the ParsedFiles of the audit): every Kubernetes check asks for every YAML file. */
const manifestsByAudit = new WeakMap<object, Map<string, Promise<ManifestFile | undefined>>>();

/** One file's manifests, memoised per audit; undefined when the file holds none. */
export function loadManifest(ctx: ManifestContext, path: string): Promise<ManifestFile | undefined> {
  let byPath = manifestsByAudit.get(ctx.parsed);
  if (!byPath) manifestsByAudit.set(ctx.parsed, (byPath = new Map()));
  let pending = byPath.get(path);
  if (!pending) byPath.set(path, (pending = readManifest(ctx, path)));
  return pending;
}

async function readManifest(ctx: ManifestContext, path: string): Promise<ManifestFile | undefined> {
  const text = await ctx.files.read(path);
  // includes() first: a plain substring search is several times cheaper than the line-anchored expressions.
  if (text === undefined || !text.includes('apiVersion') || !LOOKS_LIKE_MANIFEST.test(text) || !HAS_KIND.test(text)) return undefined;
  const yaml = await ctx.parsed.yaml(path);
  if (!yaml) return undefined;
  const result = await ctx.parsed.memo('kubernetes', path, () => {
    try {
      return buildManifestFile(path, text, yaml);
    } catch (err) {
      // e.g. the YAML loader refusing an alias bomb ("Excessive alias count").
      return { path, workloads: [], secrets: [], error: { line: 1, message: err instanceof Error ? err.message.split('\n')[0]! : String(err) } };
    }
  });
  return result ?? undefined;
}

export function buildManifestFile(path: string, text: string, yaml: YamlFile): ManifestFile | undefined {
  const templated = text.includes('{{');
  if (yaml.errors.length) {
    if (templated) return { path, workloads: [], secrets: [], helm: 'skipped' };
    return { path, workloads: [], secrets: [], error: { line: clampLine(text, yaml.errors[0]!.line), message: yaml.errors[0]!.message } };
  }
  const workloads: Workload[] = [];
  const secrets: SecretManifest[] = [];
  const services: ServiceManifest[] = [];
  const routedServices: string[] = [];
  let manifests = 0;
  // The manifests of a document: itself, or the items of a `kind: List` (`kubectl get -o yaml`).
  const manifestsOf = (doc: Document.Parsed): Array<{ root: YAMLMap; prefix: Array<string | number> }> => {
    const root = doc.contents;
    if (!isMap(root)) return [];
    const items = root.get('items', true);
    if ((root.get('kind') as unknown) === 'List' && isSeq(items)) return items.items.flatMap((item, i) => (isMap(item) ? [{ root: item as YAMLMap, prefix: ['items', i] }] : []));
    return [{ root, prefix: [] }];
  };
  for (const doc of yaml.documents) for (const { root, prefix } of manifestsOf(doc)) {
    const kind = root.get('kind');
    if (typeof kind !== 'string' || typeof root.get('apiVersion') !== 'string') continue;
    manifests++;
    const kindLine = yaml.lineOf(nodeAt(doc, [...prefix, 'kind']));
    const name = String((root.toJS(doc, { maxAliasCount: 1000 }) as { metadata?: { name?: unknown } }).metadata?.name ?? '(unnamed)');
    if (kind === 'Secret') {
      secrets.push({ name, line: kindLine, values: secretValues(doc, yaml, prefix) });
      continue;
    }
    if (kind === 'Service') {
      const selector = nodeValue(nodeAt(doc, [...prefix, 'spec', 'selector']));
      const labels = isMap(selector) ? stringMap(selector.toJS(doc, { maxAliasCount: 1000 })) : {};
      const spec = (root.toJS(doc, { maxAliasCount: 1000 }) as { spec?: { type?: unknown; externalIPs?: unknown } }).spec ?? {};
      services.push({ name, line: kindLine, type: typeof spec.type === 'string' ? spec.type : 'ClusterIP', selector: labels, externalIPs: Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0 });
      continue;
    }
    if (kind === 'Ingress' || kind === 'Route' || kind === 'HTTPRoute' || kind === 'GRPCRoute' || kind === 'TCPRoute' || kind === 'IngressRoute') {
      routedServices.push(...backendServices(root.toJS(doc, { maxAliasCount: 1000 })));
      continue;
    }
    const specPath = POD_SPEC_PATH[kind] && [...prefix, ...POD_SPEC_PATH[kind]!];
    if (!specPath) continue;
    const specNode = nodeValue(nodeAt(doc, specPath));
    if (!isMap(specNode)) continue;
    const podSpec = specNode.toJS(doc, { maxAliasCount: 1000 }) as Record<string, unknown>;
    const podLineOf = (keyPath: ReadonlyArray<string | number>): number => {
      const node = nodeAt(doc, [...specPath, ...keyPath]);
      return node === undefined ? kindLine : yaml.lineOf(node);
    };
    const containers: Container[] = [];
    for (const field of ['initContainers', 'containers'] as const) {
      const list = nodeValue(nodeAt(doc, [...specPath, field]));
      if (!isSeq(list)) continue;
      list.items.forEach((item, index) => {
        // A container without `image` cannot run (the API rejects it): it is a kustomize
        // or strategic-merge patch that changes one field of a container defined elsewhere.
        if (!isMap(item) || !(item as YAMLMap).has('image')) return;
        const spec = (item as YAMLMap).toJS(doc, { maxAliasCount: 1000 }) as Record<string, unknown>;
        const base = [...specPath, field, index];
        const line = yaml.lineOf(item);
        const lineOf = (keyPath: ReadonlyArray<string | number>): number => {
          const node = nodeAt(doc, [...base, ...keyPath]);
          return node === undefined ? line : yaml.lineOf(node);
        };
        containers.push({
          name: String(spec.name ?? `#${index + 1}`),
          line,
          init: field === 'initContainers',
          spec,
          lineOf,
          locate: (keyPath) => ({ path, line: lineOf(keyPath) }),
          docPath: base,
        });
      });
    }
    // A bare Pod that is not restarted runs to completion like a Job.
    const completes = RUN_TO_COMPLETION.has(kind) || (kind === 'Pod' && (podSpec.restartPolicy === 'Never' || podSpec.restartPolicy === 'OnFailure'));
    // The pod's labels: what a Service selects it by (the Pod's own metadata, or the template's).
    const labelsPath = kind === 'Pod' ? [...prefix, 'metadata', 'labels'] : [...specPath.slice(0, -1), 'metadata', 'labels'];
    const labelsNode = nodeValue(nodeAt(doc, labelsPath));
    const podLabels = isMap(labelsNode) ? stringMap(labelsNode.toJS(doc, { maxAliasCount: 1000 })) : {};
    workloads.push({ kind, name, line: kindLine, longRunning: !completes, podSpec, podLineOf, podLocate: (keyPath) => ({ path, line: podLineOf(keyPath) }), specPath, containers, podLabels });
  }
  if (manifests === 0) return undefined;
  return { path, workloads, secrets, services, routedServices, ...(templated ? { helm: 'parsed' as const } : {}) };
}

/**
 * The Service names a routing resource sends traffic to: Ingress
 * `backend.service.name` (and the v1beta1 `serviceName`), an OpenShift Route's
 * `spec.to.name`, Gateway API `backendRefs[].name`, Traefik IngressRoute
 * `services[].name`. Read as data, wherever the key sits in the spec.
 */
function backendServices(resource: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, parentKey: string, depth: number): void => {
    if (depth > 12 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, parentKey, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    if (typeof o.serviceName === 'string') out.push(o.serviceName);
    if ((parentKey === 'service' || parentKey === 'to' || parentKey === 'backendRefs' || parentKey === 'services') && typeof o.name === 'string') out.push(o.name);
    for (const [k, v] of Object.entries(o)) walk(v, k, depth + 1);
  };
  walk((resource as { spec?: unknown } | undefined)?.spec, 'spec', 0);
  return out;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out[k] = String(v);
  return out;
}

/**
 * A Service applied with the workload selects its pods (every selector label
 * matches). "Applied with" is the same directory (`kubectl apply -f dir/`): a
 * Service of an alternative setup elsewhere (`extras/hpa/`) selects nothing here.
 */
export function isSelectedByService(workload: Workload, manifests: readonly ManifestFile[], path: string): boolean {
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  return manifests.some((m) => m.path.slice(0, m.path.lastIndexOf('/') + 1) === dir && (m.services ?? []).some((svc) => selects(svc.selector, workload.podLabels)));
}

/** A Service's selector picks pods with these labels: it names at least one label, and every one matches. */
export function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>> | undefined): boolean {
  const wanted = Object.entries(selector);
  return wanted.length > 0 && labels !== undefined && wanted.every(([k, v]) => labels[k] === v);
}

function secretValues(doc: Document.Parsed, yaml: YamlFile, prefix: ReadonlyArray<string | number>): SecretManifest['values'] {
  const out: SecretManifest['values'] = [];
  for (const field of ['data', 'stringData'] as const) {
    const map = nodeValue(nodeAt(doc, [...prefix, field]));
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      const key = String((pair.key as { value?: unknown })?.value ?? '');
      const raw = (pair.value as { value?: unknown } | null)?.value;
      const value = raw === undefined || raw === null ? '' : String(raw);
      if (value.trim() !== '') out.push({ key, line: yaml.lineOf(pair), value, field });
    }
  }
  return out;
}

function nodeValue(found: unknown): unknown {
  if (found && typeof found === 'object' && 'key' in found && 'value' in found) return (found as { value: unknown }).value;
  return found;
}

/** A value produced by a template (`{{ .Values.image }}`): not known until rendering. */
export function isTemplated(value: unknown): boolean {
  return typeof value === 'string' && value.includes('{{');
}
