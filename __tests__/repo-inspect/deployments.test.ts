import { describe, expect, it } from '@jest/globals';
import { composeChecks } from '../../src/checks/compose/index.js';
import { envChecks } from '../../src/checks/env/index.js';
import { secretsWeakDefault } from '../../src/checks/secrets/weak-default.js';
import { defaultOf, findReferences, interpolate, isRequired } from '../../src/parse/interpolation.js';
import { imageUnpinnedReason, isFloatingTag } from '../../src/model/images.js';
import { audit, messages, roles, where } from './helpers.js';
import { of } from '../helpers/run-checks.js';

// Complete services (image + healthcheck + limit + restart) to vary one key at a time.
const HEALTHY = '    healthcheck:\n      test: ["CMD", "true"]\n';

describe('standalone production files next to a development file', () => {
  it('judges docker-compose.prod.yml on its own although it shares service names with docker-compose.yml', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': `services:\n  web:\n    build: .\n    restart: unless-stopped\n    mem_limit: 512m\n${HEALTHY}`,
      'docker-compose.prod.yml': 'services:\n  web:\n    image: ghcr.io/acme/web:1.2.3\n    ports:\n      - "8000:8000"\n',
      // What makes it the production deployment: the install docs run it.
      'README.md': '# Web\n\n## Deploy\n\n```sh\ndocker compose -f docker-compose.prod.yml up -d\n```\n',
    });
    // A missing healthcheck nothing waits on is P2 (SEVERITY.md); judged alone, as the production deployment.
    expect(where(result, 'compose.healthcheck')).toEqual(['fail P2 docker-compose.prod.yml:2']);
    expect(roles(result, 'compose.healthcheck')).toEqual(['production evidence:compose']);
    expect(where(result, 'compose.restart-policy')).toEqual(['fail P2 docker-compose.prod.yml:2']);
    expect(where(result, 'compose.resource-limits')).toEqual(['fail P2 docker-compose.prod.yml:2']);
  });
});

describe('a folder of standalone deployments named in a README (the real shape)', () => {
  it('judges docker-compose.prod.yml, staging.yml and local-prod.yml each on its own, at production severity', async () => {
    const prod = 'services:\n  web:\n    image: ghcr.io/acme/web:2.0.1\n    restart: always\n    mem_limit: 1g\n  worker:\n    image: ghcr.io/acme/web:2.0.1\n    restart: always\n    mem_limit: 1g\n';
    const result = await audit(composeChecks, {
      'deploy/docker-compose.yml': `# Development stack\nservices:\n  web:\n    build: ..\n    command: python manage.py runserver 0.0.0.0:8000\n${HEALTHY}`,
      'deploy/docker-compose.prod.yml': prod,
      'deploy/staging.yml': prod,
      'deploy/local-prod.yml': prod,
      'deploy/README.md': '# Deploy\n\n    docker compose -f docker-compose.prod.yml up -d\n    docker compose -f staging.yml up -d\n    docker compose -f local-prod.yml up\n',
    });
    // A missing healthcheck nothing waits on is P2 (SEVERITY.md); each file is production because the README runs it.
    expect(where(result, 'compose.healthcheck')).toEqual([
      'fail P2 deploy/docker-compose.prod.yml:2',
      'fail P2 deploy/docker-compose.prod.yml:6',
      'fail P2 deploy/local-prod.yml:2',
      'fail P2 deploy/local-prod.yml:6',
      'fail P2 deploy/staging.yml:2',
      'fail P2 deploy/staging.yml:6',
    ]);
    expect(roles(result, 'compose.healthcheck')).toEqual(Array(6).fill('production evidence:compose'));
  });
});

