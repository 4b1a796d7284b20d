// File roles, severity by role, the value vocabulary and one finding per
// cause. Each fixture reproduces a false positive seen on a public
// repository (corpus/labels.json), in the smallest shape that shows it, next
// to the true positive that must survive.

import { describe, expect, it } from '@jest/globals';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { composeChecks } from '../../src/checks/compose/index.js';
import { dockerChecks } from '../../src/checks/docker/index.js';
import { envChecks } from '../../src/checks/env/index.js';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { roleFromContent, roleFromPath } from '../../src/model/roles.js';
import { ROLE_RULES } from '../../src/model/role-rules.js';
import { classifySecretValue, isPlaceholder, isReference, isWeakValue, urlPassword } from '../../src/model/values.js';
import { buildReport } from '../../src/report/report.js';
import { renderText } from '../../src/report/text.js';
import { audit, messages, where } from './helpers.js';

// Tokens are assembled at run time so this file holds no literal credential.
const j = (...parts: string[]): string => parts.join('');
const GITHUB_TOKEN = j('ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o50smkjE');
const HIGH_ENTROPY = j('Zx81', 'qLm2', 'Vb7T', 'yR4w', 'Np9K');
const JWT = j('eyJhbGciOiJIUzI1NiJ9', '.', 'eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJvd25lciJ9', '.', 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
// A release workflow that builds the root Dockerfile and pushes the image.
const RELEASE_WORKFLOW = [
  'name: release',
  'on:',
  '  push:',
  "    tags: ['v*']",
  'jobs:',
  '  image:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - uses: docker/login-action@v3',
  '        with:',
  '          registry: ghcr.io',
  '          username: ${{ github.actor }}',
  '          password: ${{ secrets.GITHUB_TOKEN }}',
  '      - uses: docker/build-push-action@v6',
  '        with:',
  '          context: .',
  '          file: ./Dockerfile',
  '          push: true',
  '          tags: ghcr.io/org/app:${{ github.ref_name }}',
  '',
].join('\n');
const PRIVATE_KEY = j('-----BEGIN ', 'RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA ', 'PRIVATE KEY-----');

describe('file roles from paths (the table in src/model/role-rules.ts)', () => {
  const cases: Array<[string, string]> = [
    ['hc/integrations/signal/tests/test_notify.py', 'test'],
    ['tests/cassettes/github_api.yaml', 'test'],
    ['wger/core/fixtures/test-user-data.json', 'test'],
    ['conftest.py', 'test'],
    ['packages/app/src/jwt.spec.ts', 'test'],
    ['docker-compose.test.yml', 'test'],
    ['docker/Dockerfile.playwright', 'test'],
    ['templates/docs/api.md', 'docs'],
    ['docs/setup.mdx', 'docs'],
    ['README.md', 'docs'],
    ['.env.example', 'example'],
    ['examples/demo/docker-compose.yml', 'example'],
    ['config.sample.yml', 'example'],
    ['chart/templates/deployment.yaml', 'template'],
    ['{{cookiecutter.project_slug}}/docker-compose.production.yml', 'template'],
    ['nginx.conf.j2', 'template'],
    ['.devcontainer/docker-compose.yml', 'development'],
    ['.worktree-container/compose.yml', 'development'],
    ['docker-compose.override.yml', 'development'],
    ['compose.dev.yaml', 'development'],
    ['docker-compose.local.yml', 'development'],
    ['Dockerfile.debug', 'development'],
    ['app/settings/dev.py', 'development'],
    ['devenv.nix', 'development'],
    ['.github/workflows/ci.yml', 'tooling'],
    ['extras/open-food-facts/docker-compose.yml', 'tooling'],
    // A production name alone is no evidence (SEVERITY.md): no path rule gives these a role; what runs them does.
    ['docker-compose.prod.yml', 'unknown'],
    ['deploy/local-prod.yml', 'unknown'],
    ['app/settings/production.py', 'unknown'],
  ];
  it.each(cases)('%s is %s', (path, role) => {
    expect(roleFromPath(path)?.role ?? 'unknown').toBe(role);
  });

  it('gives no role by path to application files that merely look like a role word (evidence decides)', () => {
    for (const path of ['prisma/migrations/20240101000000_init/migration.sql', 'requirements.txt', 'src/contests/views.py', 'docker-compose.yml', 'Dockerfile', 'app/tools_helpers.py']) {
      expect(roleFromPath(path)).toBeUndefined();
    }
  });
});

describe('file roles from content', () => {
  it('reads what the opening comment says the file is for, and only the opening lines', () => {
    expect(roleFromContent('docker-compose.yml', '# Local development stack\nservices:\n  db:\n    image: postgres:16\n')?.role).toBe('development');
    // hoppscotch's self-host compose: a profile list further down mentions local development; the file is for self-hosting,
    // and its header says so to operators.
    const selfHost = '# To make it easier to self-host, we have a preset docker compose config\n# that also runs Postgres.\n# You can tweak this file.\n\n# PROFILES:\n# - just-backend: All services except webapp for local development\nservices:\n  app:\n    image: org/app:1.2.3\n    ports: ["3000:3000"]\n';
    expect(roleFromContent('docker-compose.yml', selfHost)).toMatchObject({ role: 'production', rule: 'content:production-header' });
    // An explicit refusal further down the opening block (Unleash's enterprise compose, line 7) still decides.
    const refused = '# This docker compose setup configures:\n# - the server instance + the necessary backing Postgres database\n#\n# To learn more about all the parts, visit\n# https://docs.example.com/overview\n#\n# NOTE: please do not use this configuration for production setups.\nservices:\n  db:\n    image: postgres:16\n';
    expect(roleFromContent('docker-compose-enterprise.yml', refused)).toMatchObject({ role: 'development', rule: 'content:dev-header' });
  });

  it('lets a header overrule a production name: an internal testing deployment', () => {
    const text = '# THIS IS NOT TO BE USED FOR PERSONAL DEPLOYMENTS!\n# Internal Docker Compose Image used for internal testing deployments\nservices:\n  db:\n    image: postgres:15\n';
    expect(roleFromContent('docker-compose.deploy.yml', text)?.role).toBe('test');
  });

  it('knows development servers, development images and local dependency stacks', () => {
    expect(roleFromContent('docker-compose.yml', 'services:\n  web:\n    build: .\n    command: python manage.py runserver 0.0.0.0:8000\n')?.role).toBe('development');
    expect(roleFromContent('docker/docker-compose.yml', 'services:\n  app:\n    image: mealie:dev\n    build:\n      context: ../\n')?.role).toBe('development');
    expect(roleFromContent('docker-compose.yml', 'services:\n  redis:\n    image: redis\n    ports:\n      - "127.0.0.1:6379:6379"\n')?.role).toBe('development');
    // An application published on loopback behind the host's proxy is production.
    expect(roleFromContent('docker-compose.yml', 'services:\n  app:\n    build: .\n    ports:\n      - "127.0.0.1:8000:8000"\n')).toBeUndefined();
    expect(roleFromContent('docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n')).toBeUndefined();
  });

  it('recognises unrendered cookiecutter/Jinja templates', () => {
    expect(roleFromContent('requirements/base.txt', 'django==5.0\n{%- if cookiecutter.use_celery == "y" %}\ncelery\n{%- endif %}\n')?.role).toBe('template');
  });
});

describe('the value vocabulary', () => {
  it('agrees on placeholders, references, hashes and weak values', () => {
    for (const v of ['changeme', 'changethis', 'CHANGE_THIS_TO_STRONG_PASSWORD', 'your-secret-here', 'replace-me-with-a-random-string', 'REPLACE_WITH_LONG_SECRET', '<token>', 'xxx', 'dummy', 'TODO', 'nokey', 'no-secret', 'NOPASSWORD']) expect(isPlaceholder(v)).toBe(true);
    // Words that only start like a refusal are values.
    for (const v of ['nokeyboard', 'notary-secret-9f2c', 'node-password', 'replacewith9f2c7d']) expect(isPlaceholder(v)).toBe(false);
    for (const v of ['${DB_PASSWORD}', '$DB_PASSWORD', '/run/secrets/db-password', 'vault:secret/data/db#password', 'ENC[AES256_GCM,data:abc,type:str]']) expect(isReference(v)).toBe(true);
    expect(classifySecretValue('550e8400-e29b-41d4-a716-446655440000')).toBe('hash');
    expect(classifySecretValue('pbkdf2_sha256$600000$salt$hash')).toBe('hash');
    for (const v of ['password', 'passe123', 'admin2024!', 'postgres', '123456', 'short']) expect(isWeakValue(v)).toBe(true);
    expect(classifySecretValue(HIGH_ENTROPY)).toBe('literal');
    expect(urlPassword('redis://:s3cretpass@cache:6379/0')).toBe('s3cretpass');
    expect(urlPassword('postgres://app@db/app')).toBeUndefined();
  });

  it('reads a 2 MB value in linear time', () => {
    const long = 'a'.repeat(2_000_000);
    const started = performance.now();
    classifySecretValue(long);
    urlPassword(`x://${'u'.repeat(1_000_000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('secrets.hardcoded by role', () => {
  it('judges only vendor-prefixed tokens outside production and development files', async () => {
    const result = await audit(secretsChecks, {
      // Fake tokens repeated across a test module (healthchecks), JWTs and a private key of an auth test (taiga).
      'app/tests/test_notify.py': `TOKEN = "${HIGH_ENTROPY}"\naccess_token = "${HIGH_ENTROPY}"\nJWT = "${JWT}"\nKEY = """${PRIVATE_KEY}"""\n`,
      // A leaked GitHub token in a test is still leaked.
      'app/tests/test_github.py': `GITHUB = "${GITHUB_TOKEN}"\n`,
      // Documentation and a commented example file (healthchecks' API docs, unique_key hashes).
      'templates/docs/api.md': `unique_key: "${HIGH_ENTROPY}"\n`,
      'config.example.py': `SECRET_KEY = "${HIGH_ENTROPY}"\n`,
      'config.dev.example.py': `SECRET_KEY = "${HIGH_ENTROPY}"\n`,
      // CI's throwaway database (hoppscotch's tests workflow).
      '.github/workflows/tests.yml': `env:\n  DATABASE_URL: postgresql://postgres:${j('testp', 'ass42')}@localhost:5432/db\n`,
      // A Wagtail JSON fixture: UUID translation keys and a Django password hash.
      'app/fixtures/pages.json': `[{"translation_key": "550e8400-e29b-41d4-a716-446655440000", "password": "pbkdf2_sha256$600000$${HIGH_ENTROPY}$abc"}]\n`,
    }, { git: true });
    // A generated value in an example made to be copied into the real configuration is a credential (SEVERITY.md:
    // a generated random token committed anywhere); not in one named for development.
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 app/tests/test_github.py:1', 'fail P0 config.example.py:1', 'fail P2 app/tests/test_notify.py:4']);
    expect(messages(result, 'secrets.hardcoded')[2]).toMatch(/P2: a test file \(in a test, fixture or mock directory\); make sure the key was generated for it/);
  });

  it('still fails a secret in production code, and not public analytics keys or a loopback URL password', async () => {
    const result = await audit(secretsChecks, {
      // The application's own package, declared by its project manifest: production by evidence.
      'pyproject.toml': '[project]\nname = "app"\nversion = "1.0.0"\n',
      'app/__init__.py': '',
      'app/settings.py': `SECRET_KEY = "${HIGH_ENTROPY}"\n`,
      // PostHog project keys and RudderStack write keys are sent by every browser (hoppscotch, taiga).
      'app/analytics.py': `POSTHOG_API_KEY = "phc_${HIGH_ENTROPY}"\nRUDDER_WRITE_KEY = "${HIGH_ENTROPY}"\n`,
      // wger's import command: the password of a local helper database.
      'app/management/commands/import_products.py': `client = MongoClient("mongodb://off:${j('off-', 'wger9')}@127.0.0.1", port=27017)\n`,
    }, { git: true });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 app/settings.py:1', 'fail P2 app/management/commands/import_products.py:1']);
    expect(result.findings.find((f) => f.checkId === 'secrets.hardcoded')!.role).toEqual({
      role: 'production',
      reason: "application source: a Python package beside the root's project manifest",
      rule: 'evidence:application-source',
    });
  });
});

