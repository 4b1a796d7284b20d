// End to end: on a repository large enough for the scan pool (over 8 MiB),
// the bundled CLI scans in a worker thread (dist/scan-worker.js); its report
// must be the one the engine gives without any worker (the TypeScript sources
// under jest find no worker entry and scan on the main thread).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { audit } from '../../src/audit.js';
import { renderJson } from '../../src/report/json.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';

const CLI = resolve(process.env['RG_DIST_DIR'] ?? 'dist', 'cli.js');

function module(i: number): string {
  // About 30 KB of ordinary code: 300 of them make 9 MB.
  const body = Array.from({ length: 500 }, (_, n) => `def view_${i}_${n}(request):\n    return render(request, "page.html", {"n": ${n}})\n`).join('\n');
  return `import os\nfrom django.shortcuts import render\nLIMIT = int(os.environ.get("PAGE_LIMIT", "50"))\n${body}`;
}

let repo: TempRepo;

beforeAll(() => {
  const files: Record<string, string | Buffer> = {
    'requirements.txt': 'django==5.0.6\n',
    'app/settings.py': 'import os\nDEBUG = False\nSECRET_KEY = os.environ["SECRET_KEY"]\nALLOWED_HOSTS = ["app.example.com"]\n',
    '.env.example': 'SECRET_KEY=\nPAGE_LIMIT=50\n',
    'docker-compose.yml': 'services:\n  db:\n    image: postgres:16.3\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}\n',
    // A credential late in file order, in a file only the workers read, and a binary file.
    'zz/integrations/stripe.py': 'STRIPE_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dcZ1"\nWEBHOOK_SECRET = "whsec_9fK2mQ7vX4tL8pN3rB6yH1cJ5"\n',
    'zz/blob.py': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]),
  };
  for (let i = 0; i < 300; i++) files[`app/views/view_${i}.py`] = module(i);
  repo = makeRepo(files, { git: true });
});

afterAll(() => repo?.cleanup());

function cliJson(root: string, ...extra: string[]): Promise<{ code: number; report: Record<string, unknown>; stderr: string }> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [CLI, 'audit', '--repo', root, '--format', 'json', ...extra], { maxBuffer: 64 * 1024 * 1024, timeout: 120000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 99) : 0;
      try {
        done({ code, report: JSON.parse(stdout) as Record<string, unknown>, stderr });
      } catch {
        fail(new Error(`no JSON report (exit ${code}): ${stderr.slice(0, 500)}`));
      }
    });
  });
}

/** What may differ between two runs of the same audit: timings and the time of generation. */
function stable(report: Record<string, unknown>): Record<string, unknown> {
  const { durationMs: _d, generatedAt: _g, ...rest } = report;
  return rest;
}

describe('scan pool end to end (bundled CLI)', () => {
  it('reports exactly what the engine reports without a worker thread', async () => {
    const withWorkers = await cliJson(repo.root);
    const reference = JSON.parse(renderJson((await audit({ repo: repo.root, cwd: repo.root, env: {} })).report)) as Record<string, unknown>;
    expect(withWorkers.stderr).toBe('');
    expect(stable(withWorkers.report)).toEqual(stable(reference));
    const findings = withWorkers.report['findings'] as Array<{ checkId: string; status: string; location?: { path: string } }>;
    // Found in a file only a worker read (on a machine with more than one core; on one, all of it runs here).
    expect(findings.some((f) => f.checkId === 'secrets.hardcoded' && f.status === 'fail' && f.location?.path === 'zz/integrations/stripe.py')).toBe(true);
    expect((withWorkers.report['repository'] as { skipped: number }).skipped).toBe(1);
    expect(withWorkers.code).toBe(1);
  }, 180000);

  it('ends cleanly when the audit budget runs out while the workers still scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rg-budget-'));
    try {
      writeFileSync(join(dir, 'readiness.yml'), 'timeouts:\n  audit-ms: 150\n');
      const run = await cliJson(repo.root, '--config', join(dir, 'readiness.yml'));
      // A report, not a crash: no unhandled rejection from the scans the closed pool abandoned.
      expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
      expect([0, 1]).toContain(run.code);
      const findings = run.report['findings'] as Array<{ status: string; message: string }>;
      expect(findings.some((f) => f.status === 'error' && /audit time budget/.test(f.message))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});