describe('-f chains', () => {
  const base = `services:\n  web:\n    image: ghcr.io/acme/web:1.2.3\n    mem_limit: 512m\n${HEALTHY}`;
  const overlay = 'services:\n  web:\n    restart: always\n';

  it('merges an overlay named in a Makefile: the base passes for keys the overlay sets', async () => {
    const result = await audit(composeChecks, {
      'compose.yml': base,
      'compose.deploy.yml': overlay,
      Makefile: 'deploy:\n\tdocker compose -f compose.yml \\\n\t  -f compose.deploy.yml up -d\nlogs:\n\tdocker compose -f compose.yml -f compose.deploy.yml logs -f web\n',
    });
    expect(where(result, 'compose.restart-policy')).toEqual(['pass P2']);
    expect(messages(result, 'compose.restart-policy')[0]).toContain('2 compose files (1 deployment(s))');
  });

  it('merges a chain from a CI workflow, a README and COMPOSE_FILE in the committed .env the same way', async () => {
    for (const [path, text] of [
      ['.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    steps:\n      - run: docker-compose -f compose.yml -f compose.live.yml pull && docker-compose -f compose.yml -f compose.live.yml up -d\n'],
      ['README.md', '# App\n\n```sh\ndocker compose --file compose.yml --file=compose.live.yml up\n```\n'],
      ['.env', 'COMPOSE_FILE=compose.yml:compose.live.yml\n'],
      // `logs -f web` follows the logs: not a file of the chain.
      ['Makefile', 'logs:\n\tdocker compose -f compose.yml -f compose.live.yml logs -f web\n'],
    ] as const) {
      // compose.live.yml has an image, so without a chain it would be judged on its own (and fail).
      const result = await audit(composeChecks, { 'compose.yml': base, 'compose.live.yml': 'services:\n  web:\n    image: ghcr.io/acme/web:1.2.4\n    restart: always\n', [path]: text });
      expect([path, where(result, 'compose.restart-policy')]).toEqual([path, ['pass P2']]);
      expect([path, where(result, 'compose.healthcheck')]).toEqual([path, ['pass P2']]);
    }
  });

  it('takes a file of bare fragments as an overlay of its directory base file when no script names it', async () => {
    const result = await audit(composeChecks, { 'compose.yml': base, 'compose.deploy.yml': overlay });
    expect(where(result, 'compose.restart-policy')).toEqual(['pass P2']);
  });

  it('points a finding at the overlay line that set the value', async () => {
    const result = await audit(composeChecks, {
      'compose.yml': `services:\n  cache:\n    image: redis:7.2\n    restart: always\n    mem_limit: 64m\n${HEALTHY}`,
      'compose.prod.yml': 'services:\n  cache:\n    image: redis:latest\n    environment:\n      REDIS_PASSWORD: hunter2hunter2\n',
      'deploy.sh': '#!/bin/sh\ndocker compose -f compose.yml -f compose.prod.yml up -d\n',
    });
    expect(where(result, 'compose.image-pinning')).toEqual(['fail P1 compose.prod.yml:3']);
    expect(messages(result, 'compose.image-pinning')[0]).toContain('service `cache` (compose.yml + compose.prod.yml)');
    // The merged cache publishes no port: its password guards the internal network only (SEVERITY.md: P1).
    expect(where(result, 'compose.inline-secret')).toEqual(['fail P1 compose.prod.yml:5']);
    expect(messages(result, 'compose.inline-secret')[0]).toMatch(/P1: it protects `cache`, which publishes no port/);
    expect(roles(result, 'compose.inline-secret')).toEqual(['production evidence:compose']);
    expect(of(result, 'compose.inline-secret')[0]!.role!.reason).toBe('deployment compose.yml + compose.prod.yml takes the role of compose.prod.yml: run by deploy.sh:2 (script deploy.sh)');
  });

  it('judges the deployment by its role: a base with a development overlay only is also judged alone, once per line', async () => {
    const result = await audit(composeChecks, {
      'compose.yaml': 'services:\n  web:\n    image: ghcr.io/acme/web:1.2.3\n    restart: always\n    mem_limit: 512m\n',
      // The override (development) adds a healthcheck: production, without it, has none.
      'compose.override.yaml': `services:\n  web:\n${HEALTHY}`,
      // Production runs the base alone: the deploy docs name it with -f, which leaves the override out.
      'README.md': '# Web\n\n## Deploy\n\n```sh\ndocker compose -f compose.yaml up -d\n```\n',
    });
    expect(where(result, 'compose.healthcheck')).toEqual(['fail P2 compose.yaml:2']);
    expect(roles(result, 'compose.healthcheck')).toEqual(['production evidence:compose']);
  });

  it('a test chain does not hide its production base', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': 'services:\n  web:\n    image: ghcr.io/acme/web:1.2.3\n    mem_limit: 512m\n',
      'docker-compose.ci.yml': 'services:\n  web:\n    restart: "no"\n',
      '.github/workflows/ci.yml': 'jobs:\n  t:\n    steps:\n      - run: docker compose -f docker-compose.yml -f docker-compose.ci.yml run web pytest\n',
      // The base is production by its own evidence: the deploy docs run it.
      'README.md': '# Web\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n',
    });
    expect(where(result, 'compose.restart-policy')).toEqual(['fail P2 docker-compose.yml:2']);
    expect(roles(result, 'compose.restart-policy')).toEqual(['production evidence:compose']);
  });

  it('merges environment by key and appends ports', async () => {
    const result = await audit(composeChecks, {
      'compose.yml': 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_DB: app\n',
      'compose.prod.yml': 'services:\n  db:\n    ports:\n      - "5432:5432"\n',
      'Makefile': 'deploy:\n\tdocker compose -f compose.yml -f compose.prod.yml up\n',
    });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P1 compose.prod.yml:4']);
  });
});

