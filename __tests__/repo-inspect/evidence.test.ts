// Production by evidence (src/model/evidence.ts, src/model/invocations.ts):
// a file is production when something production runs reaches it, not
// because no rule says otherwise. Each case is the smallest real repository
// (files in a temp git repository) that shows one kind of evidence, next to
// the twin without it.

import { describe, expect, it } from '@jest/globals';
import { makeRepo } from '../helpers/repo.js';
import { loadFileSet, type FileSet } from '../../src/repo/fileset.js';
import { buildRepoModel } from '../../src/model/index.js';
import { invocationsIn, repositoryFileOfUrl } from '../../src/model/invocations.js';
import type { RoleInfo } from '../../src/model/roles.js';
import { composeChecks } from '../../src/checks/compose/index.js';
import { audit, where } from './helpers.js';

const COMPOSE = 'services:\n  web:\n    image: ghcr.io/acme/web:1.4.2\n    ports: ["8080:8080"]\n';

async function rolesOf(files: Record<string, string>, paths: readonly string[]): Promise<Record<string, Pick<RoleInfo, 'role' | 'rule'>>> {
  const repo = makeRepo(files, { git: true });
  try {
    const set = await loadFileSet(repo.root, { maxFileBytes: 1024 * 1024 });
    const model = await buildRepoModel(set);
    return Object.fromEntries(paths.map((p) => {
      const info = model.roles.of(p);
      return [p, { role: info.role, rule: info.rule }];
    }));
  } finally {
    repo.cleanup();
  }
}

