// Databases the repository deploys, read directly from compose files and
// Kubernetes manifests with the shared YAML loader. (src/parse/compose.ts and
// src/parse/kubernetes.ts, written in parallel, could replace the walking here.)

import type { RepoCheckContext } from '../../engine/types.js';
import { isMap, isScalar, isSeq, nodeAt } from '../../parse/yaml.js';
import { NON_PRODUCT_PATH } from './project.js';

export interface StatefulService {
  /** `compose service db` or `StatefulSet postgres`. */
  name: string;
  image: string;
  path: string;
  line: number;
  /** A CloudNativePG/Zalando/Crunchy cluster whose manifest configures backups itself. */
  backupConfigured?: boolean;
}

/** Images of databases (caches such as Redis and Memcached are left out on purpose). */
export const DATABASE_IMAGE =
  /(^|\/)(postgres(ql)?|postgis|timescaledb|mysql|mariadb|percona(-server)?|mongo(db)?|cassandra|scylla(db)?|couchdb|couchbase|neo4j|cockroach(db)?|clickhouse(-server)?|influxdb|mssql|oracle|elasticsearch|opensearch|etcd|rethinkdb|arangodb|dgraph|questdb)([:@/_-]|$)/i;

const COMPOSE_FILE = /(^|\/)((docker-)?compose[^/]*|[^/]+\.compose)\.ya?ml$/;
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob']);
/** Postgres operators' cluster kinds (backups live in their spec). */
const OPERATOR_CLUSTERS = new Set(['Cluster', 'postgresql', 'PostgresCluster']);

export async function statefulServices(ctx: Pick<RepoCheckContext, 'files' | 'parsed'>): Promise<StatefulService[]> {
  const out: StatefulService[] = [];
  for (const file of ctx.files.files) {
    if (!/\.ya?ml$/.test(file.path)) continue;
    if (/(^|\/)\.github\//.test(file.path) || NON_PRODUCT_PATH.test(file.path)) continue;
    const yaml = await ctx.parsed.yaml(file.path);
    if (!yaml) continue;
    for (const doc of yaml.documents) {
      const root = doc.toJS({ maxAliasCount: 100 }) as unknown;
      if (!root || typeof root !== 'object') continue;
      const obj = root as Record<string, unknown>;
      if (COMPOSE_FILE.test(file.path) && obj.services && typeof obj.services === 'object') {
        for (const [name, service] of Object.entries(obj.services as Record<string, unknown>)) {
          const image = (service as { image?: unknown } | null)?.image;
          if (typeof image === 'string' && DATABASE_IMAGE.test(image)) {
            out.push({ name: `compose service ${name}`, image, path: file.path, line: yaml.lineOf(nodeAt(doc, ['services', name, 'image'])) });
          }
        }
        continue;
      }
      const kind = typeof obj.kind === 'string' ? obj.kind : undefined;
      if (!kind || typeof obj.apiVersion !== 'string') continue;
      const name = String((obj.metadata as { name?: unknown } | undefined)?.name ?? kind);
      if (OPERATOR_CLUSTERS.has(kind) && /postgres|cnpg|zalan|crunchydata/i.test(obj.apiVersion)) {
        const spec = (obj.spec ?? {}) as Record<string, unknown>;
        out.push({ name: `${kind} ${name}`, image: obj.apiVersion, path: file.path, line: yaml.lineOf(nodeAt(doc, ['kind'])), backupConfigured: Boolean(spec.backup ?? spec.backups) });
        continue;
      }
      if (!WORKLOAD_KINDS.has(kind)) continue;
      const podPath = kind === 'Pod' ? ['spec'] : kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template', 'spec'] : ['spec', 'template', 'spec'];
      const containers = nodeAt(doc, [...podPath, 'containers']);
      const seq = containers && (containers as { value?: unknown }).value;
      if (!isSeq(seq)) continue;
      seq.items.forEach((item, i) => {
        if (!isMap(item)) return;
        const imagePair = nodeAt(doc, [...podPath, 'containers', i, 'image']) as { value?: unknown } | undefined;
        const image = imagePair && isScalar(imagePair.value) ? String(imagePair.value.value) : undefined;
        if (image && DATABASE_IMAGE.test(image)) out.push({ name: `${kind} ${name}`, image, path: file.path, line: yaml.lineOf(imagePair) });
      });
    }
  }
  return out;
}