describe('include', () => {
  it('judges the services of an included file inside the including deployment, not twice', async () => {
    const result = await audit(composeChecks, {
      'compose.yaml': `include:\n  - infra/db.yaml\nservices:\n  web:\n    image: ghcr.io/acme/web:1.2.3\n    restart: always\n    mem_limit: 512m\n${HEALTHY}`,
      'infra/db.yaml': 'services:\n  db:\n    image: postgres:16.4\n    restart: always\n    mem_limit: 1g\n',
    });
    expect(where(result, 'compose.healthcheck')).toEqual(['fail P2 infra/db.yaml:2']);
  });
});

describe('bad input', () => {
  it('reports a missing include as an error at its line, a remote include and a cyclic extends as notes, and never crashes', async () => {
    const result = await audit(composeChecks, {
      'compose.yaml': `include:\n  - missing.yaml\n  - oci://registry.example/stack:1\nservices:\n  a:\n    extends: b\n    image: x:1\n    restart: always\n    mem_limit: 1g\n${HEALTHY}  b:\n    extends: a\n    image: x:1\n    restart: always\n    mem_limit: 1g\n${HEALTHY}`,
    });
    expect(where(result, 'compose.healthcheck')).toEqual(['error P2 compose.yaml:2', 'skip P2 compose.yaml:3', 'skip P2 compose.yaml:6', 'skip P2 compose.yaml:13']);
    expect(messages(result, 'compose.healthcheck').join('\n')).toMatch(/missing\.yaml, which is not in the repository[\s\S]*remote file[\s\S]*cyclic `extends`/);
  });

  it('notes a -f chain naming a file that is not in the repository, at the script line', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': `services:\n  web:\n    image: ghcr.io/acme/web:1.2.3\n    restart: always\n    mem_limit: 512m\n${HEALTHY}`,
      'scripts/deploy.sh': '#!/bin/sh\nset -e\ndocker compose -f docker-compose.yml -f docker-compose.gone.yml up -d\n',
    });
    expect(where(result, 'compose.healthcheck')).toEqual(['pass P2', 'skip P2 scripts/deploy.sh:3']);
  });

  it('reports a chained file that is not YAML and a cyclic include as errors at their lines', async () => {
    const result = await audit(composeChecks, {
      'compose.yaml': `include:\n  - other.yaml\nservices:\n  web:\n    image: ghcr.io/acme/web:1.2.3\n    restart: always\n    mem_limit: 512m\n${HEALTHY}`,
      'other.yaml': 'include:\n  - compose.yaml\n',
      'deploy/staging.yml': 'services:\n  web:\n    image: [unclosed\n',
      'Makefile': 'staging:\n\tdocker compose -f deploy/staging.yml up -d\n',
    });
    expect(where(result, 'compose.healthcheck')).toEqual(['error P2 deploy/staging.yml:3', 'error P2 other.yaml:2']);
    expect(messages(result, 'compose.healthcheck')[1]).toBe('other.yaml includes compose.yaml, which includes it back (cyclic include): compose refuses it.');
  });

  it('notes COMPOSE_FILE naming a missing file at its .env line, and a missing extended file at the extends line', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': `services:\n  web:\n    image: ghcr.io/acme/web:1.2.3\n    restart: always\n    mem_limit: 512m\n${HEALTHY}  worker:\n    extends:\n      file: common/base.yml\n      service: app\n    image: ghcr.io/acme/web:1.2.3\n    restart: always\n    mem_limit: 512m\n${HEALTHY}`,
      '.env': 'TZ=UTC\nCOMPOSE_FILE=docker-compose.yml:docker-compose.live.yml\n',
    });
    expect(where(result, 'compose.healthcheck')).toEqual(['pass P2', 'skip P2 .env:2', 'skip P2 docker-compose.yml:9']);
    const text = messages(result, 'compose.healthcheck').join('\n');
    expect(text).toContain('COMPOSE_FILE in .env names docker-compose.live.yml, which is not in the repository: that deployment is not judged.');
    expect(text).toContain('`worker` extends common/base.yml, which is not in the repository: compose would refuse to start it.');
  });

  it('ignores -f arguments given by a variable', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': `services:\n  web:\n    image: ghcr.io/acme/web:1.2.3\n    restart: always\n    mem_limit: 512m\n${HEALTHY}`,
      Makefile: 'up:\n\tdocker compose -f $(COMPOSE_FILE) -f docker-compose.yml up\n',
    });
    expect(where(result, 'compose.healthcheck')).toEqual(['pass P2']);
  });
});

