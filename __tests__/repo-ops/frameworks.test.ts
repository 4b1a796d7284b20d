// Optional: our static verdicts against the frameworks' own on the same
// fixtures (`makemigrations --check`, `alembic heads`, `check --deploy`).
// Skipped, with the reason in the test name, where Django or Alembic is not
// importable (install: apt-get install -y python3-django python3-alembic).

import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from '@jest/globals';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { migrationsChecks } from '../../src/checks/migrations/index.js';
import { djangoChecks } from '../../src/checks/django/index.js';
import * as fx from './fixtures.js';

function pythonWith(module: string): string | undefined {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(python, ['-c', `import ${module}`], { stdio: 'pipe', timeout: 10000 });
      return python;
    } catch {
      // try the next interpreter
    }
  }
  return undefined;
}

const djangoPython = pythonWith('django');
const alembicPython = pythonWith('alembic');
const withDjango = djangoPython ? it : it.skip;
const withAlembic = alembicPython ? it : it.skip;
const djangoNote = djangoPython ? '' : ' (SKIPPED: Django is not importable by python3)';
const alembicNote = alembicPython ? '' : ' (SKIPPED: Alembic is not importable by python3)';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

function materialise(files: fx.Files): string {
  const repo = makeRepo(files);
  repos.push(repo);
  return repo.root;
}

function run(python: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(python, args, { cwd, encoding: 'utf8', timeout: 30000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe(`our migration verdicts agree with Django's makemigrations --check${djangoNote}`, () => {
  it.each([
    ['djangoConflict', 'fail', 'pass'],
    ['djangoMerged', 'pass', 'pass'],
    ['djangoSquashed', 'pass', 'pass'],
    ['djangoMissingDependency', 'pass', 'fail'],
  ] as const)('%s', async (name, conflict, broken) => {
    if (!djangoPython) return;
    const root = materialise(fx[name]());
    const result = await runChecks(migrationsChecks, { repo: root });
    expect(of(result, 'migrations.conflict').map((f) => f.status)).toEqual([conflict]);
    expect(of(result, 'migrations.broken-dependency').map((f) => f.status)).toEqual([broken]);
    const django = run(djangoPython, ['manage.py', 'makemigrations', '--check', '--dry-run'], root);
    expect(django.output.includes('Conflicting migrations detected')).toBe(conflict === 'fail');
    expect(django.output.includes('NodeNotFoundError')).toBe(broken === 'fail');
    expect(django.status === 0).toBe(conflict === 'pass' && broken === 'pass');
  });
});

describe(`our Alembic verdicts agree with \`alembic heads\`${alembicNote}`, () => {
  withAlembic.each([
    ['alembicTwoHeads', 2],
    ['alembicMerged', 1],
  ] as const)('%s has %d head(s)', async (name, heads) => {
    const root = materialise(fx[name]());
    const result = await runChecks(migrationsChecks, { repo: root });
    expect(of(result, 'migrations.conflict').map((f) => f.status)).toEqual([heads > 1 ? 'fail' : 'pass']);
    const alembic = run(alembicPython!, ['-m', 'alembic', 'heads'], root);
    expect(alembic.status).toBe(0);
    expect(alembic.output.match(/\(head\)/g)?.length).toBe(heads);
  });

  withAlembic('alembicBrokenDown: alembic fails where we report a broken down_revision', async () => {
    const root = materialise(fx.alembicBrokenDown());
    const result = await runChecks(migrationsChecks, { repo: root });
    expect(of(result, 'migrations.broken-dependency').map((f) => f.status)).toEqual(['fail']);
    const alembic = run(alembicPython!, ['-m', 'alembic', 'heads'], root);
    expect(alembic.status).not.toBe(0);
    expect(alembic.output).toContain('ffffffffffff');
  });
});

describe(`our django.* verdicts agree with check --deploy${djangoNote}`, () => {
  const deployIds = (root: string, env: Record<string, string>): string[] => {
    const r = run(djangoPython!, ['manage.py', 'check', '--deploy'], root, { DJANGO_SETTINGS_MODULE: 'mysite.settings.prod', ...env });
    return [...new Set(r.output.match(/security\.W\d+/g) ?? [])].sort();
  };
  /** The check --deploy ids our findings cite (django.debug is W018). */
  const ourIds = (findings: Array<{ checkId: string; status: string; message: string }>): string[] =>
    [...new Set(findings.filter((f) => f.status === 'fail').flatMap((f) => (f.checkId === 'django.debug' ? ['security.W018'] : (f.message.match(/security\.W\d+/g) ?? []))))].sort();

  withDjango('flawed settings: every warning Django gives, we give (and the secret key fallback is W009)', async () => {
    const root = materialise(fx.djangoSettingsFlawed());
    const ours = ourIds((await runChecks(djangoChecks, { repo: root })).findings);
    const theirs = deployIds(root, {});
    expect(theirs).toEqual(['security.W002', 'security.W003', 'security.W004', 'security.W008', 'security.W009', 'security.W018']);
    // Like Django, W016 (CSRF_COOKIE_SECURE) is left out while CsrfViewMiddleware is missing.
    expect(ours).toEqual(theirs);
  });

  withDjango('hardened settings: Django and we find nothing', async () => {
    const root = materialise(fx.djangoSettingsHardened());
    const result = await runChecks(djangoChecks, { repo: root });
    expect(ourIds(result.findings)).toEqual([]);
    expect(deployIds(root, { DJANGO_SECRET_KEY: 'k'.repeat(10) + 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ' })).toEqual([]);
  });
});
