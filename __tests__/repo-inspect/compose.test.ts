import { describe, expect, it } from '@jest/globals';
import { composeChecks } from '../../src/checks/compose/index.js';
import { parsePort } from '../../src/checks/compose/exposed-datastore.js';
import { isSecretEnvName } from '../../src/checks/compose/inline-secret.js';
import { datastoreOf } from '../../src/parse/compose.js';
import { audit, messages, where } from './helpers.js';
import { of } from '../helpers/run-checks.js';

// Flawed on purpose; line numbers matter (asserted below).
const FLAWED = `x-defaults: &defaults
  restart: unless-stopped
  environment:
    API_TOKEN: tok-literal-value-123
services:
  web:
    <<: *defaults
    image: nginx
    ports:
      - "8080:80"
    depends_on:
      - db
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
  db:
    image: postgres:latest
    ports:
      - "5432:5432"
    environment:
      - POSTGRES_PASSWORD=hunter2
    healthcheck:
      test: ["CMD-SHELL", "pg_isready"]
  cache:
    image: redis:7
    privileged: true
    cap_add: [NET_ADMIN, CHOWN]
    command: redis-server --requirepass s3cretpass
    ports:
      - "127.0.0.1:6379:6379"
  migrate:
    image: myapp:1.2
    command: ["python", "manage.py", "migrate"]
    restart: "no"
`;

// The install docs run the root compose file: what makes it the production deployment (SEVERITY.md).
const DEPLOY_README = '# App\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n';

// Every rule satisfied; variables, loopback ports, named volumes, long depends_on.
const CLEAN = `services:
  web:
    build: .
    image: myapp
    restart: unless-stopped
    mem_limit: 512m
    environment:
      SECRET_KEY: \${SECRET_KEY}
      POSTGRES_PASSWORD_FILE: /run/secrets/db
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost/health"]
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16.4@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    restart: always
    deploy:
      resources:
        limits:
          memory: 1G
    ports:
      - "127.0.0.1:5432:5432"
    volumes:
      - pgdata:/var/lib/postgresql/data
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?required}
    healthcheck:
      test: ["CMD-SHELL", "pg_isready"]
  seed:
    image: myapp:1.0
    profiles: [tools]
    command: python manage.py loaddata seed.json
volumes:
  pgdata:
`;

describe('compose checks on a flawed compose file (anchors, short syntax, one-shot job)', () => {
  it('reports each problem at its exact line', async () => {
    const result = await audit(composeChecks, { 'docker-compose.yml': FLAWED, 'README.md': DEPLOY_README });
    // Nothing waits on web or cache with `condition: service_healthy`: a missing healthcheck is P2.
    expect(where(result, 'compose.healthcheck')).toEqual(['fail P2 docker-compose.yml:6', 'fail P2 docker-compose.yml:23']);
    expect(messages(result, 'compose.healthcheck')[0]).toContain('service `web`');
    // db has no restart; web inherits restart from the x-defaults anchor; migrate is a one-shot job.
    expect(where(result, 'compose.restart-policy')).toEqual(['fail P2 docker-compose.yml:15', 'fail P2 docker-compose.yml:23']);
    expect(where(result, 'compose.resource-limits')).toEqual(['fail P2 docker-compose.yml:6', 'fail P2 docker-compose.yml:15', 'fail P2 docker-compose.yml:23']);
    expect(where(result, 'compose.image-pinning')).toEqual(['fail P1 docker-compose.yml:8', 'fail P1 docker-compose.yml:16']);
    expect(where(result, 'compose.privileged')).toEqual(['fail P1 docker-compose.yml:14', 'fail P1 docker-compose.yml:25', 'fail P1 docker-compose.yml:26']);
    // Published on all interfaces with a weak password (hunter2): P0.
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P0 docker-compose.yml:18']);
    // API_TOKEN comes from the anchor (line 4), POSTGRES_PASSWORD from the list form, the password from the command;
    // cache publishes only on loopback, so its password guards the internal network only (P1).
    expect(where(result, 'compose.inline-secret')).toEqual(['fail P0 docker-compose.yml:4', 'fail P0 docker-compose.yml:20', 'fail P1 docker-compose.yml:27']);
    expect(where(result, 'compose.datastore-volume')).toEqual(['fail P1 docker-compose.yml:15']);
    expect(where(result, 'compose.depends-on-health')).toEqual(['fail P2 docker-compose.yml:12']);
  });

  it('never shows a secret value', async () => {
    const result = await audit(composeChecks, { 'docker-compose.yml': FLAWED, 'README.md': DEPLOY_README });
    const text = JSON.stringify(result.findings);
    for (const secret of ['tok-literal-value-123', 'hunter2', 's3cretpass']) expect(text).not.toContain(secret);
    expect(messages(result, 'compose.inline-secret')).toEqual([
      'service `web` (docker-compose.yml) sets API_TOKEN to a literal value tok-[redacted, 21 chars].',
      'service `db` (docker-compose.yml) sets POSTGRES_PASSWORD to a literal value [redacted, 7 chars].',
      "service `cache` (docker-compose.yml) passes --requirepass [redacted, 10 chars] on its command. P1: it protects `cache`, which publishes no port: reachable only on the deployment's internal network.",
    ]);
  });
});