describe('interpolated image tags', () => {
  const service = (image: string): string => `  s${Math.abs(hash(image))}:\n    image: ${image}\n`;
  it('judges what runs when the variable is unset, or set by the committed .env', async () => {
    const images = [
      'ghcr.io/org/backend:${SHA:-latest}', // line 3: latest
      '"$RELAY_IMAGE"', // line 5: relay:nightly from .env
      'app:${TAG}', // unset, no default: whoever deploys sets it
      'app:${TAG:?set TAG}',
      'redis:alpine', // line 11: floating
      'node:lts-alpine', // line 13: floating
      'postgres:16-alpine',
      '${REGISTRY}/worker:${TAG:-latest}', // line 17: latest (registry unknown)
      '${IMAGE}',
      'busybox', // line 21: no tag
    ];
    const result = await audit(composeChecks, {
      'docker-compose.yml': `services:\n${images.map(service).join('')}`,
      '.env': 'RELAY_IMAGE=getsentry/relay:nightly\n',
    });
    expect(where(result, 'compose.image-pinning')).toEqual([
      'fail P1 docker-compose.yml:3',
      'fail P1 docker-compose.yml:5',
      'fail P1 docker-compose.yml:11',
      'fail P1 docker-compose.yml:13',
      'fail P1 docker-compose.yml:17',
      'fail P1 docker-compose.yml:21',
    ]);
    const text = messages(result, 'compose.image-pinning').join('\n');
    expect(text).toContain('Image ghcr.io/org/backend:${SHA:-latest} (ghcr.io/org/backend:latest when the variables are not set otherwise)');
    expect(text).toContain('(getsentry/relay:nightly when the variables are not set otherwise)');
    expect(text).toContain('(${REGISTRY}/worker:latest when');
  });
});

describe('interpolation and tags (pure)', () => {
  it('resolves every compose form', () => {
    const env: Record<string, string> = { SET: 'v', EMPTY: '' };
    const lookup = (n: string): string | undefined => env[n];
    expect(interpolate('${SET}-${UNSET}-$SET-$$SET', lookup)).toEqual({ value: 'v--v-$SET', unresolved: ['UNSET'], required: [] });
    expect(interpolate('${EMPTY:-d}|${EMPTY-d}|${UNSET-d}|${SET:+alt}|${UNSET:+alt}', lookup).value).toBe('d||d|alt|');
    expect(interpolate('${A:-${B:-inner}}', lookup).value).toBe('inner');
    expect(interpolate('${NEED:?must be set}', lookup)).toEqual({ value: '', unresolved: ['NEED'], required: ['NEED'] });
    expect(interpolate('${broken', lookup).value).toBe('${broken');
    const [ref] = findReferences('x ${DB_PASSWORD:-passe123} y');
    expect([ref!.name, defaultOf(ref!), isRequired(ref!)]).toEqual(['DB_PASSWORD', 'passe123', false]);
    // Bounded on hostile input: a long run of `${` costs linear time.
    expect(interpolate('${'.repeat(50_000)).value.length).toBe(100_000);
  });

  it('knows floating tags', () => {
    for (const tag of ['latest', 'alpine', 'lts', 'stable', 'edge', 'nightly', 'slim', 'bookworm', 'lts-alpine', 'stable-slim']) expect([tag, isFloatingTag(tag)]).toEqual([tag, true]);
    for (const tag of ['16', '16-alpine', 'alpine3.20', '3.12-slim-bookworm', '2024.1', 'v1']) expect([tag, isFloatingTag(tag)]).toEqual([tag, false]);
    expect(imageUnpinnedReason('redis@sha256:abc')).toBeUndefined();
    expect(imageUnpinnedReason('localhost:5000/app')).toBe('no tag');
  });
});

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

