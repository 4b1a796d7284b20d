// Classes of false (or missed) verdicts found on the fourteenth held-out round, each fixture next to its
// true-positive twin, in the smallest shape that shows the class. Names are made up: a class, never a repository.

import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeChecks } from '../../src/checks/compose/index.js';
import { genericFilter } from '../../src/checks/secrets/rules.js';
import { dataChecks } from '../../src/checks/data/index.js';
import { recogniseDump } from '../../src/checks/data/recognise.js';
import { djangoChecks } from '../../src/checks/django/index.js';
import { dockerChecks } from '../../src/checks/docker/index.js';
import { opsChecks } from '../../src/checks/ops/index.js';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { jwtNotLive } from '../../src/checks/secrets/rules.js';
import { secretsWeakDefault } from '../../src/checks/secrets/weak-default.js';
import { isCookieName, isGeneratedHexSecret, isGeneratedSecret, isPasswordHash, isPlaceholder, isPublicKeyName, isSlug } from '../../src/model/values.js';
import { roleFromContent, roleFromPath } from '../../src/model/roles.js';
import { imageOfRun, invocationsIn } from '../../src/model/invocations.js';
import { audit, messages, where } from './helpers.js';
import { sqliteFile } from '../helpers/sqlite.js';

const j = (...parts: string[]): string => parts.join('');
const RANDOM = j('Zx81', 'qLm2', 'Vb7T', 'yR4w', 'Np9K');
const KEY = j('AIza', 'SyBc9kMlT1ulYXmIFxQR_eCvWs24gQqBWwz');
const DEPLOY_README = '# Acme\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n';
const NODE_PACKAGE = { 'package.json': '{"name": "api", "version": "1.0.0", "main": "src/index.ts"}\n' };

describe('roles: what a documented step says outweighs what a setting presumes', () => {
  // A compose file that sets the framework's environment to production builds the release locally; the
  // contributors' guide runs it. Its twin: the same file run by the install guide.
  const compose = `services:\n  web:\n    build: .\n    environment:\n      MIX_ENV: prod\n      SECRET_KEY_BASE: ${RANDOM}\n    ports: ["4000:4000"]\n  db:\n    image: postgres:17\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: postgres\n`;

  it('takes a compose file the contributors guide runs and calls the development environment for that, whatever environment it sets', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': compose,
      'docs/CONTRIBUTING.md': '# Contributing\n\nStart the stack:\n\n```sh\ndocker compose up -d web db\n```\n\nThe [`docker-compose.yml`](../docker-compose.yml) file configures the Docker\ndevelopment environment.\n',
    }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P2 docker-compose.yml:10']);
  });

  it('keeps the presumption when the contributors guide only runs the file (self-hosted projects develop on their production compose)', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': compose,
      'docs/CONTRIBUTING.md': '# Contributing\n\nStart the stack:\n\n```sh\ndocker compose up -d web db\n```\n\nThere is also a `docker-compose.override.yml` for development.\n',
    }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P0 docker-compose.yml:10']);
  });

  it('keeps it production when an install guide runs it (the twin)', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': compose,
      'README.md': '# Acme\n\n## Install\n\n```sh\ndocker compose up -d\n```\n',
    }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P0 docker-compose.yml:10']);
  });

  it('lowers an admin UI in a compose file nothing shows anyone deploys one level, as for datastores', async () => {
    const stack = 'services:\n  prometheus:\n    image: prom/prometheus:v3.1.0\n    command: ["--web.enable-lifecycle"]\n    ports: ["9090:9090"]\n';
    expect(where(await audit(composeChecks, { 'docker-compose.metrics.yml': stack }, { git: true }), 'compose.admin-exposed')).toEqual(['fail P1 docker-compose.metrics.yml:5']);
    const deployed = await audit(composeChecks, { 'docker-compose.metrics.yml': stack, 'README.md': '# Acme\n\n## Deploy\n\n```sh\ndocker compose -f docker-compose.metrics.yml up -d\n```\n' }, { git: true });
    expect(where(deployed, 'compose.admin-exposed')).toEqual(['fail P0 docker-compose.metrics.yml:5']);
  });
});

describe('values: names and identifiers are not secrets', () => {
  it('reads snake_case names with algorithm parts as identifiers, not generated values', async () => {
    expect([isSlug('key_object_jwt_es256'), isSlug('es256_private_key_der'), isSlug('key_object_jwe_a128gcm'), isSlug('k3x9_qw7l_p2zr'), isSlug('abc_x9f8k2_qq')]).toEqual([true, true, true, false, false]);
    const code = [
      'pub const ATTR_ES256_PRIVATE_KEY_DER: &str = "es256_private_key_der";', // 1 a schema attribute's name
      `pub const SIGNING_SECRET: &str = "${RANDOM}";`, // 2 P0: generated
    ].join('\n');
    const result = await audit(secretsChecks, { 'Cargo.toml': '[package]\nname = "acme"\nversion = "0.1.0"\n', 'src/constants.rs': code }, { git: true });
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail'))).toEqual(['fail P0 src/constants.rs:2']);
  });

  it('reads a cookie-named setting whose fallback is lower-case words as the cookie\'s name', async () => {
    expect([isCookieName('AUTH_COOKIE_KEY', 'acme_session'), isCookieName('AUTH_COOKIE_KEY', RANDOM), isCookieName('COOKIE_SECRET', 'cookie_secret'), isCookieName('SESSION_KEY', 'acme_session')]).toEqual([true, false, false, false]);
    const code = [
      "export const cookieName = process.env.ACME_AUTH_COOKIE_KEY || 'acme_session';", // 1 a name
      `export const cookieSecret = process.env.ACME_COOKIE_SECRET || '${RANDOM}';`, // 2 P0: a signing secret
    ].join('\n');
    const result = await audit([secretsWeakDefault], { 'src/config.ts': code, ...NODE_PACKAGE });
    expect(where(result, 'secrets.weak-default')).toEqual(['fail P0 src/config.ts:2']);
  });
});

describe('Phoenix: what the prod configuration replaces', () => {
  it('takes a key set in a `listeners ++ [secret_key_base: ...]` option list as replacing the config.exs literal', async () => {
    const config = `import Config\n\nconfig :acme, AcmeWeb.Endpoint,\n  url: [host: "localhost"],\n  secret_key_base: "${RANDOM}${RANDOM}${RANDOM}"\n\nconfig :acme, AcmeWeb.Other,\n  secret_key_base: "${RANDOM}${RANDOM}${RANDOM}"\n`;
    const runtime = 'import Config\n\nif config_env() == :prod do\n  listener = [http: [port: 4000]]\n\n  config :acme, AcmeWeb.Endpoint,\n         listener ++\n           [\n             url: [host: "acme.example", port: 443],\n             secret_key_base: System.fetch_env!("SECRET_KEY_BASE")\n           ]\nend\n';
    const result = await audit(secretsChecks, { 'mix.exs': 'defmodule Acme.MixProject do\nend\n', 'lib/acme.ex': 'defmodule Acme do\nend\n', 'config/config.exs': config, 'config/runtime.exs': runtime }, { git: true });
    // The endpoint the `++` list configures is replaced (P2); the other one, which prod never replaces, stays P0.
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail'))).toEqual(['fail P0 config/config.exs:8', 'fail P2 config/config.exs:5']);
  });
});

