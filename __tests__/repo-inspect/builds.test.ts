// What builds a Dockerfile decides what it is (src/model/builds.ts), and the
// other false P1 classes of the corpus's second pass: a local build of a
// published deployment, developer-environment images, base images, stages
// the final image never uses, workers no Service reaches, scheduled-job
// containers, a variable a documentation page describes, a CORS allow-all
// scoped to an API, a PGDATA written as an interpolation default, and
// test/template trees counted as code without tests. Each fixture is the
// smallest shape of a pattern seen on a public repository (corpus/labels.json),
// next to the true positive that must survive.

import { describe, expect, it } from '@jest/globals';
import { composeChecks } from '../../src/checks/compose/index.js';
import { dockerChecks } from '../../src/checks/docker/index.js';
import { djangoChecks } from '../../src/checks/django/index.js';
import { envChecks } from '../../src/checks/env/index.js';
import { k8sChecks } from '../../src/checks/k8s/index.js';
import { opsChecks } from '../../src/checks/ops/index.js';
import { referencesIn } from '../../src/model/builds.js';
import { audit, messages, roles, where } from './helpers.js';
import { of } from '../helpers/run-checks.js';

const nonRoot = dockerChecks.filter((c) => c.id === 'docker.non-root');
const pinned = dockerChecks.filter((c) => c.id === 'docker.base-image-pinned');
const secretsInImage = dockerChecks.filter((c) => c.id === 'docker.secrets-in-image');
const ROOT_APP = 'FROM python:3.12.4-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n';

