import { describe, expect, it } from '@jest/globals';
import type { AuditResult } from '../../src/engine/run.js';
import type { Finding } from '../../src/engine/types.js';
import { buildReport, renderJson, renderMarkdown, renderSarif, renderText } from '../../src/report/index.js';

function finding(checkId: string, severity: Finding['severity'], status: Finding['status'], extra: Partial<Finding> = {}): Finding {
  return { checkId, title: `Title of ${checkId}`, category: 'security', severity, status, message: `Message of ${checkId}`, remediation: `Fix ${checkId}`, ...extra };
}

const result: AuditResult = {
  findings: [
    finding('env.committed-file', 'P0', 'fail', { category: 'security', location: { path: 'deploy/.env', line: 3 } }),
    finding('headers.csp', 'P1', 'fail', { url: 'http://127.0.0.1:8080/', evidence: 'GET / HTTP/1.1\n\nHTTP/1.1 200\n(no content-security-policy header)' }),
    finding('compose.restart-policy', 'P2', 'fail', { category: 'deployment', location: { path: 'docker-compose.yml', line: 7, endLine: 9 } }),
    finding('docker.non-root', 'P1', 'fail', { category: 'deployment', location: { path: 'Dockerfile', line: 1 }, waived: { reason: 'base image drops privileges' } }),
    finding('headers.hsts', 'P1', 'pass', { url: 'http://127.0.0.1:8080/', message: 'A very long message '.repeat(12).trim() }),
    finding('tls.https-redirect', 'P1', 'skip', { url: 'http://127.0.0.1:8080/' }),
  ],
  durationMs: 1234,
  requests: 17,
  requestsByCheck: { collect: 1, 'headers.csp': 0 },
  expiredWaivers: [{ check: 'headers.csp', reason: 'old', expires: '2026-01-01' }],
  targets: ['http://127.0.0.1:8080/'],
  repository: { root: '/tmp/x', files: 12, skipped: 0 },
};
const report = buildReport(result, { minScore: 0, failOn: 'p0', now: new Date('2026-11-23T10:00:00Z') });

describe('the report and its renderers', () => {
  it('has exactly the documented JSON shape at the top level', () => {
    const json = JSON.parse(renderJson(report));
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['schemaVersion', 'tool', 'decision', 'score', 'categories', 'findings', 'durationMs', 'requests']),
    );
    expect(json.schemaVersion).toBe(1);
    expect(json.tool).toEqual({ name: 'readiness-gate', version: expect.any(String) });
    expect(json.decision).toBe('NO-GO');
    expect(json.score).toBeLessThanOrEqual(49);
    expect(json.categories).toEqual([
      expect.objectContaining({ id: 'security', score: expect.any(Number), passed: 1, failed: 2 }),
      expect.objectContaining({ id: 'deployment', passed: 1, failed: 1 }),
    ]);
    expect(json.findings[0]).toEqual({
      checkId: 'env.committed-file',
      title: 'Title of env.committed-file',
      category: 'security',
      severity: 'P0',
      status: 'fail',
      message: 'Message of env.committed-file',
      remediation: 'Fix env.committed-file',
      location: { path: 'deploy/.env', line: 3 },
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(json.findings[3].waived).toEqual({ reason: 'base image drops privileges' });
    expect(json.repository).toEqual({ files: 12, skipped: 0 });
    expect(JSON.stringify(json)).not.toContain('/tmp/x');
  });

  it('renders markdown: decision first, categories, P0 then P1 then P2 with fixes, the rest folded', () => {
    const md = renderMarkdown(report);
    expect(md.split('\n')[0]).toBe('## 🔴 NO-GO · 38/100 · 1 P0 failing');
    const order = ['**Why:**', '| Category |', '### 🔴 P0', '[`env.committed-file`]', '**Fix:** Fix env.committed-file', '### 🟠 P1', '[`headers.csp`]', '### 🔵 P2', '[`compose.restart-policy`]', '<summary>Waived (1)', 'Expired waivers', '<summary>Passing: 1 check', '<summary>Skipped: 1 check'];
    const positions = order.map((s) => md.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain('`docker-compose.yml:7-9`');
    expect(md).toContain('(no content-security-policy header)');
  });

  it('escapes server-controlled text in markdown', () => {
    const hostile = buildReport(
      { ...result, findings: [finding('disclosure.debug-mode', 'P0', 'fail', { message: '<img src=x onerror=alert(1)> | @admin' })] },
      { minScore: 0, failOn: 'p0' },
    );
    const md = renderMarkdown(hostile);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; \\| @\u200badmin');
    expect(md).not.toContain('<img');
  });

  it('renders plain text within 80 columns when not a TTY, coloured when asked', () => {
    const plain = renderText(report, { color: false, width: 80 });
    expect(plain.includes('\u001b[')).toBe(false);
    // A URL is never broken (a terminal would not link half of it): only a line ending in one may be longer.
    for (const line of plain.split('\n').filter((l) => !/ https:\/\/\S+$/.test(l))) expect(line.length).toBeLessThanOrEqual(80);
    expect(plain.split('\n')[0]).toBe('NO-GO · 38/100 · 1 P0 failing');
    expect(plain.indexOf('P0 failing: 1 in 1 check')).toBeLessThan(plain.indexOf('P1 failing: 1 in 1 check'));
    expect(plain.indexOf('P0 failing')).toBeGreaterThan(0);
    expect(plain).toContain('Expired waiver for headers.csp (expired 2026-01-01) no longer applies.');
    expect(renderText(report, { color: true }).includes('\u001b[31m')).toBe(true);
  });

  it('renders SARIF 2.1.0 with one rule per check and located results only', () => {
    const sarif = JSON.parse(renderSarif(report, []));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('readiness-gate');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['compose.restart-policy', 'docker.non-root', 'env.committed-file']);
    expect(run.results).toHaveLength(3);
    const env = run.results.find((r: { ruleId: string }) => r.ruleId === 'env.committed-file');
    expect(env.level).toBe('error');
    expect(env.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'deploy/.env', uriBaseId: '%SRCROOT%' }, region: { startLine: 3 } });
    const waived = run.results.find((r: { ruleId: string }) => r.ruleId === 'docker.non-root');
    expect(waived.suppressions).toEqual([{ kind: 'external', justification: 'base image drops privileges' }]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });
});

