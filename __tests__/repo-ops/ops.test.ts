import { afterAll, describe, expect, it } from '@jest/globals';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { opsChecks } from '../../src/checks/ops/index.js';
import { unpinnedRequirements } from '../../src/checks/ops/lockfile.js';
import { TEST_COMMAND } from '../../src/checks/ops/project.js';
import type { Files } from './fixtures.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

async function audit(files: Files, id: string) {
  const repo = makeRepo(files);
  repos.push(repo);
  const result = await runChecks(opsChecks.filter((c) => c.id === id), { repo: repo.root });
  return of(result, id);
}

const at = (findings: Array<{ status: string; severity?: string; location?: { path: string; line: number }; file?: string }>) =>
  findings.map((f) => `${f.status} ${f.severity} ${f.location ? `${f.location.path}:${f.location.line}` : (f.file ?? '-')}`);

const pkg = (deps: Record<string, string> = { express: '^4.19.2' }): string => `${JSON.stringify({ name: 'svc', dependencies: deps, scripts: { test: 'jest' } }, null, 2)}\n`;

const workflow = (steps: string): string => `name: ci
on: [pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${steps}`;

describe('ops.ci', () => {
  it('fails without CI, about the repository as a whole (no file, no line)', async () => {
    const findings = await audit({ 'package.json': pkg() }, 'ops.ci');
    expect(at(findings)).toEqual(['fail P1 -']);
  });
  it('fails when CI runs no tests, and passes naming the line that runs them', async () => {
    expect(at(await audit({ 'package.json': pkg(), '.github/workflows/ci.yml': workflow('      - run: npm run lint\n') }, 'ops.ci'))).toEqual(['fail P1 .github/workflows/ci.yml']);
    const pass = await audit({ 'package.json': pkg(), '.github/workflows/ci.yml': workflow('      - run: |\n          npm ci\n          npm test -- --ci\n') }, 'ops.ci');
    expect(pass.map((f) => [f.status, f.message])).toEqual([['pass', 'Tests run in CI: .github/workflows/ci.yml:10 (`npm test -- --ci`), which runs `jest` (package.json script "test").']]);
    const gitlab = await audit({ 'pyproject.toml': '[project]\nname = "x"\n', '.gitlab-ci.yml': 'test:\n  script:\n    - pip install .\n    - python -m pytest -q\n' }, 'ops.ci');
    expect(gitlab[0]!.message).toBe('Tests run in CI: .gitlab-ci.yml:4 (`python -m pytest -q`).');
  });
  it('recognises monorepo and framework test runners', async () => {
    const monorepo = await audit({ 'package.json': pkg(), '.github/workflows/ci.yml': workflow('      - run: pnpm install --frozen-lockfile\n      - run: pnpm --filter api test\n') }, 'ops.ci');
    expect(monorepo.map((f) => [f.status, f.message])).toEqual([['pass', 'Tests run in CI: .github/workflows/ci.yml:9 (`pnpm --filter api test`), which runs `jest` (package.json script "test").']]);
    const runners = ['pnpm -r test', 'pnpm --recursive run test', 'yarn workspace api test', 'yarn workspaces foreach -A run test', 'npm -w api test', 'npm --workspace=api run test', 'npm --prefix api test', 'turbo run test', 'npx turbo test --filter=api', 'npx nx affected -t test', 'nx run-many --target=test', 'nx test api', 'php artisan test', 'vendor/bin/pest', 'hatch run test', 'just test', 'task test'];
    expect(runners.filter((command) => !TEST_COMMAND.test(command))).toEqual([]);
    expect(['pnpm install', 'turbo run build', 'nx run-many -t lint', 'yarn workspace api build', 'npm run lint'].filter((command) => TEST_COMMAND.test(command))).toEqual([]);
  });
  it('recognises make targets named for tests with variables first, rake CI tasks and Crystal specs', () => {
    const runners = ['make V=1 ci.test', 'make -j4 test-unit', 'bin/rake --trace ci:${{ matrix.kind }}', 'bin/rake jasmine:ci', 'bundle exec rake spec', 'crystal spec --warnings all', './build.sh BuildAndUnitTests --configuration Release', './build.ps1 RunAllIntegrationTests', 'cargo +${{steps.toolchain.outputs.name}} test --verbose --workspace', 'cargo +nightly llvm-cov --lcov', 'docker compose exec -T webapp /webodm/webodm.sh test', 'docker run -v $PWD:/e2e -w /e2e cypress/included:4.9.0 --headless', './sbt scalafmtSbtCheck scalafmtCheckAll test doc', 'sbt testOnly app.Spec', 'gulp coverage', 'make all_tests', 'make unittest', 'bin/knapsack_pro_rspec'];
    expect(runners.filter((command) => !TEST_COMMAND.test(command))).toEqual([]);
    expect(['make V=1 install', 'make themes.lint', 'bin/rake assets:precompile', 'rake db:migrate', 'crystal build src/app.cr', './build.sh Compile --configuration Release', 'cargo +nightly build --workspace', './webodm.sh start', 'docker run cypress/base:20 npm ci', './sbt executable', "./sbt '++ 3.x' update", 'gulp lint', 'gulp build', 'make latest', 'make release', 'bin/knapsack_pro_setup'].filter((command) => TEST_COMMAND.test(command))).toEqual([]);
  });
});