describe('env files loaded by a production deployment', () => {
  const env = 'DEBUG=True\nALLOWED_HOSTS=*\nCORS_ORIGIN_ALLOW_ALL=True\nTIME_ZONE=UTC\n';
  const compose = (file: string): string => `services:\n  web:\n    image: ghcr.io/acme/web:1.2.3\n    env_file:\n      - ${file}\n`;

  it('judges them as production env, saying which deployment loads them', async () => {
    const result = await audit(envChecks, {
      'docker-compose.prod.yml': compose('./config/app.env'),
      'config/app.env': env,
      // The deploy docs run it: the production deployment.
      'README.md': '# Web\n\n## Deploy\n\n```sh\ndocker compose -f docker-compose.prod.yml up -d\n```\n',
    });
    // Debug on in what the production deployment loads is P0 (SEVERITY.md); hosts and CORS are P1.
    expect(where(result, 'env.insecure-defaults')).toEqual(['fail P0 config/app.env:1', 'fail P1 config/app.env:2', 'fail P1 config/app.env:3']);
    expect(messages(result, 'env.insecure-defaults')[2]).toBe(
      'config/app.env (loaded by `env_file` of service `web` in production deployment docker-compose.prod.yml): CORS_ORIGIN_ALLOW_ALL=True allows every origin.',
    );
  });

  it('leaves an env file only a development deployment loads to the development rules', async () => {
    const result = await audit(envChecks, { 'docker-compose.dev.yml': compose('app.env'), 'app.env': env });
    expect(where(result, 'env.insecure-defaults')).toEqual(['skip P1']);
  });
});

describe('--env-file: the env file a command names replaces the project .env for interpolation', () => {
  // The real shape: a Makefile deploys with a committed prod.env; the .env beside the compose file is the developers'.
  const compose = [
    'services:', // 1
    '  app:', // 2
    '    image: ghcr.io/acme/app:${TAG:-latest}', // 3
    '    restart: always',
    '    mem_limit: 512m',
    '  db:', // 6
    '    image: postgres:16.4',
    '    restart: always',
    '    mem_limit: 1g',
    '    environment:', // 10
    '      POSTGRES_PASSWORD: ${DB_PASSWORD:-password}', // 11
    '',
  ].join('\n');
  const files = {
    'deploy/docker-compose.yml': compose,
    'deploy/docker-compose.prod.yml': 'services:\n  app:\n    command: gunicorn app.wsgi\n',
    'deploy/.env': 'TAG=nightly\n',
    'deploy/prod.env': 'TAG=1.2.3\nDB_PASSWORD=${POSTGRES_PASSWORD_FROM_VAULT}\n',
  };
  const checks = [...composeChecks, secretsWeakDefault];

  it('pins ${TAG:-latest} with TAG from the env file and takes its DB_PASSWORD over the weak default', async () => {
    for (const command of [
      'cd deploy && docker compose --env-file prod.env -f docker-compose.yml -f docker-compose.prod.yml up -d',
      'cd deploy && docker compose -f docker-compose.yml -f docker-compose.prod.yml --env-file=./prod.env up -d',
      'COMPOSE_ENV_FILES=deploy/prod.env docker compose -f deploy/docker-compose.yml -f deploy/docker-compose.prod.yml up -d',
    ]) {
      const result = await audit(checks, { ...files, Makefile: `deploy:\n\t${command}\n` });
      expect([command, where(result, 'compose.image-pinning'), where(result, 'secrets.weak-default')]).toEqual([command, ['pass P1'], ['pass P1']]);
    }
  });

  it('without --env-file the project .env and the written defaults are what runs (flawed twin)', async () => {
    const result = await audit(checks, { ...files, Makefile: 'deploy:\n\tcd deploy && docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d\n' });
    expect(where(result, 'compose.image-pinning')).toEqual(['fail P1 deploy/docker-compose.yml:3']);
    expect(messages(result, 'compose.image-pinning')[0]).toContain('(ghcr.io/acme/app:nightly when the variables are not set otherwise)');
    // The weak default guards a database that publishes no port: P1 (SEVERITY.md: internal network only).
    expect(where(result, 'secrets.weak-default')).toEqual(['fail P1 deploy/docker-compose.yml:11']);
    expect(messages(result, 'secrets.weak-default')[0]).toMatch(/falls back to a weak literal \(\[redacted, 8 chars\]\) when DB_PASSWORD is not set\. P1: it protects `db`, which publishes no port\.$/);
  });

  it('an --env-file that is not in the repository is a note at the command; the defaults are judged, not the .env', async () => {
    const result = await audit(checks, { ...files, Makefile: 'deploy:\n\tcd deploy && docker compose --env-file secrets.env -f docker-compose.yml -f docker-compose.prod.yml up -d\n' });
    expect(where(result, 'compose.healthcheck')).toContain('skip P2 Makefile:2');
    expect(messages(result, 'compose.healthcheck').join('\n')).toContain('Makefile:2 runs compose with --env-file secrets.env, which is not in the repository');
    expect(where(result, 'compose.image-pinning')).toEqual(['fail P1 deploy/docker-compose.yml:3']);
    expect(messages(result, 'compose.image-pinning')[0]).toContain('(ghcr.io/acme/app:latest when the variables are not set otherwise)');
  });
});