describe('the role of a Dockerfile follows what builds it', () => {
  it('a Dockerfile built only by a service in a deprecated compose profile is judged as development (P2), the production one at full severity', async () => {
    const result = await audit([...nonRoot, ...secretsInImage], {
      'docker-compose.yml': [
        'services:',
        '  app:',
        '    build: { context: ., dockerfile: prod.Dockerfile }',
        '    image: app:1.0.0',
        '  backend-legacy:',
        '    build: { context: ., dockerfile: packages/backend/Dockerfile }',
        '    profiles: [deprecated]',
        '',
      ].join('\n'),
      'prod.Dockerfile': ROOT_APP,
      'packages/backend/Dockerfile': 'FROM node:20.11.1\nCOPY .env .env\nCMD ["node", "main.js"]\n',
    });
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 prod.Dockerfile:1', 'fail P2 packages/backend/Dockerfile:1']);
    expect(where(result, 'docker.secrets-in-image')).toEqual(['fail P2 packages/backend/Dockerfile:2']);
  });

  it('a step with `context: .` and a templated `file:` builds the Dockerfiles the template names, not the root Dockerfile', async () => {
    const files = {
      '.github/workflows/edge.yml': "jobs:\n  image:\n    strategy:\n      matrix:\n        os: [ubuntu, alpine]\n    steps:\n      - name: Build and push image\n        uses: docker/build-push-action@v5\n        with:\n          context: .\n          push: true\n          file: docker/edge-${{ matrix.os }}.Dockerfile\n",
      Dockerfile: ROOT_APP,
      'docker/edge-ubuntu.Dockerfile': ROOT_APP,
      'docker/edge-alpine.Dockerfile': ROOT_APP,
    };
    const result = await audit(nonRoot, files);
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 docker/edge-alpine.Dockerfile:1', 'fail P1 docker/edge-ubuntu.Dockerfile:1', 'fail P1 Dockerfile:1']);
    expect(roles(result, 'docker.non-root')).toEqual(['production evidence:built-by', 'production evidence:built-by', 'unknown unknown']);
  });

  it('a Dockerfile in a subfolder that nothing builds is unknown (built by nothing), once the repository shows how it builds its images', async () => {
    const files = {
      // The release workflow publishes docker/Dockerfile: production by evidence.
      '.github/workflows/release.yml': 'jobs:\n  image:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: ./docker/Dockerfile\n          push: true\n',
      'docker/Dockerfile': ROOT_APP,
      'apps/remix/Dockerfile.bun': 'FROM oven/bun:1.1.0\nCMD ["bun", "start"]\n',
    };
    const result = await audit(nonRoot, files);
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 apps/remix/Dockerfile.bun:1', 'fail P1 docker/Dockerfile:1']);
    expect(roles(result, 'docker.non-root')).toEqual(['unknown evidence:built-by-nothing', 'production evidence:built-by']);
    expect(of(result, 'docker.non-root')[1]!.role!.reason).toBe('built by .github/workflows/release.yml:7');
    // With nothing that shows how images are built, no Dockerfile is known to be built by nothing either: both plainly unknown.
    const unknown = await audit(nonRoot, { 'docker/Dockerfile': ROOT_APP, 'apps/remix/Dockerfile.bun': files['apps/remix/Dockerfile.bun'] });
    expect(where(unknown, 'docker.non-root')).toEqual(['fail P1 apps/remix/Dockerfile.bun:1', 'fail P1 docker/Dockerfile:1']);
    expect(roles(unknown, 'docker.non-root')).toEqual(['unknown unknown', 'unknown unknown']);
  });

  it('a build matrix that hides the path behind a variable keeps every Dockerfile under its prefix from being "built by nothing"', async () => {
    const result = await audit(nonRoot, {
      // A publishing job: the Dockerfile it names is production; the ones the variable may name are not known built by nothing.
      '.github/workflows/ci.yml': 'jobs:\n  build:\n    steps:\n      - run: docker build -f services/${{ matrix.service }}/Dockerfile .\n      - run: docker build -f ./web/Dockerfile -t ghcr.io/org/web:1.0 .\n      - run: docker push ghcr.io/org/web:1.0\n',
      'web/Dockerfile': ROOT_APP,
      'services/api/Dockerfile': ROOT_APP,
    });
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 services/api/Dockerfile:1', 'fail P1 web/Dockerfile:1']);
    expect(roles(result, 'docker.non-root')).toEqual(['unknown unknown', 'production evidence:built-by']);
  });

  it('reads build files the way CI and scripts write them', () => {
    const dockerfiles = new Set(['docker/Dockerfile', 'apps/api/Dockerfile.api', 'src/frontend/Dockerfile', 'jq/Dockerfile', 'Dockerfile.base']);
    const paths = (path: string, text: string): string[] => referencesIn(path, text, dockerfiles).flatMap((f) => f.paths);
    expect(paths('docker/build.sh', 'docker build -f "$SCRIPT_DIR/Dockerfile" -t app .\n')).toEqual(['docker/Dockerfile']);
    expect(paths('.github/workflows/b.yml', '        with:\n          build-context: ./apps/api\n          dockerfile-path: ./apps/api/Dockerfile.api\n')).toEqual(['apps/api/Dockerfile.api']);
    // skaffold: a context with no dockerfile key builds the context's Dockerfile.
    expect(paths('skaffold.yaml', 'build:\n  artifacts:\n  - image: frontend\n    context: src/frontend\n  - image: cart\n    context: src/cart\n    docker:\n      dockerfile: Dockerfile\n')).toEqual(['src/frontend/Dockerfile']);
    expect(paths('install/setup.sh', 'docker build -t tool-local --platform="$P" jq\n')).toEqual(['jq/Dockerfile']);
    expect(paths('.github/workflows/base.yml', '          file: Dockerfile.base\n')).toEqual(['Dockerfile.base']);
    expect(referencesIn('ci.yml', 'file: ${{ matrix.dockerfile }}\n', dockerfiles)[0]!.prefixes).toEqual(['']);
  });

  it('scans a 2 MB line of Dockerfile-like words in linear time', () => {
    const line = `${'a'.repeat(1_000_000)}Dockerfile${'b/'.repeat(500_000)}`;
    const started = process.hrtime.bigint();
    referencesIn('ci.yml', line, new Set(['Dockerfile']));
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });

  it('a Dockerfile built on a developer-environment image is development', async () => {
    const result = await audit([...nonRoot, ...pinned], {
      'workstation/postinstall/Dockerfile': 'FROM us-west1-docker.pkg.dev/cloud-workstations-images/predefined/base:latest\nRUN apt-get update\n',
      'ide/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/python:1-3.12\n',
    });
    expect(where(result, 'docker.non-root')).toEqual(['fail P2 ide/Dockerfile:1', 'fail P2 workstation/postinstall/Dockerfile:1']);
    expect(where(result, 'docker.base-image-pinned')).toEqual(['fail P2 workstation/postinstall/Dockerfile:1']);
  });
});