describe('markdown folding for the PR comment', () => {
  it('folds P2 failures into a details section when asked', () => {
    const md = renderMarkdown(report, { foldP2: true, p2Details: false });
    expect(md).toContain('<details><summary>🔵 P2 — worth fixing: 1 finding in 1 check</summary>');
    expect(md).not.toContain('### 🔵 P2');
    expect(md.indexOf('### 🟠 P1')).toBeLessThan(md.indexOf('<summary>🔵 P2'));
  });

  it('groups findings by check: one title, one fix, the places under it, linked to the docs and the code', () => {
    const many = buildReport(
      {
        ...result,
        findings: [1, 2, 3].map((n) => finding('compose.restart-policy', 'P1', 'fail', { category: 'deployment', location: { path: `svc ${n}/docker-compose.yml`, line: n } })),
      },
      { minScore: 0, failOn: 'p0' },
    );
    const md = renderMarkdown(many, { links: { repositoryUrl: 'https://github.com/o/r', sha: 'abc', pathPrefix: 'app' } });
    expect(md.match(/\*\*Fix:\*\*/g)).toHaveLength(1);
    expect(md.match(/\*\*Title of compose\.restart-policy\*\*/g)).toHaveLength(1);
    expect(md).toContain('· 3 places');
    expect(md).toContain('[`svc 2/docker-compose.yml:2`](https://github.com/o/r/blob/abc/app/svc%202/docker-compose.yml#L2)');
    expect(md).toMatch(/\[`compose\.restart-policy`\]\(https:\/\/github\.com\/readiness-gate\/readiness-gate\/blob\/v[\d.]+\/docs\/checks\.md#composerestart-policy\)/);
    const text = renderText(many, { color: false, width: 80 });
    expect(text.match(/Fix: /g)).toHaveLength(1);
  });

  it('keeps the decision reasons out of any list above them (GitHub joins lists separated by a blank line)', () => {
    const md = renderMarkdown(report);
    const why = md.split('\n').find((l) => l.startsWith('**Why:**'))!;
    expect(why).toContain('failing P0 finding');
    expect(md.split('\n').some((l) => l.startsWith('- ') && l.includes('failing P0 finding'))).toBe(false);
  });
});
