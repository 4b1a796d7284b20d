// False positives found on repositories outside the labelled corpus
// (redash, netbox: the third corpus pass), each fixed by class and kept
// here in its smallest shape, next to the true positive that must survive.

import { describe, expect, it } from '@jest/globals';
import { composeChecks } from '../../src/checks/compose/index.js';
import { dataChecks } from '../../src/checks/data/index.js';
import { dockerChecks } from '../../src/checks/docker/index.js';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { roleFromContent, roleFromPath } from '../../src/model/roles.js';
import { isIdentifierKeyName } from '../../src/repo/classify.js';
import { isDigestName } from '../../src/model/values.js';
import { imageRepository, referencesIn } from '../../src/model/builds.js';
import { djangoChecks } from '../../src/checks/django/index.js';
import { k8sChecks } from '../../src/checks/k8s/index.js';
import { opsChecks } from '../../src/checks/ops/index.js';
import { audit, roles, where } from './helpers.js';

const j = (...parts: string[]): string => parts.join('');
const SHEET_ID = j('1S0mld7LMbUad8LYlo13', 'Os9f7eNjw57MqVC0YiCd1Jis');
const HIGH_ENTROPY = j('Zx81qLm2Vb7T', 'yR4wNp9K3hQe');

// Evidence that production reaches the files (SEVERITY.md): the Python project's manifest declares its `app` package;
// a release workflow publishes the root Dockerfile.
const PYTHON_PROJECT = { 'pyproject.toml': '[project]\nname = "app"\nversion = "1.0.0"\n', 'app/__init__.py': '' };
const RELEASE_WORKFLOW = {
  '.github/workflows/release.yml': 'jobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: ./Dockerfile\n          push: true\n          tags: ghcr.io/org/app:latest\n',
};

