import { describe, expect, it } from '@jest/globals';
import { dockerChecks } from '../../src/checks/docker/index.js';
import { isSecretBuildName, isSecretFileName } from '../../src/checks/docker/secrets-in-image.js';
import { parseDockerfile, splitImage, unpinnedReason } from '../../src/parse/dockerfile.js';
import { audit, messages, where } from './helpers.js';

// Multi-stage: the builder is unpinned, the final stage builds on a stage and inherits no USER.
const FLAWED = `# syntax=docker/dockerfile:1
ARG BASE=python:3.12-slim
FROM node AS assets
WORKDIR /src
COPY package.json ./
RUN npm ci
FROM \${BASE} AS runtime
ENV API_TOKEN=abc123def456ghi789 \\
    LOG_LEVEL=info
ARG NPM_TOKEN=npm_literal_value_xyz
ARG GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
COPY --from=assets /src/dist /app/static
COPY .env /app/.env
ADD requirements.txt /app/
ADD vendor.tar.gz /opt/
ADD https://example.invalid/tool.bin /usr/local/bin/tool
FROM runtime AS final
USER root
CMD ["python", "app.py"]
`;

/** A release workflow that builds `dockerfile` and pushes the image: what makes it the production image. */
const release = (dockerfile: string, context = '.'): string =>
  [
    'name: release',
    'on:',
    '  push:',
    "    tags: ['v*']",
    'jobs:',
    '  image:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: docker/build-push-action@v6',
    '        with:',
    `          context: ${context}`,
    `          file: ${dockerfile}`,
    '          push: true',
    '          tags: ghcr.io/org/app:${{ github.ref_name }}',
    '',
  ].join('\n');

const CLEAN = `FROM python:3.12-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS build
ARG PIP_INDEX_TOKEN
ENV DJANGO_SECRET_KEY=dummy-for-collectstatic
RUN pip wheel -r requirements.txt
FROM python:3.12-slim
COPY --from=build /wheels /wheels
COPY . /app
RUN useradd --uid 10001 app
USER 10001
HEALTHCHECK CMD curl -fsS http://localhost:8000/health || exit 1
`;

