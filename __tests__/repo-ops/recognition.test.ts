// Repository-wide recognition (issue 10, item 6), each case a minimal copy of
// a pattern seen on a real public repository: what CI runs one level down,
// workspace lockfiles and unrendered templates, required versus optional
// environment reads.

import { afterAll, describe, expect, it } from '@jest/globals';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { envChecks } from '../../src/checks/env/index.js';
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

/** `fail P1 path:line`, in the engine's order. */
const where = (findings: Array<{ status: string; severity: string; location?: { path: string; line: number } }>): string[] =>
  findings.map((f) => `${f.status} ${f.severity}${f.location ? ` ${f.location.path}:${f.location.line}` : ''}`);

describe('env.undocumented: required reads are P1, optional reads P2, built names never', () => {
  const template = { '.env.example': 'DATABASE_URL=\n' };

  it('reports optional Python reads (os.getenv, os.environ.get, a guarded subscript) at P2 (healthchecks, plane)', async () => {
    const settings = [
      'import os',
      'METRICS_KEY = os.getenv("METRICS_KEY")',
      'SUPPORT_EMAIL = os.environ.get("SUPPORT_EMAIL")',
      'if admins := os.getenv("ADMINS"):',
      '    ADMINS = admins.split(",")',
      'if "SENTRY_DSN" in os.environ:',
      '    SENTRY_DSN = os.environ["SENTRY_DSN"]',
      '',
    ].join('\n');
    const findings = await audit(envChecks, { ...template, 'hc/settings.py': settings }, 'env.undocumented');
    expect(where(findings)).toEqual(['fail P2 hc/settings.py:2', 'fail P2 hc/settings.py:3', 'fail P2 hc/settings.py:4', 'fail P2 hc/settings.py:7']);
    expect(findings[0]!.message).toBe('METRICS_KEY is read at hc/settings.py:2 (optional: read as empty when unset) but is in no env template (.env.example).');
  });

  it('reports optional JavaScript reads (process.env.X, || and ?? fallbacks) at P2 (umami)', async () => {
    const route = "export const config = {\n  privateMode: !!process.env.PRIVATE_MODE,\n  faviconUrl: process.env.FAVICON_URL || '',\n  base: process.env.BASE_PATH ?? '/',\n};\n";
    expect(where(await audit(envChecks, { ...template, 'src/app/api/config/route.ts': route }, 'env.undocumented'))).toEqual([
      'fail P2 src/app/api/config/route.ts:2',
      'fail P2 src/app/api/config/route.ts:3',
      'fail P2 src/app/api/config/route.ts:4',
    ]);
  });

  it('never reports a name built at run time (Django createsuperuser, prefixes)', async () => {
    const code = [
      'import os',
      'for field in ("username", "email"):',
      '    value = os.environ.get("DJANGO_SUPERUSER_" + field.upper())',
      'token = os.getenv(f"{prefix}_TOKEN")',
      'other = os.environ["APP_" + name]',
      'legacy = os.getenv("LEGACY_")',
      '',
    ].join('\n');
    expect(findEnvUsages(code, 'python')).toEqual([]);
    expect(findEnvUsages('const v = process.env[`${p}_KEY`];\nconst host = process.env.API_HOST + ":" + port;\n', 'js')).toEqual([
      { name: 'API_HOST', line: 2, hasDefault: false, required: false },
    ]);
    const documented = 'import os\nDATABASE_URL = os.environ["DATABASE_URL"]\n';
    expect(where(await audit(envChecks, { ...template, 'app/superuser.py': code, 'app/db.py': documented }, 'env.undocumented'))).toEqual(['pass P1']);
  });

  it('keeps required reads at P1: subscript, django-environ without default, compose :?, TS non-null, a raise or throw when unset', async () => {
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
      '',
    ].join('\n');
    const server = "const key = process.env.STRIPE_KEY!;\nif (!process.env.JWT_SECRET) {\n  throw new Error('JWT_SECRET is required');\n}\n";
    const compose = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}\n';
    const findings = await audit(envChecks, { ...template, 'app/settings.py': settings, 'src/server.ts': server, 'docker-compose.yml': compose }, 'env.undocumented');
    expect(where(findings)).toEqual([
      'fail P1 app/settings.py:5',
      'fail P1 app/settings.py:6',
      'fail P1 app/settings.py:8',
      'fail P1 docker-compose.yml:5',
      'fail P1 src/server.ts:1',
      'fail P1 src/server.ts:2',
      // DEBUG has its default in the Env(...) scheme.
      'fail P2 app/settings.py:7',
    ]);
    expect(findings[0]!.message).toBe('SECRET_KEY is read at app/settings.py:5 (required: it fails when unset) but is in no env template (.env.example).');
  });

  it('points at the read that makes a variable required when an optional read comes first', async () => {
    const files = { ...template, 'app/a.py': 'import os\nDEBUG_KEY = os.getenv("API_TOKEN")\n', 'app/b.py': 'import os\nTOKEN = os.environ["API_TOKEN"]\n' };
    expect(where(await audit(envChecks, files, 'env.undocumented'))).toEqual(['fail P1 app/b.py:2']);
  });
});