describe('values: keys public by design, tokens for the local machine', () => {
  it('puts a Firebase client configuration\'s key and a key named for Maps (MAP or MAPS) at P2, and keeps a bare Google key P0', async () => {
    const android = `{\n  "project_info": {"project_id": "acme-1"},\n  "client": [{\n    "client_info": {"mobilesdk_app_id": "1:2:android:3"},\n    "api_key": [\n      {\n        "current_key": "${KEY}"\n      }\n    ]\n  }]\n}\n`;
    const web = `export const firebaseConfig = {\n  apiKey: "${KEY}",\n  authDomain: "acme.firebaseapp.com",\n  messagingSenderId: "123",\n};\n`;
    const server = `export const translate = { key: "${KEY}" };\n`;
    const maps = `GOOGLE_MAP_API_KEY = "${KEY}"\n`;
    const result = await audit(secretsChecks, { 'android/app/google-services.json': android, 'src/firebase.ts': web, 'src/translate.ts': server, 'src/maps.ts': maps, ...NODE_PACKAGE }, { git: true });
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail'))).toEqual(['fail P0 src/translate.ts:1', 'fail P2 android/app/google-services.json:7', 'fail P2 src/firebase.ts:2', 'fail P2 src/maps.ts:1']);
  });

  it('reads a JWT issued by and for localhost as a developer\'s token, one with a public audience as live', () => {
    expect(jwtNotLive({ iss: 'http://localhost:8888', aud: ['http://localhost:8888'], sub: 'dev' })).toMatch(/local machine/);
    expect(jwtNotLive({ iss: 'http://localhost:8888', aud: 'https://api.acme.io', sub: 'dev' })).toBeUndefined();
  });

  it('reads a chat widget\'s website token and readable e2e labels as no secret', () => {
    expect([isPublicKeyName('websiteToken'), isPublicKeyName('apiToken')]).toEqual([true, false]);
    expect([isSlug('acme_cl_e2e_seed_checkout_link'), isSlug('acme_e2e_k8s_cluster_setup'), isSlug('ab1c_d2e3f_x9')]).toEqual([true, true, false]);
  });

  it('judges pytest\'s own section of setup.cfg as test settings, and a key elsewhere in the file as it is', async () => {
    const cfg = `[metadata]\nname = acme\n\n[tool:pytest]\nenv =\n    D:SECRET_KEY=${RANDOM}x1\n\n[acme]\nsecret_key = ${RANDOM}y2\n`;
    const result = await audit(secretsChecks, { 'setup.cfg': cfg, 'pyproject.toml': '[project]\nname = "acme"\n' }, { git: true });
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail'))).toEqual(['fail P0 setup.cfg:9']);
  });
});

describe('data files by what they hold', () => {

  it('takes a test-metrics SQLite file for a tool\'s measurements and one with user tables for data', async () => {
    const metrics = await recogniseDump('sdk/.pymon', sqliteFile(['TEST_SESSIONS', 'TEST_METRICS', 'EXECUTION_CONTEXTS'], 'id integer PRIMARY KEY, value text'));
    expect([metrics?.hasData, metrics?.lowRisk]).toEqual([false, expect.stringMatching(/test or coverage tool/)]);
    const users = await recogniseDump('app.db', sqliteFile(['users', 'orders'], 'id integer PRIMARY KEY, value text'));
    expect([users?.hasData, users?.lowRisk]).toEqual([true, undefined]);
  });

  it('takes a numbered script of an install sequence for the application\'s schema, and a lone dump for a dump', async () => {
    const dump = '--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE app.catalogue (name text);\n\nCOPY app.catalogue (name) FROM stdin;\nfn_one\nfn_two\n\\.\n';
    const sequence = { 'db/sql/00_catalogue.sql': dump, 'db/sql/01_types.sql': 'CREATE TYPE t AS (a int);\n', 'db/sql/05_functions.sql': 'SELECT 1;\n', 'db/backup.sql': dump };
    const result = await audit(dataChecks, sequence, { git: true });
    expect(where(result, 'data.committed-dump')).toEqual(['fail P0 db/backup.sql:1', 'fail P2 db/sql/00_catalogue.sql:1']);
    expect(messages(result, 'data.committed-dump')[1]).toMatch(/one of 3 numbered SQL scripts in `db\/sql\/`/);
  });
});