describe('Dockerfile checks', () => {
  it('a base image Dockerfile (Dockerfile.base) leaves the user to the image built FROM it', async () => {
    const result = await audit(nonRoot, { 'Dockerfile.base': 'FROM node:20.11.1\nRUN npm ci\n', Dockerfile: 'FROM node:20.11.1\nCMD ["node"]\n' });
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 Dockerfile:1', 'fail P2 Dockerfile.base:1']);
  });

  it('an unpinned stage the final image never uses is P2; one it copies from stays P1', async () => {
    const result = await audit(pinned, {
      Dockerfile: [
        'FROM --platform=$BUILDPLATFORM tonistiigi/binfmt AS binfmt',
        'FROM golang AS build',
        'RUN go build -o /app .',
        'FROM gcr.io/distroless/static-debian12:nonroot',
        'COPY --from=build /app /app',
        '',
      ].join('\n'),
    });
    expect(where(result, 'docker.base-image-pinned')).toEqual(['fail P1 Dockerfile:2', 'fail P2 Dockerfile:1']);
  });
});

describe('compose deployments', () => {
  it('a compose file that builds from source what another deployment runs from published images is a local build (development)', async () => {
    const result = await audit(composeChecks.filter((c) => c.id === 'compose.healthcheck'), {
      'docker-compose.yml': 'services:\n  api:\n    build: ./apps/api\n  web:\n    build: ./apps/web\n  db:\n    image: postgres:16.3\n',
      'deployments/community/docker-compose.yml': 'services:\n  api:\n    image: org/app-backend:1.4.0\n  web:\n    image: org/app-frontend:1.4.0\n  db:\n    image: postgres:16.3\n',
      'apps/api/Dockerfile': ROOT_APP,
      'apps/web/Dockerfile': ROOT_APP,
      // The self-hosting guide runs the community deployment: production by evidence.
      'README.md': '# App\n\n## Self-hosting\n\n```sh\ndocker compose -f deployments/community/docker-compose.yml up -d\n```\n',
    });
    // A missing healthcheck nothing waits on is P2 in both (SEVERITY.md): the roles tell them apart.
    expect(where(result, 'compose.healthcheck')).toEqual([
      'fail P2 deployments/community/docker-compose.yml:2',
      'fail P2 deployments/community/docker-compose.yml:4',
      'fail P2 deployments/community/docker-compose.yml:6',
      'fail P2 docker-compose.yml:2',
      'fail P2 docker-compose.yml:4',
      'fail P2 docker-compose.yml:6',
    ]);
    const found = of(result, 'compose.healthcheck');
    expect(roles(result, 'compose.healthcheck').slice(0, 3)).toEqual(Array(3).fill('production evidence:compose'));
    for (const f of found.slice(3)) {
      expect([f.role!.role, f.role!.reason]).toEqual(['development', 'builds from source the services that deployments/community/docker-compose.yml runs from published images (api, web): a local build']);
      // Every role in a finding says what gave it (RoleInfo.rule).
      expect(typeof f.role!.rule).toBe('string');
    }
  });

  it('a service that only runs a crontab line and publishes nothing has a P2 healthcheck finding', async () => {
    const result = await audit(composeChecks.filter((c) => c.id === 'compose.healthcheck'), {
      'docker-compose.yml': [
        'services:',
        '  cleanup:',
        '    image: app:1.2.0',
        '    command: \'"0 0 * * * gosu app app cleanup --days 90"\'',
        '  web:',
        '    image: app:1.2.0',
        '    command: gunicorn app.wsgi',
        '    ports: ["8000:8000"]',
        '',
      ].join('\n'),
    });
    // Nothing waits on either (P2, SEVERITY.md); the scheduled-job container says it serves nothing.
    expect(where(result, 'compose.healthcheck')).toEqual(['fail P2 docker-compose.yml:2', 'fail P2 docker-compose.yml:5']);
    expect(messages(result, 'compose.healthcheck')[0]).toMatch(/It runs scheduled jobs \(a crontab line: 0 0 \* \* \*\) and serves nothing/);
    expect(messages(result, 'compose.healthcheck')[1]).toMatch(/Nothing waits for it \(no depends_on with condition: service_healthy\)\.$/);
  });

  it('PGDATA written as ${PGDATA:-/var/lib/postgresql/data} is that directory', async () => {
    const check = composeChecks.filter((c) => c.id === 'compose.datastore-volume');
    const compose = (volume: string): string => `services:\n  db:\n    image: postgres:16.3\n    environment:\n      PGDATA: \${PGDATA:-/var/lib/postgresql/data}\n    volumes:\n      - ${volume}\nvolumes:\n  pgdata:\n`;
    expect(where(await audit(check, { 'docker-compose.yml': compose('pgdata:/var/lib/postgresql/data') }), 'compose.datastore-volume')).toEqual(['pass P1']);
    expect(where(await audit(check, { 'README.md': '## Deploy\n\n```\ndocker compose up -d\n```\n', 'docker-compose.yml': compose('pgdata:/srv/other') }), 'compose.datastore-volume')).toEqual(['fail P1 docker-compose.yml:6']);
  });

  it('follows the official postgres image to its version-18 layout: /var/lib/postgresql/18/docker or /var/lib/postgresql keep the data, the old /var/lib/postgresql/data does not (docuseal)', async () => {
    const check = composeChecks.filter((c) => c.id === 'compose.datastore-volume');
    const deployed = (image: string, volume: string): Record<string, string> => ({
      'README.md': '## Deploy\n\n```\ndocker compose up -d\n```\n',
      'docker-compose.yml': `services:\n  db:\n    image: ${image}\n    volumes:\n      - ${volume}\n`,
    });
    const verdict = async (image: string, volume: string): Promise<string[]> => where(await audit(check, deployed(image, volume)), 'compose.datastore-volume');
    expect(await verdict('postgres:18', './pg_data:/var/lib/postgresql/18/docker')).toEqual(['pass P1']);
    expect(await verdict('postgres:18-alpine', 'pgdata:/var/lib/postgresql')).toEqual(['pass P1']);
    expect(await verdict('postgres:18', 'pgdata:/var/lib/postgresql/data')).toEqual(['fail P1 docker-compose.yml:4']);
    expect(await verdict('postgres:16.3', 'pgdata:/var/lib/postgresql/data')).toEqual(['pass P1']);
    expect(await verdict('postgres:16.3', './pg_data:/var/lib/postgresql/18/docker')).toEqual(['fail P1 docker-compose.yml:4']);
    // A floating tag may be either layout.
    expect(await verdict('postgres', 'pgdata:/var/lib/postgresql/data')).toEqual(['pass P1']);
  });
});