describe('production is proven, not presumed', () => {
  it('leaves a file nothing reaches unknown', async () => {
    expect(await rolesOf({ 'docker-compose.yml': COMPOSE, 'tools/seed.py': 'print(1)\n' }, ['docker-compose.yml', 'tools/seed.py'])).toEqual({
      'docker-compose.yml': { role: 'unknown', rule: 'unknown' },
      'tools/seed.py': { role: 'tooling', rule: 'tooling-dir' },
    });
  });

  it('makes production the compose file a README runs under a deploy heading, and development the one it runs under a development heading', async () => {
    const readme = '# Acme\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n\n## Development\n\n```sh\ndocker compose -f services.yml up\n```\n';
    expect(await rolesOf({ 'README.md': readme, 'docker-compose.yml': COMPOSE, 'services.yml': COMPOSE }, ['docker-compose.yml', 'services.yml'])).toEqual({
      'docker-compose.yml': { role: 'production', rule: 'evidence:compose' },
      'services.yml': { role: 'development', rule: 'evidence:compose-development' },
    });
  });

  it("does not let a package.json's src/ claim a .NET test project beneath it: the nearest manifest decides (Sonarr's NzbDrone.Core.Test)", async () => {
    const csproj = '<Project Sdk="Microsoft.NET.Sdk"></Project>\n';
    const files = {
      'package.json': '{"name": "frontend"}\n',
      'src/App.Core/App.Core.csproj': csproj,
      'src/App.Core/Service.cs': 'class Service {}\n',
      'src/App.Core.Test/App.Core.Test.csproj': csproj,
      'src/App.Core.Test/ServiceFixture.cs': 'class ServiceFixture {}\n',
    };
    const roles = await rolesOf(files, ['src/App.Core/Service.cs', 'src/App.Core.Test/ServiceFixture.cs']);
    expect(roles['src/App.Core/Service.cs']).toEqual({ role: 'production', rule: 'evidence:application-source' });
    expect(roles['src/App.Core.Test/ServiceFixture.cs']).toEqual({ role: 'test', rule: 'evidence:test-project' });
  });

  it('gives the suite the compose files and Dockerfiles inside a .NET test project (BTCPayServer.Tests, round 12), not those beside application source', async () => {
    const csproj = '<Project Sdk="Microsoft.NET.Sdk"></Project>\n';
    const compose = 'services:\n  postgres:\n    image: postgres:16\n    ports: ["5432:5432"]\n';
    const files = {
      'App/App.csproj': csproj,
      'App/docker-compose.yml': compose,
      'App.Tests/App.Tests.csproj': csproj,
      'App.Tests/docker-compose.testnet.yml': compose,
      'App.Tests/sshd.Dockerfile': 'FROM alpine:3.8\n',
    };
    const roles = await rolesOf(files, ['App/docker-compose.yml', 'App.Tests/docker-compose.testnet.yml', 'App.Tests/sshd.Dockerfile']);
    expect(roles['App.Tests/docker-compose.testnet.yml']).toEqual({ role: 'test', rule: 'evidence:test-project' });
    expect(roles['App.Tests/sshd.Dockerfile']).toEqual({ role: 'test', rule: 'evidence:test-project' });
    // A descriptor is production by what deploys it, never by the application folder it sits in.
    expect(roles['App/docker-compose.yml']?.role).toBe('unknown');
    // The deployment of the suite's compose file takes its role: a published test database is no P1.
    const result = await audit(composeChecks.filter((c) => c.id === 'compose.exposed-datastore'), files);
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P2 App/docker-compose.yml:4']);
  });

  it("makes production the compose file a CI deploy job runs (GitLab's stage: deploy, docker stack deploy -c), and test the one its smoke-test job runs (Swift Package Index's app.yml)", async () => {
    const ci = [
      'stages: [build, deploy, smoke-test]',
      '.deploy-common: &deploy-common',
      '  stage: deploy',
      '  script: |',
      '    docker stack deploy --with-registry-auth -c app.yml app',
      'deploy-prod:',
      '  <<: *deploy-common',
      'smoke-test:',
      '  stage: smoke-test',
      '  script:',
      '    - docker compose -f services.yml up -d',
      '',
    ].join('\n');
    const workflow = 'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - name: Test first\n        run: docker compose -f stack.yml up -d\n  e2e:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker compose -f e2e.yml up -d\n';
    const roles = await rolesOf({ '.gitlab-ci.yml': ci, 'app.yml': COMPOSE, 'services.yml': COMPOSE, '.github/workflows/main.yml': workflow, 'stack.yml': COMPOSE, 'e2e.yml': COMPOSE }, ['app.yml', 'services.yml', 'stack.yml', 'e2e.yml']);
    expect(roles).toEqual({
      'app.yml': { role: 'production', rule: 'evidence:compose' },
      'services.yml': { role: 'test', rule: 'evidence:compose-test' },
      'stack.yml': { role: 'production', rule: 'evidence:compose' },
      'e2e.yml': { role: 'test', rule: 'evidence:compose-test' },
    });
  });

  it('makes test a Go file compiled only into test builds (//go:build e2etest: Pocket ID), not one a release build includes', async () => {
    const files = {
      'go.mod': 'module example.com/app\n',
      'internal/service/e2etest_service.go': '//go:build e2etest\n\npackage service\n\nconst fixtureToken = "x"\n',
      'internal/service/linux_service.go': '//go:build linux && !e2etest\n\npackage service\n',
      'internal/service/either.go': '//go:build integration || linux\n\npackage service\n',
      'internal/service/it_linux.go': '//go:build (integration && linux)\n\npackage service\n',
    };
    const roles = await rolesOf(files, Object.keys(files).filter((p) => p.endsWith('.go')));
    expect(roles['internal/service/e2etest_service.go']).toEqual({ role: 'test', rule: 'content:go-test-build-tag' });
    expect(roles['internal/service/it_linux.go']).toEqual({ role: 'test', rule: 'content:go-test-build-tag' });
    expect(roles['internal/service/linux_service.go']).toEqual({ role: 'production', rule: 'evidence:application-source' });
    expect(roles['internal/service/either.go']).toEqual({ role: 'production', rule: 'evidence:application-source' });
  });

  it('takes no production from a document that opens by saying what it describes is discontinued (wekan ToroDB)', async () => {
    const old = '# What was ToroDB\n\nToroDB was made with Java.\nToroDB is not developed anymore.\n\n## Install\n\n```sh\ndocker compose up -d\n```\n';
    const current = old.replace('ToroDB is not developed anymore.', 'ToroDB keeps your data in PostgreSQL.');
    expect(await rolesOf({ 'docs/ToroDB/README.md': old, 'docs/ToroDB/docker-compose.yml': COMPOSE, 'docs/FerretDB/README.md': current, 'docs/FerretDB/docker-compose.yml': COMPOSE }, ['docs/ToroDB/docker-compose.yml', 'docs/FerretDB/docker-compose.yml'])).toEqual({
      'docs/ToroDB/docker-compose.yml': { role: 'docs', rule: 'docs-dir' },
      'docs/FerretDB/docker-compose.yml': { role: 'production', rule: 'evidence:compose' },
    });
  });

  it('takes nothing from a command whose section says nothing about what it is for, nor from release notes', async () => {
    const readme = '# Acme\n\n## Docker Compose support\n\n```sh\ndocker compose up -d\n```\n';
    const changelog = '# Changelog\n\n## 3.0.0\n\n- run `docker compose -f other.yml up` now\n';
    expect(await rolesOf({ 'README.md': readme, 'CHANGELOG.md': changelog, 'docker-compose.yml': COMPOSE, 'other.yml': COMPOSE }, ['docker-compose.yml', 'other.yml'])).toEqual({
      'docker-compose.yml': { role: 'unknown', rule: 'unknown' },
      'other.yml': { role: 'unknown', rule: 'unknown' },
    });
  });

  it('lets a documented deploy step outweigh a folder name (dev/, contrib/), but not a file named for development', async () => {
    const readme = '## Installation\n\n```\ndocker compose -f dev/stack.yml up -d\nkubectl apply -f contrib/k8s/\ndocker compose -f docker-compose.dev.yml up\n```\n';
    const roles = await rolesOf(
      { 'README.md': readme, 'dev/stack.yml': COMPOSE, 'contrib/k8s/app.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n', 'docker-compose.dev.yml': COMPOSE },
      ['dev/stack.yml', 'contrib/k8s/app.yaml', 'docker-compose.dev.yml'],
    );
    expect(roles).toEqual({
      'dev/stack.yml': { role: 'production', rule: 'evidence:compose' },
      'contrib/k8s/app.yaml': { role: 'production', rule: 'evidence:kubectl' },
      'docker-compose.dev.yml': { role: 'development', rule: 'dev-compose' },
    });
  });

  it('follows a compose file downloaded into place by the install docs', async () => {
    const install = '# Install\n\n```\ncurl -o compose.yml https://raw.githubusercontent.com/acme/app/main/deploy/compose.example.yml\ndocker compose up -d\n```\n';
    expect(await rolesOf({ 'docs/install.md': install, 'deploy/compose.example.yml': COMPOSE }, ['deploy/compose.example.yml'])).toEqual({
      'deploy/compose.example.yml': { role: 'production', rule: 'evidence:download' },
    });
  });

  it('follows a Dockerfile passed to a local reusable workflow that publishes, and the one its input defaults to', async () => {
    const reusable = [
      'name: Build Docker',
      'on:',
      '  workflow_call:',
      '    inputs:',
      '      dockerfile:',
      '        type: string',
      "        default: 'Dockerfile'",
      'jobs:',
      '  buildx:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: |',
      '          echo "$TOKEN" | docker login -u me --password-stdin ghcr.io',
      '          docker buildx build -f ${{ inputs.dockerfile }} --push -t ghcr.io/acme/app .',
      '',
    ].join('\n');
    const caller = 'on: push\njobs:\n  alpine:\n    uses: ./.github/workflows/_buildx.yml\n    with:\n      dockerfile: Dockerfile.alpine\n';
    const roles = await rolesOf(
      { '.github/workflows/_buildx.yml': reusable, '.github/workflows/push.yml': caller, Dockerfile: 'FROM scratch\n', 'Dockerfile.alpine': 'FROM alpine:3.20\n' },
      ['Dockerfile', 'Dockerfile.alpine'],
    );
    expect(roles).toEqual({ Dockerfile: { role: 'production', rule: 'evidence:built-by' }, 'Dockerfile.alpine': { role: 'production', rule: 'evidence:built-by' } });
  });

  it('makes a Dockerfile production when a workflow publishes it, and not when a Makefile target only builds it to run once', async () => {
    const release = 'name: release\non: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          file: docker/Dockerfile\n          push: true\n';
    const makefile = 'deb:\n\tdocker build -f packaging/debian/Dockerfile -t builder .\n\tdocker run --rm builder\n\npush:\n\tdocker push acme/app\n';
    const roles = await rolesOf(
      { '.github/workflows/release.yml': release, Makefile: makefile, 'docker/Dockerfile': 'FROM node:22\nCOPY src /app/src\n', 'packaging/debian/Dockerfile': 'FROM debian:12\n', 'src/server.js': 'x()\n' },
      ['docker/Dockerfile', 'packaging/debian/Dockerfile', 'src/server.js'],
    );
    expect(roles['docker/Dockerfile']).toEqual({ role: 'production', rule: 'evidence:built-by' });
    expect(roles['packaging/debian/Dockerfile']).toEqual({ role: 'tooling', rule: 'evidence:built-by-non-production' });
    // What the published image copies is production.
    expect(roles['src/server.js']).toEqual({ role: 'production', rule: 'evidence:copied-into-image' });
  });

  it('leaves out of the image what .dockerignore excludes, and keeps test folders tests', async () => {
    const files = {
      'README.md': '## Deploy\n\n```\ndocker compose up -d\n```\n',
      'docker-compose.yml': 'services:\n  app:\n    build: .\n    ports: ["80:80"]\n',
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      '.dockerignore': 'scripts/\n',
      'app/views.py': 'x = 1\n',
      'scripts/dev_seed.py': 'x = 1\n',
      'tests/test_views.py': 'x = 1\n',
    };
    expect(await rolesOf(files, ['Dockerfile', 'app/views.py', 'scripts/dev_seed.py', 'tests/test_views.py'])).toEqual({
      Dockerfile: { role: 'production', rule: 'evidence:built-by' },
      'app/views.py': { role: 'production', rule: 'evidence:copied-into-image' },
      'scripts/dev_seed.py': { role: 'unknown', rule: 'unknown' },
      'tests/test_views.py': { role: 'test', rule: 'test-dir' },
    });
  });

  it('counts what a build stage holds only where a later stage copies it out (class: sources, sample data and env files copied into a builder)', async () => {
    const dockerfile = [
      'FROM python:3.12 AS build',
      'WORKDIR /src',
      'COPY . .',
      'RUN pip wheel --wheel-dir /wheels . && python manage.py collectstatic --noinput',
      'FROM python:3.12-slim AS web',
      'COPY --from=build /wheels /wheels',
      'COPY --from=build /src/static/ /srv/static/',
      'COPY deploy/gunicorn.conf.py /etc/gunicorn.conf.py',
      '',
    ].join('\n');
    const files = {
      'README.md': '## Deploy\n\n```\ndocker compose up -d\n```\n',
      'docker-compose.yml': 'services:\n  app:\n    build: .\n    ports: ["80:80"]\n',
      Dockerfile: dockerfile,
      'data/app.dump': 'PGDMP\n',
      'data/.env': 'KEY=x\n',
      'static/app.css': 'body{}\n',
      'deploy/gunicorn.conf.py': 'bind = "0.0.0.0:80"\n',
    };
    expect(await rolesOf(files, ['data/app.dump', 'data/.env', 'static/app.css', 'deploy/gunicorn.conf.py'])).toEqual({
      'data/app.dump': { role: 'unknown', rule: 'unknown' },
      'data/.env': { role: 'unknown', rule: 'unknown' },
      'static/app.css': { role: 'production', rule: 'evidence:copied-into-image' },
      'deploy/gunicorn.conf.py': { role: 'production', rule: 'evidence:copied-into-image' },
    });
    // A final stage built FROM the builder, or copying its whole workdir out, takes everything.
    const whole = { ...files, Dockerfile: 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\n' };
    expect((await rolesOf(whole, ['data/app.dump']))['data/app.dump']).toEqual({ role: 'production', rule: 'evidence:copied-into-image' });
    const chain = { ...files, Dockerfile: 'FROM node:22 AS base\nCOPY . /app\nFROM base AS final\nUSER node\n' };
    expect((await rolesOf(chain, ['data/app.dump']))['data/app.dump']).toEqual({ role: 'production', rule: 'evidence:copied-into-image' });
  });

  it('gives a key file the role of its users when every file naming it is a test or development file (class: a suite\'s PKI, the dump a migration test loads)', async () => {
    const files = {
      'internal/suites/common/pki/private.pem': 'key\n',
      'internal/suites/common/pki/public.crt': 'cert\n',
      'internal/suites/OIDC/compose.test.yml': 'services:\n  app:\n    volumes: ["../common/pki/private.pem:/pki/private.pem"]\n',
      'internal/suites/OIDC/suite_test.go': 'const key = "/pki/private.pem"\n',
      // A key production names, and one nothing names, stay as they were.
      'deploy/tls/server.key': 'key\n',
      'deploy/nginx.conf': 'ssl_certificate_key /etc/tls/server.key;\n',
      'keys/orphan.pem': 'key\n',
      // The dump a migration test loads.
      'server/store/datastore/migration/testfiles/sqlite.db': 'SQLite format 3\u0000',
      'server/store/datastore/migration/migration_test.go': 'db := open("testfiles/sqlite.db")\n',
    };
    expect(await rolesOf(files, ['internal/suites/common/pki/private.pem', 'internal/suites/common/pki/public.crt', 'deploy/tls/server.key', 'keys/orphan.pem', 'server/store/datastore/migration/testfiles/sqlite.db'])).toEqual({
      'internal/suites/common/pki/private.pem': { role: 'test', rule: 'evidence:used-by-test' },
      'internal/suites/common/pki/public.crt': { role: 'unknown', rule: 'unknown' },
      'deploy/tls/server.key': { role: 'unknown', rule: 'unknown' },
      'keys/orphan.pem': { role: 'unknown', rule: 'unknown' },
      'server/store/datastore/migration/testfiles/sqlite.db': { role: 'test', rule: 'evidence:used-by-test' },
    });
  });

  it('gives a named Dockerfile the role of its users: an image only the e2e harness builds is the suite\'s (netbird, round 12); a bare Dockerfile, one a release script names and one nothing names stay unknown', async () => {
    const files = {
      'go.mod': 'module example.com/net\n',
      'combined/Dockerfile': 'FROM ubuntu:24.04\n',
      'combined/Dockerfile.multistage': 'FROM golang:1.25 AS build\nFROM ubuntu:24.04\n',
      'e2e/harness/combined.go': 'package harness\nconst combinedDockerfile = "combined/Dockerfile.multistage"\n',
      'packaging/Dockerfile.export': 'FROM ruby:3.4\n',
      'bin/release': '#!/usr/bin/env ruby\nEXPORT_DOCKERFILE = "Dockerfile.export"\n',
      'relay/Dockerfile.alpine': 'FROM alpine:3.20\n',
    };
    expect(await rolesOf(files, ['combined/Dockerfile.multistage', 'combined/Dockerfile', 'packaging/Dockerfile.export', 'relay/Dockerfile.alpine'])).toEqual({
      'combined/Dockerfile.multistage': { role: 'test', rule: 'evidence:used-by-test' },
      'combined/Dockerfile': { role: 'unknown', rule: 'unknown' },
      'packaging/Dockerfile.export': { role: 'unknown', rule: 'unknown' },
      'relay/Dockerfile.alpine': { role: 'unknown', rule: 'unknown' },
    });
  });

  it('keeps a sample application that deploys nothing out of production: its README says so and no evidence of a deployment exists (spring-petclinic)', async () => {
    const files = {
      'README.md': '# Spring PetClinic Sample Application\n\nRun it with ./mvnw spring-boot:run\n',
      'pom.xml': '<project><artifactId>petclinic</artifactId></project>\n',
      'src/main/resources/application.properties': 'management.endpoints.web.exposure.include=*\n',
    };
    expect(await rolesOf(files, ['src/main/resources/application.properties'])).toEqual({ 'src/main/resources/application.properties': { role: 'unknown', rule: 'unknown' } });
    // The same sample once something deploys it: its source is production again.
    const deployed = { ...files, Dockerfile: 'FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app.jar\n', '.github/workflows/release.yml': 'name: release\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: acme/petclinic:1\n' };
    expect((await rolesOf(deployed, ['src/main/resources/application.properties']))['src/main/resources/application.properties']).toEqual({ role: 'production', rule: 'evidence:application-source' });
  });

  it('keeps a runnable module no image is made from out of production, where its sibling modules make theirs (mall-swarm\'s mall-demo)', async () => {
    const pom = (name: string, image: boolean): string => `<project>\n  <artifactId>${name}</artifactId>\n  <build><plugins>${image ? '<plugin><artifactId>docker-maven-plugin</artifactId></plugin>' : '<plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin>'}</plugins></build>\n</project>\n`;
    const files = {
      'pom.xml': '<project>\n  <artifactId>mall-swarm</artifactId>\n  <modules><module>mall-portal</module><module>mall-demo</module><module>mall-common</module></modules>\n  <build><pluginManagement><plugins><plugin><artifactId>docker-maven-plugin</artifactId></plugin></plugins></pluginManagement></build>\n</project>\n',
      'mall-portal/pom.xml': pom('mall-portal', true),
      'mall-portal/src/main/resources/application.yml': 'server:\n  port: 8085\n',
      'mall-demo/pom.xml': pom('mall-demo', false),
      'mall-demo/src/main/resources/application.yml': 'server:\n  port: 8082\n',
      'mall-common/pom.xml': pom('mall-common', false),
      'mall-common/src/main/java/com/macro/mall/common/Util.java': 'class Util {}\n',
    };
    expect(await rolesOf(files, ['mall-portal/src/main/resources/application.yml', 'mall-demo/src/main/resources/application.yml', 'mall-common/src/main/java/com/macro/mall/common/Util.java'])).toEqual({
      'mall-portal/src/main/resources/application.yml': { role: 'production', rule: 'evidence:application-source' },
      'mall-demo/src/main/resources/application.yml': { role: 'unknown', rule: 'unknown' },
      // A library module is compiled into the imaged ones.
      'mall-common/src/main/java/com/macro/mall/common/Util.java': { role: 'production', rule: 'evidence:application-source' },
    });
  });

  it('reads the application source a manifest declares', async () => {
    const roles = await rolesOf(
      {
        'Gemfile': "gem 'rails'\n",
        'app/models/user.rb': 'class User; end\n',
        'config/initializers/secret.rb': 'X = 1\n',
        'script/one_off.rb': 'puts 1\n',
        'go.mod': 'module acme\n',
        'cmd/server/main.go': 'package main\n',
      },
      ['app/models/user.rb', 'config/initializers/secret.rb', 'script/one_off.rb', 'cmd/server/main.go'],
    );
    expect(roles).toEqual({
      'app/models/user.rb': { role: 'production', rule: 'evidence:application-source' },
      'config/initializers/secret.rb': { role: 'production', rule: 'evidence:application-source' },
      'script/one_off.rb': { role: 'unknown', rule: 'unknown' },
      'cmd/server/main.go': { role: 'production', rule: 'evidence:application-source' },
    });
  });

  it('reads what a deployment file says of itself: production environment, a framework development runtime, a development env file', async () => {
    const roles = await rolesOf(
      {
        'docker-compose.yml': 'services:\n  app:\n    image: acme/app:latest\n    environment:\n      MIX_ENV: prod\n',
        'sail/docker-compose.yml': 'services:\n  laravel.test:\n    build:\n      context: ./vendor/laravel/sail/runtimes/8.3\n',
        '.env': 'APP_ENV=local\nAPP_KEY=base64:abc\n',
        'stack/compose.yml': '# To make it easier to self-host, we have a preset docker compose config\n# with a Postgres container.\nservices:\n  app:\n    image: acme/app:2\n',
        'ops/compose.yml': '# A demo setup: do not use in production, self-hosters see docs/install.md\nservices:\n  app:\n    image: acme/app:2\n',
        // Public certificates for its own domain (pixelfed's stack, round 12): only a deployment on the internet gets them.
        'deploy/compose.yml': 'services:\n  proxy-acme:\n    image: nginxproxy/acme-companion\n  app:\n    image: acme/app:2\n',
        'edge/compose.yml': 'services:\n  traefik:\n    image: traefik:v3.1\n    command:\n      - --certificatesresolvers.le.acme.email=ops@acme.example\n',
        // Let's Encrypt's test server has no public domain to prove: no evidence.
        'acme-local/compose.yml': 'services:\n  pebble:\n    image: ghcr.io/letsencrypt/pebble:2.6\n',
        // Its services load the development env file (glific, round 12).
        'stack-dev/docker-compose.yaml': 'services:\n  db:\n    image: postgres:13\n    ports: ["5432:5432"]\n  app:\n    build: .\n    env_file:\n      - config/.env.dev.txt\n',
      },
      ['docker-compose.yml', 'sail/docker-compose.yml', '.env', 'stack/compose.yml', 'ops/compose.yml', 'deploy/compose.yml', 'edge/compose.yml', 'acme-local/compose.yml', 'stack-dev/docker-compose.yaml'],
    );
    expect(roles).toEqual({
      'docker-compose.yml': { role: 'production', rule: 'content:production-environment' },
      'sail/docker-compose.yml': { role: 'development', rule: 'content:dev-runtime' },
      '.env': { role: 'development', rule: 'content:env-file-environment' },
      'stack/compose.yml': { role: 'production', rule: 'content:production-header' },
      'ops/compose.yml': { role: 'development', rule: 'content:dev-header' },
      'deploy/compose.yml': { role: 'production', rule: 'content:public-tls' },
      'edge/compose.yml': { role: 'production', rule: 'content:public-tls' },
      'acme-local/compose.yml': { role: 'unknown', rule: 'unknown' },
      'stack-dev/docker-compose.yaml': { role: 'development', rule: 'content:dev-env-file' },
    });
  });

  it('makes production the compose file that runs the image the repository publishes (Claper, round 12), not one that builds it nor one of other images', async () => {
    const workflow = [
      'name: docker',
      'on:',
      '  push:',
      "    tags: ['v*']",
      'jobs:',
      '  push:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - id: meta',
      '        uses: docker/metadata-action@v5',
      '        with:',
      '          images: ghcr.io/acme/app',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          context: .',
      '          push: true',
      '          tags: ${{ steps.meta.outputs.tags }}',
      '',
    ].join('\n');
    const files = {
      '.github/workflows/docker.yml': workflow,
      'Dockerfile': 'FROM node:22-slim\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: claper\n  app:\n    image: ghcr.io/acme/app:latest\n',
      'stack/compose.yml': 'services:\n  app:\n    build: ..\n    image: ghcr.io/acme/app:edge\n',
      'other/compose.yml': 'services:\n  cache:\n    image: redis:7\n',
    };
    expect(await rolesOf(files, ['docker-compose.yml', 'stack/compose.yml', 'other/compose.yml'])).toEqual({
      'docker-compose.yml': { role: 'production', rule: 'evidence:runs-published-image' },
      'stack/compose.yml': { role: 'unknown', rule: 'unknown' },
      'other/compose.yml': { role: 'unknown', rule: 'unknown' },
    });
    // Its deployment takes that role: the published database with the product's default password is a P0.
    const result = await audit(composeChecks.filter((c) => c.id === 'compose.exposed-datastore'), files);
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P0 docker-compose.yml:4']);
  });

  it('reads a compose file a command names by any name as a compose file (its header says development)', async () => {
    const readme = '## Getting started\n\n```\ndocker compose -f src/main/docker/app.yml up -d\n```\n';
    const app = '# This configuration is intended for development purpose\nservices:\n  app:\n    image: acme\n';
    expect(await rolesOf({ 'README.md': readme, 'src/main/docker/app.yml': app }, ['src/main/docker/app.yml'])).toEqual({
      'src/main/docker/app.yml': { role: 'development', rule: 'content:dev-header' },
    });
  });

  it('makes the env files a production deployment loads production', async () => {
    const readme = '## Deploy\n\n```\ndocker compose up -d\n```\n';
    const compose = 'services:\n  web:\n    image: acme/web:1.0.0\n    env_file: [config/web.env]\n';
    expect(await rolesOf({ 'README.md': readme, 'docker-compose.yml': compose, 'config/web.env': 'SECRET_KEY=x\n' }, ['config/web.env'])).toEqual({
      'config/web.env': { role: 'production', rule: 'evidence:env-file' },
    });
  });
});

describe('invocations', () => {
  const listing = (paths: string[]): Pick<FileSet, 'has' | 'files'> => ({ has: (p: string) => paths.includes(p), files: paths.map((path) => ({ path, size: 1, tracked: true })) });
  const files = listing(['deploy/compose.yml', 'compose.yaml', 'k8s/a.yaml']);

  it('resolves `cd` before a bare `docker compose up`, continuation lines and Makefile targets', () => {
    const text = 'prod-up:\n\tcd deploy && \\\n\t  docker compose up -d\n\ntest-up:\n\tdocker compose up\n';
    const found = invocationsIn('Makefile', text, listing(['deploy/compose.yml', 'compose.yaml']));
    expect(found.map((i) => [i.targets, i.context, i.contextWhy])).toEqual([
      [['deploy/compose.yml'], 'production', 'under "prod-up"'],
      [['compose.yaml'], 'test', 'under "test-up"'],
    ]);
  });

  it('takes a workflow that deploys to a cluster it creates itself (kind, minikube, k3d) for a test (spring-petclinic)', () => {
    const wf = 'name: Deploy and Test Cluster\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: helm/kind-action@v1\n      - run: kubectl apply -f k8s/\n';
    const found = invocationsIn('.github/workflows/deploy-and-test-cluster.yml', wf, listing(['k8s/a.yaml']));
    expect(found.map((i) => i.context)).toEqual(['test']);
    const real = invocationsIn('.github/workflows/deploy.yml', wf.replace('      - uses: helm/kind-action@v1\n', ''), listing(['k8s/a.yaml']));
    expect(real.map((i) => i.context)).toEqual(['production']);
  });

  it('reads the comments above a Makefile target as its introduction: a development banner makes its commands development (Attendize, round 13)', () => {
    const text = [
      'build:',
      '\tdocker build --tag app .',
      '',
      '################',
      "# The following commands are for local development use only and won't work in a production environment",
      '################',
      '',
      '# run containers for local development with docker-compose only',
      'setup: build',
      '\tcp .env.example .env',
      '\tdocker-compose up -d',
      '',
      'release:',
      '\tdocker compose -f compose.yaml up -d',
      '',
    ].join('\n');
    const found = invocationsIn('Makefile', text, listing(['compose.yaml', '.env.example', '.env']));
    expect(found.map((i) => [i.kind, i.targets, i.context])).toEqual([
      ['copy', ['.env.example'], 'development'],
      ['compose', ['compose.yaml'], 'development'],
      ['compose', ['compose.yaml'], 'production'],
    ]);
  });

  it('does not take `logs -f web` for a compose file, nor a heading inside a code fence', () => {
    const text = '## Development\n\n```\n# Deploy\ndocker compose logs -f web\ndocker compose up\n```\n';
    expect(invocationsIn('README.md', text, files).map((i) => i.context)).toEqual(['development']);
  });

  it('follows a shell variable that holds the compose command, set in one script and used in another', () => {
    const vars = new Set(['dc', 'dc_base']);
    const found = invocationsIn('install/bootstrap.sh', 'echo start\n$dc up --wait\n', listing(['docker-compose.yml', 'install/bootstrap.sh']), vars);
    expect(found.map((i) => [i.targets, i.context])).toEqual([[['docker-compose.yml'], 'production']]);
  });

  it('takes a file an install script captures from a release URL (status checked, then written out) for a download', () => {
    const script = [
      'download_env() {',
      '  RESPONSE=$(curl -sSL -H "Cache-Control: no-cache" -w "HTTPSTATUS:%{http_code}" "$RELEASE_URL/$APP_RELEASE/variables.env?$(date +%s)")',
      '  BODY=$(echo "$RESPONSE" | sed -e "s/HTTPSTATUS:.*//")',
      '  echo "$BODY" > plane.env',
      '}',
      'VERSION=$(curl -s https://api.example.com/latest)',
      '',
    ].join('\n');
    const found = invocationsIn('deploy/install.sh', script, listing(['deploy/install.sh', 'deploy/variables.env']));
    expect(found.map((i) => [i.kind, i.targets, i.line])).toEqual([['download', ['deploy/variables.env'], 2]]);
  });

  it('maps a raw download URL to the repository file its path ends with', () => {
    expect(repositoryFileOfUrl('https://raw.githubusercontent.com/acme/app/v1.2/deploy/compose.yml', files)).toBe('deploy/compose.yml');
    expect(repositoryFileOfUrl('https://example.com/other/file.yml', files)).toBeUndefined();
    expect(repositoryFileOfUrl('not a url', files)).toBeUndefined();
  });
});

describe('files a production compose service mounts', () => {
  const compose = 'services:\n  db:\n    image: mysql:8.4\n    volumes:\n      - ../doc/db/schema.sql:/docker-entrypoint-initdb.d/schema.sql:ro\n      - ./initdb:/docker-entrypoint-initdb.d/more\n      - ./seed:/docker-entrypoint-initdb.d\n      - ./nginx:/etc/nginx/conf.d\n  app:\n    image: acme/app:1.2.0\n    volumes:\n      - ..:/app\n';
  const files = {
    'docker/docker-compose.yml': compose,
    'doc/db/schema.sql': 'CREATE TABLE t (id int);\n',
    'docker/seed/01-users.sql': 'CREATE TABLE u (id int);\n',
    'docker/initdb/a.sql': 'SELECT 1;\n',
    'docker/nginx/site.conf': 'server {}\n',
    'tools/seed.py': 'print(1)\n',
  };
  const paths = ['doc/db/schema.sql', 'docker/seed/01-users.sql', 'docker/initdb/a.sql', 'docker/nginx/site.conf', 'tools/seed.py'];

  it('makes production a single file and a datastore init folder the production deployment mounts, not other folders nor the checkout mounted over the code', async () => {
    const roles = await rolesOf({ ...files, 'README.md': '# Acme\n\n## Deploy\n\n```sh\ncd docker && docker compose up -d\n```\n' }, paths);
    expect(roles).toEqual({
      'doc/db/schema.sql': { role: 'production', rule: 'evidence:mounted' },
      'docker/seed/01-users.sql': { role: 'production', rule: 'evidence:mounted' },
      'docker/initdb/a.sql': { role: 'unknown', rule: 'unknown' },
      'docker/nginx/site.conf': { role: 'unknown', rule: 'unknown' },
      'tools/seed.py': { role: 'tooling', rule: 'tooling-dir' },
    });
  });

  it('gives nothing when the deployment is not shown to be production (the twin)', async () => {
    const roles = await rolesOf(files, ['doc/db/schema.sql', 'docker/seed/01-users.sql']);
    expect(roles['doc/db/schema.sql']!.rule).not.toBe('evidence:mounted');
    expect(roles['docker/seed/01-users.sql']!.rule).not.toBe('evidence:mounted');
  });
});