describe('test commands that run a task list', () => {
  it('recognises rails tasks before test (once-campfire) and ex_check (pinchflat), not other rails or mix tasks (round 12)', () => {
    const runners = ['bin/rails db:setup test', 'bin/rails db:setup test:system', 'bundle exec rails db:prepare spec', 'docker compose exec -T phx mix check --no-fix --no-retry', 'mix coveralls.json'];
    expect(runners.filter((command) => !TEST_COMMAND.test(command))).toEqual([]);
    expect(['bin/rails db:setup', 'bin/rails assets:precompile', 'bin/rails testing_helper:seed', 'mix deps.get', 'mix format --check-formatted', 'mix checkout'].filter((command) => TEST_COMMAND.test(command))).toEqual([]);
  });
});

describe('ops.tests', () => {
  it('fails for a language without test files, and passes once tests exist', async () => {
    const files = { 'requirements.txt': 'flask==3.0.3\n', 'app.py': 'print(1)\n', 'models.py': 'X = 1\n' };
    const findings = await audit(files, 'ops.tests');
    expect(at(findings)).toEqual(['fail P1 requirements.txt']);
    expect(findings[0]!.message).toBe('Python: 2 source file(s) (e.g. app.py, models.py) and no test files.');
    expect((await audit({ ...files, 'tests/test_app.py': 'def test_x():\n    assert True\n' }, 'ops.tests')).map((f) => [f.status, f.message])).toEqual([['pass', 'Test files exist for Python.']]);
    expect(at(await audit({ 'go.mod': 'module x\n', 'main.go': 'package main\n', 'main_test.go': 'package main\n', 'package.json': pkg(), 'src/server.js': '', 'src/server.test.js': '' }, 'ops.tests'))).toEqual(['pass P2 -']);
  });

  it('keeps a JavaScript gap at P2 in a repository whose Swift code is tested (Swift Package Index): tests of a language it does not count are tests; P1 without them', async () => {
    const files = { 'Package.swift': '// swift-tools-version:5.9\n', 'Sources/App/routes.swift': 'func routes() {}\n', 'package.json': pkg(), 'src/main.js': 'x()\n', 'src/analytics.js': 'y()\n' };
    const tested = await audit({ ...files, 'Tests/AppTests/RoutesTests.swift': 'final class RoutesTests {}\n' }, 'ops.tests');
    expect(at(tested)).toEqual(['fail P2 package.json']);
    expect(tested[0]!.message).toContain('Other tests exist (Tests/AppTests/RoutesTests.swift, in a language this check does not count), so P2.');
    expect(at(await audit(files, 'ops.tests'))).toEqual(['fail P1 package.json']);
  });
});