describe('deployment checks by role', () => {
  it('judges a development compose file at most P2 and says why', async () => {
    const result = await audit(composeChecks, {
      '.devcontainer/docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: Sup3rSecretPassw0rd\n',
    });
    expect(where(result, 'compose.inline-secret')).toEqual(['fail P2 .devcontainer/docker-compose.yml:5']);
    // The reports say why from the fields (report/report.ts severityWhy); the message stays the check's.
    const found = result.findings.find((f) => f.checkId === 'compose.inline-secret')!;
    // The password only opens the dev container's own database (no published port): P1 before the cap (SEVERITY.md).
    expect(found).toMatchObject({ cappedFrom: 'P1', role: { role: 'development', reason: expect.stringContaining('development container') } });
    expect(found.message).not.toMatch(/At most/);
  });

  it('shows each finding\'s role and its reason in the JSON finding and with --verbose', async () => {
    const result = await audit(composeChecks, {
      '.devcontainer/docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: Sup3rSecretPassw0rd\n',
    });
    const finding = result.findings.find((f) => f.checkId === 'compose.inline-secret')!;
    expect(finding.role).toEqual({ role: 'development', reason: 'a development container definition', rule: 'devcontainer' });
    const text = renderText(buildReport(result, { minScore: 0, failOn: 'p0' }), { color: false, width: 200, verbose: true });
    expect(text).toContain('P2 because development file: a development container definition (rule devcontainer); lowered from P1');
    expect(renderText(buildReport(result, { minScore: 0, failOn: 'p0' }), { color: false, width: 200 })).not.toContain('role: development');
  });

  it('does not judge test, docs and example compose files, and says what it left out', async () => {
    const result = await audit(composeChecks, {
      'tests/e2e/docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: Sup3rSecretPassw0rd\n',
      'docker-compose.deploy.yml': '# Internal Docker Compose file used for internal testing deployments\nservices:\n  db:\n    image: postgres:15\n    environment:\n      POSTGRES_PASSWORD: Sup3rSecretPassw0rd\n',
    });
    expect(where(result, 'compose.inline-secret')).toEqual(['pass P0']);
    expect(messages(result, 'compose.inline-secret')[0]).toMatch(/Not judged: 2 finding\(s\) in files no deployment runs/);
  });

  it('recognises placeholders and secret files the same way as the env checks, and keeps a real password (P1: only an unpublished datastore uses it)', async () => {
    const result = await audit([...composeChecks, ...envChecks, ...secretsChecks], {
      // The install docs run it: the production deployment.
      'README.md': '# App\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n',
      'docker-compose.yml': [
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    environment:',
        '      POSTGRES_PASSWORD: changethis',
        '      DATABASE_PASSWORD_FILE: /run/secrets/db-password',
        '      DATABASE_PASSWORD: /run/secrets/db-password',
        '      REDIS_PASSWORD: paperless',
        '  old:',
        '    image: org/old:1.0',
        '    profiles: [deprecated]',
        '    environment:',
        '      SECRET_KEY: Sup3rSecretPassw0rd',
        '',
      ].join('\n'),
      '.env': 'POSTGRES_PASSWORD=changethis\n',
    }, { git: true });
    expect(where(result, 'compose.inline-secret')).toEqual(['fail P1 docker-compose.yml:8', 'fail P2 docker-compose.yml:5', 'fail P2 docker-compose.yml:13']);
    // SEVERITY.md: a password of a datastore production reaches only on its internal network is P1.
    expect(messages(result, 'compose.inline-secret')[0]).toMatch(/P1: it protects `db`, which publishes no port: reachable only on the deployment's internal network\.$/);
    expect(result.findings.find((f) => f.checkId === 'compose.inline-secret')!.role).toEqual({ role: 'production', reason: 'run by README.md:6 (under "Deploy")', rule: 'evidence:compose' });
    expect(result.findings.filter((f) => f.checkId === 'compose.inline-secret')[2]!.role?.reason).toMatch(/runs only in the compose profile\(s\) deprecated/);
    // env.committed-file agrees that `changethis` is a placeholder.
    expect(where(result, 'env.committed-file')).toEqual(['fail P2 .env']);
  });

  it('does not count a secret of a build stage the final image does not start from as baked into the image', async () => {
    const result = await audit(dockerChecks, {
      // The release workflow publishes the image: production by evidence.
      '.github/workflows/release.yml': RELEASE_WORKFLOW,
      Dockerfile: 'FROM node:22-alpine AS base\nFROM base AS installer\nARG NEXT_PRIVATE_ENCRYPTION_KEY="CAFEBABE1234"\nRUN npm run build\nFROM base AS runner\nARG API_TOKEN="Zx81qLm2Vb7TyR4wNp9K"\nCMD ["node", "server.js"]\n',
    });
    expect(where(result, 'docker.secrets-in-image')).toEqual(['fail P0 Dockerfile:6', 'fail P2 Dockerfile:3']);
  });

  it('follows repo.roles from the configuration over the built-in rules', async () => {
    const files = {
      // Published on every interface: the password is what keeps other hosts out.
      'ops/stack.yml.d/docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n    environment:\n      POSTGRES_PASSWORD: Sup3rSecretPassw0rd\n',
      // The deploy docs run it: production by evidence, which the configuration still overrules.
      'README.md': '# Stack\n\n## Deploy\n\n```sh\ndocker compose -f ops/stack.yml.d/docker-compose.yml up -d\n```\n',
    };
    const plain = await audit(composeChecks, files);
    expect(where(plain, 'compose.inline-secret')).toEqual(['fail P0 ops/stack.yml.d/docker-compose.yml:7']);
    const configured = await audit(composeChecks, files, { config: { repo: { roles: { 'ops/stack.yml.d/**': 'development' } } } });
    expect(where(configured, 'compose.inline-secret')).toEqual(['fail P2 ops/stack.yml.d/docker-compose.yml:7']);
    expect(configured.findings.find((f) => f.checkId === 'compose.inline-secret')!.role).toEqual({ role: 'development', reason: 'repo.roles: ops/stack.yml.d/**', rule: 'config:repo.roles' });
  });
});

describe('one finding per cause', () => {
  it('reports a literal compose password once, by the compose check, naming the other', async () => {
    const result = await audit(ALL_CHECKS.filter((c) => c.kind === 'repo'), {
      // The deploy docs run the production compose file with the env file it loads.
      'README.md': '# App\n\n## Deploy\n\n```sh\ndocker compose -f docker-compose.prod.yml up -d\n```\n',
      'docker-compose.prod.yml': `services:\n  app:\n    image: org/app:1.2.3\n    env_file: .env.production\n    environment:\n      DATABASE_URL: postgres://app:${j('Sn0wy', '-Owl-42x')}@db:5432/app\n`,
      '.env.production': `SECRET_KEY=${HIGH_ENTROPY}\nAPI_TOKEN=${HIGH_ENTROPY}9\nDB_PASSWORD=${HIGH_ENTROPY}8\n`,
    }, { git: true });
    expect(where(result, 'secrets.hardcoded')).toEqual(['pass P0']);
    expect(where(result, 'compose.inline-secret')).toEqual(['fail P0 docker-compose.prod.yml:6']);
    expect(messages(result, 'compose.inline-secret')[0]).toMatch(/also reported by secrets\.hardcoded/);
    expect(where(result, 'env.committed-file')).toEqual(['fail P0 .env.production:1']);
  });
});

describe('a token shape repeated thousands of times in one file', () => {
  it('lists the first hits of the rule and says there are more, instead of one finding per match', async () => {
    const id = (n: number): string => `AKIA${'ABCDEFGHIJKLMNOP'.slice(0, 12)}${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + ((n >> 5) % 26))}QQ`;
    const text = Array.from({ length: 500 }, (_, n) => `KEY_${n} = "${id(n)}"`).join('\n') + '\n';
    const result = await audit(secretsChecks, { 'app/keys.py': text });
    const found = result.findings.filter((f) => f.checkId === 'secrets.hardcoded');
    expect(found).toHaveLength(20);
    expect(found.at(-1)!.message).toContain('The rule matches more often in this file; only the first 20 are listed.');
  });
});

describe('the path table', () => {
  it('gives, through its joined pre-test, the first matching rule for every path', () => {
    // Rules joined into one expression must not depend on group numbers or on lastIndex.
    for (const rule of ROLE_RULES) {
      expect(rule.path.flags).not.toMatch(/[gy]/);
      expect(rule.path.source).not.toMatch(/\\[1-9]/);
    }
    const dirs = ['', 'src/', 'app/tests/', 'docs/', 'examples/demo/', 'deploy/k8s/', '.github/workflows/', 'scripts/ci/', 'fixtures/', 'packages/web/__tests__/', 'seeds/', 'tools/'];
    const names = ['main.py', 'test_api.py', 'app.spec.ts', 'Dockerfile', 'Dockerfile.dev', 'docker-compose.yml', 'docker-compose.override.yml', 'values-debug.yaml', 'README.md', '.env.example', 'settings.py', 'conftest.py', 'smoke_test.sh', 'localhost.pem'];
    for (const dir of dirs) {
      for (const name of names) {
        const path = dir + name;
        const first = ROLE_RULES.find((r) => r.path.test(path));
        expect(roleFromPath(path)).toEqual(first ? { role: first.role, reason: first.why, rule: first.id } : undefined);
      }
    }
  });
});
