import type { RepoCheck } from '../../engine/types.js';
import { datastoreOf, imageOf, isPlainObject, type ComposeFile, type ComposeService } from '../../parse/compose.js';
import { checkComposeServices, serviceLabel } from './common.js';

// Where each database image keeps its data (official images and bitnami).
const DATA_DIRECTORIES: Record<string, string[]> = {
  postgres: ['/var/lib/postgresql/data', '/var/lib/postgresql', '/bitnami/postgresql'],
  mysql: ['/var/lib/mysql', '/bitnami/mysql'],
  mariadb: ['/var/lib/mysql', '/bitnami/mariadb'],
  mongo: ['/data/db', '/bitnami/mongodb'],
  elasticsearch: ['/usr/share/elasticsearch/data', '/usr/share/opensearch/data', '/bitnami/elasticsearch/data'],
};

interface Mount {
  target: string;
  /** Named volume or host path; undefined for an anonymous volume or tmpfs. */
  source?: string;
}

export function mountsOf(service: ComposeService): Mount[] {
  const volumes = Array.isArray(service.config.volumes) ? service.config.volumes : [];
  const out: Mount[] = [];
  for (const v of volumes) {
    if (typeof v === 'string') {
      const parts = v.split(':');
      if (parts.length === 1) out.push({ target: parts[0]! });
      else out.push({ source: parts[0], target: parts[1]! });
    } else if (isPlainObject(v) && typeof v.target === 'string') {
      const source = v.type === 'tmpfs' || typeof v.source !== 'string' ? undefined : v.source;
      out.push({ target: v.target, ...(source ? { source } : {}) });
    }
  }
  return out;
}

/** The data directories a database service should persist: its image's, or `PGDATA` when set. */
export function dataDirectoriesOf(service: ComposeService, file?: ComposeFile): string[] | undefined {
  const store = datastoreOf(imageOf(service));
  if (!store) return undefined;
  const dirs = DATA_DIRECTORIES[store];
  if (!dirs) return undefined;
  const env = service.config.environment;
  if (store === 'postgres' && isPlainObject(env) && typeof env.PGDATA === 'string') {
    // `PGDATA: ${PGDATA:-/var/lib/postgresql/data}` is the directory compose would start it with.
    const resolved = file?.deployment ? file.deployment.interpolate(env.PGDATA) : undefined;
    if (!resolved) return [env.PGDATA];
    return resolved.unresolved.length || !resolved.value ? postgresDirectories(service) : [resolved.value];
  }
  return store === 'postgres' ? postgresDirectories(service) : dirs;
}

/**
 * The official postgres image moved its data with version 18: PGDATA is `/var/lib/postgresql/<major>/docker` and
 * the image's VOLUME is `/var/lib/postgresql` (docker-library/postgres, "PGDATA" in the image's documentation), so a
 * volume on the old `/var/lib/postgresql/data` keeps nothing there, and one on `/var/lib/postgresql/18/docker`
 * keeps it all (docuseal). A floating or unreadable tag may be either: both layouts count.
 */
function postgresDirectories(service: ComposeService): string[] {
  const tag = /^(?:[\w.-]+\/)*postgres(?:ql)?:(\d+)/.exec(imageOf(service) ?? '')?.[1];
  const major = tag ? Number(tag) : undefined;
  const bitnami = (imageOf(service) ?? '').includes('bitnami/');
  if (bitnami) return DATA_DIRECTORIES.postgres!;
  if (major !== undefined && major >= 18) return [`/var/lib/postgresql/${major}/docker`, '/var/lib/postgresql'];
  if (major !== undefined) return ['/var/lib/postgresql/data', '/var/lib/postgresql'];
  return ['/var/lib/postgresql/data', '/var/lib/postgresql', '/var/lib/postgresql/18/docker'];
}

const covers = (mount: string, dir: string): boolean => {
  const m = mount.replace(/\/+$/, '');
  return dir === m || dir.startsWith(`${m}/`);
};

// The fix for the service and directory seen: a named volume on that directory.
const fixFor = (service: string, dir: string) =>
  `Mount a named volume on ${dir} in service \`${service}\` (\`volumes: ["${service}-data:${dir}"]\`) and declare \`${service}-data:\` under the top-level \`volumes:\`.`;

export const composeDatastoreVolume: RepoCheck = {
  id: 'compose.datastore-volume',
  title: 'Databases keep their data on a volume',
  category: 'reliability',
  severity: 'P1',
  kind: 'repo',
  productionOnly: true,
  docs: {
    summary:
      'Fails for each database service (postgres, mysql, mariadb, mongo, elasticsearch/opensearch) whose data directory (`/var/lib/postgresql/data`, `/var/lib/mysql`, `/data/db`, ..., or `PGDATA`) is not on a named volume or bind mount. Caches and brokers (redis, memcached, rabbitmq) are not judged.',
    why: "Official database images declare an anonymous VOLUME, which `docker compose down` followed by `up` replaces with a new empty one: the data is gone. A named volume survives recreation and can be backed up.",
    fix: 'Mount a named volume on the data directory and declare it under the top-level `volumes:`.',
    snippets: [{ stack: 'Compose', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:' }],
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'data volumes of databases',
      applies: (service) => dataDirectoriesOf(service) !== undefined,
      visit(service, file) {
        const dirs = dataDirectoriesOf(service, file)!;
        const mounts = mountsOf(service);
        if (mounts.some((m) => m.source && dirs.some((d) => covers(m.target, d)))) return [];
        const anonymous = mounts.some((m) => !m.source && dirs.some((d) => covers(m.target, d)));
        const why = anonymous ? 'is on an anonymous volume or tmpfs' : 'is on no volume';
        return [
          {
            status: 'fail',
            message: `The data directory ${dirs[0]} of ${serviceLabel(service)} ${why}: its data is lost when the container is recreated.`,
            remediation: fixFor(service.name, dirs[0]!),
            location: service.has(['volumes']) ? service.locate(['volumes']) : service.locate([]),
          },
        ];
      },
    });
  },
};
