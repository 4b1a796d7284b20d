// Which datastores of the Kubernetes manifests only the cluster's own network
// reaches: a Service of type ClusterIP (the default, or headless) with no
// external IPs, which no Ingress, Route or Gateway route sends traffic to,
// selecting pods that run a datastore image. SEVERITY.md puts a default
// password of such a datastore at P1 ("no published port, no route"); a
// generated or provider-format credential stays P0 wherever it is committed.
// Computed once per audit (RepoModel.internalDatastores) for every check that
// weighs a credential by where its datastore is reachable.

import { loadManifests, selects, type ManifestContext, type ManifestFile } from '../parse/kubernetes.js';
import { datastoreOf } from '../parse/compose.js';
import { parseDockerfile, stageLineage } from '../parse/dockerfile.js';
import type { FileSet } from '../repo/fileset.js';
import type { DockerfileBuilds } from './builds.js';

export interface InternalDatastore {
  /** The Service name clients use as host (`accounts-db`). */
  service: string;
  /** Where the Service is declared. */
  path: string;
  image: string;
}

const REACHABLE_TYPES = new Set(['NodePort', 'LoadBalancer', 'ExternalName']);

/**
 * Which images run a datastore: an official or well-known datastore image (`postgres:16`), or an image this
 * repository builds FROM one (`org/accounts-db:v1` built by `src/accounts-db/Dockerfile` FROM postgres).
 */
export async function datastoreImages(images: readonly string[], builds: DockerfileBuilds, files: FileSet): Promise<Set<string>> {
  const out = new Set<string>();
  for (const image of new Set(images)) {
    if (datastoreOf(image) !== undefined) {
      out.add(image);
      continue;
    }
    // Skaffold and its kin build a bare name (`image: accounts-db`) and push it under a default repository
    // (`us-docker.pkg.dev/proj/repo/accounts-db:v1`): the last part of the name is what the build wrote.
    const bare = image.split('@')[0]!.replace(/:[^/:]*$/, '').split('/').pop()!;
    const dockerfiles = builds.dockerfilesForImage(image).length ? builds.dockerfilesForImage(image) : builds.dockerfilesForImage(bare);
    for (const dockerfile of dockerfiles) {
      const text = await files.read(dockerfile);
      if (text === undefined) continue;
      const file = parseDockerfile(text);
      if (!file.stages.length) continue;
      const lineage = stageLineage(file, file.stages.length - 1);
      if (datastoreOf(lineage[lineage.length - 1]!.resolvedImage) !== undefined) {
        out.add(image);
        break;
      }
    }
  }
  return out;
}

/** The repository's cluster-internal datastores: its manifests, with the images it builds FROM a datastore. */
export async function clusterInternalDatastores(ctx: ManifestContext, builds: DockerfileBuilds): Promise<Map<string, InternalDatastore>> {
  const manifests = await loadManifests(ctx);
  return internalDatastores(manifests, await datastoreImages(workloadImages(manifests), builds, ctx.files));
}

/** Every container image the manifests' workloads run. */
function workloadImages(manifests: readonly ManifestFile[]): string[] {
  return manifests.flatMap((m) => m.workloads.flatMap((w) => w.containers.map((c) => String(c.spec.image ?? ''))));
}

/** The datastores only the cluster network reaches, by Service name (lower case). */
export function internalDatastores(manifests: readonly ManifestFile[], stores: ReadonlySet<string> = new Set()): Map<string, InternalDatastore> {
  const routed = new Set(manifests.flatMap((m) => m.routedServices ?? []).map((n) => n.toLowerCase()));
  const out = new Map<string, InternalDatastore>();
  const exposed = new Set<string>();
  for (const m of manifests) {
    for (const svc of m.services ?? []) {
      const name = svc.name.toLowerCase();
      if (REACHABLE_TYPES.has(svc.type) || svc.externalIPs || routed.has(name)) {
        exposed.add(name);
        continue;
      }
      const images = manifests
        .flatMap((f) => f.workloads)
        .filter((w) => selects(svc.selector, w.podLabels))
        .flatMap((w) => w.containers.filter((c) => !c.init).map((c) => String(c.spec.image ?? '')));
      const store = images.find((image) => datastoreOf(image) !== undefined || stores.has(image));
      if (store && !out.has(name)) out.set(name, { service: svc.name, path: m.path, image: store });
    }
  }
  // A name declared twice, once reachable (an alternative overlay), is not internal.
  for (const name of exposed) out.delete(name);
  return out;
}

/** The Service a host names: `accounts-db`, `accounts-db.bank`, `accounts-db.bank.svc.cluster.local`. */
export function serviceOfHost(host: string): string {
  return host.toLowerCase().split('.')[0]!;
}
