// What readiness-gate knows about well-known images, in one table the model
// and every check read, instead of a list per check: the backing service an
// image runs (a datastore whose options the checks know, a broker, a mail
// catcher...), whether it is one of the stores a committed password protects,
// and whether the image declares its own HEALTHCHECK. Pure data: an image
// reference in, its facts out. Looked up by the repository's last path segment
// (`bitnami/postgresql:16` → `postgresql`), tag and digest left out; images
// known only under one publisher (`vaultwarden/server`) by the whole
// repository. Where the table ends, nothing is known: an image missing from
// it is judged as any image is (docs/checks.md says so per check).

/** The datastores whose options and data paths checks know, one name per engine family. */
export type Datastore = 'postgres' | 'mysql' | 'mariadb' | 'mongo' | 'redis' | 'rabbitmq' | 'elasticsearch' | 'memcached' | 'minio';

/** What a backing service is for. */
export type ServiceKind = 'sql' | 'document' | 'key-value' | 'broker' | 'object-store' | 'search' | 'columnar' | 'graph' | 'coordination' | 'vector' | 'mail-catcher' | 'emulator' | 'admin-ui' | 'directory' | 'mock' | 'client';

export interface ImageFacts {
  kind: ServiceKind;
  /** The engine, for the checks that read its options (volumes, authentication, durability). */
  datastore?: Datastore;
  /** A store of data a password committed beside it protects (compose.inline-secret's internal-network P1). */
  store?: true;
  /** A database a generic `DB_PASSWORD` names (SQL, document and graph engines). */
  database?: true;
  /** The image declares a HEALTHCHECK itself. */
  healthcheck?: true;
}

const TABLE: ReadonlyArray<[RegExp, ImageFacts]> = [
  [/^(postgres|postgresql|postgis|timescaledb(-ha)?|pgvector)$/, { kind: 'sql', datastore: 'postgres', store: true, database: true }],
  // Postgres with in-place major upgrades; its Dockerfile runs pgautoupgrade-healthcheck.sh.
  [/^pgautoupgrade$/, { kind: 'sql', datastore: 'postgres', store: true, database: true, healthcheck: true }],
  [/^(mysql|mysql-server|percona(-server)?)$/, { kind: 'sql', datastore: 'mysql', store: true, database: true }],
  [/^mariadb$/, { kind: 'sql', datastore: 'mariadb', store: true, database: true }],
  [/^(mongo|mongodb|mongodb-community-server)$/, { kind: 'document', datastore: 'mongo', store: true, database: true }],
  // Redis and the servers that speak its protocol and take its options (FalkorDB is Redis with a graph module).
  [/^(redis|redis-stack(-server)?|valkey|keydb|falkordb|dragonfly|garnet|redict)$/, { kind: 'key-value', datastore: 'redis', store: true }],
  [/^rabbitmq$/, { kind: 'broker', datastore: 'rabbitmq', store: true }],
  [/^(elasticsearch|opensearch)$/, { kind: 'search', datastore: 'elasticsearch', store: true }],
  [/^memcached$/, { kind: 'key-value', datastore: 'memcached', store: true }],
  [/^minio$/, { kind: 'object-store', datastore: 'minio', store: true }],
  [/^seaweedfs$/, { kind: 'object-store', store: true }],
  [/^(clickhouse|clickhouse-server)$/, { kind: 'columnar', store: true, database: true }],
  [/^(cassandra|couchdb)$/, { kind: 'document', store: true, database: true }],
  [/^scylla$/, { kind: 'document' }],
  [/^neo4j$/, { kind: 'graph', store: true, database: true }],
  [/^(kafka|nats)$/, { kind: 'broker', store: true }],
  [/^(cp-kafka|redpanda)$/, { kind: 'broker' }],
  [/^zookeeper$/, { kind: 'coordination' }],
  [/^(meilisearch|typesense)$/, { kind: 'search' }],
  [/^(qdrant|weaviate|chroma|milvus)$/, { kind: 'vector' }],
  [/^mc$/, { kind: 'client' }],
  [/^(mailhog|mailpit|maildev|smtp4dev|mailcatcher|inbucket)$/, { kind: 'mail-catcher' }],
  [/^(localstack|azurite|dynamodb-local|fake-gcs-server|pubsub-emulator|firebase-emulator)$/, { kind: 'emulator' }],
  [/^(adminer|pgadmin4|phpmyadmin|mongo-express|redis-commander|redisinsight)$/, { kind: 'admin-ui' }],
  [/^(openldap|test-openldap)$/, { kind: 'directory' }],
  [/^(wiremock|mockserver|toxiproxy)$/, { kind: 'mock' }],
];

// Published images whose own Dockerfile declares a HEALTHCHECK (vaultwarden, Uptime Kuma, Pi-hole, Jellyfin), by
// their whole repository: the container reports health without one in the compose file. Kept short on purpose:
// most images, official ones included, declare none.
const HEALTHCHECK_IMAGES: ReadonlySet<string> = new Set(['vaultwarden/server', 'louislam/uptime-kuma', 'pihole/pihole', 'jellyfin/jellyfin', 'pgautoupgrade/pgautoupgrade']);

/** The repository of an image reference, lower-cased, without registry-default prefixes, tag or digest. */
export function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return (colon < 0 ? withoutDigest : withoutDigest.slice(0, colon)).toLowerCase().replace(/^(docker\.io\/|index\.docker\.io\/)/, '').replace(/^library\//, '');
}

/** What the table knows of an image (`bitnami/postgresql:16` → a postgres store), or undefined. */
export function imageFacts(image: string | undefined): ImageFacts | undefined {
  if (!image) return undefined;
  const repository = imageRepository(image);
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  return TABLE.find(([pattern]) => pattern.test(name))?.[1];
}

/** Whether the image declares its own HEALTHCHECK. */
export function declaresHealthcheck(image: string | undefined): boolean {
  return image !== undefined && (HEALTHCHECK_IMAGES.has(imageRepository(image)) || imageFacts(image)?.healthcheck === true);
}

/** The table as documentation (docs/checks.md). */
export const IMAGE_FACTS_DOC = [
  '| image names (last path segment) | kind | datastore | store | HEALTHCHECK |',
  '| --- | --- | --- | --- | --- |',
  ...TABLE.map(([pattern, f]) => `| \`${pattern.source.replace(/^\^\(?|\)?\$$/g, '').replace(/\|/g, ', ')}\` | ${f.kind} | ${f.datastore ?? ''} | ${f.store ? 'yes' : ''} | ${f.healthcheck ? 'yes' : ''} |`),
  '',
  `Images that declare a HEALTHCHECK, by repository: ${[...HEALTHCHECK_IMAGES].map((r) => `\`${r}\``).join(', ')}.`,
].join('\n');
