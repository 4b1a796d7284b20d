// Repository-wide recognition (issue 10, item 6), each case a minimal copy of
// a pattern seen on a real public repository: what CI runs one level down,
// workspace lockfiles and unrendered templates, required versus optional
// environment reads.

import { afterAll, describe, expect, it } from '@jest/globals';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { envChecks } from '../../src/checks/env/index.js';
import { opsChecks } from '../../src/checks/ops/index.js';
import { TEST_COMMAND } from '../../src/checks/ops/project.js';
import { findEnvUsages } from '../../src/parse/env-usage.js';
import type { Check } from '../../src/engine/types.js';

type Files = Record<string, string>;

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

async function audit(checks: readonly Check[], files: Files, id: string) {
  const repo = makeRepo(files);
  repos.push(repo);
  return of(await runChecks(checks.filter((c) => c.id === id), { repo: repo.root }), id);
}


/** `fail P2 required path:line`: the severity, and whether the message says the code requires the variable. */
const reads = (findings: Array<{ status: string; severity: string; message: string; location?: { path: string; line: number } }>): string[] =>
  findings.map((f) => `${f.status} ${f.severity}${f.status === 'fail' ? (/\(required/.test(f.message) ? ' required' : ' optional') : ''}${f.location ? ` ${f.location.path}:${f.location.line}` : ''}`);

