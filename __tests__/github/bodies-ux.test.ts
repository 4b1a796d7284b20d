// What the check run and the comment show (issue 23): the check run lists the P1s with their places while its reading
// budget has room instead of folding them; the comment's P1 list names files; under a baseline the headline says what
// the baseline hides.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { audit } from '../../src/audit.js';
import type { Report } from '../../src/report/report.js';
import { checkRunSummary, commentBody, renderedHeight, stateOf, CHECK_SUMMARY_BUDGET_LINES, CHECK_SUMMARY_LIMIT, COMMENT_BUDGET_LINES } from '../../src/github/bodies.js';
import type { Finding } from '../../src/engine/types.js';
import { headline } from '../../src/report/report.js';
import { finding, reportOf } from './reports.js';

/** A real repository's shape: 2 P0s and 16 P1s in 8 checks, each at its own file and line. */
function repositoryFindings(): Finding[] {
  const p0 = [0, 1].map((i) => finding({ checkId: `secrets.rule-${i}`, severity: 'P0', location: { path: `app/settings/base-${i}.py`, line: 10 + i } }));
  const p1 = Array.from({ length: 16 }, (_, i) =>
    finding({
      checkId: `deploy.rule-${i % 8}`,
      severity: 'P1',
      category: 'deployment',
      location: { path: `deploy/service-${i}.yml`, line: 3 + i },
      message: `service \`web-${i}\` (deploy/service-${i}.yml) runs image ghcr.io/acme/web-${i} with the tag \`latest\`: every pull of it may run different code, and a rollback cannot name what ran before.`,
      remediation: `Pin a version tag or a digest for rule ${i % 8}, kept fresh by Renovate or Dependabot, and deploy by changing it in a reviewed commit.`,
      evidence: `${3 + i}:     image: ghcr.io/acme/web-${i}:latest\n${4 + i}:     restart: always`,
    }),
  );
  return [...p0, ...p1];
}

/** The part of a markdown body a reader sees without opening anything: folded <details> sections removed. */
function shown(markdown: string): string {
  return markdown.replace(/<details>[\s\S]*?<\/details>/g, '');
}

describe('the check run', () => {
  it('lists every P1 with its file and line when its budget has room, not folded', () => {
    const report = reportOf(repositoryFindings());
    const summary = checkRunSummary(report, { fullReportAt: 'the job summary' }).text;
    expect(renderedHeight(summary)).toBeLessThanOrEqual(CHECK_SUMMARY_BUDGET_LINES);
    const visible = shown(summary);
    for (let i = 0; i < 16; i++) expect(visible).toContain(`deploy/service-${i}.yml:${3 + i}`);
  });
});

/**
 * The demo's shape: many P0 checks with several places and long messages (the P0s alone fill most of the budget),
 * and two dozen P1 checks, each at its own file and line.
 */
function demoFindings(): Finding[] {
  const long = 'is served with a value anyone can read in the repository, so a session or a token signed with it can be forged by anyone who has read it';
  const p0 = Array.from({ length: 24 }, (_, i) =>
    finding({ checkId: `secrets.p0-${i % 8}`, severity: 'P0', location: { path: `app/p0-${i}.py`, line: 5 + i }, message: `SECRET_${i} at app/p0-${i}.py:${5 + i} ${long}.`, role: { role: 'production', reason: 'application source', rule: 'evidence:application-source' } }),
  );
  const p1 = Array.from({ length: 24 }, (_, i) => finding({ checkId: `deploy.p1-${i}`, severity: 'P1', category: 'deployment', location: { path: `deploy/p1-${i}.yml`, line: 7 + i } }));
  return [...p0, ...p1];
}

describe('the check run on a report whose P0s fill most of its budget', () => {
  it('still lists every P1 check with its file:line, open, within the budget and GitHub\'s limit', () => {
    const report = reportOf(demoFindings());
    const summary = checkRunSummary(report, { fullReportAt: 'the job summary' });
    expect(renderedHeight(summary.text)).toBeLessThanOrEqual(CHECK_SUMMARY_BUDGET_LINES);
    expect(Buffer.byteLength(summary.text)).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT);
    const visible = shown(summary.text);
    for (let i = 0; i < 24; i++) expect(visible).toContain(`deploy/p1-${i}.yml:${7 + i}`);
    // The P0s keep a place each, and the note says what was left out.
    for (let i = 0; i < 8; i++) expect(visible).toContain(`app/p0-${i}.py:${5 + i}`);
    expect(summary.trimmed).toMatch(/P2 and P1 details/);
  });
});