describe('ops.lockfile', () => {
  it('fails for package.json without a lock and for unpinned requirements, at the first unpinned line', async () => {
    const findings = await audit({ 'package.json': pkg(), 'requirements.txt': '# pinned\nflask==3.0.3\nrequests>=2\n-r base.txt\ngunicorn\n' }, 'ops.lockfile');
    expect(at(findings)).toEqual(['fail P1 package.json:1', 'fail P1 requirements.txt:3']);
    expect(findings[1]!.message).toContain('requirements.txt has 2 unpinned requirement(s): requests, gunicorn (first at line 3)');
  });
  it('passes a Pipfile without its lock when a requirements file beside it is what gets installed (Baby Buddy), and judges that file\'s pins; fails a lone Pipfile', async () => {
    const pipfile = '[packages]\ndjango = "*"\n';
    expect(at(await audit({ Pipfile: pipfile, 'requirements.txt': 'django==5.1.4\n' }, 'ops.lockfile'))).toEqual(['pass P1 -']);
    expect(at(await audit({ Pipfile: pipfile, 'requirements.txt': 'django>=5\n' }, 'ops.lockfile'))).toEqual(['fail P1 requirements.txt:1']);
    expect(at(await audit({ Pipfile: pipfile }, 'ops.lockfile'))).toEqual(['fail P1 Pipfile:1']);
  });

  it("puts unpinned requirements of the CI's own tools and of a docs build at P2 (homebox's update-currencies workflow, Kiwi's readthedocs.txt)", async () => {
    const findings = await audit({ '.github/workflows/update-currencies/requirements.txt': 'requests\n', 'requirements/readthedocs.txt': 'sphinx\n', 'requirements/base.txt': 'django\n' }, 'ops.lockfile');
    expect(at(findings)).toEqual(['fail P1 requirements/base.txt:1', 'fail P2 .github/workflows/update-currencies/requirements.txt:1', 'fail P2 requirements/readthedocs.txt:1']);
    expect(findings.find((f) => f.location?.path.startsWith('.github/'))!.message).toContain('not what the deployed image installs');
  });

  it('fails an application composer.json without composer.lock, not a library package (the projects that install it lock it)', async () => {
    const require = '"require": {\n    "php": "^8.1",\n    "guzzlehttp/guzzle": "^7.0"\n  }';
    const findings = await audit({ 'app/composer.json': `{\n  "name": "acme/shop",\n  "type": "project",\n  ${require}\n}\n`, 'composer.json': `{\n  "name": "acme/sdk",\n  "type": "library",\n  ${require}\n}\n` }, 'ops.lockfile');
    expect(at(findings)).toEqual(['fail P1 app/composer.json:1']);
  });
  it('passes locked manifests (workspace lock in a parent directory, go.sum, poetry.lock)', async () => {
    const findings = await audit(
      {
        'package.json': pkg(),
        'package-lock.json': '{}\n',
        'packages/api/package.json': pkg(),
        'go.mod': 'module x\n\nrequire github.com/a/b v1.0.0\n',
        'go.sum': '',
        'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.12"\ndjango = "^5.0"\n',
        'poetry.lock': '',
      },
      'ops.lockfile',
    );
    expect(findings.map((f) => [f.status, f.message])).toEqual([['pass', 'Locked: go.mod, package.json, packages/api/package.json, pyproject.toml.']]);
  });
  it('reads requirement pins with markers, hashes and URLs', () => {
    expect(unpinnedRequirements('a==1 ; python_version < "3.9"\nb[extra]~=2.0\nc @ https://example.invalid/c.whl\n--hash=sha256:abc\nd==1 \\\n    --hash=sha256:def\n')).toEqual([{ name: 'b[extra]', line: 2 }]);
  });
});

const compose = `services:
  web:
    build: .
  db:
    image: postgres:16-alpine
    volumes:
      - data:/var/lib/postgresql/data
  cache:
    image: redis:7
volumes:
  data: {}
`;

