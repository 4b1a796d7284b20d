// Pure parts of the GitHub reporting: context from the runner's variables,
// trimming, embedded state, "what changed", annotations, report files.

import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHECK_SUMMARY_BUDGET_LINES,
  CHECK_SUMMARY_LIMIT,
  checkRunSummary,
  changesBetween,
  commentBody,
  commentMarker,
  decodeState,
  encodeState,
  fitMarkdown,
  previousRunOf,
  renderChanges,
  renderedHeight,
  stateOf,
} from '../../src/github/bodies.js';
import { annotationsFor, batches, conclusionOf, repositoryPath } from '../../src/github/check-run.js';
import { isOurs } from '../../src/github/comment.js';
import { githubContext } from '../../src/github/context.js';
import { degradationWarning } from '../../src/github/publish.js';
import { MAX_REPORT_BYTES, parseReport, readReportFile } from '../../src/github/report-file.js';
import { renderJson } from '../../src/report/json.js';
import { finding, locatedFailures, reportOf } from './reports.js';

const ENV = { GITHUB_REPOSITORY: 'octo/app', GITHUB_SHA: 'm'.repeat(40), GITHUB_REF: 'refs/pull/3/merge', GITHUB_EVENT_NAME: 'pull_request', GITHUB_RUN_ID: '9' };