describe('Dockerfile checks', () => {
  it('reports a flawed multi-stage Dockerfile at exact lines', async () => {
    const result = await audit(dockerChecks, { 'backend/Dockerfile': FLAWED, '.github/workflows/release.yml': release('backend/Dockerfile', 'backend') });
    expect(where(result, 'docker.base-image-pinned')).toEqual(['fail P1 backend/Dockerfile:3']);
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 backend/Dockerfile:18']);
    expect(where(result, 'docker.healthcheck')).toEqual(['fail P2 backend/Dockerfile:17']);
    expect(where(result, 'docker.secrets-in-image')).toEqual(['fail P0 backend/Dockerfile:8', 'fail P0 backend/Dockerfile:10', 'fail P0 backend/Dockerfile:13']);
    expect(where(result, 'docker.add-instead-of-copy')).toEqual(['fail P2 backend/Dockerfile:14']);
    expect(messages(result, 'docker.secrets-in-image')[0]).toBe('ENV API_TOKEN holds a literal value abc1[redacted, 18 chars] baked into the image.');
    expect(JSON.stringify(result.findings)).not.toContain('abc123def456ghi789');
  });

  it('passes a clean Dockerfile', async () => {
    const result = await audit(dockerChecks, { Dockerfile: CLEAN });
    // (docker.run-image-pinning judges documented `docker run` commands: with none, it has nothing to judge.)
    for (const check of dockerChecks) {
      expect([check.id, ...result.findings.filter((f) => f.checkId === check.id).map((f) => f.status)]).toEqual([check.id, check.id === 'docker.run-image-pinning' ? 'skip' : 'pass']);
    }
  });

  it('accepts a healthcheck declared by the compose service that builds the Dockerfile', async () => {
    const result = await audit(dockerChecks, {
      'api/Dockerfile': 'FROM node:20\nUSER node\n',
      'worker.Dockerfile': 'FROM node:20\nUSER node\n',
      'docker-compose.yml': 'services:\n  api:\n    build: ./api\n    healthcheck:\n      test: ["CMD", "true"]\n  worker:\n    build:\n      context: .\n      dockerfile: worker.Dockerfile\n',
    });
    expect(where(result, 'docker.healthcheck')).toEqual(['fail P2 worker.Dockerfile:1']);
  });

  it('does not take flag values for secrets baked into the image (Chromium\'s GOOGLE_API_KEY=no)', async () => {
    const result = await audit(dockerChecks, { Dockerfile: 'FROM debian:12\nENV GOOGLE_API_KEY=no \\\n    GOOGLE_DEFAULT_CLIENT_SECRET=no \\\n    API_TOKEN=Zx81qLm2Vb7TyR4wNp9K\nUSER 1000\nCMD ["/app"]\n' });
    expect(where(result, 'docker.secrets-in-image')).toEqual(['fail P1 Dockerfile:4']);
  });

  it('reports no USER, USER 0 and a missing FROM', async () => {
    const result = await audit(dockerChecks, {
      'a/Dockerfile': 'FROM alpine:3.20\nRUN true\nCMD ["/app/server"]\n',
      'b/Containerfile': 'FROM alpine:3.20\nUSER app\nUSER 0:0\n',
      'c/Dockerfile.prod': 'RUN echo no from\n',
      'd/Dockerfile': 'FROM gcr.io/distroless/static-debian12:nonroot\n',
    });
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 a/Dockerfile:1', 'fail P1 b/Containerfile:3']);
    expect(where(result, 'docker.base-image-pinned')).toEqual(['error P1 c/Dockerfile.prod:1']);
    expect(messages(result, 'docker.base-image-pinned')).toEqual(['c/Dockerfile.prod cannot be read as a Dockerfile (line 1): RUN before the first FROM (only ARG may come first).']);
  });

  it('reads a dockerfile-x INCLUDE as the frontend does: fragments judged through their includer, findings at their own file and line', async () => {
    // manyfold's layout (round 12): the published Dockerfiles INCLUDE a base, a build and a runtime fragment.
    const result = await audit(dockerChecks, {
      'docker/app.dockerfile': '# syntax = devthefuture/dockerfile-x\n\nINCLUDE docker/base.dockerfile\nINCLUDE ./runtime.dockerfile\n\nFROM runtime AS app\nCMD ["bin/start"]\n',
      // A second image on the same fragments: the fragment's own finding is still reported once.
      'docker/solo.dockerfile': '# syntax = devthefuture/dockerfile-x\nINCLUDE docker/base.dockerfile\nINCLUDE docker/runtime.dockerfile\nFROM runtime AS solo\nUSER app\nCMD ["bin/solo"]\n',
      'docker/base.dockerfile': 'FROM ruby:3.4.9-alpine3.24 AS base\nWORKDIR /app\n',
      'docker/runtime.dockerfile': '# runtime\nFROM base AS runtime\nCOPY . .\nENV API_TOKEN=abc123def456ghi789\n',
      'docker/broken.dockerfile': '# syntax = devthefuture/dockerfile-x\nINCLUDE docker/missing.dockerfile\nFROM runtime\n',
      'docker/loop-a.dockerfile': 'INCLUDE docker/loop-b.dockerfile\nFROM alpine:3.20\n',
      'docker/loop-b.dockerfile': 'INCLUDE docker/loop-a.dockerfile\n',
    });
    // The fragment `FROM base AS runtime` is not an image with an unpinned base of its own; the published one runs as root.
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 docker/app.dockerfile:6']);
    // Each file of an INCLUDE loop is unreadable on its own account.
    expect(where(result, 'docker.base-image-pinned')).toEqual(['error P1 docker/broken.dockerfile:2', 'error P1 docker/loop-a.dockerfile:1', 'error P1 docker/loop-b.dockerfile:1']);
    expect(messages(result, 'docker.base-image-pinned')).toEqual([
      'docker/broken.dockerfile cannot be read as a Dockerfile (line 2): INCLUDE docker/missing.dockerfile: no such file beside docker/broken.dockerfile or at the repository root.',
      expect.stringContaining('includes itself (docker/loop-a.dockerfile -> docker/loop-b.dockerfile -> docker/loop-a.dockerfile)'),
      expect.stringContaining('includes itself (docker/loop-b.dockerfile -> docker/loop-a.dockerfile -> docker/loop-b.dockerfile)'),
    ]);
    // A P0 check that cannot read an included file errs, never passes; the secret a fragment bakes in is reported at
    // its own file and line (P1: nothing here shows the image is published).
    expect(where(result, 'docker.secrets-in-image')).toEqual(['fail P1 docker/runtime.dockerfile:4', 'error P1 docker/broken.dockerfile:2', 'error P1 docker/loop-a.dockerfile:1', 'error P1 docker/loop-b.dockerfile:1']);
  });

  it('skips when there is no Dockerfile', async () => {
    const result = await audit(dockerChecks, { 'Dockerfile.dockerignore': '.env\n' });
    expect(where(result, 'docker.non-root')).toEqual(['skip P1']);
  });
});