describe('Kubernetes probes', () => {
  const deployment = (name: string, ports: string): string =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: main\n          image: org/${name}:1.0.0\n${ports}`;
  it('a worker that declares no port and no Service selects says a probe gates no traffic; a Service-selected one does not', async () => {
    const result = await audit(k8sChecks.filter((c) => c.id === 'k8s.probes'), {
      'k8s/loadgenerator.yaml': deployment('loadgenerator', ''),
      'k8s/collector.yaml': `${deployment('collector', '')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: collector\nspec:\n  selector:\n    app: collector\n  ports:\n    - port: 4317\n`,
      'k8s/web.yaml': deployment('web', '          ports:\n            - containerPort: 8080\n'),
    });
    // k8s.probes is P2 (SEVERITY.md: missing probes are hygiene); only the worker is said to gate no traffic.
    expect(where(result, 'k8s.probes')).toEqual(['fail P2 k8s/collector.yaml:12', 'fail P2 k8s/loadgenerator.yaml:12', 'fail P2 k8s/web.yaml:12']);
    const said = messages(result, 'k8s.probes').map((m) => /a readiness probe gates no traffic/.test(m));
    expect(said).toEqual([false, true, false]);
  });
});

describe('repository-wide checks', () => {
  it('ops.tests counts only the application code: not a cookiecutter tree, nor an _integration-test fixture app', async () => {
    const result = await audit(opsChecks.filter((c) => c.id === 'ops.tests'), {
      '{{cookiecutter.project_slug}}/package.json': '{"name": "x"}\n',
      '{{cookiecutter.project_slug}}/gulpfile.mjs': 'export default () => {};\n',
      '_integration-test/nodejs/package.json': '{"name": "fixture"}\n',
      '_integration-test/nodejs/instrument.js': 'module.exports = {};\n',
      'app/main.py': 'print(1)\n',
      'app/test_main.py': 'def test_x(): pass\n',
      'requirements.txt': 'django==5.0\n',
    });
    expect(where(result, 'ops.tests')).toEqual(['pass P2']);
    expect(messages(result, 'ops.tests')).toEqual(['Test files exist for Python.']);
  });

  it('a diff of an env file (.env.patch) is not read as an env file (its lines are not KEY=VALUE)', async () => {
    const result = await audit(envChecks.filter((c) => c.id === 'env.committed-file'), {
      'optional-modifications/patches/external-kafka/.env.patch': '--- a/.env\n+++ b/.env\n@@ -1,2 +1,2 @@\n-KAFKA_HOST=kafka\n+KAFKA_HOST=broker.internal\n',
    });
    expect(result.findings.filter((f) => f.checkId === 'env.committed-file').map((f) => f.status)).toEqual(['skip']);
  });

  it('env.undocumented: a required variable that the self-hosting guide names says where', async () => {
    const result = await audit(envChecks.filter((c) => c.id === 'env.undocumented'), {
      '.env.example': 'APP_URL=https://example.com\n',
      'docker/production/compose.yml': 'services:\n  db:\n    image: postgres:16.3\n    environment:\n      POSTGRES_USER: ${POSTGRES_USER:?err}\n      POSTGRES_DB: ${POSTGRES_DB:?err}\n',
      'apps/docs/self-hosting/docker-compose.mdx': '| Variable | Meaning |\n|---|---|\n| `POSTGRES_USER` | database user |\n',
    });
    expect(where(result, 'env.undocumented')).toEqual(['fail P2 docker/production/compose.yml:5', 'fail P2 docker/production/compose.yml:6']);
    expect(messages(result, 'env.undocumented')[0]).toContain('the documentation describes it (apps/docs/self-hosting/docker-compose.mdx)');
    expect(messages(result, 'env.undocumented')[1]).not.toContain('documentation');
  });

  it('django.https: a cookie flag copied from a variable the deployment decides (https origins or not) is not judged False', async () => {
    const result = await audit(djangoChecks.filter((c) => c.id === 'django.https'), {
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n',
      'proj/__init__.py': '',
      'proj/settings.py': [
        'import os',
        'origins = [o for o in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",") if o]',
        'if origins:',
        '    secure_origins = False if [o for o in origins if "http:" in o] else True',
        'else:',
        '    secure_origins = False',
        'SESSION_COOKIE_SECURE = secure_origins',
        'CSRF_COOKIE_SECURE = False',
        '',
      ].join('\n'),
    });
    // CSRF_COOKIE_SECURE = False is P2 (only SESSION_COOKIE_SECURE is P1); the copied flag is not judged.
    expect(where(result, 'django.https').filter((w) => /:\d+$/.test(w))).toEqual(['fail P2 proj/settings.py:8']);
  });

  it('django.cors: allow-all limited by CORS_URLS_REGEX to the API and without credentials is P2', async () => {
    const settings = (extra: string): Record<string, string> => ({
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n',
      'proj/__init__.py': '',
      'proj/settings.py': `DEBUG = False\nALLOWED_HOSTS = ["example.com"]\nCORS_ORIGIN_ALLOW_ALL = True\n${extra}`,
    });
    const check = djangoChecks.filter((c) => c.id === 'django.cors');
    expect(where(await audit(check, settings("CORS_URLS_REGEX = r'^/api/.*$'\n")), 'django.cors')).toEqual(['fail P2 proj/settings.py:3']);
    expect(where(await audit(check, settings("CORS_URLS_REGEX = r'^/api/.*$'\nCORS_ALLOW_CREDENTIALS = True\n")), 'django.cors')).toEqual(['fail P1 proj/settings.py:3']);
    expect(where(await audit(check, settings("CORS_URLS_REGEX = r'^.*$'\n")), 'django.cors')).toEqual(['fail P1 proj/settings.py:3']);
  });
});