describe('compose.inline-secret: S3 keys for the deployment\'s own object store', () => {
  it('is P1 for AWS_* keys when the deployment runs an unpublished S3-compatible store, P0 with no store of its own', async () => {
    const compose = (store: string) =>
      `services:\n  profiler:\n    image: org/profiler:1.4.0\n    environment:\n      AWS_ACCESS_KEY: sentry\n      AWS_SECRET_KEY: sentry\n${store}`;
    const own = await audit(composeChecks, { 'docker-compose.yml': compose('  seaweedfs:\n    image: chrislusf/seaweedfs:3.80\n'), 'README.md': DEPLOY_README });
    expect(where(own, 'compose.inline-secret')).toEqual(['fail P1 docker-compose.yml:5', 'fail P1 docker-compose.yml:6']);
    // With only a database beside it, the keys are for AWS itself, not for that database.
    const aws = await audit(composeChecks, { 'docker-compose.yml': compose('  db:\n    image: postgres:16\n'), 'README.md': DEPLOY_README });
    expect(where(aws, 'compose.inline-secret')).toEqual(['fail P0 docker-compose.yml:5', 'fail P0 docker-compose.yml:6']);
  });
});

describe('compose checks on a clean compose file', () => {
  it('passes every check', async () => {
    const result = await audit(composeChecks, { 'compose.yaml': CLEAN });
    for (const check of composeChecks) expect([check.id, ...result.findings.filter((f) => f.checkId === check.id).map((f) => f.status)]).toEqual([check.id, 'pass']);
  });
});

describe('extends and profiles', () => {
  it('follows extends within the file and to another file, pointing at the line where the value is written', async () => {
    const result = await audit(composeChecks, {
      'infra/common.yml': `services:\n  base:\n    image: python:latest\n    restart: always\n    mem_limit: 256m\n`,
      'infra/docker-compose.yml': `services:\n  api:\n    extends:\n      file: common.yml\n      service: base\n    healthcheck:\n      test: ["CMD", "true"]\n  worker:\n    extends: api\n    image: python:3.12\n    profiles: [workers]\n`,
    });
    // api inherits python:latest from common.yml line 3; worker overrides the image.
    expect(where(result, 'compose.image-pinning')).toEqual(['fail P1 infra/common.yml:3']);
    expect(where(result, 'compose.restart-policy')).toEqual(['pass P2']);
    expect(where(result, 'compose.healthcheck')).toEqual(['pass P2']);
  });

  it('reports a compose file that is not valid YAML once, at the parser line, and still checks the others', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': `services:\n  web:\n    image: nginx:1.27\n   restart: always\n  bad: [\n`,
      'infra/compose.prod.yml': `services:\n  web:\n    image: nginx:latest\n`,
    });
    expect(where(result, 'compose.healthcheck')).toEqual(['fail P2 infra/compose.prod.yml:2', 'error P2 docker-compose.yml:4']);
    expect(where(result, 'compose.image-pinning')).toEqual(['fail P1 infra/compose.prod.yml:3']);
  });

  it('skips when there is no compose file', async () => {
    const result = await audit(composeChecks, { 'README.md': '# hi\n' });
    expect(where(result, 'compose.privileged')).toEqual(['skip P1']);
  });
});