describe('the comment', () => {
  it('names the files of its P1s', () => {
    const report = reportOf(repositoryFindings());
    const body = commentBody(report, { checkName: 'Gate', state: stateOf(report), fullReportAt: 'x' }).text;
    const p1 = body.split('\n').find((l) => l.includes('P1 — fix before release'))!;
    expect(p1).toContain('deploy/service-0.yml:3');
    expect(p1).toContain('deploy/service-7.yml:10');
  });
});

describe('the headline under a baseline', () => {
  it('says what the baseline hides and since when', () => {
    const accepted = [1, 2, 3].map((line) => finding({ checkId: 'secrets.hardcoded', severity: 'P0', location: { path: 'app.py', line }, existing: 'baseline' }));
    const report = reportOf([...accepted, finding({ checkId: 'env.template', severity: 'P2', status: 'pass' })], {
      gate: { mode: 'all', existing: 0, baseline: { path: '.github/readiness-baseline.json', hidden: 3, since: '2026-11-01' } },
    });
    expect(report.decision).toBe('GO');
    expect(headline(report)).toMatch(/^GO on new findings · \d+\/100 · 3 existing, hidden by the baseline since 2026-11-01/);
  });

  it('and says nothing of the kind without one', () => {
    expect(headline(reportOf([finding({ checkId: 'env.template', severity: 'P2', status: 'pass' })]))).toMatch(/^GO · 100\/100 · no P0\/P1 failing$/);
  });
});

// `npm run demo`'s audit (the sample app on loopback and the example repository, load ramp included): its P0s, their
// fixes and the capacity chart fill most of both budgets, and the P1s must still be there with their files.
describe('the demo', () => {
  let app: ChildProcess;
  let report: Report;
  beforeAll(async () => {
    app = spawn(process.execPath, ['examples/sample-app/server.mjs', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve) => createInterface({ input: app.stdout! }).on('line', (line) => /listening on (\S+)/.exec(line) && resolve(/listening on (\S+)/.exec(line)![1]!)));
    ({ report } = await audit({ urls: [url], repo: 'examples/sample-repo', config: 'examples/sample-repo/.github/readiness.yml' }));
  }, 60_000);
  afterAll(() => {
    app?.kill('SIGTERM');
  });
  const links = { repositoryUrl: 'https://github.com/octo/shop', sha: '3f1c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a', pathPrefix: '', runUrl: 'https://github.com/octo/shop/actions/runs/1' };
  const located = () => report.findings.filter((f) => f.status === 'fail' && f.severity === 'P1' && f.location && !f.existing && !f.waived);

  it('check run: every P1 check with its file:line, open, within the budget', () => {
    const summary = checkRunSummary(report, { fullReportAt: 'the job summary', links }).text;
    expect(renderedHeight(summary)).toBeLessThanOrEqual(CHECK_SUMMARY_BUDGET_LINES);
    const visible = shown(summary);
    expect(visible).toMatch(/P1 — fix before release: \d+ findings in \d+ checks:\*\*/);
    const firstOfEach = new Map<string, Finding>();
    for (const f of located()) if (!firstOfEach.has(f.checkId)) firstOfEach.set(f.checkId, f);
    expect(firstOfEach.size).toBeGreaterThan(5);
    for (const f of firstOfEach.values()) expect(visible).toContain(`${f.location!.path}:${f.location!.line}`);
  });

  it('comment: its P1 list names files, within the budget (the chart folds before the list is cut)', () => {
    const body = commentBody(report, { fullReportAt: 'the job summary', links, checkName: 'Production Readiness', state: stateOf(report) });
    expect(renderedHeight(body.text)).toBeLessThanOrEqual(COMMENT_BUDGET_LINES);
    expect(body.trimmed).not.toBe('the end of the list of findings');
    const p1 = body.text.split('\n').find((l) => l.includes('P1 — fix before release'))!;
    expect(p1).toContain(`${located()[0]!.location!.path}:${located()[0]!.location!.line}`);
  });
});