describe('githubContext', () => {
  it('reports on the pull request head, not the merge commit, and spots forks', () => {
    const payload = { pull_request: { number: 3, head: { sha: 'h'.repeat(40), ref: 'feat', repo: { full_name: 'forker/app' } }, base: { repo: { full_name: 'octo/app' } } } };
    expect(githubContext(ENV, payload)).toEqual({
      owner: 'octo',
      repo: 'app',
      eventName: 'pull_request',
      sha: 'h'.repeat(40),
      branch: 'feat',
      pullRequest: 3,
      fromFork: true,
      apiUrl: 'https://api.github.com',
      runUrl: 'https://github.com/octo/app/actions/runs/9',
      repositoryUrl: 'https://github.com/octo/app',
    });
    const same = { ...payload, pull_request: { ...payload.pull_request, head: { ...payload.pull_request.head, repo: { full_name: 'Octo/App' } } } };
    expect(githubContext(ENV, same)?.fromFork).toBe(false);
  });

  it('uses GITHUB_SHA and the branch on push and schedule, and GITHUB_API_URL for Enterprise Server', () => {
    const env = { ...ENV, GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/release/1.2', GITHUB_API_URL: 'https://ghe.example.invalid/api/v3/' };
    expect(githubContext(env, {})).toMatchObject({ sha: 'm'.repeat(40), branch: 'release/1.2', apiUrl: 'https://ghe.example.invalid/api/v3' });
    expect(githubContext({ ...env, GITHUB_REF: 'refs/tags/v1' }, {})?.branch).toBeUndefined();
  });

  it('reads workflow_run: the head SHA, the listed pull request, or the fork branch to look it up', () => {
    const env = { ...ENV, GITHUB_EVENT_NAME: 'workflow_run' };
    const run = { event: 'pull_request', head_sha: 'w'.repeat(40), head_branch: 'patch', head_repository: { owner: { login: 'forker' } } };
    expect(githubContext(env, { workflow_run: { ...run, pull_requests: [{ number: 4 }] } })).toMatchObject({ sha: 'w'.repeat(40), pullRequest: 4 });
    const fork = githubContext(env, { workflow_run: { ...run, pull_requests: [] } });
    expect(fork).toMatchObject({ sha: 'w'.repeat(40), headLabel: 'forker:patch' });
    expect(fork?.pullRequest).toBeUndefined();
  });

  it('is undefined without a repository or a commit', () => {
    expect(githubContext({}, {})).toBeUndefined();
    expect(githubContext({ GITHUB_REPOSITORY: 'o/r' }, {})).toBeUndefined();
  });
});

describe('fitMarkdown', () => {
  it('returns the full report when it fits', () => {
    const fitted = fitMarkdown(reportOf(locatedFailures(3)), { limit: CHECK_SUMMARY_LIMIT, fullReportAt: 'x' });
    expect(fitted.trimmed).toBeUndefined();
    expect(fitted.text).not.toContain('Trimmed');
  });

  it('cuts at a line as a last resort, staying under the limit', () => {
    const report = reportOf(locatedFailures(3000));
    const fitted = fitMarkdown(report, { limit: 4_000, fullReportAt: 'the job summary' });
    expect(fitted.trimmed).toBe('the end of the list of findings');
    expect(fitted.text.length).toBeLessThanOrEqual(4_000);
    expect(fitted.text).toMatch(/^## 🔴 NO-GO/);
    expect(fitted.text).toContain('left out the end of the list of findings. The full report is in the job summary.');
  });
});

describe('embedded state and what changed', () => {
  it('survives paths and URLs that would close an HTML comment', () => {
    const report = reportOf([finding({ checkId: 'x.y', location: { path: 'weird-->name.ts', line: 2 } })]);
    const state = stateOf(report, 'abc');
    const body = `${commentMarker('A --> B')}\n${encodeState(state)}`;
    expect(body.match(/-->/g)).toHaveLength(2);
    expect(decodeState(body)).toEqual(state);
    expect(decodeState('<!-- readiness-gate:state bm90IGpzb24= -->')).toBeUndefined();
    expect(decodeState(undefined)).toBeUndefined();
  });

  it('lists new failures and fixed ones with the score delta', () => {
    const ok = finding({ checkId: 'a.ok', status: 'pass', severity: 'P1' });
    const before = stateOf(reportOf([ok, finding({ checkId: 'a.one', severity: 'P1' }), finding({ checkId: 'a.two', severity: 'P1', location: { path: 'x.ts', line: 1 } })]), '1234567890');
    const after = stateOf(reportOf([ok, finding({ checkId: 'a.two', severity: 'P1', location: { path: 'x.ts', line: 1 } }), finding({ checkId: 'a.three', severity: 'P2' })]));
    expect(after.score).toBeGreaterThan(before.score);
    expect(changesBetween(before, after)).toEqual({ newFailures: ['a.three|'], fixed: ['a.one|'], scoreDelta: after.score - before.score, decisionChanged: false });
    expect(renderChanges(before, after)).toBe(
      [
        `**Since the previous run (\`1234567\`):** score ${before.score} → ${after.score} (+${after.score - before.score}) · 1 new failing · 1 fixed`,
        '',
        '**🆕 New failures (1)**',
        '',
        '- `a.three`',
        '',
        '**✅ Fixed (1)**',
        '',
        '- `a.one`',
        '',
        '',
      ].join('\n'),
    );
    expect(renderChanges(undefined, after)).toBe('');
  });

  it('puts the changes right under the title of the comment', () => {
    const report = reportOf([finding({ checkId: 'a.one', severity: 'P0' })]);
    const state = stateOf(report);
    const body = commentBody(report, { checkName: 'Gate', previous: { ...state, score: 80, failing: [] }, state, fullReportAt: 'x' }).text;
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- readiness-gate:Gate -->');
    expect(lines[1]).toMatch(/^## 🔴 NO-GO/);
    expect(lines[3]).toMatch(/^\*\*Since the previous run:\*\* score 80 → \d+ \(-\d+\) · 1 new failing · 0 fixed$/);
  });
});

describe('the embedded state', () => {
  it('stays small enough for the comment whatever the findings: hundreds of long URLs', () => {
    const failures = Array.from({ length: 400 }, (_, i) => finding({ checkId: `fixture.live-${i}`, url: `https://app.example.invalid/${'segment/'.repeat(30)}${i}` }));
    const report = reportOf(failures);
    const state = stateOf(report, 'a'.repeat(40));
    // Keys and fingerprints: at most 20 KiB, about 27 KiB in base64, with the shown part under its reading budget.
    expect(encodeState(state).length).toBeLessThanOrEqual(28 * 1024);
    expect(state.failing.length + (state.more ?? 0)).toBe(400);
    const body = commentBody(report, { checkName: 'Production Readiness', state, fullReportAt: 'the job summary' }).text;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(decodeState(body)).toEqual(state);
  });
});

describe('annotations and conclusions', () => {
  it('annotates located failures only, never passes, skips, waived or live findings', () => {
    const report = reportOf([
      finding({ checkId: 'a.fail', severity: 'P2', location: { path: 'b.ts', line: 0 } }),
      finding({ checkId: 'a.pass', status: 'pass', location: { path: 'b.ts', line: 1 } }),
      finding({ checkId: 'a.waived', waived: { reason: 'ok' }, location: { path: 'b.ts', line: 1 } }),
      finding({ checkId: 'a.live', url: 'https://x.invalid/' }),
      finding({ checkId: 'a.error', status: 'error', severity: 'P0', location: { path: 'c.ts', line: 5, endLine: 2 } }),
    ]);
    expect(annotationsFor(report, './svc/').map((a) => [a.path, a.start_line, a.end_line, a.annotation_level])).toEqual([
      ['svc/c.ts', 5, 5, 'failure'],
      ['svc/b.ts', 1, 1, 'notice'],
    ]);
  });

  it('keeps a message within the 64 KB GitHub takes, counted in UTF-8 bytes, without splitting a character', () => {
    const long = 'ヘッダー🔒'.repeat(6_000); // 36,000 UTF-16 units, 96,000 bytes
    const [annotation] = annotationsFor(reportOf([finding({ checkId: 'a.long', message: long, location: { path: 'a.ts', line: 1 } })]));
    expect(Buffer.byteLength(annotation!.message, 'utf8')).toBeLessThanOrEqual(64_000);
    expect(annotation!.message.length).toBeGreaterThan(20_000);
    expect(long.startsWith(annotation!.message)).toBe(true);
    expect(annotation!.message).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it('batches by 50 and maps decisions to conclusions', () => {
    expect(batches(Array.from({ length: 120 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches([])).toEqual([]);
    expect(repositoryPath('.', 'a.ts')).toBe('a.ts');
    expect(conclusionOf({ decision: 'GO', blocking: false })).toBe('success');
    expect(conclusionOf({ decision: 'NO-GO', blocking: true })).toBe('failure');
    expect(conclusionOf({ decision: 'NO-GO', blocking: false })).toBe('neutral');
  });
});

describe('ownership and warnings', () => {
  const marker = commentMarker('Production Readiness');
  it('takes over only comments by the token\'s user (or a bot for installation tokens)', () => {
    expect(isOurs({ id: 1, body: marker, user: { login: 'github-actions[bot]', type: 'Bot' } }, marker, {})).toBe(true);
    expect(isOurs({ id: 1, body: marker, user: { login: 'mallory', type: 'User' } }, marker, {})).toBe(false);
    expect(isOurs({ id: 1, body: marker, user: { login: 'ci-user', type: 'User' } }, marker, { login: 'ci-user' })).toBe(true);
    expect(isOurs({ id: 1, body: 'no marker', user: { login: 'ci-user', type: 'User' } }, marker, { login: 'ci-user' })).toBe(false);
  });

  it('explains permissions outside forks, and says nothing when all went well', () => {
    const denied = Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    expect(degradationWarning([{ what: 'creating the check run "X"', error: denied }], { fromFork: false })).toContain('give the job `permissions: checks: write`');
    expect(degradationWarning([], { fromFork: true })).toBeUndefined();
    // Dependabot's runs get a read-only token whatever `permissions:` says: asking for permissions would mislead.
    const context = githubContext({ ...ENV, GITHUB_ACTOR: 'dependabot[bot]' }, { pull_request: { number: 3, head: { sha: 'h'.repeat(40), repo: { full_name: 'octo/app' } } } });
    const dependabot = degradationWarning([{ what: 'creating the check run "X"', error: denied }], context);
    expect(dependabot).toContain('This run was triggered by Dependabot, and GitHub gives such runs a read-only token.');
    expect(dependabot).not.toContain('give the job');
    const flaky = Object.assign(new Error('Bad Gateway'), { status: 502 });
    expect(degradationWarning([{ what: 'commenting', error: flaky }], { fromFork: false })).toBe(
      "readiness-gate could not publish to GitHub: commenting (502 Bad Gateway). The audit is reported in the job summary, the outputs and this step's result.",
    );
  });
});

describe('parseReport', () => {
  it('reads a report the Action wrote', () => {
    const report = reportOf(locatedFailures(2));
    expect(parseReport(renderJson(report), 'r.json')).toEqual(report);
  });

  it.each([
    ['not json', 'r.json is not JSON'],
    [JSON.stringify({ schemaVersion: 2 }), 'schemaVersion 2 is not 1'],
    [JSON.stringify({ ...reportOf([]), findings: [{ checkId: 'a', message: 'm', remediation: 'r', status: 'broken', severity: 'P0' }] }), 'findings[0].status is not one of pass, fail, skip, error'],
  ])('rejects %s', (text, message) => {
    expect(() => parseReport(text, 'r.json')).toThrow(message);
  });

  // A report from a fork's artifact is whatever the fork uploaded: anything a renderer reads must be checked
  // (a crash is an "internal error"), and what it puts into markdown unescaped must not carry markup.
  const failure = () => finding({ checkId: 'fixture.rule', severity: 'P0', location: { path: 'a.ts', line: 2 } });
  // Any shape may be written into the parsed JSON here: that is the point.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = any;
  const mutated = (change: (r: Loose) => unknown): string => {
    const report = JSON.parse(renderJson(reportOf([failure()]))) as Loose;
    change(report);
    return JSON.stringify(report);
  };
  it.each([
    ['no tool', mutated((r) => delete r['tool']), 'tool must be an object'],
    ['a category that is null', mutated((r) => (r['categories'] = [null])), 'categories[0] must be an object'],
    ['a reason that is a number', mutated((r) => (r['reasons'] = [5])), 'reasons[0] must be a string'],
    ['an expired waiver that is null', mutated((r) => (r['expiredWaivers'] = [null])), 'expiredWaivers[0] must be an object'],
    ['evidence that is a number', mutated((r) => (r['findings'][0].evidence = 42)), 'findings[0].evidence must be a string'],
    ['a URL that is a number', mutated((r) => (r['findings'][0].url = 5)), 'findings[0].url must be a string'],
    ['a waiver without a reason', mutated((r) => (r['findings'][0].waived = {})), 'findings[0].waived.reason must be a string'],
    ['an end line that is not a number', mutated((r) => (r['findings'][0].location.endLine = 'abc')), 'findings[0].location.endLine must be a positive integer'],
    ['line 0', mutated((r) => (r['findings'][0].location.line = 0)), 'findings[0].location.line must be a positive integer'],
    ['a duration that is not a number', mutated((r) => (r['durationMs'] = 'x')), 'durationMs must be a number'],
    ['a check id that breaks out of its code span', mutated((r) => (r['findings'][0].checkId = 'a.b`\n\n@octo/team ![x](https://x.invalid/p.png)')), 'findings[0].checkId is not a check id'],
    ['a path over two lines', mutated((r) => (r['findings'][0].location.path = 'a.ts\n\n# Approved')), 'findings[0].location.path must be one line'],
    ['a category id with markup', mutated((r) => (r['categories'][0].id = '<img src=x>')), 'categories[0].id is not one of'],
    ['a tool version with markup', mutated((r) => (r['tool'].version = '1.0 <img src=x>')), 'tool.version must be'],
    ['a waiver date with a mention', mutated((r) => (r['findings'][0].waived = { reason: 'ok', expires: '@octo/team' })), 'findings[0].waived.expires must be a date (YYYY-MM-DD)'],
    ['an expired waiver breaking out of its code span', mutated((r) => (r['expiredWaivers'] = [{ check: 'a`b', reason: 'why', expires: '2020-01-01' }])), 'expiredWaivers[0].check must be'],
  ])('rejects a report with %s, naming the field', (_name, text, message) => {
    expect(() => parseReport(text, 'r.json')).toThrow(`r.json is not a readiness-gate JSON report: ${message}`);
  });

  it('refuses a report file larger than any audit writes, without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rg-huge-'));
    const file = join(dir, 'readiness-report.json');
    // Sparse: no disk space used, and nothing of it is read.
    writeFileSync(file, '');
    truncateSync(file, MAX_REPORT_BYTES + 1);
    try {
      await expect(readReportFile(file)).rejects.toThrow(`${file} is larger than a report can be (more than ${MAX_REPORT_BYTES / 1024 / 1024} MiB)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts fields it does not know (the contract lets reports grow)', () => {
    expect(() => parseReport(mutated((r) => (r['extra'] = { any: 'thing' })), 'r.json')).not.toThrow();
  });
});

describe('previousRunOf (gate: new, live failures the previous run already had)', () => {
  const live = (checkId: string) => finding({ checkId, url: 'http://127.0.0.1:8080/' });
  const repoFinding = finding({ checkId: 'fixture.repo', location: { path: 'a.ts', line: 1 } });
  const report = (mode: 'all' | 'new') => ({ ...reportOf([live('headers.csp'), live('headers.frame-options'), repoFinding]), gate: { mode, existing: 0 } });
  // The previous run had the frame-options failure and the repository one, not the CSP one.
  const previous = stateOf(reportOf([live('headers.frame-options'), repoFinding]), 'c'.repeat(40));
  const fingerprintOf = (checkId: string) => report('new').findings.find((f) => f.checkId === checkId)!.fingerprint;

  it('picks the live failures in the previous state, not the repository ones (the merge base decides those)', () => {
    expect(previous.fp).toContain(fingerprintOf('fixture.repo'));
    expect(previousRunOf(report('new'), previous)).toEqual({ fingerprints: new Set([fingerprintOf('headers.frame-options')]), sha: 'c'.repeat(40) });
  });

  it('is nothing under gate: all, without a previous state, or with one written before fingerprints', () => {
    expect(previousRunOf(report('all'), previous)).toBeUndefined();
    expect(previousRunOf(report('new'), undefined)).toBeUndefined();
    const { fp: _fp, ...old } = previous;
    expect(previousRunOf(report('new'), old)).toBeUndefined();
  });
});

describe('renderedHeight', () => {
  it('counts a folded section as its summary line, nested folds included', () => {
    const folded = ['<details><summary>P1 — 3 findings</summary>', '', '- a', '  <details><summary>Evidence</summary>', '', '  x', '', '  </details>', '- b', '- c', '', '</details>'];
    expect(renderedHeight(['# T', '', ...folded, '', 'after'].join('\n'))).toBe(renderedHeight(['# T', '', 'P1 — 3 findings', '', 'after'].join('\n')));
  });
});

describe('checkRunSummary (reading budget)', () => {
  const context = { fullReportAt: 'the job summary' };

  it('shows a short report whole: P1s open, no note', () => {
    const summary = checkRunSummary(reportOf(locatedFailures(6)), context);
    expect(summary.trimmed).toBeUndefined();
    expect(summary.text).toContain('### 🟠 P1');
    expect(summary.text).not.toContain('Shortened');
  });

  it('lists the P1 checks with their first place when the P0s leave no room for their details, and says so', () => {
    const listed = checkRunSummary(reportOf(locatedFailures(120)), context);
    expect(renderedHeight(listed.text)).toBeLessThanOrEqual(CHECK_SUMMARY_BUDGET_LINES);
    expect(listed.text).toMatch(/\*\*🟠 P1 — fix before release: 40 findings in 7 checks:\*\* .*`src\/file-1.ts:2-4`/);
    expect(listed.text).not.toMatch(/<details><summary>🟠 P1/);
    expect(listed.trimmed).toMatch(/P2 and P1 details/);
  });

  it('folds the P1s whole when there are too many P1 checks for one paragraph (nothing left out, no note), then drops detail and says so', () => {
    const few = Array.from({ length: 3 }, (_, i) => finding({ checkId: `fixture.p0-${i}`, severity: 'P0', location: { path: `src/p0-${i}.ts`, line: 1 } }));
    const p1s = Array.from({ length: 150 }, (_, i) => finding({ checkId: `fixture.p1-check-${i}`, severity: 'P1', location: { path: `src/a/rather/deep/folder/p1-${i}.ts`, line: 2 + i } }));
    const folded = checkRunSummary(reportOf([...few, ...p1s]), context);
    expect(renderedHeight(folded.text)).toBeLessThanOrEqual(CHECK_SUMMARY_BUDGET_LINES);
    expect(folded.text).toMatch(/<details><summary>🟠 P1 — fix before release: 150 findings in 150 checks<\/summary>/);
    expect(folded.trimmed).toBeUndefined();
    expect(folded.text).toContain('`src/a/rather/deep/folder/p1-1.ts:3` — Message of fixture.p1-check-1'); // a P1's place, in the fold
    // 40 P0 checks and 80 P1 checks: too many to show each one's places.
    const many = Array.from({ length: 120 }, (_, i) => finding({ checkId: `fixture.check-${i}`, severity: i < 40 ? 'P0' : 'P1', location: { path: `src/f${i}.ts`, line: 1 } }));
    const big = checkRunSummary(reportOf(many), context);
    expect(renderedHeight(big.text)).toBeLessThanOrEqual(CHECK_SUMMARY_BUDGET_LINES);
    expect(Buffer.byteLength(big.text)).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT);
    expect(big.trimmed).toBeDefined();
    expect(big.text).toContain('> Shortened to stay readable: left out');
    expect(big.text).toContain('The full report is in the job summary.');
  });
});
