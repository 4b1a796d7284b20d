// Where the images of Kubernetes manifests really come from at deploy time:
// - skaffold builds its `build.artifacts` and replaces every manifest image
//   of that name with the tag (and digest) it built
//   (https://skaffold.dev/docs/builders/ "image" is the name to replace);
// - kustomize `images:` rewrites the name, tag or digest of every image of
//   that name in the resources it includes, transitively through
//   `resources`/`bases`/`components`
//   (https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/images/).
// - kustomize `patches:` / `patchesStrategicMerge:` that set fields of a
//   container (probes, resources, securityContext) of a workload the
//   kustomization includes, merged the way a strategic merge patch merges
//   containers (by name).
// Read once per audit; the image-pinning check judges the reference that is
// deployed, at the line that sets it, and the other container checks judge
// the container with the patches of production overlays applied.

import { isMap, isSeq } from 'yaml';
import type { FileSet } from '../repo/fileset.js';
import type { ParsedFiles } from './parsed.js';
import { nodeAt } from './yaml.js';
import { splitImage } from './dockerfile.js';

export interface ImageRewrite {
  kustomization: string;
  line: number;
  /** The image name the entry matches. */
  name: string;
  /** The reference deployed after the rewrite (`registry/app:1.2.3`). */
  result: string;
  /** The entry sets a tag or digest (otherwise the original tag stays). */
  setsTag: boolean;
}

export interface ContainerPatch {
  kustomization: string;
  /** The patch file. */
  path: string;
  /** The container fields the patch sets. */
  spec: Record<string, unknown>;
}

export interface ImageSources {
  /** Image names skaffold builds, with the artifact's file and line. */
  built: Map<string, { path: string; line: number }>;
  /** The kustomize rewrites that apply to an image of a manifest file. */
  rewritesOf(manifestPath: string, image: string): ImageRewrite[];
  /** The kustomize patches that set fields of a container of a workload of a manifest file. */
  patchesOf(manifestPath: string, kind: string, name: string, container: string): ContainerPatch[];
}

const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
const SKAFFOLD = /(^|\/)skaffold[\w.-]*\.ya?ml$/;

interface Kustomization {
  path: string;
  dir: string;
  /** Files and kustomization directories it includes. */
  includes: string[];
  components: string[];
  images: ImageRewrite[];
  patches: string[];
}

const cache = new WeakMap<FileSet, Promise<ImageSources>>();

export function imageSources(ctx: { files: FileSet; parsed: ParsedFiles }): Promise<ImageSources> {
  let pending = cache.get(ctx.files);
  if (!pending) {
    pending = load(ctx);
    cache.set(ctx.files, pending);
  }
  return pending;
}