describe('Dockerfile parsing', () => {
  it('keeps stages, lines and ARG-resolved images', () => {
    const file = parseDockerfile(FLAWED);
    expect(file.stages.map((s) => [s.name, s.image, s.resolvedImage, s.parentStage, s.from.line])).toEqual([
      ['assets', 'node', 'node', undefined, 3],
      ['runtime', '${BASE}', 'python:3.12-slim', undefined, 7],
      ['final', 'runtime', 'runtime', 1, 17],
    ]);
    const env = file.stages[1]!.instructions.find((i) => i.keyword === 'ENV')!;
    expect([env.line, env.endLine, env.properties]).toEqual([8, 9, [{ name: 'API_TOKEN', value: 'abc123def456ghi789', line: 8 }, { name: 'LOG_LEVEL', value: 'info', line: 9 }]]);
  });
  it('splits image references', () => {
    expect(splitImage('registry:5000/app')).toEqual({ repository: 'registry:5000/app' });
    expect(unpinnedReason('registry:5000/app')).toBe('no tag');
    expect(unpinnedReason('app:LATEST')).toBe('latest');
    expect(unpinnedReason('app@sha256:abc')).toBeUndefined();
    expect(isSecretBuildName('GPG_KEY')).toBe(false);
    expect(isSecretBuildName('DJANGO_SECRET_KEY')).toBe(true);
    expect(isSecretFileName('./certs/server.pem')).toBe(true);
    expect(isSecretFileName('.env.example')).toBe(false);
  });
});

describe('settings named after a secret are not secrets', () => {
  it('passes ENV API_KEY_HEADER and PASSWORD_MIN_LENGTH, still fails a literal API_KEY', async () => {
    const result = await audit(dockerChecks, {
      '.github/workflows/release.yml': release('Dockerfile'),
      Dockerfile: 'FROM python:3.12-slim\nENV API_KEY_HEADER=X-Api-Key \\\n    PASSWORD_MIN_LENGTH=12\nENV API_KEY=live-literal-value-1234\nUSER app\nHEALTHCHECK CMD true\n',
    });
    expect(where(result, 'docker.secrets-in-image')).toEqual(['fail P0 Dockerfile:4']);
    expect(isSecretBuildName('TOKEN_TTL_SECONDS')).toBe(false);
  });
});