describe('env.undocumented: required and optional reads told apart, built names never', () => {
  const template = { '.env.example': 'DATABASE_URL=\n' };

  it('reports optional Python reads (os.getenv, os.environ.get, a guarded subscript) as optional (healthchecks, plane)', async () => {
    const settings = [
      'import os',
      'METRICS_KEY = os.getenv("METRICS_KEY")',
      'SUPPORT_EMAIL = os.environ.get("SUPPORT_EMAIL")',
      'if admins := os.getenv("ADMINS"):',
      '    ADMINS = admins.split(",")',
      'if "SENTRY_DSN" in os.environ:',
      '    SENTRY_DSN = os.environ["SENTRY_DSN"]',
      // paperless-ngx: a conditional expression over three lines.
      'PROXY_SSL_HEADER = (',
      '    tuple(json.loads(os.environ["PROXY_SSL_HEADER"]))',
      '    if "PROXY_SSL_HEADER" in os.environ',
      '    else None',
      ')',
      '',
    ].join('\n');
    const findings = await audit(envChecks, { ...template, 'hc/settings.py': settings }, 'env.undocumented');
    expect(reads(findings)).toEqual(['fail P2 optional hc/settings.py:2', 'fail P2 optional hc/settings.py:3', 'fail P2 optional hc/settings.py:4', 'fail P2 optional hc/settings.py:7', 'fail P2 optional hc/settings.py:9']);
    expect(findings[0]!.message).toBe('METRICS_KEY is read at hc/settings.py:2 (optional: read as empty when unset) but is in no env template (.env.example).');
  });

  it('reports optional JavaScript reads (process.env.X, || and ?? fallbacks) as optional (umami)', async () => {
    const route = "export const config = {\n  privateMode: !!process.env.PRIVATE_MODE,\n  faviconUrl: process.env.FAVICON_URL || '',\n  base: process.env.BASE_PATH ?? '/',\n};\n";
    expect(reads(await audit(envChecks, { ...template, 'src/app/api/config/route.ts': route }, 'env.undocumented'))).toEqual([
      'fail P2 optional src/app/api/config/route.ts:2',
      'fail P2 optional src/app/api/config/route.ts:3',
      'fail P2 optional src/app/api/config/route.ts:4',
    ]);
  });

  it('never reports a name built at run time (Django createsuperuser, prefixes), nor a variable the code sets', async () => {
    const code = [
      'import os',
      'for field in ("username", "email"):',
      '    value = os.environ.get("DJANGO_SUPERUSER_" + field.upper())',
      'token = os.getenv(f"{prefix}_TOKEN")',
      'other = os.environ["APP_" + name]',
      'legacy = os.getenv("LEGACY_")',
      // paperless-ngx settings: the code sets a variable for a library, it reads nothing.
      'os.environ["OMP_THREAD_LIMIT"] = "1"',
      '',
    ].join('\n');
    expect(findEnvUsages(code, 'python')).toEqual([]);
    expect(findEnvUsages('const v = process.env[`${p}_KEY`];\nconst host = process.env.API_HOST + ":" + port;\nprocess.env.TZ = "UTC";\n', 'js')).toEqual([
      { name: 'API_HOST', line: 2, hasDefault: false, required: false },
    ]);
    const documented = 'import os\nDATABASE_URL = os.environ["DATABASE_URL"]\n';
    expect(reads(await audit(envChecks, { ...template, 'app/superuser.py': code, 'app/db.py': documented }, 'env.undocumented'))).toEqual(['pass P2']);
  });

  it('says a read is required: subscript, django-environ without default, compose :?, TS non-null, a raise or throw when unset', async () => {
    const settings = [
      'import os',
      'import environ',
      'from django.core.exceptions import ImproperlyConfigured',
      'env = environ.Env(DEBUG=(bool, False))',
      'SECRET_KEY = os.environ["SECRET_KEY"]',
      'EMAIL_URL = env("EMAIL_URL")',
      'DEBUG = env.bool("DEBUG")',
      'REDIS_URL = os.environ.get("REDIS_URL")',
      'if not REDIS_URL:',
      '    raise ImproperlyConfigured("REDIS_URL must be set")',
      // paperless-ngx: the test wraps the variable.
      'SECRET = os.getenv("PAPERLESS_SECRET_KEY")',
      'if not (SECRET or "").strip() or SECRET == "change-me":',
      '    raise ImproperlyConfigured("PAPERLESS_SECRET_KEY is not set")',
      '',
    ].join('\n');
    const server = "const key = process.env.STRIPE_KEY!;\nif (!process.env.JWT_SECRET) {\n  throw new Error('JWT_SECRET is required');\n}\n";
    const compose = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}\n';
    const findings = await audit(envChecks, { ...template, 'app/settings.py': settings, 'src/server.ts': server, 'docker-compose.yml': compose }, 'env.undocumented');
    expect(reads(findings)).toEqual([
      'fail P2 required app/settings.py:5',
      'fail P2 required app/settings.py:6',
      // DEBUG has its default in the Env(...) scheme.
      'fail P2 optional app/settings.py:7',
      'fail P2 required app/settings.py:8',
      'fail P2 required app/settings.py:11',
      'fail P2 required docker-compose.yml:5',
      'fail P2 required src/server.ts:1',
      'fail P2 required src/server.ts:2',
    ]);
    expect(findings[0]!.message).toBe('SECRET_KEY is read at app/settings.py:5 (required: it fails when unset) but is in no env template (.env.example).');
  });

  it('takes a Ruby ENV.fetch guarded by ENV.key? for optional (manyfold, round 12), and keeps a bare ENV.fetch required', async () => {
    const code = 'module PublicUrl\n  def self.port\n    return ENV.fetch("PUBLIC_PORT") if ENV.key?("PUBLIC_PORT")\n    ENV.fetch("PUBLIC_HOSTNAME")\n  end\nend\n';
    expect(reads(await audit(envChecks, { ...template, 'app/lib/public_url.rb': code }, 'env.undocumented'))).toEqual([
      'fail P2 optional app/lib/public_url.rb:3',
      'fail P2 required app/lib/public_url.rb:4',
    ]);
  });

  it('points at the read that makes a variable required when an optional read comes first', async () => {
    const files = { ...template, 'app/a.py': 'import os\nDEBUG_KEY = os.getenv("API_TOKEN")\n', 'app/b.py': 'import os\nTOKEN = os.environ["API_TOKEN"]\n' };
    expect(reads(await audit(envChecks, files, 'env.undocumented'))).toEqual(['fail P2 required app/b.py:2']);
  });
});

const workflow = (steps: string, job = ''): string => `name: ci
on: [pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
${job}    steps:
      - uses: actions/checkout@v4
${steps}`;

