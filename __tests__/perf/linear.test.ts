// Linear on every input: a file is anyone's to commit in a pull request, and
// a regular expression that backtracks quadratically blocks the event loop,
// so no timeout can stop it (a 2 MB one-line .env never finished). Each case
// is one line of about 2 MB (just under repo.max-file-bytes) shaped against
// the expressions and parsers that read that kind of file, audited by every
// repository check through the real engine. The budget is 2 s of CPU time
// (user+sys of this process): generous, since a quadratic expression takes
// minutes on these inputs. Wall time is bounded loosely as well: on a 2-core
// machine shared with other jobs it measures the neighbours as much as us.
// The debug-page expressions of disclosure.debug-mode read HTTP bodies, up to
// http.max-body-bytes: they are fed 1 MiB bodies of the same kind.

import { afterAll, describe, expect, it } from '@jest/globals';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { findDebugTell } from '../../src/checks/disclosure/debug-mode.js';
import type { RepoCheck } from '../../src/engine/types.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { runChecks } from '../helpers/run-checks.js';

const LINE = 2_000_000;
const CPU_BUDGET_MS = 2000;
const WALL_BUDGET_MS = 8000;
const REPO_CHECKS = ALL_CHECKS.filter((c): c is RepoCheck => c.kind === 'repo');

/** `unit` repeated to LINE characters. */
const fill = (unit: string): string => unit.repeat(Math.ceil(LINE / unit.length)).slice(0, LINE);

const DJANGO_MANAGE = 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n';

const CASES: Record<string, Record<string, string>> = {
  // URL-password expression: a scheme-like run with no `://`.
  '.env, one long word': { '.env': `DATABASE_URL=${fill('a')}\n` },
  '.env, token words': { '.env': `API_TOKEN=${fill('token')}\n` },
  '.env, URL-like fragments': { '.env': `DATABASE_URL=${fill('a://b:c')}\n` },
  'compose value': { 'docker-compose.yml': `services:\n  db:\n    image: postgres:16\n    environment:\n      URL: "${fill('a').slice(0, (LINE * 3) / 4)}"\n      CMD: "${fill('--password ').slice(0, LINE / 4)}"\n` },
  'compose interpolations without a closing brace': { 'docker-compose.yml': `services:\n  web:\n    image: nginx\n    command: "${fill('$' + '{A:-')}"\n` },
  'compose interpolations': { 'docker-compose.yml': `services:\n  web:\n    image: nginx\n    command: "${fill('$' + '{A} ')}"\n` },
  'Python, secret-like words': { 'app/settings.py': `SECRET_KEY = "${fill('token')}"\n` },
  'Python, environment reads': { 'app/main.py': `import os\nx = ${fill('os.environ.get(')}\n` },
  // A settings module production runs and a migration are parsed whole (Lezer), broken or not.
  'Python settings, stray closing brackets': { 'manage.py': DJANGO_MANAGE, 'proj/settings.py': `DEBUG = False\n${fill(')')}\n` },
  'Python settings, a long + chain': { 'manage.py': DJANGO_MANAGE, 'proj/settings.py': `ALLOWED_HOSTS = ${fill('["a"] + ')}[]\n` },
  // Just under the size the Python reader parses at all (parse/python/read.ts: MAX_PYTHON_CHARS).
  'Python settings, 0.5 MB of stray closing brackets': { 'manage.py': DJANGO_MANAGE, 'proj/settings.py': `DEBUG = False\n${fill(')').slice(0, 500_000)}\n` },
  'Python settings, a 0.5 MB + chain': { 'manage.py': DJANGO_MANAGE, 'proj/settings.py': `ALLOWED_HOSTS = ${fill('["a"] + ').slice(0, 500_000)}[]\n` },
  'Python migration, nested calls': { 'shop/migrations/0001_initial.py': `from django.db import migrations\nx = ${fill('migrations.RunSQL(')}\n` },
  'JS, environment reads': { 'src/app.js': `const x = ${fill('process.env.A ')};\n` },
  'JS, token shapes': { 'src/app.js': `${fill('eyJ-xoxb-glpat-sk-').slice(0, LINE / 2)}${fill('AKIAABCDEFGHIJKLMNOP ').slice(0, LINE / 2)}\n` },
  'YAML, psql and backup words': { 'deploy/db.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  containers:\n    - name: db\n      image: postgres:16\n      args: ["${fill('psql<')}"]\n` },
  Dockerfile: { Dockerfile: `FROM node:20\nRUN ${fill('echo a && ')}\n` },
};

describe('every repository check is linear on 2 MB single lines', () => {
  const repos: TempRepo[] = [];
  afterAll(() => repos.forEach((r) => r.cleanup()));

  for (const [name, files] of Object.entries(CASES)) {
    it(`${name}: the audit takes under ${CPU_BUDGET_MS} ms of CPU`, async () => {
      const repo = makeRepo({ 'package.json': '{"name":"x"}', ...files }, { git: true });
      repos.push(repo);
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const result = await runChecks(REPO_CHECKS, { repo: repo.root });
      const cpu = process.cpuUsage(cpuBefore);
      const elapsed = performance.now() - started;
      expect(result.repository?.skipped).toBe(0);
      expect((cpu.user + cpu.system) / 1000).toBeLessThan(CPU_BUDGET_MS);
      expect(elapsed).toBeLessThan(WALL_BUDGET_MS);
    });
  }
});

describe('the debug-page tells are linear on a 1 MiB body (http.max-body-bytes)', () => {
  const BODY = 1024 * 1024;
  const shapes: Record<string, string> = {
    'PHP warnings without their tail': '<b>Warning</b>: x'.repeat(BODY / 17),
    'stack-trace-like words': 'at a.b.c '.repeat(BODY / 9),
    'Java-like frames without a parenthesis': `at ${'a.'.repeat(BODY / 2 - 2)}`,
  };
  for (const [name, body] of Object.entries(shapes)) {
    it(`${name}: under ${CPU_BUDGET_MS} ms of CPU`, () => {
      const before = process.cpuUsage();
      expect(findDebugTell(body)).toBeUndefined();
      const cpu = process.cpuUsage(before);
      expect((cpu.user + cpu.system) / 1000).toBeLessThan(CPU_BUDGET_MS);
    });
  }
});