describe('the password of a database the image runs itself', () => {
  it('is P1 beside MYSQL_HOST=localhost, and P0 for a database elsewhere', async () => {
    const result = await audit(dockerChecks, {
      '.github/workflows/release.yml': release('Dockerfile'),
      Dockerfile: 'FROM ubuntu:24.04\nENV MYSQL_HOST=localhost \\\n    MYSQL_PASSWORD=azur4c457\nENV REDIS_HOST=cache.internal \\\n    REDIS_PASSWORD=Qx7vLm2Rt9Zp\nUSER app\nHEALTHCHECK CMD true\n',
    });
    expect(where(result, 'docker.secrets-in-image')).toEqual(['fail P0 Dockerfile:5', 'fail P1 Dockerfile:3']);
    expect(messages(result, 'docker.secrets-in-image')[1]).toContain('a database the image runs itself (MYSQL_HOST=localhost)');
  });
});

describe('ENV blocks with continuation lines', () => {
  it('points at the line of the secret-named property, not the ENV keyword', async () => {
    const result = await audit(dockerChecks, {
      '.github/workflows/release.yml': release('Dockerfile'),
      Dockerfile: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 \\\n    PIP_NO_CACHE_DIR=off \\\n    STRIPE_SECRET_KEY=literal-value-in-image \\\n    LOG_LEVEL=info\nUSER app\nHEALTHCHECK CMD true\n',
    });
    expect(where(result, 'docker.secrets-in-image')).toEqual(['fail P0 Dockerfile:4']);
  });
});

describe('HEALTHCHECK NONE', () => {
  it('says the final stage disables the healthcheck, at the NONE line', async () => {
    const result = await audit(dockerChecks, { Dockerfile: 'FROM nginx:1.27\r\nUSER nginx\r\nHEALTHCHECK NONE\r\n' });
    expect(where(result, 'docker.healthcheck')).toEqual(['fail P2 Dockerfile:3']);
    expect(messages(result, 'docker.healthcheck')[0]).toBe('The final stage (FROM nginx:1.27) of Dockerfile disables the healthcheck with HEALTHCHECK NONE, and no compose service building it declares one.');
  });
});

describe('images COPY --from reads', () => {
  it('judges an image named by COPY --from like a base (manyfold\'s tonistiigi/xx, round 12), not a stage, an index or a pinned image', async () => {
    const result = await audit(dockerChecks, {
      '.github/workflows/release.yml': release('Dockerfile'),
      Dockerfile: 'FROM ruby:3.4.9-alpine3.24 AS base\nCOPY --from=tonistiigi/xx / /\nCOPY --from=ghcr.io/astral-sh/uv:0.5.4 /uv /bin/uv\nFROM base AS app\nCOPY --from=base /app /app\nCOPY --from=0 /etc/os-release /tmp/\nCOPY --from=busybox:latest /bin/sh /bin/sh\nUSER app\n',
    });
    expect(where(result, 'docker.base-image-pinned')).toEqual(['fail P1 Dockerfile:2', 'fail P1 Dockerfile:7']);
    expect(messages(result, 'docker.base-image-pinned')[0]).toBe('COPY --from=tonistiigi/xx has no tag (means `latest`): the files it copies change whenever the image is republished.');
  });
});

describe('floating base image tags', () => {
  it('fails lts/alpine/slim without a version like latest, and passes a version line', async () => {
    const result = await audit(dockerChecks, {
      // node:bookworm-slim floats with Node's version; debian:bookworm-slim would be Debian 12 (a release).
      Dockerfile: 'FROM node:lts AS deps\nFROM python:slim AS py\nFROM node:22-alpine AS build\nFROM node:bookworm-slim\nCOPY --from=deps /a /a\nCOPY --from=py /b /b\nCOPY --from=build /c /c\nUSER app\n',
    });
    expect(where(result, 'docker.base-image-pinned')).toEqual(['fail P1 Dockerfile:1', 'fail P1 Dockerfile:2', 'fail P1 Dockerfile:4']);
    expect(messages(result, 'docker.base-image-pinned')[0]).toBe('FROM node:lts uses a floating tag (no version).');
  });
});