describe('ops.ci follows what CI runs one level down', () => {
  const ci = async (files: Files) => (await audit(opsChecks, { 'pyproject.toml': '[project]\nname = "x"\n', ...files }, 'ops.ci')).map((f) => `${f.status} ${f.message}`);

  it('a script that runs the test runner (./test.sh running pytest)', async () => {
    expect(await ci({ '.github/workflows/ci.yml': workflow('      - run: ./test.sh\n'), 'test.sh': '#!/bin/sh\nset -e\n# run the suite\npython -m pytest -q "$@"\n' })).toEqual([
      'pass Tests run in CI: .github/workflows/ci.yml:8 runs `./test.sh`, which runs `python -m pytest -q "$@"` (test.sh:4).',
    ]);
  });

  it('a script named for the tests whose runner is one more level down (unit-test.sh, scripts/tests-start.sh under working-directory)', async () => {
    expect(await ci({ '.github/workflows/test.yml': workflow('      - name: Unit tests\n        run: ./unit-test.sh\n'), 'unit-test.sh': '#!/usr/bin/env bash\nfor t in _unit-test/*-test.sh; do $t; done\n' })).toEqual([
      'pass Tests run in CI: .github/workflows/test.yml:9 runs `./unit-test.sh`, a test script by its name (unit-test.sh).',
    ]);
    const fastapi = workflow('      - run: bash scripts/tests-start.sh "Coverage for ${{ github.sha }}"\n', '    defaults:\n      run:\n        working-directory: backend\n');
    expect(await ci({ '.github/workflows/test-backend.yml': fastapi, 'backend/scripts/tests-start.sh': '#! /usr/bin/env bash\nset -e\npython app/tests_pre_start.py\nbash scripts/test.sh "$@"\n' })).toEqual([
      'pass Tests run in CI: .github/workflows/test-backend.yml:11 runs `scripts/tests-start.sh`, a test script by its name (backend/scripts/tests-start.sh).',
    ]);
  });

  it('a script run inside a container or after cd (docker compose run ... ./scripts/test.sh, cd backend && ./run_tests.sh)', async () => {
    const inContainer = workflow('      - run: docker compose -f docker-compose.test.yml run --rm -e CI=1 web ./scripts/test.sh\n');
    expect(await ci({ '.github/workflows/ci.yml': inContainer, 'scripts/test.sh': '#!/bin/sh\nexec pytest -n auto\n' })).toEqual([
      'pass Tests run in CI: .github/workflows/ci.yml:8 runs `./scripts/test.sh`, which runs `exec pytest -n auto` (scripts/test.sh:2).',
    ]);
    const cd = workflow('      - run: cd apps/api && ./run_tests.sh\n');
    expect(await ci({ '.github/workflows/ci.yml': cd, 'apps/api/run_tests.sh': '#!/bin/bash\npython run_tests.py "$@"\n', 'run_tests.sh': 'echo wrong one\n' })).toEqual([
      'pass Tests run in CI: .github/workflows/ci.yml:8 runs `./run_tests.sh`, a test script by its name (apps/api/run_tests.sh).',
    ]);
  });

  it('a local composite action (uses: ./ and uses: ./.github/actions/x) whose steps run pytest', async () => {
    const action = 'name: integration\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: |\n        docker compose up -d\n        pytest -x --cov _integration-test/\n';
    expect(await ci({ '.github/workflows/test.yml': workflow("      - name: Integration test\n        uses: './'\n"), 'action.yaml': action })).toEqual([
      'pass Tests run in CI: .github/workflows/test.yml:9 runs `./`, which runs `pytest -x --cov _integration-test/` (action.yaml:8).',
    ]);
    expect(await ci({ '.github/workflows/ci.yml': workflow('      - uses: ./.github/actions/backend-tests\n'), '.github/actions/backend-tests/action.yml': action })).toEqual([
      'pass Tests run in CI: .github/workflows/ci.yml:8 runs `./.github/actions/backend-tests`, which runs `pytest -x --cov _integration-test/` (.github/actions/backend-tests/action.yml:8).',
    ]);
  });

  it('a package.json script (npm run ci running turbo test:e2e) and a Makefile target (make ci running pytest)', async () => {
    const pkg = JSON.stringify({ scripts: { ci: 'turbo run build && turbo run test:e2e' } });
    expect(await ci({ '.github/workflows/e2e.yml': workflow('      - name: Run Playwright tests\n        run: npm run ci\n'), 'package.json': pkg })).toEqual([
      'pass Tests run in CI: .github/workflows/e2e.yml:9 runs `npm run ci`, which runs `turbo run build && turbo run test:e2e` (package.json script "ci").',
    ]);
    expect(await ci({ '.gitlab-ci.yml': 'check:\n  script:\n    - make ci\n', Makefile: 'lint:\n\truff check .\n\nci: lint\n\tuv run pytest --cov\n' })).toEqual([
      'pass Tests run in CI: .gitlab-ci.yml:3 runs `make ci`, which runs `uv run pytest --cov` (Makefile:5).',
    ]);
  });

  it('names the script behind npm test, and recognises bunx playwright, tox, nox and pytest inside docker compose run', async () => {
    expect(await ci({ '.github/workflows/ci.yml': workflow('      - run: npm ci\n      - run: npm test\n'), 'package.json': JSON.stringify({ scripts: { test: 'vitest run' } }) })).toEqual([
      'pass Tests run in CI: .github/workflows/ci.yml:9 (`npm test`), which runs `vitest run` (package.json script "test").',
    ]);
    const commands = ['bunx playwright test', 'pnpm exec playwright test', 'tox -e py312', 'uvx tox', 'nox -s tests', 'docker compose run --rm web pytest -q', 'docker compose -f docker-compose.test.yml run app python manage.py test'];
    expect(commands.filter((c) => !TEST_COMMAND.test(c))).toEqual([]);
  });

  it('a wrapper that runs its arguments, and a script that runs another script (harbor: showtime.sh ut_run.sh → coverage4gotest.sh)', async () => {
    const files = {
      'go.mod': 'module example.com/registry\n',
      '.github/workflows/ci.yml': 'jobs:\n  ut:\n    steps:\n      - run: |\n          bash ./tests/showtime.sh ./tests/ci/ut_install.sh\n          bash ./tests/showtime.sh ./tests/ci/ut_run.sh $IP\n',
      'tests/showtime.sh': '#!/bin/env bash\nif [ ! -z "$*" ]; then\n $@ 2>&1 | while read line; do echo $(date +"%T") $line; done\nfi\n',
      'tests/ci/ut_install.sh': '#!/bin/bash\nsudo apt-get install -y postgresql\n',
      'tests/ci/ut_run.sh': '#!/bin/bash\nset -e\nsudo -E env "PATH=$PATH" ./tests/coverage4gotest.sh\n',
      'tests/coverage4gotest.sh': '#!/bin/bash\nfor package in $(go list ./...); do\n  go test -race -cover $package\ndone\n',
    };
    const found = await ci(files);
    expect(found).toEqual(['pass Tests run in CI: .github/workflows/ci.yml:6 runs `./tests/showtime.sh ./tests/ci/ut_run.sh`, which runs `go test -race -cover $package` (tests/ci/ut_run.sh → tests/coverage4gotest.sh:3).']);
  });

  it('still fails CI that runs no tests: a lint-only workflow with a test-sounding step name, npm\'s placeholder test script, a test script only linted', async () => {
    const failed = (message: string) => message.startsWith('fail CI is configured');
    const lint = workflow('      - name: Test with pytest\n        run: ruff check --fix apps/api\n');
    expect((await ci({ '.github/workflows/lint.yml': lint })).filter(failed)).toHaveLength(1);
    const placeholder = JSON.stringify({ scripts: { test: 'echo "Error: no test specified" && exit 1' } });
    expect((await ci({ '.github/workflows/ci.yml': workflow('      - run: npm test\n'), 'package.json': placeholder })).filter(failed)).toHaveLength(1);
    const shellcheck = workflow("      - run: |\n          shellcheck \\\n            install.sh \\\n            unit-test.sh\n");
    expect((await ci({ '.github/workflows/shellcheck.yml': shellcheck, 'unit-test.sh': '#!/bin/sh\n./_unit-test/a-test.sh\n', 'install.sh': 'echo\n' })).filter(failed)).toHaveLength(1);
    // An example app's script is not what the root's `npm run ci` runs.
    const example = JSON.stringify({ scripts: { ci: 'jest' } });
    expect((await ci({ '.github/workflows/ci.yml': workflow('      - run: npm run ci\n'), 'package.json': JSON.stringify({ scripts: { lint: 'eslint .' } }), 'examples/app/package.json': example })).filter(failed)).toHaveLength(1);
    // The Gradle wrapper runs the task it is given; its own text mentions `gradle ... build`.
    const gradle = workflow('      - run: ./gradlew assemble\n');
    expect((await ci({ '.github/workflows/ci.yml': gradle, gradlew: '#!/bin/sh\nexec java -classpath gradle-wrapper.jar org.gradle.wrapper.GradleWrapperMain build "$@"\n' })).filter(failed)).toHaveLength(1);
  });
});