describe('frameworks and tools: what they refuse and what they run', () => {
  it('passes an empty SECRET_KEY fallback (Django refuses to start with it) and fails a short one', async () => {
    const settings = (fallback: string): string => `import os\nSECRET_KEY = os.getenv("APP_SECRET_KEY", "${fallback}")\nDEBUG = False\nALLOWED_HOSTS = ["acme.example"]\n`;
    const project = { 'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "acme.settings")\n', 'acme/__init__.py': '' };
    expect(where(await audit(djangoChecks, { ...project, 'acme/settings.py': settings('') }, { git: true }), 'django.secret-key')).toEqual(['pass P0']);
    expect(where(await audit(djangoChecks, { ...project, 'acme/settings.py': settings('dev') }, { git: true }), 'django.secret-key')).toEqual(['fail P0 acme/settings.py:2']);
  });

  it('knows Postgres images by their wrappers (pgautoupgrade): an internal database\'s default password is P1, and its HEALTHCHECK counts', async () => {
    const compose = 'x-config: &config\n  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-mathpass}\nservices:\n  web:\n    image: acme/web:1.2.0\n    environment: *config\n    ports: ["80:80"]\n  db:\n    image: pgautoupgrade/pgautoupgrade:17-bookworm\n    environment: *config\n    expose: ["5432"]\n';
    const result = await audit([...composeChecks, secretsWeakDefault], { 'docker-compose.yml': compose, 'README.md': DEPLOY_README }, { git: true });
    expect(where(result, 'secrets.weak-default')).toEqual(['fail P1 docker-compose.yml:2']);
    expect(where(result, 'compose.healthcheck').filter((w) => w.includes('docker-compose.yml:8'))).toEqual([]);
  });

  it('follows a `cd` alone in its code block into the blocks after it', async () => {
    const guide = '# Development\n\n## Setup\n\n```sh\ncd server\n```\n\n```sh\ndocker compose up -d\n```\n';
    const compose = 'services:\n  db:\n    image: postgres:17\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: postgres\n';
    const result = await audit(composeChecks, { 'DEVELOPMENT.md': guide, 'server/docker-compose.yml': compose }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P2 server/docker-compose.yml:4']);
  });

  it('takes a named e2e runner image beside the product\'s images for a test file, and the product image as published', async () => {
    const files = {
      'build/package/e2e-python.dockerfile': 'FROM python:3.12\nCMD ["pytest"]\n',
      'build/package/servers.dockerfile': 'FROM alpine:3.20\nCMD ["/server"]\n',
      '.github/workflows/publish.yml': 'on: push\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -f build/package/e2e-python.dockerfile -t ghcr.io/acme/e2e-python . && docker push ghcr.io/acme/e2e-python\n      - run: docker build -f build/package/servers.dockerfile -t ghcr.io/acme/server . && docker push ghcr.io/acme/server\n',
    };
    expect(where(await audit(dockerChecks, files, { git: true }), 'docker.non-root')).toEqual(['fail P1 build/package/servers.dockerfile:1']);
  });

  it('does not ask a gem or a package of the root project\'s Composer path repository for a lock of its own', async () => {
    const files = {
      'composer.json': '{"require": {"laravel/framework": "^11.0"}, "repositories": [{"type": "path", "url": "packages/*/*"}]}',
      'composer.lock': '{}',
      'packages/Acme/Shop/composer.json': '{"name": "acme/shop", "require": {"php": "^8.2", "guzzlehttp/guzzle": "^7.0"}}',
      'lib/Acme/Other/composer.json': '{"name": "acme/other", "require": {"guzzlehttp/guzzle": "^7.0"}}',
      'sdks/ruby/client/Gemfile': "source 'https://rubygems.org'\n\ngemspec\n",
      'worker/Gemfile': "source 'https://rubygems.org'\ngem 'rake'\n",
    };
    expect(where(await audit(opsChecks, files, { git: true }), 'ops.lockfile')).toEqual(['fail P1 lib/Acme/Other/composer.json:1', 'fail P1 worker/Gemfile:1']);
  });

  it('counts a test task run through Invoke or a Composer script as the CI running tests', async () => {
    const workflow = (run: string): string => `on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;
    const code = { 'pyproject.toml': '[project]\nname = "acme"\n', 'acme/__init__.py': 'x = 1\n' };
    expect(where(await audit(opsChecks, { ...code, '.github/workflows/ci.yml': workflow('poetry run invoke tests --parallel') }, { git: true }), 'ops.ci')).toEqual(['pass P1']);
    expect(where(await audit(opsChecks, { ...code, '.github/workflows/ci.yml': workflow('poetry run invoke lint') }, { git: true }), 'ops.ci')).toEqual(['fail P1 .github/workflows/ci.yml']);
    const php = { 'composer.json': '{"require": {"php": "^8.2"}, "scripts": {"test": "phpunit"}}', 'app/Kernel.php': '<?php\n' };
    expect(where(await audit(opsChecks, { ...php, '.github/workflows/ci.yml': workflow('composer run test') }, { git: true }), 'ops.ci')).toEqual(['pass P1']);
  });

  it('does not take a task\'s parameter default (`def createsuperuser(context, user="admin")`) for a seeded password', async () => {
    const tasks = 'from invoke import task\n\n@task\ndef createsuperuser(context, user="admin"):\n    context.run(f"manage.py createsuperuser --username {user}")\n\ndef seed():\n    create_superuser("admin", "admin@acme.example", "admin123")\n';
    const result = await audit(secretsChecks, { 'tasks.py': tasks, 'acme/__init__.py': '', 'pyproject.toml': '[project]\nname = "acme"\n' }, { git: true });
    expect(where(result, 'secrets.default-account').map((w) => w.replace(/ P[01]/, ''))).toEqual(['fail tasks.py:8']);
  });
});

describe('images: what a build writes into them, and which builds publish them', () => {
  const publish = (file: string): string => `on: push\nenv:\n  BUILD_CONTEXT: docker/production\njobs:\n  push:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        variant: [apache, nginx]\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: \${{ env.BUILD_CONTEXT }}\n          file: ${file}\n          push: true\n          tags: acme/shop:latest\n`;

  it('knows the Dockerfiles a workflow builds through its env values and matrix lists', async () => {
    const files = {
      '.github/workflows/publish.yml': publish('${{ env.BUILD_CONTEXT }}/${{ matrix.variant }}/Dockerfile'),
      'docker/production/apache/Dockerfile': 'FROM ubuntu:24.04\nCMD ["apache2-foreground"]\n',
      'docker/production/nginx/Dockerfile': 'FROM ubuntu:24.04\nCMD ["nginx"]\n',
      'docker/production/other/Dockerfile': 'FROM ubuntu:24.04\nCMD ["sleep"]\n',
    };
    const result = await audit(dockerChecks, files, { git: true });
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 docker/production/apache/Dockerfile:1', 'fail P1 docker/production/nginx/Dockerfile:1', 'fail P1 docker/production/other/Dockerfile:1']);
    expect(result.findings.filter((f) => f.checkId === 'docker.non-root').map((f) => f.role?.rule)).toEqual(['evidence:built-by', 'evidence:built-by', 'evidence:built-by-nothing']);
  });

  it('reports a signing key generated at build time, in the Dockerfile or a script it copies and runs; not one generated at start', async () => {
    const files = {
      '.github/workflows/publish.yml': publish('${{ env.BUILD_CONTEXT }}/${{ matrix.variant }}/Dockerfile'),
      'docker/production/apache/Dockerfile': 'FROM php:8.3-apache\nCOPY shared/install.sh /tmp/install.sh\nRUN bash /tmp/install.sh && rm /tmp/install.sh\nUSER www-data\n',
      'docker/production/shared/install.sh': '#!/bin/sh\ncomposer install\nphp artisan key:generate --force\n',
      'docker/production/nginx/Dockerfile': 'FROM php:8.3-fpm\nCOPY shared/entrypoint.sh /entrypoint.sh\nRUN chmod +x /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nUSER www-data\n',
      'docker/production/shared/entrypoint.sh': '#!/bin/sh\n[ -f .env ] || php artisan key:generate --force\nexec php-fpm\n',
    };
    const result = await audit(dockerChecks, files, { git: true });
    expect(where(result, 'docker.secrets-in-image')).toEqual(['fail P0 docker/production/apache/Dockerfile:3']);
    expect(messages(result, 'docker.secrets-in-image')[0]).toContain("Laravel's artisan key generation, the APP_KEY, in docker/production/shared/install.sh:3");
  });
});

describe('generated values of every length', () => {
  it('takes a short mixed token and a hex app secret for generated, and typed values or digests for what they are', () => {
    expect([isGeneratedSecret('X8xIqLm2Vb7TyR4wNp9Kd3Fg'), isGeneratedSecret('ThisIsMyStrongPassphrase1'), isGeneratedSecret('aaaaBBBB1111ccccDDDD2222')]).toEqual([true, false, false]);
    // Base64 of a Basic-auth pair is typed text encoded; base64 of a typed phrase used as a key stays a key.
    expect([isGeneratedSecret(Buffer.from('acme:passw0rd').toString('base64')), isGeneratedSecret(Buffer.from('ThisIsMyCustomSecretKey0123456789').toString('base64'))]).toEqual([false, true]);
    const hex = 'dfec3a91b07e4c2d8f15a6e9c0b47d23';
    expect([isGeneratedHexSecret('Facebook:AppSecret', hex), isGeneratedHexSecret('Assets:Sha256', hex), isGeneratedHexSecret('Facebook:AppId', hex)]).toEqual([true, false, false]);
  });
});

describe('seeded accounts in the shapes frameworks write them', () => {
  const hash = j('AQAAAAEAACcQAAAAEAEq', 'SCV8Bpg69irmeg8N86U503jGEAYf75fBuzvL00/mr/FGEsiUqfR0rWBbBUwqtw==');
  it('reads an ASP.NET Identity hash in EF Core seed data, once per seed and migration, not in designer files', async () => {
    const seed = `builder.Entity<User>().HasData(\n    new User { Id = 10L, Email = "admin@acme.example", PasswordHash = "${hash}", UserName = "admin@acme.example" }\n);\n`;
    const result = await audit(secretsChecks, {
      'src/Acme.WebHost/Acme.WebHost.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>',
      'src/Acme.WebHost/Data/SeedData.cs': seed,
      'src/Acme.WebHost/Migrations/20240101_Init.Designer.cs': seed,
      'src/Acme.WebHost/Migrations/AcmeContextModelSnapshot.cs': seed,
    }, { git: true });
    expect(where(result, 'secrets.default-account')).toEqual(['fail P0 src/Acme.WebHost/Data/SeedData.cs:2']);
  });

  it('reads rows of a table of administrators by its name, with a prefixed password column, and not a table of customers', async () => {
    const schema = 'CREATE TABLE `tb_shop_admin_user` (\n  `admin_user_id` int(11) NOT NULL,\n  `login_user_name` varchar(50) NOT NULL,\n  `login_password` varchar(50) NOT NULL,\n  `nick_name` varchar(50) NOT NULL\n);\nINSERT INTO `tb_shop_admin_user` VALUES (1, \'boss\', \'e10adc3949ba59abbe56e057f20f883e\', \'Boss\');\nCREATE TABLE `tb_shop_customer` (\n  `id` int(11) NOT NULL,\n  `login_user_name` varchar(50) NOT NULL,\n  `login_password` varchar(50) NOT NULL\n);\nINSERT INTO `tb_shop_customer` VALUES (1, \'alice\', \'e10adc3949ba59abbe56e057f20f883e\');\n';
    const result = await audit(secretsChecks, { 'pom.xml': '<project><artifactId>shop</artifactId></project>', 'src/main/resources/shop_schema.sql': schema }, { git: true });
    expect(where(result, 'secrets.default-account')).toEqual(['fail P0 src/main/resources/shop_schema.sql:7']);
  });

  it('reads an admin password given as a Go struct tag default or a PHP class constant, and a username constant as no password', async () => {
    const go = 'package config\n\ntype Seed struct {\n\tAdminEmail    string `json:"adminEmail" default:"admin@acme.example"`\n\tAdminPassword string `json:"adminPassword" default:"Admin123!!"`\n}\n';
    const php = "<?php\nclass DatabaseManager\n{\n    const string DEFAULT_ADMIN_EMAIL = 'admin@acme.example';\n\n    const string DEFAULT_ADMIN_PASSWORD = 'admin123';\n\n    const string DEMO_PASSWORD = 'demo-pass';\n}\n";
    const result = await audit(secretsChecks, { 'go.mod': 'module acme\n\ngo 1.22\n', 'pkg/config/database/config.go': go, 'composer.json': '{"autoload": {"psr-4": {"Acme\\\\": "src/"}}}', 'src/Installer/DatabaseManager.php': php }, { git: true });
    expect(where(result, 'secrets.default-account')).toEqual(['fail P0 pkg/config/database/config.go:5', 'fail P0 src/Installer/DatabaseManager.php:6']);
  });
});

describe('round 15: names, placeholders and headers read as what they are', () => {
  it('reads a word that only contains `key` (Keyboard) as no key name, and a key name as one', async () => {
    const list = 'Button_Switch_Keyboard:SW_Cherry_MX_1.00u_PCB\n';
    const config = `signing_key: ${RANDOM}\n`;
    const result = await audit(secretsChecks, { 'public/footprints.txt': list, 'config/app.yml': config, 'Dockerfile': 'FROM nginx:1.27\nCOPY public /usr/share/nginx/html\nCOPY config /etc/app\n', 'README.md': DEPLOY_README, 'docker-compose.yml': 'services:\n  web:\n    build: .\n' }, { git: true });
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail'))).toEqual(['fail P0 config/app.yml:1']);
  });

  it('reads a deploy-time substitution name, an upstream of a forwarding directive, a typed hint and a Stripe test key as no credential', () => {
    expect([isPlaceholder('#DD_CREDENTIAL_AES_256_KEY#'), isPlaceholder('@DB_PASSWORD@'), isPlaceholder('__JWT_SECRET__'), isPlaceholder('someRandomStringWith32Characters'), isPlaceholder(RANDOM)]).toEqual([true, true, true, true, false]);
    expect([genericFilter('someRandomStringWith32Characters'), genericFilter('Kx8RandomQ2mZp4Lr7Tn1Wc5Yb9Hd3'), genericFilter(j('sk_', 'test_UD6BDsARFZIYb8273dbdl')), genericFilter(RANDOM)]).toEqual(['placeholder', 'stopword', 'test-mode-key', undefined]);
  });

  it('passes an nginx forwarding directive named as a setting (UWSGI_PASS) and still fails a password baked into an image', async () => {
    const dockerfile = 'FROM nginx:1.27\nENV APP_UWSGI_PASS="uwsgi_server"\nENV APP_DB_PASS="s3cretPassw0rdForDb"\nUSER nginx\n';
    const result = await audit(dockerChecks, { Dockerfile: dockerfile, 'README.md': DEPLOY_README, 'docker-compose.yml': 'services:\n  web:\n    build: .\n' }, { git: true });
    expect(where(result, 'docker.secrets-in-image')).toEqual(['fail P0 Dockerfile:3']);
  });

  it('takes "not intended for production without first customizing it" for production once adapted, and a plain refusal for development', () => {
    const adapted = '# Compose is a supported way to deploy in production, but this file\n# is not intended for production use without first\n# customizing it to your situation.\nservices:\n  web:\n    image: acme/web:1.0.0\n';
    const refused = '# This file is not intended for production use.\nservices:\n  web:\n    image: acme/web:1.0.0\n';
    expect([roleFromContent('docker-compose.yml', adapted)?.rule, roleFromContent('docker-compose.yml', refused)?.rule]).toEqual(['content:production-header', 'content:dev-header']);
  });

  it('takes unit-test settings modules and demo-data generators for what they are by their names', () => {
    expect([roleFromPath('dojo/settings/unittests.py')?.role, roleFromPath('dojo/settings/settings.py')?.role]).toEqual(['test', undefined]);
    expect([roleFromPath('cmd/demoData/demoData.go')?.role, roleFromPath('cmd/server/main.go')?.role]).toEqual(['example', undefined]);
  });

  it('does not take a commented-out example of a copied template for a value in effect, and keeps an active generated one P0', async () => {
    const template = `# Examples:\n#\n#   SECRET_KEY_BASE: '${RANDOM}${RANDOM}'\n#\nSECRET_KEY_BASE: '${RANDOM}x9'\n`;
    const result = await audit(secretsChecks, { 'config/general.yml-example': template }, { git: true });
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail'))).toEqual(['fail P0 config/general.yml-example:5', 'fail P2 config/general.yml-example:3']);
  });
});

describe('who a compose service runs as', () => {
  it('reports `user: "0:0"` on a production service, and not a service that runs as its own user or a one-shot chown helper', async () => {
    const compose = 'services:\n  app:\n    image: acme/app:2.1.0\n    user: "0:0"\n    ports: ["9001:9001"]\n  worker:\n    image: acme/app:2.1.0\n    user: "5001:5001"\n  permissions:\n    image: busybox:1.36\n    user: root\n    command: chown -R 1001:1001 /data\n';
    const result = await audit(composeChecks, { 'docker-compose.yml': compose, 'README.md': DEPLOY_README }, { git: true });
    expect(where(result, 'compose.privileged')).toEqual(['fail P1 docker-compose.yml:4']);
  });
});

describe('test fixtures that are other tools\' reports', () => {
  it('puts a token in a scanner report kept as a parser fixture at P2, and keeps one in another test file P0', async () => {
    const token = j('ghp_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o50smkjE');
    const result = await audit(secretsChecks, {
      'unittests/scans/noseyparker/findings.jsonl': `{"rule": "GitHub Personal Access Token", "match": "${token}"}\n`,
      'unittests/test_client.py': `TOKEN = "${token}"\n`,
    }, { git: true });
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail'))).toEqual(['fail P0 unittests/test_client.py:1', 'fail P2 unittests/scans/noseyparker/findings.jsonl:1']);
  });
});

describe('scripts a test workflow runs', () => {
  const compose = 'services:\n  app:\n    image: acme/app:2.1.0\n    ports: ["5000:5000"]\n  db:\n    image: postgres:17\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: postgres\n';
  const helpers = '#!/bin/bash\nstack-up() {\n  docker compose up -d\n}\n';
  const starter = '#!/bin/bash\nsource $(pwd)/stack-helpers.sh\nstack-up\n';
  it('gives the test context to what a script run by a test workflow runs, through a script it sources', async () => {
    const workflow = 'name: harness\non: pull_request\njobs:\n  harness:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          cd harness/stack\n          ./start-stack\n      - run: pytest tests/harness\n';
    const result = await audit(composeChecks, { '.github/workflows/harness.yml': workflow, 'harness/stack/start-stack': starter, 'harness/stack/stack-helpers.sh': helpers, 'harness/stack/docker-compose.yml': compose }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['pass P1']);
  });

  it('leaves a compose file a deploy script runs to its own evidence (the twin)', async () => {
    const result = await audit(composeChecks, { 'README.md': '# Acme\n\n## Install\n\n```sh\ncd harness/stack && ./start-stack\n```\n', 'harness/stack/start-stack': starter, 'harness/stack/stack-helpers.sh': helpers, 'harness/stack/docker-compose.yml': compose }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P1 harness/stack/docker-compose.yml:7']);
  });
});

describe('docs pages that write their own compose file', () => {
  const compose = 'services:\n  db:\n    image: postgres:17\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: postgres\n';
  it('does not take the repository\'s compose file for the one a page writes out and then runs', async () => {
    const page = '# Self-hosting\n\n## Deployment with Docker Compose\n\nSave this as `docker-compose.yml`:\n\n```yaml\nservices:\n  app:\n    image: acme/app:1.2.0\n```\n\n```sh\ndocker compose up -d\n```\n';
    const result = await audit(composeChecks, { 'docker-compose.yml': compose, 'docs/self-hosting.md': page }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P1 docker-compose.yml:4']);
  });

  it('keeps a page that runs the repository\'s compose file with no file of its own (the twin)', async () => {
    const page = '# Self-hosting\n\n## Deployment with Docker Compose\n\n```sh\ndocker compose up -d\n```\n';
    const result = await audit(composeChecks, { 'docker-compose.yml': compose, 'docs/self-hosting.md': page }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P0 docker-compose.yml:4']);
  });
});

// Round 17: the compose file an install page writes out is the deployment its users run (SEVERITY.md).
describe('compose files written in install docs', () => {
  const block = (intro: string): string =>
    `# Self-hosting\n\n## Deployment with Docker Compose\n\n${intro}\n\n\`\`\`yaml\nservices:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n    ports:\n      - "5432:5432"\n  app:\n    image: acme/app:1.2.0\n    environment:\n      - BACKEND_URL=postgresql://user:pass@host:port/db\n\`\`\`\n\n\`\`\`sh\ndocker compose up -d\n\`\`\`\n`;

  it('judges the block a production page tells operators to create, at the page\'s own lines', async () => {
    const result = await audit(composeChecks, { 'docs/self-hosting.md': block('1. Create the `docker-compose.yml`') }, { git: true });
    expect(where(result, 'compose.exposed-datastore')).toEqual(['fail P0 docs/self-hosting.md:14']);
    expect(where(result, 'compose.inline-secret')).toEqual(['fail P0 docs/self-hosting.md:12']);
    const finding = result.findings.find((f) => f.checkId === 'compose.exposed-datastore' && f.status === 'fail');
    expect(finding?.role).toMatchObject({ role: 'production', rule: 'evidence:written-compose' });
    expect(finding?.role?.reason).toContain('docs/self-hosting.md:7 writes out for operators to save and run');
    // The URL template of the reader's own backend is no password.
    expect(messages(result, 'compose.inline-secret').join('\n')).not.toContain('BACKEND_URL');
  });

  it('does not judge a snippet to add to the repository\'s file, nor a page of a development section (the twins)', async () => {
    const snippet = await audit(composeChecks, { 'docs/self-hosting.md': block('Add this to your `docker-compose.yml`:') }, { git: true });
    expect(where(snippet, 'compose.exposed-datastore')).toEqual(['skip P1']);
    const dev = block('1. Create the `docker-compose.yml`').replace('## Deployment with Docker Compose', '## Local development');
    expect(where(await audit(composeChecks, { 'docs/self-hosting.md': dev }, { git: true }), 'compose.exposed-datastore')).toEqual(['skip P1']);
  });

  it('notes a written block that does not parse, and leaves the page\'s other text alone', async () => {
    const broken = block('Create a `docker-compose.yml` with:').replace('  db:\n', '  db:\n   - x: [\n');
    const result = await audit(composeChecks, { 'docs/self-hosting.md': broken }, { git: true });
    expect(result.findings.some((f) => f.checkId === 'compose.healthcheck' && f.status === 'skip' && f.message.includes('does not parse as YAML'))).toBe(true);
    expect(result.findings.filter((f) => f.status === 'fail' && f.location?.path === 'docs/self-hosting.md')).toEqual([]);
  });
});

describe('values: encoded hashes, URL templates and keys the tests share', () => {
  it('reads a base64-encoded PHC hash as a hash, and keeps a base64 random key a credential', () => {
    const argon = Buffer.from('$argon2id$v=19$m=32,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA').toString('base64');
    expect(isPasswordHash(argon)).toBe(true);
    expect(isPasswordHash(Buffer.from(RANDOM + RANDOM).toString('base64'))).toBe(false);
  });

  it('takes words joined by dots for a name (a highlighter scope), and a dotted run with a random part for none', () => {
    expect(isSlug('markup.heading.1')).toBe(true);
    expect(isSlug('comment.doc.tag')).toBe(true);
    expect(isSlug('k9x2mq.zr7vbl.1')).toBe(false);
  });

  it('takes a URL whose host or port names the part for a template, and a URL to a real host for none', () => {
    expect(isPlaceholder('postgresql://user:pass@host:port/db')).toBe(true);
    expect(isPlaceholder('mysql://root:secret@your-db-host:3306/app')).toBe(true);
    expect(isPlaceholder(`postgres://app:${RANDOM}@db.internal:5432/app`)).toBe(false);
  });

  it('puts at P2 a generated value of a file of no known role that the tests commit too, and keeps one they do not P0', async () => {
    const makefile = `dev:\n\tVAULT_KEY="${RANDOM}" mix phx.server\n`;
    const testConfig = `import Config\nconfig :app, Vault, key: "${RANDOM}"\n`;
    const shared = await audit(secretsChecks, { Makefile: makefile, 'config/test.exs': testConfig, 'mix.exs': 'defmodule App.MixProject do\nend\n' });
    expect(where(shared, 'secrets.hardcoded')).toEqual(['fail P2 Makefile:2']);
    expect(messages(shared, 'secrets.hardcoded')[0]).toContain("the repository's tests commit the same value (config/test.exs:2)");
    const alone = await audit(secretsChecks, { Makefile: makefile, 'config/test.exs': 'import Config\n', 'mix.exs': 'defmodule App.MixProject do\nend\n' });
    expect(where(alone, 'secrets.hardcoded')).toEqual(['fail P0 Makefile:2']);
  });
});

describe('install docs in another language, and a cd with only a look at the env file after it', () => {
  const files = { has: (p: string) => ['docker/docker-compose.yml', 'docker/.env'].includes(p), files: [{ path: 'docker/docker-compose.yml' }, { path: 'docker/.env' }] } as never;
  const page = (heading: string) =>
    `### ${heading}\n\n- Step 3\n\n\`\`\`\n// go to the docker folder and adjust .env\ncd ./docker\ncat .env\n\`\`\`\n\n- Step 4\n\n\`\`\`\ndocker compose up -d\n\`\`\`\n`;

  it('runs the compose file of the folder a cd named before a block that only shows a file, under a Chinese "quick deploy" heading', () => {
    const found = invocationsIn('doc/guide.md', page('5.24 Docker Compose 快速部署'), files);
    expect(found.map((i) => [i.kind, i.targets, i.context])).toEqual([['compose', ['docker/docker-compose.yml'], 'production']]);
  });

  it('takes a Chinese "local development" heading for development, and a cd followed by a command for its own block only (the twins)', () => {
    expect(invocationsIn('doc/guide.md', page('本地开发'), files).map((i) => i.context)).toEqual(['development']);
    const ran = page('快速部署').replace('cat .env', 'mvn package');
    expect(invocationsIn('doc/guide.md', ran, files)).toEqual([]);
  });
});

describe('a published datastore whose password the repository commits', () => {
  const compose = (password: string) => `services:\n  mysql:\n    image: mysql:8.4\n    environment:\n      MYSQL_ROOT_PASSWORD: ${password}\n    ports:\n      - "3306:3306"\n`;
  const readme = { 'README.md': '# Acme\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n' };

  it('is P0 when the value is written in the compose file or in a .env git tracks: every install starts with it', async () => {
    const inline = await audit(composeChecks, { 'docker-compose.yml': compose('Kq3vNw8Zr2xT'), ...readme }, { git: true });
    expect(where(inline, 'compose.exposed-datastore')).toEqual(['fail P0 docker-compose.yml:7']);
    const tracked = await audit(composeChecks, { 'docker-compose.yml': compose('${MYSQL_ROOT_PASSWORD}'), '.env': 'MYSQL_ROOT_PASSWORD=Kq3vNw8Zr2xT\n', ...readme }, { git: true });
    expect(where(tracked, 'compose.exposed-datastore')).toEqual(['fail P0 docker-compose.yml:7']);
    expect(messages(tracked, 'compose.exposed-datastore')[0]).toContain('MYSQL_ROOT_PASSWORD is a literal committed in the repository (through .env)');
  });

  it('stays P1 when the operator supplies it (a variable with no default and no committed value)', async () => {
    const asked = await audit(composeChecks, { 'docker-compose.yml': compose('${MYSQL_ROOT_PASSWORD:?set it}'), ...readme }, { git: true });
    expect(where(asked, 'compose.exposed-datastore')).toEqual(['fail P1 docker-compose.yml:7']);
  });
});

describe('the admin row of an SQL script a production datastore runs at its first start', () => {
  const sql = (user: string) =>
    `CREATE TABLE app_user (id int, username varchar(50), password varchar(100), role int);\nINSERT INTO \`app_user\`(\`id\`, \`username\`, \`password\`, \`role\`)\nVALUES (1, '${user}', '${j('8d969eef6ecad3c29a3a6292', '80e686cf0c3f5d5a86aff3ca12020c923adc6c92')}', 1);\n`;
  const compose = 'services:\n  mysql:\n    image: mysql:8.4\n    environment:\n      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:?set it}\n    volumes:\n      - ../doc/db/schema.sql:/docker-entrypoint-initdb.d/schema.sql:ro\n';
  const files = (user: string) => ({ 'docker/docker-compose.yml': compose, 'doc/db/schema.sql': sql(user), 'README.md': '# Acme\n\n## Deploy\n\n```sh\ncd docker && docker compose up -d\n```\n' });

  it('reports the admin account a column-listed INSERT seeds with a digest, once the production compose mounts the script', async () => {
    const result = await audit(secretsChecks, files('admin'), { git: true });
    expect(where(result, 'secrets.default-account')).toEqual(['fail P0 doc/db/schema.sql:3']);
  });

  it('does not report a row of an ordinary user, nor the script no deployment mounts (the twins)', async () => {
    expect(where(await audit(secretsChecks, files('alice'), { git: true }), 'secrets.default-account')).toEqual(['pass P0']);
    const unmounted = { ...files('admin'), 'docker/docker-compose.yml': compose.replace(/ {4}volumes:\n.*\n/, '') };
    expect(where(await audit(secretsChecks, unmounted, { git: true }), 'secrets.default-account')).toEqual(['pass P0']);
  });
});

describe('an empty SQLite database an application ships to start from', () => {
  // Real SQLite files (Python's sqlite3, page_size 512): 40 empty link tables, a `users` table, a `preferences`
  // table with two settings rows and an FTS5 virtual table, so that the schema spans an interior page; the twin
  // has two rows in `users`.
  const fixture = (name: string): Buffer => readFileSync(join(process.cwd(), '__tests__/fixtures/sqlite', name));

  it('takes a database whose only rows are settings and bookkeeping for an empty one (P2), reading a schema over several pages', async () => {
    const empty = await recogniseDump('library/metadata.db', fixture('empty-library.db'));
    expect(empty).toMatchObject({ format: 'SQLite database', hasData: false });
    expect(empty?.lowRisk).toContain('only its settings and bookkeeping tables (preferences, notes_fts_data, notes_fts_config) hold rows');
  });

  it('reads a SQLite file past the first 64 KiB whole, as the check does (free pages appended to the fixture)', async () => {
    const padded = (name: string): Buffer => {
      const base = fixture(name);
      const extra = 200;
      const out = Buffer.concat([base, Buffer.alloc(512 * extra)]);
      out.writeUInt32BE(base.readUInt32BE(28) + extra, 28);
      return out;
    };
    const empty = await audit(dataChecks, { 'library/metadata.db': padded('empty-library.db') }, { git: true });
    expect(where(empty, 'data.committed-dump')).toEqual(['fail P2 library/metadata.db:1']);
    const users = await audit(dataChecks, { 'library/metadata.db': padded('library-with-users.db') }, { git: true });
    expect(where(users, 'data.committed-dump')).not.toContain('fail P2 library/metadata.db:1');
    expect(where(users, 'data.committed-dump')[0]).toMatch(/^fail P[01] library\/metadata\.db:1$/);
  });

  it('keeps a database with rows in a table of people a dump (the twin)', async () => {
    const users = await recogniseDump('library/metadata.db', fixture('library-with-users.db'));
    expect(users).toMatchObject({ format: 'SQLite database', hasData: true });
    expect(users?.lowRisk).toBeUndefined();
  });
});

describe('a key its comment block says the project gives away on purpose', () => {
  const dockerfile = (comment: string) =>
    `FROM python:3.12-slim\n${comment}\nARG GEO_LICENSE_KEY_BASE64="${Buffer.from(RANDOM + RANDOM).toString('base64')}"\nRUN echo ok\n`;
  const block = '# The geo database used to be downloadable without a key, but is now gated.\n# Users need a simple image with everything included. As a result, we\n# intentionally "expose" this API key to the community.\n#\n# The fix is for the vendor to offer the data without a key.';

  it('puts the key at P2 when the comment block above it says so, and keeps it P0 under an unrelated comment (the twin)', async () => {
    const files = (comment: string) => ({ Dockerfile: dockerfile(comment), '.github/workflows/publish.yml': 'on: push\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t acme/app . && docker push acme/app\n' });
    expect(where(await audit(secretsChecks, files(block), { git: true }), 'secrets.hardcoded')).toEqual(['fail P2 Dockerfile:7']);
    expect(where(await audit(secretsChecks, files('# Geo database download.\n# Runs at build time.'), { git: true }), 'secrets.hardcoded')).toEqual(['fail P0 Dockerfile:4']);
  });
});

describe('an account created with an unusable password', () => {
  it('does not take Django\'s unusable-password marker for a password, and keeps a literal one (the twin)', async () => {
    const migration = (password: string) =>
      `from django.db import migrations\n\ndef forwards(apps, schema_editor):\n    with schema_editor.connection.cursor() as cursor:\n        cursor.execute("""\n            INSERT INTO auth_user (id, password, is_superuser, username, email)\n            VALUES (1, '${password}', 1, 'admin', '')\n        """)\n`;
    const files = (password: string) => ({ 'app/core/migrations/0024_default_user.py': migration(password), 'pyproject.toml': '[project]\nname = "app"\n', 'app/__init__.py': '' });
    expect(where(await audit(secretsChecks, files('!'), { git: true }), 'secrets.default-account')).toEqual(['pass P0']);
    expect(where(await audit(secretsChecks, files('admin123'), { git: true }), 'secrets.default-account')).toEqual(['fail P0 app/core/migrations/0024_default_user.py:7']);
  });
});

describe('a constant named for the default account\'s password', () => {
  const constants = (name: string) => `import os\n\nDEFAULT_PORT = 8083\n${name} = "admin123"  # nosec\n`;
  const files = (name: string) => ({ 'pyproject.toml': '[project]\nname = "app"\n', 'app/__init__.py': '', 'app/constants.py': constants(name) });

  it('reports DEFAULT_PASSWORD in the application\'s constants, and not a mail server\'s default password (the twin)', async () => {
    expect(where(await audit(secretsChecks, files('DEFAULT_PASSWORD'), { git: true }), 'secrets.default-account')).toEqual(['fail P0 app/constants.py:4']);
    expect(where(await audit(secretsChecks, files('DEFAULT_MAIL_PASSWORD'), { git: true }), 'secrets.default-account')).toEqual(['pass P0']);
    // A broker's default password variable, and an error code named for a wrong admin password, are neither.
    expect(where(await audit(secretsChecks, files('RABBITMQ_DEFAULT_PASS'), { git: true }), 'secrets.default-account')).toEqual(['pass P0']);
    const codes = { ...files('X'), 'app/constants.py': 'class Codes:\n    INVALID_ADMIN_PASSWORD = "5165"\n    DEFAULT_PASSWORD = "5170"\n' };
    expect(where(await audit(secretsChecks, codes, { git: true }), 'secrets.default-account')).toEqual(['pass P0']);
  });
});

describe('images the install docs start with docker run', () => {
  const readme = (heading: string, image: string) =>
    `# Acme\n\n## ${heading}\n\n\`\`\`bash\ndocker run -d -p 127.0.0.1:27017:27017 --name db mongo:7.0\ndocker run -d -p 80:8080 --name acme --link db:mongo \\\n  -v acme_data:/app/data ${image}\n\`\`\`\n`;

  // The image a publishing workflow pushes, its tag an expression with spaces (`tags: acme/acme:${{ env.TAG }}`).
  const publish = {
    Dockerfile: 'FROM node:22\nUSER node\n',
    '.github/workflows/publish.yml': 'on: push\nenv:\n  TAG: latest\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          push: true\n          tags: acme/acme:${{ env.TAG }}\n',
  };

  it('reports an untagged own image of an installation step at P1, at the command\'s line, and not the third-party one beside it', async () => {
    const result = await audit(dockerChecks, { 'README.md': readme('Installation', 'acme/acme').replace('mongo:7.0', 'mongo'), ...publish }, { git: true });
    expect(where(result, 'docker.run-image-pinning')).toEqual(['fail P1 README.md:7']);
    expect(messages(result, 'docker.run-image-pinning')[0]).toContain('starts acme/acme, which has no tag');
  });

  it('passes a pinned image, and does not judge a development section (the twins)', async () => {
    expect(where(await audit(dockerChecks, { 'README.md': readme('Installation', 'acme/acme:2.4.1'), ...publish }, { git: true }), 'docker.run-image-pinning')).toEqual(['pass P1']);
    expect(where(await audit(dockerChecks, { 'README.md': readme('Local development', 'acme/acme'), ...publish }, { git: true }), 'docker.run-image-pinning')).toEqual(['skip P1']);
  });

  it('does not take a component\'s README beside its source code for the install path', async () => {
    const component = { 'server/README.md': readme('Installation', 'acme/acme'), 'server/main.go': 'package main\n', ...publish };
    expect(where(await audit(dockerChecks, component, { git: true }), 'docker.run-image-pinning')).toEqual(['skip P1']);
  });

  it('reads the image past options and their values', () => {
    expect(imageOfRun(' -it -v "$PWD:/data" -e TOKEN=x --name=app --restart unless-stopped ghcr.io/acme/app:1.2 serve --port 80')).toBe('ghcr.io/acme/app:1.2');
    // A throwaway container ("Want to give it a try?") is no deployment.
    expect(imageOfRun(' --rm -p 8080:8080 acme/app')).toBeUndefined();
    // ...but a one-off run on the installed volumes is an operation on the deployment.
    expect(imageOfRun(' --rm -it -v app-data:/app/data acme/app:latest --reconfigure')).toBe('acme/app:latest');
    expect(imageOfRun(' -d $IMAGE')).toBeUndefined();
  });
});

describe('sections within sections', () => {
  const files = { has: (p: string) => p === 'docker-compose.yml', files: [{ path: 'docker-compose.yml' }] } as never;
  const page = (outer: string, inner: string) => `# App\n\n## ${outer}\n\nSome words.\n\n### ${inner}\n\n\`\`\`bash\ndocker compose up\n\`\`\`\n`;
  const context = (outer: string, inner: string) => invocationsIn('README.md', page(outer, inner), files).map((i) => i.context);

  it('gives a section that says nothing, or only how to get it running, the development word of the section around it', () => {
    expect(context('Running the app locally', 'Running the app')).toEqual(['development']);
    expect(context('Local Development with Docker', 'Getting Started')).toEqual(['development']);
    expect(context('Testing', 'Setup')).toEqual(['test']);
    // Building the image from the checkout is a developer's way to run it.
    const built = invocationsIn('docs/install.md', '## Install\n\n### Build image yourself\n\n```sh\ndocker run -d acme/app\n```\n', files);
    expect(built.map((i) => [i.kind, i.context])).toEqual([['docker-run', 'development']]);
  });

  it('keeps a section that says production, and a getting-started section of a self-hosting guide (the twins)', () => {
    expect(context('Development', 'Deploy to production')).toEqual(['production']);
    expect(context('Self-hosting', 'Getting Started')).toEqual(['production']);
    expect(context('Self-hosting', 'Step 2')).toEqual(['production']);
  });
});

describe('what a docs page runs with a bare docker compose up', () => {
  const files = { has: (p: string) => p === 'docker-compose.yml', files: [{ path: 'docker-compose.yml' }] } as never;
  const page = (before: string) => `# Upgrading\n\n## Deploy the older version\n\n${before}Then restart:\n\n\`\`\`bash\ndocker compose up -d\n\`\`\`\n`;

  it('takes it for the reader\'s own compose file when the page edits "your docker-compose.yml", and for the repository\'s otherwise (the twin)', () => {
    const edits = 'Update your `docker-compose.yml`:\n\n```yaml\nservices:\n  app:\n    image: acme/app:0.71.0\n    # ... rest of configuration\n```\n\n';
    expect(invocationsIn('docs/self-hosting/upgrading.md', page(edits), files)).toEqual([]);
    expect(invocationsIn('docs/self-hosting/upgrading.md', page(''), files).map((i) => i.targets)).toEqual([['docker-compose.yml']]);
  });
});

describe('a production word only an enclosing section gives', () => {
  const page = '# Docs\n\n## Quick Start\n\n### Start the app\n\n```bash\ndocker compose -f docker/development/compose.yml up -d\ndocker compose -f deploy/compose.yml up -d\n```\n';
  const compose = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n    ports: ["5432:5432"]\n';

  it('decides for a file of no known role, not over a file named for development', async () => {
    const result = await audit(composeChecks, { 'docs/quick-start.md': page, 'docker/development/compose.yml': compose, 'deploy/compose.yml': compose }, { git: true });
    expect(where(result, 'compose.exposed-datastore').sort()).toEqual(['fail P0 deploy/compose.yml:6', 'fail P2 docker/development/compose.yml:6']);
  });
});