describe('pure helpers', () => {
  it('parses port syntaxes', () => {
    expect(parsePort('127.0.0.1:5432:5432')).toEqual({ hostIp: '127.0.0.1', hostPort: '5432', containerPort: '5432' });
    expect(parsePort('5432:5432/tcp')).toEqual({ hostPort: '5432', containerPort: '5432' });
    expect(parsePort('[::1]:6379:6379')).toEqual({ hostIp: '::1', hostPort: '6379', containerPort: '6379' });
    expect(parsePort(6379)).toEqual({ containerPort: '6379' });
    expect(parsePort('${DB_PORT:-5432}:5432')).toEqual({ hostPort: '${DB_PORT:-5432}', containerPort: '5432' });
    expect(parsePort('${BIND:-127.0.0.1}:${DB_PORT:-5432}:5432')).toEqual({ hostIp: '${BIND:-127.0.0.1}', hostPort: '${DB_PORT:-5432}', containerPort: '5432' });
    expect(parsePort({ target: 5432, published: 5433, host_ip: '0.0.0.0' })).toEqual({ containerPort: '5432', hostPort: '5433', hostIp: '0.0.0.0' });
  });
  it('recognises datastores and secret names', () => {
    expect(datastoreOf('bitnami/postgresql:16')).toBe('postgres');
    expect(datastoreOf('registry.local:5000/redis')).toBe('redis');
    expect(datastoreOf('docker.elastic.co/elasticsearch/elasticsearch:8.15.0')).toBe('elasticsearch');
    expect(datastoreOf('nginx:1.27')).toBeUndefined();
    expect(isSecretEnvName('POSTGRES_PASSWORD')).toBe(true);
    expect(isSecretEnvName('POSTGRES_PASSWORD_FILE')).toBe(false);
    expect(isSecretEnvName('STRIPE_KEY')).toBe(true);
    expect(isSecretEnvName('MYSQL_ALLOW_EMPTY_PASSWORD')).toBe(true);
  });
});

describe('healthchecks known without a compose healthcheck', () => {
  it('accepts an image with a built-in HEALTHCHECK and a built Dockerfile that declares one', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': 'services:\n  vault:\n    image: vaultwarden/server:1.32.0\n  api:\n    build: ./api\n  web:\n    image: nginx:1.27\n',
      'api/Dockerfile': 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/health\nUSER node\n',
    });
    expect(where(result, 'compose.healthcheck')).toEqual(['fail P2 docker-compose.yml:6']);
  });
});

describe('host namespaces and confinement', () => {
  it('reports ipc/userns host and disabled seccomp or AppArmor, each at its line', async () => {
    const result = await audit(composeChecks, {
      'compose.yml': 'services:\n  agent:\n    image: agent:2.1\n    ipc: host\n    userns_mode: host\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:unconfined\n    cap_add:\n      - CAP_SYS_ADMIN\n',
    });
    expect(where(result, 'compose.privileged')).toEqual(['fail P1 compose.yml:4', 'fail P1 compose.yml:5', 'fail P1 compose.yml:8', 'fail P1 compose.yml:10']);
  });
});

describe('hostile input', () => {
  it('turns an alias bomb into one error finding instead of a crash', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = `x-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\nservices:\n  web:\n    image: nginx:1.27\n    labels:\n      bomb: *i\n`;
    const result = await audit(composeChecks, { 'docker-compose.yml': bomb });
    expect(where(result, 'compose.healthcheck')).toEqual(['error P2 docker-compose.yml:1']);
    expect(messages(result, 'compose.healthcheck')[0]).toMatch(/^docker-compose.yml cannot be read as YAML \(line 1\): .*alias/i);
    expect(where(result, 'compose.image-pinning')).toEqual(['skip P1']);
  });
});

