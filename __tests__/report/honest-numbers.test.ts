// Numbers that do not mislead: the P0 cap said aloud, no score for a category where nothing ran, a thin audit named.
import { describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../../src/audit.js';
import { UsageError } from '../../src/core/errors.js';
import type { AuditResult } from '../../src/engine/run.js';
import type { Finding } from '../../src/engine/types.js';
import { buildReport, headline, renderMarkdown, renderText } from '../../src/report/index.js';

function f(checkId: string, severity: Finding['severity'], status: Finding['status'], category: Finding['category'] = 'security'): Finding {
  return { checkId, title: checkId, category, severity, status, message: 'm', remediation: 'r', location: { path: 'a', line: 1 } };
}
function reportOf(findings: Finding[]) {
  const result: AuditResult = { findings, durationMs: 1, requests: 0, requestsByCheck: {}, expiredWaivers: [], targets: [], repository: { root: '/r', files: 1, skipped: 0 } };
  return buildReport(result, { minScore: 0, failOn: 'p0' });
}

describe('honest numbers', () => {
  it('says when failing P0s cap the score, and what it would be without them', () => {
    const passing = Array.from({ length: 12 }, (_, i) => f(`x.pass${i}`, 'P0', 'pass'));
    const report = reportOf([f('env.committed-file', 'P0', 'fail'), ...passing]);
    expect(report.score).toBe(49);
    expect(report.scoreCap).toEqual({ at: 49, p0: 1, uncapped: 92 });
    expect(report.reasons).toContain('score capped at 49: 1 P0 failing; 92 without them');
    expect(headline(report)).toBe('NO-GO · 49/100 (capped; 92 without P0s) · 1 P0 failing');
    expect(renderMarkdown(report)).toContain('score capped at 49: 1 P0 failing; 92 without them');
  });

  it('shows — for a category where nothing was evaluated, never 100', () => {
    const report = reportOf([f('a.one', 'P1', 'pass'), f('a.two', 'P1', 'pass'), f('a.three', 'P1', 'pass'), f('d.skip', 'P1', 'skip', 'deployment')]);
    const row = renderMarkdown(report).split('\n').find((l) => l.startsWith('| deployment'));
    expect(row).toBe('| deployment | — | 0 | 0 | 1 |');
    const line = renderText(report, { color: false }).split('\n').find((l) => l.startsWith('deployment'));
    expect(line).toMatch(/^deployment\s+—\s+0\s+0\s+1$/);
  });

  it('says when the audit evaluated little (an empty repository is not a plain GO 81)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rg-empty-'));
    const { report } = await audit({ repo: dir, cwd: dir });
    expect(headline(report)).toMatch(/only \d+ of \d+ checks applied/);
    expect(report.reasons.join('\n')).toMatch(/the score rests on little/);
  });

  it('refuses to audit nothing: a usage error that says to pass --url or --repo', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rg-nothing-'));
    const attempt = audit({ cwd: dir });
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(/--url.*--repo/);
  });
});
