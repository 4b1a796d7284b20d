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
  /(^|\/)(postgres(ql)?|postgis|pgautoupgrade|timescaledb|mysql|mariadb|percona(-server)?|mongo(db)?|cassandra|scylla(db)?|couchdb|couchbase|neo4j|cockroach(db)?|clickhouse(-server)?|influxdb|mssql|oracle|elasticsearch|opensearch|etcd|rethinkdb|arangodb|dgraph|questdb)([:@/_-]|$)/i;

// Every name DATABASE_IMAGE and the operator apiVersions can match, as a plain
// word test on the text: a file without one cannot yield a service, so most
// YAML files (CI pipelines, configuration) are never parsed here.
const MENTIONS_DATABASE =
  /postgres|postgis|timescaledb|mysql|mariadb|percona|mongo|cassandra|scylla|couchdb|couchbase|neo4j|cockroach|clickhouse|influxdb|mssql|oracle|elasticsearch|opensearch|etcd|rethinkdb|arangodb|dgraph|questdb|cnpg|zalan|crunchydata/i;

const COMPOSE_FILE = /(^|\/)((docker-)?compose[^/]*|[^/]+\.compose)\.ya?ml$/;
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob']);
/** Postgres operators' cluster kinds (backups live in their spec). */
const OPERATOR_CLUSTERS = new Set(['Cluster', 'postgresql', 'PostgresCluster']);

export async function statefulServices(ctx: Pick<RepoCheckContext, 'files' | 'parsed'>): Promise<StatefulService[]> {
  const out: StatefulService[] = [];
  for (const file of ctx.files.files) {
    if (!/\.ya?ml$/.test(file.path)) continue;
    if (/(^|\/)\.github\//.test(file.path) || NON_PRODUCT_PATH.test(file.path)) continue;
    const text = await ctx.files.read(file.path);
    if (text === undefined || !MENTIONS_DATABASE.test(text)) continue;
    // Outside compose files only manifests count, and they spell out both keys.
    if (!COMPOSE_FILE.test(file.path) && !(text.includes('apiVersion') && text.includes('kind'))) continue;
    const yaml = await ctx.parsed.yaml(file.path);
    if (!yaml) continue;
    for (const doc of yaml.documents) {
      // Walk the nodes rather than doc.toJS(): Helm templates hold keys that are not scalars.
      const scalar = (keyPath: Array<string | number>): { value: string; pair: unknown } | undefined => {
        const pair = nodeAt(doc, keyPath) as { value?: unknown } | undefined;
        const node = pair && 'value' in pair ? pair.value : pair;
        return isScalar(node) && node.value !== null && node.value !== undefined ? { value: String(node.value), pair } : undefined;
      };
      const services = (nodeAt(doc, ['services']) as { value?: unknown } | undefined)?.value;
      if (COMPOSE_FILE.test(file.path) && isMap(services)) {
        for (const item of services.items) {
          if (!isScalar(item.key)) continue;
          const name = String(item.key.value);
          const image = scalar(['services', name, 'image']);
          if (image && DATABASE_IMAGE.test(image.value)) out.push({ name: `compose service ${name}`, image: image.value, path: file.path, line: yaml.lineOf(image.pair) });
        }
        continue;
      }
      const kind = scalar(['kind'])?.value;
      const apiVersion = scalar(['apiVersion'])?.value;
      if (!kind || !apiVersion) continue;
      const name = scalar(['metadata', 'name'])?.value ?? kind;
      if (OPERATOR_CLUSTERS.has(kind) && /postgres|cnpg|zalan|crunchydata/i.test(apiVersion)) {
        const backupConfigured = Boolean(nodeAt(doc, ['spec', 'backup']) ?? nodeAt(doc, ['spec', 'backups']));
        out.push({ name: `${kind} ${name}`, image: apiVersion, path: file.path, line: yaml.lineOf(nodeAt(doc, ['kind'])), backupConfigured });
        continue;
      }
      if (!WORKLOAD_KINDS.has(kind)) continue;
      const podPath = kind === 'Pod' ? ['spec'] : kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template', 'spec'] : ['spec', 'template', 'spec'];
      const containers = (nodeAt(doc, [...podPath, 'containers']) as { value?: unknown } | undefined)?.value;
      if (!isSeq(containers)) continue;
      containers.items.forEach((_, i) => {
        const image = scalar([...podPath, 'containers', i, 'image']);
        if (image && DATABASE_IMAGE.test(image.value)) out.push({ name: `${kind} ${name}`, image: image.value, path: file.path, line: yaml.lineOf(image.pair) });
      });
    }
  }
  return out;
}