describe('line endings', () => {
  it('keeps line numbers with CRLF files', async () => {
    const result = await audit(composeChecks, { 'README.md': '## Deploy\n\n```\ndocker compose up -d\n```\n', 'docker-compose.yml': 'services:\r\n  db:\r\n    image: mysql:8.4\r\n    ports:\r\n      - "3306:3306"\r\n' });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P1 docker-compose.yml:5']);
    expect(where(result, 'compose.datastore-volume')).toEqual(['fail P1 docker-compose.yml:2']);
  });
});

describe('settings named after a secret are not secrets', () => {
  it('passes token lifetimes, password policies and header names (FastAPI full-stack template)', async () => {
    const result = await audit(composeChecks, {
      'README.md': DEPLOY_README,
      'docker-compose.yml': 'services:\n  backend:\n    image: api:1.2\n    environment:\n      - ACCESS_TOKEN_EXPIRE_MINUTES=11520\n      - PASSWORD_MIN_LENGTH=12\n      - JWT_TOKEN_LIFETIME=3600\n      - CSRF_TOKEN_HEADER=X-CSRFToken\n      - SMTP_PASSWORD=smtp-literal-pw\n',
    });
    expect(where(result, 'compose.inline-secret')).toEqual(['fail P0 docker-compose.yml:9']);
    expect(isSecretEnvName('ACCESS_TOKEN_EXPIRE_MINUTES')).toBe(false);
    expect(isSecretEnvName('API_KEY_HEADER')).toBe(false);
    // mall's `jwt.tokenHead: 'Bearer '` (round 12): the prefix of the header, not a key.
    expect(isSecretEnvName('JWT_TOKEN_HEAD')).toBe(false);
    expect(isSecretEnvName('AUTH_TOKEN_SCHEME')).toBe(false);
    expect(isSecretEnvName('JWT_SECRET_KEY')).toBe(true);
    expect(isSecretEnvName('JWT_SECRET')).toBe(true);
  });
});

describe('ports with variable defaults', () => {
  it('names the host port of "${DB_PORT:-5432}:5432" and reads an interpolated all-interfaces bind', async () => {
    const result = await audit(composeChecks, {
      'README.md': '## Deploy\n\n```\ndocker compose up -d\n```\n',
      'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    volumes: [pg:/var/lib/postgresql/data]\n    ports:\n      - "${DB_PORT:-5432}:5432"\n      - "${BIND:-0.0.0.0}:${DB_PORT2:-5433}:5432"\n      - "${BIND:-127.0.0.1}:5434:5432"\nvolumes:\n  pg:\n',
    });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P1 docker-compose.yml:6', 'fail P1 docker-compose.yml:7']);
    expect(messages(result, 'compose.exposed-datastore')[0]).toBe('service `db` (docker-compose.yml) (postgres) publishes container port 5432 on host port ${DB_PORT:-5432} on all interfaces.');
  });
});

describe('extends', () => {
  it('reports an inherited literal secret once, at the base file line', async () => {
    const result = await audit(composeChecks, {
      'README.md': DEPLOY_README,
      'docker-compose.yml': 'services:\n  api:\n    image: api:1.2\n    environment:\n      API_TOKEN: literal-token-value-1\n',
      'infra/docker-compose.dev.yml': 'services:\n  api-dev:\n    extends:\n      file: ../docker-compose.yml\n      service: api\n',
    });
    expect(where(result, 'compose.inline-secret')).toEqual(['fail P0 docker-compose.yml:5']);
  });
});