describe('ops.backup', () => {
  it('fails for a compose database without backup procedure, at the image line', async () => {
    const findings = await audit({ 'docker-compose.yml': compose }, 'ops.backup');
    expect(at(findings)).toEqual(['fail P2 docker-compose.yml:5']);
    expect(findings[0]!.message).toContain('compose service db (postgres:16-alpine, docker-compose.yml:5)');
  });
  it('finds a Kubernetes StatefulSet database', async () => {
    const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: mysql\nspec:\n  template:\n    spec:\n      containers:\n        - name: mysql\n          image: mysql:8.4\n';
    expect(at(await audit({ 'k8s/db.yaml': sts }, 'ops.backup'))).toEqual(['fail P2 k8s/db.yaml:10']);
  });
  it('passes with a backup script and a documented restore', async () => {
    const findings = await audit({ 'docker-compose.yml': compose, 'scripts/backup.sh': '#!/bin/sh\npg_dump "$DATABASE_URL" | gzip > backup.sql.gz\n', 'docs/restore.md': '# Restore\n\n    gunzip -c backup.sql.gz | psql "$DATABASE_URL" < /dev/stdin\n    pg_restore -d app backup.dump\n' }, 'ops.backup');
    expect(findings.map((f) => f.status)).toEqual(['pass']);
    expect(findings[0]!.message).toContain('backup file docs/restore.md; backup command at docs/restore.md:4');
  });
  it('skips without a database service', async () => {
    expect(at(await audit({ 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n' }, 'ops.backup'))).toEqual(['skip P2 -']);
  });
});

describe('ops.monitoring', () => {
  it('fails without error tracking or metrics, passes with Sentry', async () => {
    expect(at(await audit({ 'package.json': pkg() }, 'ops.monitoring'))).toEqual(['fail P2 -']);
    const pass = await audit({ 'package.json': pkg({ express: '^4', '@sentry/node': '^8' }) }, 'ops.monitoring');
    expect(pass.map((f) => [f.status, f.message])).toEqual([['pass', 'Monitoring is configured: @sentry/node in package.json:5.']]);
    expect(at(await audit({ 'requirements.txt': 'django==5.0\nsentry-sdk[django]==2.0\n' }, 'ops.monitoring'))).toEqual(['pass P2 -']);
  });
});

describe('ops.logging', () => {
  const settings = (handler: string) => `LOGGING = {
    "version": 1,
    "handlers": {
        "file": {
            "class": "${handler}",
            "filename": "/var/log/app/django.log",
        },
    },
    "root": {"handlers": ["file"]},
}
`;
  it('fails for a plain FileHandler in Django LOGGING and a winston File transport without limits', async () => {
    const findings = await audit({ 'mysite/settings.py': settings('logging.FileHandler'), 'src/log.js': "const winston = require('winston');\nmodule.exports = winston.createLogger({ transports: [new winston.transports.File({ filename: 'app.log' })] });\n" }, 'ops.logging');
    expect(at(findings)).toEqual(['fail P2 mysite/settings.py:5', 'fail P2 src/log.js:2']);
    expect(findings[0]!.message).toBe('Handler class "logging.FileHandler" at mysite/settings.py:5 writes a log file that is never rotated: it grows until the disk is full.');
  });
  it('passes rotating handlers and stdout logging', async () => {
    expect(at(await audit({ 'mysite/settings.py': settings('logging.handlers.RotatingFileHandler') }, 'ops.logging'))).toEqual(['pass P2 -']);
    expect(at(await audit({ 'app.py': 'import logging\nlogging.basicConfig(level=logging.INFO)\n' }, 'ops.logging'))).toEqual(['pass P2 -']);
    // Mentions in strings and comments are not calls.
    expect(at(await audit({ 'src/doc.js': "// pino.destination('app.log')\nexport const hint = 'use pino.destination(\"app.log\") with care';\n" }, 'ops.logging'))).toEqual(['pass P2 -']);
    expect(at(await audit({ 'src/log.js': "import pino from 'pino';\nexport default pino(pino.destination('/var/log/app.log'));\n" }, 'ops.logging'))).toEqual(['fail P2 src/log.js:2']);
  });
});

describe('ops.dependency-audit', () => {
  it('fails without scanning, passes with Dependabot or an audit step in CI', async () => {
    expect(at(await audit({ 'package.json': pkg() }, 'ops.dependency-audit'))).toEqual(['fail P2 -']);
    expect((await audit({ 'package.json': pkg(), '.github/dependabot.yml': 'version: 2\n' }, 'ops.dependency-audit'))[0]!.message).toBe('Dependency updates and alerts are configured: .github/dependabot.yml.');
    const ci = await audit({ 'package.json': pkg(), '.github/workflows/ci.yml': workflow('      - run: npm audit --audit-level=high\n') }, 'ops.dependency-audit');
    expect(ci[0]!.message).toBe('CI scans dependencies: .github/workflows/ci.yml:8 (`npm audit --audit-level=high`).');
  });
});

describe('requirements/ directory (cookiecutter-django layout)', () => {
  const files = {
    'requirements/base.txt': 'django==5.0.6\ncelery\n',
    'requirements/production.txt': '-r base.txt\ngunicorn==22.0.0\nsentry-sdk==2.5.1\n',
    'app/views.py': 'def index(request):\n    return None\n',
  };
  it('reads requirements/*.txt as manifests: unpinned lines fail ops.lockfile, sentry-sdk passes ops.monitoring', async () => {
    expect(at(await audit(files, 'ops.lockfile'))).toEqual(['fail P1 requirements/base.txt:2']);
    const monitoring = await audit(files, 'ops.monitoring');
    expect(monitoring.map((f) => [f.status, f.message])).toEqual([['pass', 'Monitoring is configured: sentry-sdk in requirements/production.txt:3.']]);
    expect(at(await audit(files, 'ops.tests'))).toEqual(['fail P1 requirements/base.txt']);
  });
});