/** `a/b/../c` -> `a/c`; undefined when it climbs out of the repository. */
function normalise(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

async function load(ctx: { files: FileSet; parsed: ParsedFiles }): Promise<ImageSources> {
  const built = new Map<string, { path: string; line: number }>();
  const kustomizations = new Map<string, Kustomization>();
  for (const file of ctx.files.files) {
    const isSkaffold = SKAFFOLD.test(file.path);
    if (!isSkaffold && !KUSTOMIZATION.test(file.path)) continue;
    const yaml = await ctx.parsed.yaml(file.path);
    if (!yaml || yaml.errors.length) continue;
    for (const doc of yaml.documents) {
      if (!isMap(doc.contents)) continue;
      const data = doc.toJS({ maxAliasCount: 1000 }) as Record<string, unknown>;
      if (isSkaffold) {
        // build.artifacts, and each profile's build.artifacts.
        const paths: Array<Array<string | number>> = [['build', 'artifacts']];
        const profiles = Array.isArray(data.profiles) ? data.profiles : [];
        profiles.forEach((_, i) => paths.push(['profiles', i, 'build', 'artifacts']));
        for (const at of paths) {
          const list = nodeAt(doc, at) as unknown;
          const seq = list && typeof list === 'object' && 'value' in (list as object) ? (list as { value: unknown }).value : list;
          if (!isSeq(seq)) continue;
          seq.items.forEach((item, i) => {
            if (!isMap(item)) return;
            const image = item.get('image');
            if (typeof image === 'string' && !built.has(image)) built.set(image, { path: file.path, line: yaml.lineOf(nodeAt(doc, [...at, i, 'image'])) });
          });
        }
        continue;
      }
      const dir = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
      const relative = (p: string): string | undefined => (/^[a-z]+:\/\/|^github\.com\//i.test(p) ? undefined : normalise(dir ? `${dir}/${p}` : p));
      const images: ImageRewrite[] = [];
      (Array.isArray(data.images) ? data.images : []).forEach((entry: unknown, i: number) => {
        if (!entry || typeof entry !== 'object') return;
        const e = entry as { name?: unknown; newName?: unknown; newTag?: unknown; digest?: unknown };
        if (typeof e.name !== 'string') return;
        const name = typeof e.newName === 'string' ? e.newName : e.name;
        const tag = e.newTag === undefined || e.newTag === null ? undefined : String(e.newTag);
        const digest = typeof e.digest === 'string' ? e.digest : undefined;
        images.push({
          kustomization: file.path,
          line: yaml.lineOf(nodeAt(doc, ['images', i])),
          name: e.name,
          result: `${name}${tag !== undefined ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`,
          setsTag: tag !== undefined || digest !== undefined,
        });
      });
      kustomizations.set(dir, {
        path: file.path,
        dir,
        includes: [...strings(data.resources), ...strings(data.bases)].map(relative).filter((p): p is string => p !== undefined),
        components: strings(data.components).map(relative).filter((p): p is string => p !== undefined),
        images,
        patches: [
          ...strings(data.patchesStrategicMerge),
          ...(Array.isArray(data.patches) ? data.patches : []).map((p: unknown) => (p && typeof p === 'object' ? (p as { path?: unknown }).path : undefined)).filter((p): p is string => typeof p === 'string'),
        ]
          .map(relative)
          .filter((p): p is string => p !== undefined && ctx.files.has(p)),
      });
    }
  }

  // Manifest file -> the rewrites of every kustomization that includes it (directly or not).
  const byFile = new Map<string, ImageRewrite[]>();
  for (const k of kustomizations.values()) {
    const images = [...k.images, ...k.components.flatMap((c) => kustomizations.get(c)?.images ?? [])];
    if (!images.length) continue;
    for (const path of reachable(k, kustomizations, ctx.files)) byFile.set(path, [...(byFile.get(path) ?? []), ...images]);
  }
  // Manifest file -> workload key -> container patches of every kustomization that includes it.
  const patchesByFile = new Map<string, Map<string, ContainerPatch[]>>();
  for (const k of kustomizations.values()) {
    if (!k.patches.length) continue;
    const patches = new Map<string, ContainerPatch[]>();
    for (const path of k.patches) {
      for (const [key, patch] of await containerPatches(ctx, path, k.path)) patches.set(key, [...(patches.get(key) ?? []), patch]);
    }
    if (!patches.size) continue;
    for (const path of reachable(k, kustomizations, ctx.files)) {
      const forFile = patchesByFile.get(path) ?? new Map<string, ContainerPatch[]>();
      for (const [key, list] of patches) forFile.set(key, [...(forFile.get(key) ?? []), ...list]);
      patchesByFile.set(path, forFile);
    }
  }
  return {
    built,
    rewritesOf(manifestPath, image) {
      const { repository } = splitImage(image);
      return (byFile.get(manifestPath) ?? []).filter((r) => r.name === repository);
    },
    patchesOf(manifestPath, kind, name, container) {
      return patchesByFile.get(manifestPath)?.get(`${kind}/${name}/${container}`) ?? [];
    },
  };
}

const POD_SPEC: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** `Kind/name/container` -> the fields a strategic-merge patch file sets on that container. */
async function containerPatches(ctx: { parsed: ParsedFiles }, path: string, kustomization: string): Promise<Map<string, ContainerPatch>> {
  const out = new Map<string, ContainerPatch>();
  const yaml = await ctx.parsed.yaml(path);
  if (!yaml || yaml.errors.length) return out;
  for (const doc of yaml.documents) {
    const data = doc.toJS({ maxAliasCount: 1000 }) as { kind?: unknown; metadata?: { name?: unknown } } | null;
    if (!data || typeof data.kind !== 'string' || typeof data.metadata?.name !== 'string' || !POD_SPEC[data.kind]) continue;
    let spec: unknown = data;
    for (const key of POD_SPEC[data.kind]!) spec = spec && typeof spec === 'object' ? (spec as Record<string, unknown>)[key] : undefined;
    for (const field of ['containers', 'initContainers']) {
      const list = spec && typeof spec === 'object' ? (spec as Record<string, unknown>)[field] : undefined;
      if (!Array.isArray(list)) continue;
      for (const c of list) {
        if (c && typeof c === 'object' && typeof (c as { name?: unknown }).name === 'string') {
          out.set(`${data.kind}/${data.metadata.name}/${(c as { name: string }).name}`, { kustomization, path, spec: c as Record<string, unknown> });
        }
      }
    }
  }
  return out;
}

/** A container with patches applied: maps merge key by key, everything else is replaced (strategic merge for the container fields the checks read). */
export function mergePatch(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergePatch(current, value) : value;
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function reachable(root: Kustomization, all: ReadonlyMap<string, Kustomization>, files: FileSet): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (k: Kustomization): void => {
    if (seen.has(k.dir)) return;
    seen.add(k.dir);
    for (const p of [...k.includes, ...k.components]) {
      const nested = all.get(p);
      if (nested) visit(nested);
      else if (files.has(p)) out.add(p);
    }
  };
  visit(root);
  return out;
}

/** How Kubernetes images and containers are judged as deployed, for docs/checks.md. */
export const K8S_DEPLOYED_DOC = [
  'Kubernetes containers are judged as deployed:',
  '',
  '- An image named by a skaffold `build.artifacts` entry (or a profile\'s) is built and tagged by skaffold at deploy: not a pinning failure.',
  '- A kustomize `images:` entry (newName/newTag/digest) of a kustomization that includes the manifest (through `resources`, `bases`, `components`) replaces the image: the deployed reference is judged at the kustomization line, so a development overlay is capped at P2 and the production overlay decides.',
  '- Container fields set by `patches:`/`patchesStrategicMerge:` of a production kustomization (probes, resources, securityContext) are merged into the base container by name before judging.',
  '- Helm charts (`Chart.yaml`) are rendered with `helm template` when helm is on PATH and the output is judged under the chart\'s role. Each finding points where the chart writes the key: the values.yaml line the template reads it from (`.Values.image.tag`, `toYaml .Values.resources`, a parent chart\'s `sub.key` before a subchart\'s own values), else the template line that writes it (found through the document\'s `# Source:` comment and the template\'s keys), and for a key the rendering lacks, the values.yaml line of the `with`/`if` that left it out, or the template file as a whole when nothing in the chart writes it. Without helm each chart gets one `skip` note; a chart helm cannot render is an `error`. Chart templates (subcharts\' included) are never judged as written.',
  '- Floating tags fail like `latest`: tags made only of channel or codename words without a version (`alpine`, `lts`, `stable`, `edge`, `nightly`, `slim`, `bookworm`, `lts-alpine`); `7.2-alpine` passes.',
].join('\n');