describe('ops.lockfile: workspaces and unrendered templates', () => {
  const lock = async (files: Files) => (await audit(opsChecks, files, 'ops.lockfile')).map((f) => `${f.status} ${f.severity}${f.location ? ` ${f.location.path}:${f.location.line}` : ''} ${f.message}`);

  it('a uv workspace member is locked by the root uv.lock; a project outside the members is not', async () => {
    const root = '[project]\nname = "app"\ndependencies = ["api"]\n\n[tool.uv.workspace]\nmembers = [\n  "packages/*",  # every package\n]\nexclude = ["packages/legacy"]\n';
    const member = '[project]\nname = "api"\ndependencies = ["fastapi>=0.110"]\n';
    expect(await lock({ 'pyproject.toml': root, 'uv.lock': '', 'packages/api/pyproject.toml': member })).toEqual(['pass P1 Locked: packages/api/pyproject.toml, pyproject.toml.']);
    expect(await lock({ 'pyproject.toml': root, 'uv.lock': '', 'packages/legacy/pyproject.toml': member, 'tools/cli/pyproject.toml': member })).toEqual([
      'fail P1 packages/legacy/pyproject.toml:1 packages/legacy/pyproject.toml declares dependencies but there is no poetry.lock, uv.lock or pdm.lock (or pinned requirements file) beside it, nor a workspace root that lists it as a member with its lock.',
      // Outside the members too, but the repository's own tooling: not what the deployed image installs.
      'fail P2 tools/cli/pyproject.toml:1 tools/cli/pyproject.toml declares dependencies but there is no poetry.lock, uv.lock or pdm.lock (or pinned requirements file) beside it, nor a workspace root that lists it as a member with its lock. P2: in a CI/tooling directory, not what the deployed image installs.',
    ]);
  });

  it('a Poetry path dependency is locked by the root poetry.lock; pnpm, yarn and npm workspace members by the root lock', async () => {
    const root = '[tool.poetry.dependencies]\npython = "^3.12"\ncore = { path = "libs/core", develop = true }\n';
    const member = '[tool.poetry.dependencies]\npython = "^3.12"\nrequests = "^2.32"\n';
    expect(await lock({ 'pyproject.toml': root, 'poetry.lock': '', 'libs/core/pyproject.toml': member })).toEqual(['pass P1 Locked: libs/core/pyproject.toml, pyproject.toml.']);
    const app = JSON.stringify({ name: 'web', dependencies: { react: '^19.0.0' } });
    expect(await lock({ 'package.json': JSON.stringify({ private: true }), 'pnpm-workspace.yaml': 'packages:\n  - apps/*\n', 'pnpm-lock.yaml': '', 'apps/web/package.json': app })).toEqual(['pass P1 Locked: apps/web/package.json.']);
    expect(await lock({ 'package.json': JSON.stringify({ private: true, workspaces: ['apps/*'] }), 'yarn.lock': '', 'apps/web/package.json': app })).toEqual(['pass P1 Locked: apps/web/package.json.']);
  });

  it('skips cookiecutter/Jinja templates with a note instead of reading {%- endif %} as unpinned requirements', async () => {
    const requirements = 'django==5.1.4\n{%- if cookiecutter.use_celery == "y" %}\ncelery==5.4.0\n{%- endif %}\n';
    expect(
      await lock({
        'requirements.txt': 'cookiecutter==2.6.0\n',
        '{{cookiecutter.project_slug}}/requirements/base.txt': requirements,
        '{{cookiecutter.project_slug}}/package.json': JSON.stringify({ devDependencies: { gulp: '^5.0.0' } }),
        'templates/requirements-extra.txt': 'redis==5.2.1\n{% if use_sentry %}\nsentry-sdk==2.19.2\n{% endif %}\n',
      }),
    ).toEqual([
      'pass P1 Locked: requirements.txt.',
      'skip P1 Not judged: templates/requirements-extra.txt, {{cookiecutter.project_slug}}/package.json, {{cookiecutter.project_slug}}/requirements/base.txt (unrendered cookiecutter/Jinja templates).',
    ]);
  });

  it('still fails truly unpinned requirements; development requirements at P2 (healthchecks requirements-dev.txt type stubs)', async () => {
    expect(await lock({ 'requirements.txt': 'django>=5.1\ngunicorn\n', 'requirements-dev.txt': '-r requirements.txt\nmypy==1.13.0\ntypes-Markdown\n' })).toEqual([
      'fail P1 requirements.txt:1 requirements.txt has 2 unpinned requirement(s): django, gunicorn (first at line 1); pin them with == (pip-compile, uv pip compile or pip freeze).',
      'fail P2 requirements-dev.txt:3 requirements-dev.txt has 1 unpinned requirement(s): types-Markdown (first at line 3); pin them with == (pip-compile, uv pip compile or pip freeze). Development requirements: not installed in the deployed image.',
    ]);
  });
});