describe('overlay files', () => {
  it('does not fail missing keys in docker-compose.override.yml / -f overlays whose base file defines the service', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': 'services:\n  web:\n    image: acme/web:1.2.3\n    restart: unless-stopped\n    mem_limit: 512m\n    healthcheck:\n      test: ["CMD", "true"]\n',
      'docker-compose.override.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n  adminer:\n    image: adminer:4.8.1\n',
      'docker-compose.prod.yml': 'services:\n  web:\n    deploy:\n      replicas: 3\n',
    });
    expect(where(result, 'compose.restart-policy')).toEqual(['fail P2 docker-compose.override.yml:6']);
    expect(where(result, 'compose.resource-limits')).toEqual(['fail P2 docker-compose.override.yml:6']);
    // docker-compose.override.yml is the development convention: judged at most P2.
    expect(where(result, 'compose.healthcheck')).toEqual(['fail P2 docker-compose.override.yml:6']);
  });
});

describe('published datastores: the login compose would start them with', () => {
  it('reads ${VAR:-default} through the .env beside the compose file, the image default accounts and disabled security', async () => {
    const compose = [
      'services:',
      '  cache:',
      '    image: redis:7',
      "    command: redis-server --requirepass '${REDIS_PASSWORD:-}'",
      '    ports: ["6379:6379"]',
      '  broker:',
      '    image: rabbitmq:3-management',
      '    ports: ["15672:15672"]',
      '  search:',
      '    image: opensearchproject/opensearch:2.11.0',
      '    environment:',
      '      DISABLE_SECURITY_PLUGIN: "true"',
      '    ports: ["9200:9200"]',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}',
      '    ports: ["5432:5432"]',
      '  db2:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: ${DB2_PASSWORD:?set DB2_PASSWORD}',
      '    ports: ["5433:5432"]',
      '  db3:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: ${DB3_PASSWORD:-postgres}',
      '    ports: ["5434:5432"]',
      '  queue:',
      '    image: rabbitmq:3',
      '    environment: {RABBITMQ_DEFAULT_USER: app, RABBITMQ_DEFAULT_PASS: "${RABBIT_PASS}"}',
      '    ports: ["5672:5672"]',
      '  graph:',
      '    image: falkordb/falkordb:v4.2.1',
      '    environment:',
      '      FALKORDB_PASSWORD: ${FALKORDB_PASSWORD:-}',
      '    ports: ["6380:6379"]',
      '  objects:',
      '    image: minio/minio:RELEASE.2024-05-01T01-11-10Z',
      '    ports: ["9000:9000"]',
      '',
    ].join('\n');
    const result = await audit(composeChecks, {
      'docker-compose.yml': compose,
      // The operator's generated value: compose reads it before the default.
      '.env': 'DB3_PASSWORD=Vt8qZr2LmX4wPc9N\n',
      'README.md': '## Install\n\n```\ndocker compose up -d\n```\n',
    });
    expect(where(result, 'compose.exposed-datastore').sort()).toEqual([
      'fail P0 docker-compose.yml:5',
      'fail P0 docker-compose.yml:8',
      'fail P0 docker-compose.yml:13',
      'fail P0 docker-compose.yml:18',
      'fail P1 docker-compose.yml:23',
      'fail P1 docker-compose.yml:28',
      'fail P1 docker-compose.yml:32',
      'fail P0 docker-compose.yml:37',
      'fail P0 docker-compose.yml:40',
    ].sort());
    const said = of(result, 'compose.exposed-datastore').sort((a, b) => a.location!.line! - b.location!.line!).map((f) => f.message);
    expect(said[0]).toContain('its --requirepass is empty by default');
    expect(said[1]).toContain('guest/guest');
    expect(said[2]).toContain('security plugin is disabled');
    expect(said[3]).toContain('POSTGRES_PASSWORD is a default or weak value by default');
    expect(said[7]).toContain('FALKORDB_PASSWORD is empty by default');
    expect(said[8]).toContain('minioadmin');
  });
});

describe('production-only checks on a compose file nothing shows anyone deploys', () => {
  it('go one level down: an unseen password or a missing volume is P2, an open datastore P1', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n    ports: ["5432:5432"]\n  cache:\n    image: redis:7\n    ports: ["6379:6379"]\n',
    });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P1 docker-compose.yml:9', 'fail P2 docker-compose.yml:6']);
    expect(where(result, 'compose.datastore-volume')).toEqual(['fail P2 docker-compose.yml:2']);
  });
});