describe('third corpus pass: repositories outside the labelled corpus', () => {
  it('a compose header in markdown emphasis ("for the **development** setup") says development', () => {
    const text = '# This configuration file is for the **development** setup.\n# For a production example please refer to org/setup.\nservices:\n  server:\n    build: .\n';
    expect(roleFromContent('compose.yaml', text)?.role).toBe('development');
  });

  it('a smoke-test configuration is a test file', () => {
    expect(roleFromPath('scripts/smoketest_configuration.py')?.role).toBe('test');
    expect(roleFromPath('smoke-tests/config.py')?.role).toBe('test');
    expect(roleFromPath('app/smokey.py')).toBeUndefined();
  });

  it('names whose key is an identifier or a field name are not secrets; credential keys still are', () => {
    for (const name of ['test_spreadsheet_key', 'LDAP_EMAIL_KEY', 'LDAP_DISPLAY_NAME_KEY', 'cache_key', 'SORT_KEY', 'translation_key']) expect([name, isIdentifierKeyName(name)]).toEqual([name, true]);
    for (const name of ['SECRET_KEY', 'api_key', 'PRIVATE_KEY', 'ENCRYPTION_KEY', 'STRIPE_KEY', 'ACCESS_KEY', 'MASTER_KEY']) expect([name, isIdentifierKeyName(name)]).toEqual([name, false]);
  });

  it('secrets.hardcoded: a spreadsheet id under *_spreadsheet_key is not a secret; a random value under signing_key is', async () => {
    const result = await audit(secretsChecks.filter((c) => c.id === 'secrets.hardcoded'), {
      'app/query_runner/sheets.py': `def test_connection(self):\n    test_spreadsheet_key = "${SHEET_ID}"\n    return test_spreadsheet_key\n`,
      'app/auth.py': `signing_key = "${HIGH_ENTROPY}"\n`,
      ...PYTHON_PROJECT,
    });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 app/auth.py:1']);
  });

  it('secrets.weak-default: an LDAP attribute name default ("mail") is not a weak secret', async () => {
    const result = await audit(secretsChecks.filter((c) => c.id === 'secrets.weak-default'), {
      'app/settings.py': 'import os\nLDAP_EMAIL_KEY = os.environ.get("APP_LDAP_EMAIL_KEY", "mail")\nLDAP_BIND_PASSWORD = os.environ.get("APP_LDAP_BIND_PASSWORD", "admin")\n',
    });
    expect(where(result, 'secrets.weak-default')).toEqual(['fail P1 app/settings.py:3']);
  });

  it('docker.secrets-in-image: COPY of a committed .npmrc of settings is fine; one with a literal token is not', async () => {
    const check = dockerChecks.filter((c) => c.id === 'docker.secrets-in-image');
    const dockerfile = 'FROM node:20.11.1\nCOPY package.json .npmrc /app/\nRUN npm ci\n';
    // The release workflow publishes the image: what it bakes in ships.
    const image = { Dockerfile: dockerfile, ...RELEASE_WORKFLOW };
    expect(where(await audit(check, { ...image, '.npmrc': 'engine-strict=true\nauto-install-peers=true\n' }), 'docker.secrets-in-image')).toEqual(['pass P0']);
    expect(where(await audit(check, { ...image, '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' }), 'docker.secrets-in-image')).toEqual(['pass P0']);
    expect(where(await audit(check, { ...image, '.npmrc': `//registry.npmjs.org/:_authToken=${HIGH_ENTROPY}\n` }), 'docker.secrets-in-image')).toEqual(['fail P0 Dockerfile:2']);
    // Not in the repository (written by CI before the build): it may hold anything.
    expect(where(await audit(check, image), 'docker.secrets-in-image')).toEqual(['fail P0 Dockerfile:2']);
  });

  it("docker.secrets-in-image: ADD of a committed public signing key (plots2's nodesource.gpg.key) is fine; a private key file is not", async () => {
    const check = dockerChecks.filter((c) => c.id === 'docker.secrets-in-image');
    const image = { Dockerfile: 'FROM ruby:3.3.4\nADD nodesource.gpg.key /tmp/\nRUN apt-key add /tmp/nodesource.gpg.key\n', ...RELEASE_WORKFLOW };
    const publicKey = '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBFObJLYBEADkFW8HMjsoYRJQ4nCYC/6Eh0yLWHWfCh+/9ZSIj4w/pOe2V6V+\n-----END PGP PUBLIC KEY BLOCK-----\n';
    expect(where(await audit(check, { ...image, 'nodesource.gpg.key': publicKey }), 'docker.secrets-in-image')).toEqual(['pass P0']);
    const privateKey = ['-----BEGIN PGP PRIVATE', 'KEY BLOCK-----\n\nlQdGBGXx\n-----END PGP PRIVATE', 'KEY BLOCK-----\n'].join(' ');
    expect(where(await audit(check, { ...image, 'nodesource.gpg.key': privateKey }), 'docker.secrets-in-image')).toEqual(['fail P0 Dockerfile:2']);
  });

  it('a development compose file (by its emphasised header) is judged at most P2', async () => {
    const result = await audit(composeChecks.filter((c) => c.id === 'compose.healthcheck'), {
      'compose.yaml': '# This configuration file is for the **development** setup.\nservices:\n  server:\n    image: org/app:1.0.0\n',
    });
    expect(where(result, 'compose.healthcheck')).toEqual(['fail P2 compose.yaml:3']);
  });

  it('seed data is sample data: a committed seed dump is P2 ("check that it is synthetic"), a dump elsewhere stays P0', async () => {
    const dump = 'INSERT INTO user (id, username) VALUES (1, \'demo\');\nINSERT INTO memo (id, content) VALUES (1, \'hello\');\n';
    const result = await audit(dataChecks.filter((c) => c.id === 'data.committed-dump'), { 'store/seed/sqlite/01__dump.sql': dump, 'backups/prod_dump.sql': dump });
    expect(where(result, 'data.committed-dump')).toEqual(['fail P0 backups/prod_dump.sql:1', 'fail P2 store/seed/sqlite/01__dump.sql:1']);
  });

  it('camelCase digest names (tokenHash) and non-ASCII text values are not secrets', async () => {
    expect(['tokenHash', 'fileSha256', 'contentDigest', 'token_hash'].map(isDigestName)).toEqual([true, true, true, true]);
    expect(['tokenHashSecret', 'hashKey'].map(isDigestName)).toEqual([false, false]);
    const result = await audit(secretsChecks.filter((c) => c.id === 'secrets.hardcoded'), {
      'app/store.py': `row = {"tokenHash": "${'7631'.repeat(16)}"}\n`,
      'web/src/locales/ja.json': '{\n  "accesskey-description": "バケットのS3アクセスキー2"\n}\n',
      'app/auth.py': `signing_key = "${HIGH_ENTROPY}"\n`,
      ...PYTHON_PROJECT,
    });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 app/auth.py:1']);
  });

  it('docker.non-root: USER root for an entrypoint that drops to an unprivileged user with su-exec passes; plain USER root fails', async () => {
    const check = dockerChecks.filter((c) => c.id === 'docker.non-root');
    const drops = 'FROM alpine:3.20\nRUN apk add --no-cache su-exec && adduser -S app\nCOPY entrypoint.sh /entrypoint.sh\nUSER root\nENTRYPOINT ["/entrypoint.sh"]\n';
    expect(where(await audit(check, { Dockerfile: drops, 'entrypoint.sh': '#!/bin/sh\nexec su-exec app "$@"\n' }), 'docker.non-root')).toEqual(['pass P1']);
    expect(where(await audit(check, { Dockerfile: 'FROM alpine:3.20\nUSER root\nCMD ["sh"]\n' }), 'docker.non-root')).toEqual(['fail P1 Dockerfile:2']);
  });

  it('test environments, debug values and localhost TLS keys have their roles', () => {
    expect(roleFromPath('scripts/test-environments/postgres/compose.yml')?.role).toBe('test');
    expect(roleFromPath('timoni/podinfo/debug_values.cue')?.role).toBe('development');
    expect(roleFromPath('apps/client/localhost.pem')?.role).toBe('development');
    expect(roleFromPath('certs/localhost-key.pem')?.role).toBe('development');
    expect(roleFromPath('certs/server.pem')).toBeUndefined();
  });

  it('docker.non-root: uWSGI started as root with a non-root uid in its ini file passes', async () => {
    const check = dockerChecks.filter((c) => c.id === 'docker.non-root');
    const files = { Dockerfile: 'FROM python:3.13.7-slim\nCOPY . .\nCMD ["./bootstrap.sh"]\n', 'bootstrap.sh': '#!/bin/sh\nexec uwsgi --http :9090 uwsgi.ini\n' };
    expect(where(await audit(check, { ...files, 'uwsgi.ini': '[uwsgi]\nmodule = app.wsgi\nuid = www-data\ngid = www-data\n' }), 'docker.non-root')).toEqual(['pass P1']);
    expect(where(await audit(check, { ...files, 'uwsgi.ini': '[uwsgi]\nmodule = app.wsgi\n' }), 'docker.non-root')).toEqual(['fail P1 Dockerfile:1']);
  });

  it('compose.healthcheck: the project image that CI builds from a Dockerfile with HEALTHCHECK has one', async () => {
    const workflow = [
      'jobs:',
      '  build:',
      '    steps:',
      '      - name: Build latest',
      '        uses: docker/build-push-action@v6',
      '        with:',
      '          context: .',
      '          file: ./docker/default.Dockerfile',
      '          tags: |',
      '            org/app:latest',
      '            ghcr.io/org/app:${{ env.VERSION }}',
      '      - name: Build worker',
      '        uses: docker/build-push-action@v6',
      '        with:',
      '          file: ./docker/worker.Dockerfile',
      '          tags: org/worker:latest',
      '',
    ].join('\n');
    const found = referencesIn('.github/workflows/build.yaml', workflow, new Set(['docker/default.Dockerfile', 'docker/worker.Dockerfile']));
    // A tag written as a workflow expression (`${{ env.VERSION }}`) still names the image it pushes.
    expect(found.map((f) => [f.paths, f.images])).toEqual([[['docker/default.Dockerfile'], ['org/app:latest', 'ghcr.io/org/app:${{ env.VERSION }}']], [['docker/worker.Dockerfile'], ['org/worker:latest']]]);
    expect([imageRepository('ghcr.io/org/app:1.2'), imageRepository('docker.io/library/redis:7'), imageRepository('localhost:5000/app@sha256:ab')]).toEqual(['org/app', 'redis', 'app']);
    const result = await audit(composeChecks.filter((c) => c.id === 'compose.healthcheck'), {
      '.github/workflows/build.yaml': workflow,
      'docker/default.Dockerfile': 'FROM python:3.13.7-slim AS app\nHEALTHCHECK CMD curl -f http://localhost:9090/health || exit 1\nFROM app AS plus\nRUN true\n',
      'docker/worker.Dockerfile': 'FROM python:3.13.7-slim\nCMD ["worker"]\n',
      'docker-compose.yml': 'services:\n  app:\n    image: org/app:1.4.0\n    ports: ["9090:9090"]\n  worker:\n    image: org/worker:1.4.0\n    ports: ["9091:9091"]\n',
    });
    // Only the worker lacks one; nothing waits on it (SEVERITY.md: P2).
    expect(where(result, 'compose.healthcheck')).toEqual(['fail P2 docker-compose.yml:5']);
  });

  it('django: a module a deployment names (uWSGI env) wins over the one wsgi.py only sets as a default', async () => {
    const result = await audit(djangoChecks.filter((c) => c.id === 'django.allowed-hosts'), {
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n',
      'proj/__init__.py': '',
      'proj/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n',
      'proj/settings/__init__.py': 'try:\n    from .dev import *\nexcept ImportError:\n    from .release import *\n',
      'proj/settings/dev.py': 'DEBUG = True\nALLOWED_HOSTS = ["*"]\n',
      'proj/settings/release.py': 'DEBUG = False\nALLOWED_HOSTS = ["app.example.com"]\n',
      'uwsgi.ini': '[uwsgi]\nenv = DJANGO_SETTINGS_MODULE=proj.settings.release\nmodule = proj.wsgi\n',
    });
    expect(where(result, 'django.allowed-hosts')).toEqual(['pass P1']);
  });

  it('k8s.probes: a Service of another setup (extras/) does not make a portless worker a served one', async () => {
    const worker = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: loadgenerator\nspec:\n  template:\n    metadata:\n      labels:\n        app: loadgenerator\n    spec:\n      containers:\n        - name: loadgenerator\n          image: org/loadgenerator:1.0.0\n';
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: loadgenerator\nspec:\n  selector:\n    app: loadgenerator\n  ports:\n    - port: 8080\n';
    const result = await audit(k8sChecks.filter((c) => c.id === 'k8s.probes'), { 'kubernetes-manifests/loadgenerator.yaml': worker, 'autoscaling/loadgenerator.yaml': `${worker}---\n${service}` });
    // k8s.probes is P2 (SEVERITY.md); only the worker without a Service of its own setup is said to gate no traffic.
    expect(where(result, 'k8s.probes')).toEqual(['fail P2 autoscaling/loadgenerator.yaml:12', 'fail P2 kubernetes-manifests/loadgenerator.yaml:12']);
    expect(result.findings.filter((f) => f.checkId === 'k8s.probes').map((f) => /a readiness probe gates no traffic/.test(f.message))).toEqual([false, true]);
  });

  it('docker.non-root: FROM the official postgres image keeps its privilege-dropping entrypoint unless ENTRYPOINT is replaced', async () => {
    const check = dockerChecks.filter((c) => c.id === 'docker.non-root');
    expect(where(await audit(check, { 'db/Dockerfile': 'FROM postgres:16.4-alpine\nCOPY init.sql /docker-entrypoint-initdb.d/\n' }), 'docker.non-root')).toEqual(['pass P1']);
    expect(where(await audit(check, { 'db/Dockerfile': 'FROM postgres:16.4-alpine\nENTRYPOINT ["postgres"]\n' }), 'docker.non-root')).toEqual(['fail P1 db/Dockerfile:1']);
  });

  it('ops.ci: a repository of configuration only has nothing to test; Cloud Build files in any folder are CI, and skaffold test runs tests', async () => {
    const check = opsChecks.filter((c) => c.id === 'ops.ci');
    const configOnly = await audit(check, { 'compose.yml': 'services:\n  app:\n    image: org/app:1.0.0\n', 'README.md': '# deploy\n' });
    expect(configOnly.findings.filter((f) => f.checkId === 'ops.ci').map((f) => f.status)).toEqual(['skip']);
    const cloudBuild = await audit(check, {
      'src/app/main.py': 'print(1)\n',
      '.github/workflows/release.yaml': 'on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo release\n',
      '.github/cloudbuild/ci-pr.yaml': 'steps:\n  - id: run-tests\n    name: gcr.io/k8s-skaffold/skaffold\n    script: |\n      skaffold test --assume-yes --profile=development\n',
    });
    expect(cloudBuild.findings.filter((f) => f.checkId === 'ops.ci').map((f) => f.status)).toEqual(['pass']);
  });

  it('a Secret in extras/ that the README quickstart applies with kubectl is judged as production', async () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: jwt-key\ntype: Opaque\nstringData:\n  jwt.key: committed-signing-key-material-1234567890\n';
    const check = k8sChecks.filter((c) => c.id === 'k8s.committed-secret');
    const files = { 'extras/jwt/jwt-secret.yaml': secret, 'extras/other/secret.yaml': secret };
    const quickstart = '## Quickstart\n\n```sh\nkubectl apply -f ./extras/jwt/jwt-secret.yaml\nkubectl apply -f ./kubernetes-manifests\n```\n';
    expect(where(await audit(check, { ...files, 'README.md': quickstart }), 'k8s.committed-secret')).toEqual(['fail P0 extras/jwt/jwt-secret.yaml:7']);
    expect(where(await audit(check, files), 'k8s.committed-secret').filter((w) => w.startsWith('fail'))).toEqual([]);
    // A README beside its manifests applies them relative to its own folder.
    const beside = await audit(check, { ...files, 'extras/other/README.md': '## Install\n\n```sh\nkubectl apply -n $NAMESPACE -f ./secret.yaml\n```\n' });
    expect(where(beside, 'k8s.committed-secret')).toEqual(['fail P0 extras/other/secret.yaml:7']);
  });

  it('a compose file that runs the application from its published image on loopback (behind a proxy) is a deployment, not a local dependency stack', async () => {
    const compose = 'services:\n  db:\n    image: postgres:14-alpine\n    environment:\n      - POSTGRES_PASSWORD=postgres\n  app:\n    image: org/analytics:v2.0\n    ports:\n      - 127.0.0.1:8000:8000\n';
    expect(roleFromContent('docker-compose.yml', compose)).toBeUndefined();
    expect(roleFromContent('docker-compose.yml', 'services:\n  db:\n    image: postgres:14-alpine\n    ports:\n      - 127.0.0.1:5432:5432\n  mail:\n    image: axllent/mailpit\n    ports:\n      - 127.0.0.1:8025:8025\n')?.role).toBe('development');
    const result = await audit(composeChecks.filter((c) => c.id === 'compose.inline-secret'), { 'docker-compose.yml': compose });
    // Not a development file: its role stays unknown (nothing here runs it), so at most P1, not P2.
    expect(where(result, 'compose.inline-secret')).toEqual(['fail P1 docker-compose.yml:5']);
    expect(roles(result, 'compose.inline-secret')).toEqual(['unknown unknown']);
  });

  it('fifth pass: vendored Yarn releases, backing-service stacks beside the code, quantity names, pull jobs, tokens a test calls made up', async () => {
    expect(roleFromPath('.yarn/releases/yarn-4.12.0.cjs')?.role).toBe('tooling');
    const dbs = 'services:\n  mysql:\n    image: mysql:9.6\n    environment:\n      MYSQL_PASSWORD: petclinic\n    ports:\n      - "3306:3306"\n';
    const inApp = await audit(composeChecks.filter((c) => c.id === 'compose.inline-secret'), { 'docker-compose.yml': dbs, 'src/main/java/App.java': 'class App {}\n' });
    expect(where(inApp, 'compose.inline-secret')).toEqual(['fail P2 docker-compose.yml:5']);
    const infraOnly = await audit(composeChecks.filter((c) => c.id === 'compose.inline-secret'), { 'docker-compose.yml': dbs });
    // Without application code beside it, not a dependency stack: unknown (nothing here runs it), so at most P1.
    expect(where(infraOnly, 'compose.inline-secret')).toEqual(['fail P1 docker-compose.yml:5']);
    expect(roles(infraOnly, 'compose.inline-secret')).toEqual(['unknown unknown']);
    const monitoring = 'services:\n  prometheus:\n    image: prom/prometheus:v2.53.0\n  grafana:\n    image: grafana/grafana:11.1.0\n    environment:\n      GF_SECURITY_ADMIN_PASSWORD: admin\n';
    // A monitoring stack beside the code is no dependency stack either: unknown, at most P1 (not development's P2).
    const monitored = await audit(composeChecks.filter((c) => c.id === 'compose.inline-secret'), { 'compose.monitoring.yaml': monitoring, 'app/main.py': 'print(1)\n' });
    expect(where(monitored, 'compose.inline-secret')).toEqual(['fail P1 compose.monitoring.yaml:7']);
    expect(roles(monitored, 'compose.inline-secret')).toEqual(['unknown unknown']);
    // The application's own image behind a variable's default (ArchiveBox: `${ARCHIVEBOX_IMAGE:-archivebox/archivebox:dev}`)
    // is no backing service, and an image given only by a variable may be the application too.
    const ownImage = 'services:\n  archivebox:\n    image: ${ARCHIVEBOX_IMAGE:-archivebox/archivebox:dev}\n    ports:\n      - 8000:8000\n  redis:\n    image: redis:7\n';
    const withCode = await audit(composeChecks.filter((c) => c.id === 'compose.image-pinning'), { 'docker-compose.yml': ownImage, 'archivebox/main.py': 'print(1)\n' });
    expect(roles(withCode, 'compose.image-pinning')[0]).toBe('unknown unknown');
    // A backing service's image behind a variable's default is still a backing service.
    const dbDefault = await audit(composeChecks.filter((c) => c.id === 'compose.inline-secret'), { 'docker-compose.yml': 'services:\n  db:\n    image: ${DB_IMAGE:-postgres:16}\n    environment:\n      POSTGRES_PASSWORD: petclinic\n', 'src/main/java/App.java': 'class App {}\n' });
    expect(roles(dbDefault, 'compose.inline-secret')).toEqual(['development content:dependency-stack']);
    const weak = await audit(secretsChecks.filter((c) => c.id === 'secrets.weak-default'), {
      ...PYTHON_PROJECT,
      'app/settings.py': 'import os\nRESET_PASSWORD_LOCK_TIME = os.environ.get("RESET_PASSWORD_LOCK_TIME", "15 minutes")\nTOKEN_UPDATE_LAST_LOGIN_THRESHOLD = os.environ.get("TOKEN_UPDATE_LAST_LOGIN_THRESHOLD", "60 seconds")\nJWT_SECRET = os.environ.get("JWT_SECRET", "secret")\n',
    });
    expect(where(weak, 'secrets.weak-default')).toEqual(['fail P0 app/settings.py:4']);
    const pull = await audit(composeChecks.filter((c) => c.id === 'compose.healthcheck'), {
      'docker-compose.yml': 'services:\n  ollama:\n    image: ollama/ollama:0.3.0\n    ports: ["11434:11434"]\n  ollama-pull-llama:\n    image: ollama/ollama:0.3.0\n    entrypoint: /bin/sh\n    command: ["-c", "sleep 3; ollama pull llama3.2"]\n',
    });
    expect(where(pull, 'compose.healthcheck')).toEqual(['fail P2 docker-compose.yml:2']);
    const token = j('ghp_', 'yQbWDPxQgaZAeTSuVFJrmVGloUfENb4Zw0WX');
    const tokens = await audit(secretsChecks.filter((c) => c.id === 'secrets.hardcoded'), {
      'src/validate-token.spec.ts': `it('accepts a classic token', () => {\n  // token is randomly generated and not real\n  expect(validate('${token}')).toBe(true)\n})\n`,
      'src/other.spec.ts': `const t = '${token}'\n`,
    });
    expect(where(tokens, 'secrets.hardcoded')).toEqual(['fail P0 src/other.spec.ts:1', 'fail P2 src/validate-token.spec.ts:3']);
  });

  it('django.https: a headless API without session or CSRF middleware is not asked for Secure session/CSRF cookies (Django W012/W016)', async () => {
    const result = await audit(djangoChecks.filter((c) => c.id === 'django.https'), {
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "api.settings")\n',
      'api/__init__.py': '',
      'api/settings.py': 'DEBUG = False\nINSTALLED_APPS = ["django.contrib.contenttypes", "api"]\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"]\nSECURE_SSL_REDIRECT = True\n',
    });
    expect(result.findings.filter((f) => f.checkId === 'django.https' && f.status === 'fail').map((f) => f.message.split(' ')[0])).toEqual(['SECURE_HSTS_SECONDS']);
  });

  it('sixth pass: API docs folders, HTTP-client request files and __stubs__ have their roles', () => {
    expect(roleFromPath('api-docs/api.yaml')?.role).toBe('docs');
    expect(roleFromPath('backend/remark.rest')?.role).toBe('development');
    expect(roleFromPath('requests/auth.http')?.role).toBe('development');
    expect(roleFromPath('frontend/app/__stubs__/jwt.ts')?.role).toBe('test');
  });

  it('an example compose file the hosting guide downloads as compose.yml is the deployment', async () => {
    const compose = 'services:\n  web:\n    image: ghcr.io/org/app:latest\n    ports: ["3000:3000"]\n';
    const check = composeChecks.filter((c) => c.id === 'compose.image-pinning');
    const guide = '```sh\ncurl -o compose.yml https://raw.githubusercontent.com/org/app/main/compose.example.yml\ncp .env.example .env\n```\n';
    expect(where(await audit(check, { 'compose.example.yml': compose, 'docs/hosting/docker.md': guide }), 'compose.image-pinning')).toEqual(['fail P1 compose.example.yml:3']);
    expect(where(await audit(check, { 'compose.example.yml': compose }), 'compose.image-pinning').filter((w) => w.startsWith('fail'))).toEqual([]);
  });
});
