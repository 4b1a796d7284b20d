// Which datastores of the Kubernetes manifests only the cluster's own network
// reaches: a Service of type ClusterIP (the default, or headless) with no
// external IPs, which no Ingress, Route or Gateway route sends traffic to,
// selecting pods that run a datastore image. SEVERITY.md puts a default
// password of such a datastore at P1 ("no published port, no route"); a
// generated or provider-format credential stays P0 wherever it is committed.
// Pure: manifests in, names out.

import type { ManifestFile } from '../parse/kubernetes.js';
import { datastoreOf } from '../parse/compose.js';

export interface InternalDatastore {
  /** The Service name clients use as host (`accounts-db`). */
  service: string;
  /** Where the Service is declared. */
  path: string;
  image: string;
}

const REACHABLE_TYPES = new Set(['NodePort', 'LoadBalancer', 'ExternalName']);

/** The datastores only the cluster network reaches, by Service name (lower case). */
export function internalDatastores(manifests: readonly ManifestFile[]): Map<string, InternalDatastore> {
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
      const selector = Object.entries(svc.selector);
      if (!selector.length) continue;
      const images = manifests
        .flatMap((f) => f.workloads)
        .filter((w) => w.podLabels && selector.every(([k, v]) => w.podLabels![k] === v))
        .flatMap((w) => w.containers.filter((c) => !c.init).map((c) => String(c.spec.image ?? '')));
      const store = images.find((image) => datastoreOf(image) !== undefined);
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
