// One fixture per class of false (or missed) verdict found on the 2026-12
// held-out round, each next to its true-positive twin, in the smallest shape
// that shows the class. Names are made up: a class, never a repository.

import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { composeChecks } from '../../src/checks/compose/index.js';
import { dataChecks } from '../../src/checks/data/index.js';
import { dockerChecks } from '../../src/checks/docker/index.js';
import { k8sChecks } from '../../src/checks/k8s/index.js';
import { migrationsChecks } from '../../src/checks/migrations/index.js';
import { opsChecks } from '../../src/checks/ops/index.js';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { isEncodedWords, isEscapedText, isGeneratedSecret, isPublicKeyName, isRuleList, isSlug } from '../../src/model/values.js';
import { imageUnpinnedReason } from '../../src/model/images.js';
import { jwtNotLive } from '../../src/checks/secrets/rules.js';
import { audit, messages, where } from './helpers.js';

const j = (...parts: string[]): string => parts.join('');
const DEPLOY_README = '# Acme\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n';
const RANDOM = j('Zx81', 'qLm2', 'Vb7T', 'yR4w', 'Np9K');
const KEY_BODY = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n';
const PEM = j('-----BEGIN ', 'PRIVATE KEY-----\n', KEY_BODY, '-----END ', 'PRIVATE KEY-----');
const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: object): string => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.${j('dBjftJeZ4CVP', 'mB92K27uhbUJU1p1r_wW1gFWFOEjXk')}`;

describe('datastores by who can reach them (SEVERITY.md: internal default P1, published and open P0)', () => {
  it('puts a committed datastore password at P1 when the datastore publishes no port, P0 when a proxy routes to it', async () => {
    // A human-chosen password (a generated one is a credential wherever it is committed: the twin below).
    const chosen = 'Tr0ub4dor-and-3';
    const compose = `services:\n  app:\n    image: acme/app:1.2.0\n    ports: ["80:80"]\n    environment:\n      DATABASE_URL: postgres://app:${chosen}@db/app\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${chosen}\n  files:\n    image: minio/minio:RELEASE.2025-01-01T00-00-00Z\n    environment:\n      MINIO_ROOT_PASSWORD: ${RANDOM}\n`;
    const result = await audit(composeChecks, { 'README.md': DEPLOY_README, 'docker-compose.yml': compose, 'proxy/Caddyfile': ':80 {\n\treverse_proxy /uploads/* files:9000\n}\n' }, { git: true });
    expect(where(result, 'compose.inline-secret')).toEqual(['fail P0 docker-compose.yml:14', 'fail P1 docker-compose.yml:6', 'fail P1 docker-compose.yml:10']);
    expect(messages(result, 'compose.inline-secret')[1]).toMatch(/protects `db`, which publishes no port/);
  });

  it('keeps a generated random password P0 even on an internal datastore, and even in a file of unknown role (SEVERITY.md)', async () => {
    const compose = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${RANDOM}\n`;
    expect(where(await audit(composeChecks, { 'README.md': DEPLOY_README, 'docker-compose.yml': compose }, { git: true }), 'compose.inline-secret')).toEqual(['fail P0 docker-compose.yml:5']);
    expect(where(await audit(composeChecks, { 'docker-compose.yml': compose }, { git: true }), 'compose.inline-secret')).toEqual(['fail P0 docker-compose.yml:5']);
  });

  it('makes a datastore published on all interfaces P0 when its own configuration lets anyone in, P1 when it asks for a password we cannot see', async () => {
    const compose = 'services:\n  cache:\n    image: redis:7\n    ports: ["6379:6379"]\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}\n';
    const result = await audit(composeChecks, { 'README.md': DEPLOY_README, 'docker-compose.yml': compose }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P0 docker-compose.yml:4', 'fail P1 docker-compose.yml:7']);
    expect(messages(result, 'compose.exposed-datastore')[0]).toMatch(/asks for no password/);
  });
});

describe('a service\'s own token, and the copy its client holds', () => {
  it('puts a token at P1 when the only service it opens publishes no port, and keeps the application\'s own signing key P0', async () => {
    const token = 'Kestrel-Paddle-42';
    const compose = `services:\n  app:\n    image: acme/app:1.2.0\n    ports: ["80:80"]\n    environment:\n      BROWSER_TOKEN: ${token}\n      JWT_SECRET: ${token}x\n  browser:\n    image: ghcr.io/acme/headless-browser:2.1.0\n    environment:\n      TOKEN: ${token}\n`;
    const result = await audit(composeChecks, { 'README.md': DEPLOY_README, 'docker-compose.yml': compose }, { git: true });
    expect(where(result, 'compose.inline-secret')).toEqual(['fail P0 docker-compose.yml:7', 'fail P1 docker-compose.yml:6', 'fail P1 docker-compose.yml:11']);
  });
});

describe('migration tools by their ordering rules', () => {
  it('fails P0 when Flyway cannot apply two migrations of one version, P2 when Knex applies both in name order', async () => {
    const result = await audit(migrationsChecks, {
      'db/migration/V2__add_users.sql': 'CREATE TABLE users (id int);\n',
      'db/migration/V2__add_orders.sql': 'CREATE TABLE orders (id int);\n',
      'src/migrations/20230306103400-add-column.js': 'exports.up = () => {};\n',
      'src/migrations/20230306103400-remove-permission.js': 'exports.up = () => {};\n',
    }, { config: { repo: { roles: { '**': 'production' } } } });
    expect(where(result, 'migrations.conflict').map((w) => w.split(' ').slice(0, 2).join(' '))).toEqual(['fail P0', 'fail P2']);
  });
});

describe('healthchecks, probes and limits are P2 unless something waits on them', () => {
  it('raises a missing healthcheck to P1 only when a service waits for it with service_healthy', async () => {
    const compose = 'services:\n  web:\n    image: acme/web:1.0.0\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    image: acme/api:1.0.0\n  worker:\n    image: acme/worker:1.0.0\n';
    const result = await audit(composeChecks, { 'README.md': DEPLOY_README, 'docker-compose.yml': compose }, { git: true });
    expect(where(result, 'compose.healthcheck')).toEqual(['fail P1 docker-compose.yml:7', 'fail P2 docker-compose.yml:2', 'fail P2 docker-compose.yml:9']);
  });
});

describe('Helm charts without helm', () => {
  it('reads the images a chart\'s values set when helm cannot render it, and keeps pinned ones quiet', async () => {
    const values = 'replicaCount: 1\nimage:\n  repository: ghcr.io/acme/app\n  tag: latest\nworker:\n  image:\n    repository: ghcr.io/acme/worker\n    tag: ""\ncache:\n  image: redis:7.4.1\nsidecar:\n  image:\n    registry: docker.io\n    repository: acme/sidecar\n    tag: "{{ .Values.global.tag }}"\n';
    const files = {
      'README.md': '## Install\n\n```\nhelm install app ./charts/app\n```\n',
      'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\nappVersion: "2.3.0"\n',
      'charts/app/values.yaml': values,
      'charts/app/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"\n',
    };
    // A PATH with git and without helm, whatever this machine has.
    const saved = process.env.PATH;
    const bin = mkdtempSync(join(tmpdir(), 'rg-nohelm-'));
    const git = (saved ?? '').split(delimiter).map((d) => join(d, 'git')).find((p) => existsSync(p));
    if (git) symlinkSync(git, join(bin, 'git'));
    process.env.PATH = bin;
    let result;
    try {
      result = await audit(k8sChecks, files, { git: true });
    } finally {
      process.env.PATH = saved;
      rmSync(bin, { recursive: true, force: true });
    }
    const failing = where(result, 'k8s.image-pinning').filter((w) => w.startsWith('fail'));
    expect(failing).toEqual(['fail P1 charts/app/values.yaml:4']);
    expect(messages(result, 'k8s.image-pinning').join('\n')).toMatch(/ghcr\.io\/acme\/app:latest set by the values of Helm chart charts\/app uses the `latest` tag\. \(The chart was read without rendering/);
  });
});

describe('who a container runs as', () => {
  const manifest = (image: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n`;
  const readme = '## Install\n\n```\nkubectl apply -f k8s/\n```\n';

  it('keeps "may run as root" P1 for an unknown image, P2 for an image that drops to its service user', async () => {
    const result = await audit(k8sChecks, { 'README.md': readme, 'k8s/web.yaml': manifest('acme/web:1.0.0'), 'k8s/db.yaml': manifest('postgres:16.4').replace(/web/g, 'db') }, { git: true });
    expect(where(result, 'k8s.security-context')).toEqual(['fail P1 k8s/web.yaml:10', 'fail P2 k8s/db.yaml:10']);
  });

  it('takes a digest after a :nonroot tag as the non-root image it is', async () => {
    const dockerfile = 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot@sha256:1b7b9f0f0e0a1d2155f531db587cc48ec26aaf97ab64364225f5bf18a054e66a\nCOPY --from=build /app /app\n';
    const root = 'FROM debian:12.7\nCOPY app /app\nCMD ["/app"]\n';
    const workflow = 'name: release\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with: {file: a/Dockerfile, push: true}\n      - uses: docker/build-push-action@v6\n        with: {file: b/Dockerfile, push: true}\n';
    const result = await audit(dockerChecks, { '.github/workflows/release.yml': workflow, 'a/Dockerfile': dockerfile, 'b/Dockerfile': root }, { git: true });
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 b/Dockerfile:1']);
  });

  it('finds Dockerfiles by every name Docker reads (Dockerfile-fpm, a lower-case dockerfile, *.dockerfile) and what builds them', async () => {
    const scripts = { scripts: { release: 'docker build -f docker/dockerfile -t acme/app:2 . && docker push acme/app:2', fpm: 'docker build -f Dockerfile-fpm -t acme/app-fpm:2 . --push', tool: 'docker build -f docker/tool.dockerfile -t acme/tool:1 . --push' } };
    const root = 'FROM debian:12.7\nCOPY app /app\nCMD ["/app"]\n';
    const files = { 'package.json': JSON.stringify(scripts, null, 2), 'docker/dockerfile': root, 'Dockerfile-fpm': root, 'docker/tool.dockerfile': root };
    const result = await audit(dockerChecks, files, { git: true });
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 docker/dockerfile:1', 'fail P1 docker/tool.dockerfile:1', 'fail P1 Dockerfile-fpm:1']);
  });

  it('takes an image the repository builds only as a base or build stage of its other images (FROM its exact tag) for what it is', async () => {
    const scripts = { scripts: { base: 'docker build -f docker/base.dockerfile -t acme/app:base2 . --push', builder: 'docker build -f docker/builder.dockerfile -t acme/app:builder . --push', release: 'docker build -f docker/Dockerfile -t acme/app:2 . --push' } };
    const files = {
      'package.json': JSON.stringify(scripts, null, 2),
      'docker/base.dockerfile': 'FROM node:22.11.0-slim\nRUN apt-get update\n',
      'docker/builder.dockerfile': 'FROM golang:1.23.4\nRUN go build -o /hc ./hc\n',
      'docker/Dockerfile': 'FROM acme/app:builder AS hc\nFROM acme/app:base2\nCOPY --from=hc /hc /hc\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
    };
    const result = await audit(dockerChecks, files, { git: true });
    // The release image runs as root; the base and the builder are never run themselves.
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 docker/Dockerfile:2', 'fail P2 docker/base.dockerfile:1', 'fail P2 docker/builder.dockerfile:1']);
  });

  it('knows a base image whose registry is a CI variable (tags: ${{ vars.REGISTRY }}/base:latest) by what follows it', async () => {
    const ci = 'name: base\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          file: docker/base/Dockerfile\n          push: true\n          tags: ${{ vars.REGISTRY_REPO }}/base:latest\n';
    const release = 'name: release\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          file: docker/app/Dockerfile\n          push: true\n          tags: acme/app:2\n';
    const files = {
      '.github/workflows/base.yml': ci,
      '.github/workflows/release.yml': release,
      'docker/base/Dockerfile': 'FROM ubuntu:24.04\nRUN apt-get update\n',
      'docker/app/Dockerfile': 'FROM acme/base:latest\nCOPY . /app\nUSER app\nCMD ["/app/run"]\n',
    };
    const result = await audit(dockerChecks, files, { git: true });
    expect(where(result, 'docker.non-root')).toEqual(['fail P2 docker/base/Dockerfile:1']);
  });

  it('judges the stage production builds (--target, compose build.target), not the last one', async () => {
    const dockerfile = 'FROM node:22.11.0-slim AS release\nCOPY . /app\nCMD ["node", "/app/server.js"]\n\nFROM release AS dev\nRUN useradd dev\nUSER dev\n';
    const ci = 'name: release\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          file: Dockerfile\n          target: release\n          push: true\n';
    const published = await audit(dockerChecks, { '.github/workflows/release.yml': ci, Dockerfile: dockerfile }, { git: true });
    expect(where(published, 'docker.non-root')).toEqual(['fail P1 Dockerfile:1']);
    expect(messages(published, 'docker.non-root')[0]).toMatch(/^Stage `release` \(the target production builds\)/);
    // The twin: the same file built without a target runs its last stage, which sets a user.
    const last = await audit(dockerChecks, { '.github/workflows/release.yml': ci.replace('          target: release\n', ''), Dockerfile: dockerfile }, { git: true });
    expect(where(last, 'docker.non-root')).toEqual(['pass P1']);
    const compose = 'services:\n  app:\n    build: {context: ., target: release}\n    image: acme/app:1.0.0\n    ports: ["80:80"]\n';
    const viaCompose = await audit(dockerChecks, { 'README.md': '## Deploy\n\n```\ndocker compose up -d\n```\n', 'docker-compose.yml': compose, Dockerfile: dockerfile }, { git: true });
    expect(where(viaCompose, 'docker.non-root')).toEqual(['fail P1 Dockerfile:1']);
  });

  it('knows the images a build step publishes through the tags docker/metadata-action computes', async () => {
    const workflow = [
      'name: release', 'on: push', 'jobs:', '  publish:', '    runs-on: ubuntu-latest', '    steps:',
      '      - name: Meta', '        id: meta', '        uses: docker/metadata-action@v5', '        with:', '          images: |', '            docker.io/acme/web', '            ghcr.io/acme/web', '          tags: type=semver,pattern={{version}}',
      '      - name: Push', '        uses: docker/build-push-action@v6', '        with:', '          context: .', '          file: ./Dockerfile', '          push: true', '          tags: ${{ steps.meta.outputs.tags }}', '',
    ].join('\n');
    const files = { 'README.md': readme, '.github/workflows/release.yml': workflow, Dockerfile: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nCMD ["/app"]\n', 'k8s/web.yaml': manifest('ghcr.io/acme/web:1.4.0'), 'k8s/api.yaml': manifest('ghcr.io/acme/api:1.4.0').replace(/web/g, 'api') };
    const result = await audit(k8sChecks, files, { git: true });
    expect(where(result, 'k8s.security-context')).toEqual(['fail P1 k8s/api.yaml:10', 'fail P2 k8s/web.yaml:10']);
  });
});

describe('secrets: values by shape, and what the code says of them', () => {
  it('tells generated values from chosen ones, and a distribution\'s release codename from a floating tag', () => {
    const sentence = Buffer.from('my-secret-key-which-should-be-changed-in-production\n').toString('base64');
    expect([isEncodedWords(sentence), isEncodedWords(Buffer.from(RANDOM + RANDOM).toString('base64')), isGeneratedSecret(sentence)]).toEqual([true, false, false]);
    expect([isGeneratedSecret(RANDOM + RANDOM), isGeneratedSecret('Tr0ub4dor-and-3'), isGeneratedSecret('change-me-in-production-please'), isGeneratedSecret('a'.repeat(40))]).toEqual([true, false, false, false]);
    expect([imageUnpinnedReason('debian:trixie-slim'), imageUnpinnedReason('ubuntu:focal'), imageUnpinnedReason('node:bookworm-slim'), imageUnpinnedReason('debian:sid-slim')]).toEqual([undefined, undefined, 'floating', 'floating']);
  });

  it('names slugs and validation-rule lists as what they are', () => {
    expect([isSlug('pm-4516-devices-add-last-activity-date'), isSlug('feature-flag-dark-mode'), isSlug(RANDOM), isSlug('a1-b2-c3')]).toEqual([true, true, false, false]);
    expect([isRuleList('required|string|min:6'), isRuleList('required|alpha_dash|max:255'), isRuleList(RANDOM)]).toEqual([true, true, false]);
  });

  it('reads storage and cache key names, escaped translations and read-only tokens committed by design as what they are', () => {
    expect([isSlug('flag-reminders:v1'), isSlug('pf:services:reblogs:v1:post:'), isSlug('k3x9-qw7l-p2zr'), isSlug('session:a8f3k2m9x7q1')]).toEqual([true, true, false, false]);
    expect([isEscapedText('\\u66f4\\u6539\\u5bc6\\u7801'), isEscapedText(RANDOM)]).toEqual([true, false]);
    expect([isPublicKeyName('nxCloudAccessToken'), isPublicKeyName('accessToken')]).toEqual([true, false]);
  });

  it('looks for credentials by format only in translation catalogues: their values are interface text', async () => {
    const files = {
      'composer.json': '{"require": {"laravel/framework": "11.0.0"}}',
      'resources/lang/fr-FR/general.php': `<?php return ['changepassword' => 'crwdns1234:0${RANDOM}crwdne1234:0', 'api_token' => '${j('ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o50smkjE')}'];\n`,
      'app/Http/Kernel.php': `<?php $secret_key = '${RANDOM}';\n`,
    };
    const result = await audit(secretsChecks, files, { git: true });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 app/Http/Kernel.php:1', 'fail P0 resources/lang/fr-FR/general.php:1']);
    expect(messages(result, 'secrets.hardcoded')[1]).toMatch(/GitHub/);
  });

  it('reads a token whose own claims say it expired, or that it is a product licence, as no live credential', () => {
    expect(jwtNotLive({ sub: 'a', exp: 1_500_000_000 }, Date.UTC(2026, 0, 1))).toMatch(/expired on 2017-07-14/);
    expect(jwtNotLive({ iss: 'https://vendor.example', edition: 'Starter', client_limit: 0 })).toMatch(/product licence/);
    expect(jwtNotLive({ sub: 'admin', exp: 4_102_444_800 }, Date.UTC(2026, 0, 1))).toBeUndefined();
    // An introspection response token: the expiry one level down; a sample issued by an example domain.
    expect(jwtNotLive({ iss: 'https://auth.acme.io/', token_introspection: { active: true, exp: 1_514_797_942 } }, Date.UTC(2026, 0, 1))).toMatch(/expired on 2018-01-01/);
    expect(jwtNotLive({ iss: 'https://auth.example.com/', sub: 'john' })).toMatch(/example domain/);
    expect(jwtNotLive({ iss: 'https://auth.acme.io/', aud: ['https://api.acme.io'], sub: 'john' })).toBeUndefined();
  });

  it('keeps a live signing secret in application code P0 and sets aside what the code declares fake, comments out, or keeps for development', async () => {
    const files = {
      'pyproject.toml': '[project]\nname = "acme"\n',
      'acme/__init__.py': '',
      'acme/settings.py': `JWT_SECRET = "${RANDOM}"\nFEATURE_KEY = "pm-4516-devices-add-last-activity-date"\n`,
      'acme/forms.py': `rules = {'password': 'required|alpha_dash|string|max:255', 'secret_token': 'required|string|min:16|max:64'}\n`,
      'acme/keys.py': `# TEST-ONLY KEYS - NOT REAL CREDENTIALS, used to seed demo data\nKEY_0 = """${PEM}"""\n`,
      'acme/license.py': `LICENSE_KEY = "${jwt({ iss: 'https://vendor.example', edition: 'Starter', client_limit: 0 })}"\n`,
      'config/app.ini': `[security]\n;secret_key = ${RANDOM}\n`,
      'config/secrets.yml': `development:\n  secret_key_base: ${RANDOM}9a\nproduction:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n`,
    };
    const result = await audit(secretsChecks, files, { git: true });
    const found = where(result, 'secrets.hardcoded');
    expect(found[0]).toBe('fail P0 acme/settings.py:1');
    expect(found.filter((f) => f.startsWith('fail P0'))).toEqual(['fail P0 acme/settings.py:1']);
    const text = messages(result, 'secrets.hardcoded').join('\n');
    expect(text).not.toMatch(/settings\.py:2|forms\.py/);
    expect(text).toMatch(/declares the value made up/);
  });
});

describe('data files and images', () => {
  it('does not take a migration script for a dump, nor an INSERT ... SELECT for rows', async () => {
    const migration = 'START TRANSACTION;\nCREATE TABLE "OrgDomain" ("Id" uuid NOT NULL);\nINSERT INTO "OrgKey" ("Id", "Key")\nSELECT "Id", "ApiKey" FROM "Org";\nINSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")\nVALUES (\'20221103_OrgDomain\', \'6.0.0\');\nCOMMIT;\n';
    const dump = '-- PostgreSQL database dump\nCREATE TABLE users (id int, email text);\nCOPY users (id, email) FROM stdin;\n1\ta@example.invalid\n\\.\n';
    // A schema bootstrap whose only rows are the application-prefixed migration bookkeeping (`app_migrations`).
    const bootstrap = '-- MariaDB dump 10.19\nCREATE TABLE app_migrations (version varchar(191));\nCREATE TABLE station (id int);\nINSERT INTO app_migrations VALUES (\'20250101\'),(\'20250102\');\n';
    const result = await audit(dataChecks, { 'util/PostgresMigrations/Scripts/2022-11-03_00_OrgDomain.psql': migration, 'backups/prod.sql': dump, 'util/docker/db.sql': bootstrap }, { git: true });
    expect(where(result, 'data.committed-dump').filter((w) => w.includes('P0'))).toEqual(['fail P0 backups/prod.sql:1']);
  });

  it('does not count a committed env file of settings copied into the image as a baked secret, and counts one with a credential', async () => {
    const dockerfile = 'FROM php:8.3-fpm\nCOPY docker/.env.production .env\nCOPY docker/.env.staging .env.staging\nUSER www-data\n';
    const workflow = 'name: release\non: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with: {file: Dockerfile, push: true}\n';
    const result = await audit(dockerChecks, {
      '.github/workflows/release.yml': workflow,
      Dockerfile: dockerfile,
      'docker/.env.production': 'APP_ENV=production\nAPP_KEY=\nAPP_DEBUG=false\n',
      'docker/.env.staging': `APP_ENV=staging\nAPP_KEY=base64:${RANDOM}${RANDOM}\n`,
    }, { git: true });
    expect(where(result, 'docker.secrets-in-image')).toEqual(['fail P0 Dockerfile:3']);
  });
});

describe('dependencies and tests by the rubric', () => {
  it('puts a lockless manifest whose direct dependencies are all pinned exactly at P2, a floating one at P1', async () => {
    const result = await audit(opsChecks, {
      'web/package.json': JSON.stringify({ name: 'web', dependencies: { react: '19.0.0', 'react-dom': '19.0.0' } }),
      'api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '^5.0.0' } }),
    }, { git: true });
    expect(where(result, 'ops.lockfile')).toEqual(['fail P1 api/package.json:1', 'fail P2 web/package.json:1']);
  });
});
