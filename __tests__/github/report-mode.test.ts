// Report mode (the second half of the fork-safe two-workflow pattern): the
// Action publishes a JSON report an earlier run wrote. Also where the sizes are
// tested: 120 annotations in batches of 50, and a report far over 65,535
// characters trimmed for the check run and the comment but not the job summary.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_SUMMARY_BUDGET_LINES, CHECK_SUMMARY_LIMIT, COMMENT_BODY_LIMIT, commentMarker, decodeState, COMMENT_BUDGET_LINES, renderedHeight } from '../../src/github/bodies.js';
import { bundleAction, pullRequestEvent, runAction, type ActionRun } from './action.js';
import { finding, locatedFailures, passing, reportOf, writeReport } from './reports.js';
import { GitHubStandIn } from './stand-in.js';

const HEAD = 'd'.repeat(40);
const UPDATE_RUN = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';

let bundle: ReturnType<typeof bundleAction>;
// Independent scenarios (one stand-in each), run at once; each describe checks its own results.
const scenarios: Array<() => Promise<void>> = [];

beforeAll(async () => {
  bundle = bundleAction();
  await Promise.all(scenarios.map((setup) => setup()));
});
afterAll(() => bundle.cleanup());

/** A `workflow_run` event for a fork's pull request: GitHub lists no pull request in it. */
function workflowRunEvent(): object {
  return {
    action: 'completed',
    workflow_run: { event: 'pull_request', head_sha: HEAD, head_branch: 'patch-1', head_repository: { owner: { login: 'forker' } }, pull_requests: [] },
    repository: { full_name: 'octo/app' },
  };
}

describe('120 located failures from a fork, published by a workflow_run workflow', () => {
  let api: GitHubStandIn;
  let run: ActionRun;
  let report: ReturnType<typeof writeReport>;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(20, 'e'.repeat(40), 'forker:patch-1'); // an older head of the same branch: not this run
    api.addPullRequest(21, HEAD, 'forker:patch-1');
    report = writeReport(reportOf(locatedFailures(120)));
    run = await runAction({
      bundle: bundle.dir,
      apiUrl: api.url,
      workspace: report.dir,
      eventName: 'workflow_run',
      event: workflowRunEvent(),
      sha: '0'.repeat(40), // the default branch: never the commit to report on
      inputs: { 'github-token': 'ghs_write', mode: 'report', report: 'readiness-report.json', repo: 'services/api' },
    });
  });

  afterAll(async () => {
    await api.close();
    rmSync(report.dir, { recursive: true, force: true });
  });

  it('sends the annotations 50 + 50 + 20, completing the run with the last batch', () => {
    expect(api.invalid).toEqual([]);
    const updates = api.to(UPDATE_RUN);
    expect(updates.map((u) => (u.body as { output: { annotations?: unknown[] } }).output.annotations?.length ?? 0)).toEqual([50, 50, 20]);
    expect(updates.map((u) => (u.body as { status?: string }).status)).toEqual([undefined, undefined, 'completed']);
    expect(api.checkRuns).toHaveLength(1);
    expect(api.checkRuns[0]).toMatchObject({ head_sha: HEAD, status: 'completed', conclusion: 'failure' });
    expect(api.checkRuns[0]!.annotations).toHaveLength(120);
  });

  it('maps severities to annotation levels and prefixes the audited directory', () => {
    const [first, second, third, fourth] = api.checkRuns[0]!.annotations;
    expect(first).toEqual({
      path: 'services/api/src/file-0.ts',
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure',
      title: 'P0 fixture.rule-0: Title of fixture.rule-0',
      message: 'Message of fixture.rule-0\n\nFix: Fix fixture.rule-0',
    });
    // Findings are grouped P0, P1, P2: the second P0 is finding 3.
    expect(second).toMatchObject({ path: 'services/api/src/file-3.ts', start_line: 4, end_line: 6, annotation_level: 'failure' });
    expect([third, fourth].every((a) => a!['annotation_level'] === 'failure')).toBe(true);
    const levels = api.checkRuns[0]!.annotations.map((a) => a['annotation_level']);
    expect(levels.filter((l) => l === 'failure')).toHaveLength(40);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(40);
    expect(levels.filter((l) => l === 'notice')).toHaveLength(40);
  });

  it('finds the fork\'s pull request by branch and head SHA, and comments there', () => {
    expect(api.to('GET /repos/{owner}/{repo}/pulls')[0]!.query.get('head')).toBe('forker:patch-1');
    expect(api.issue(20)!.comments).toEqual([]);
    expect(api.issue(21)!.comments).toHaveLength(1);
    expect(api.issue(21)!.comments[0]!.body).toContain(commentMarker('Production Readiness'));
  });

  it('sets the outputs from the report and fails the step on NO-GO', () => {
    expect(run.outputs['decision']).toBe('NO-GO');
    expect(run.outputs['p0-failures']).toBe('40');
    expect(run.outputs['report-json']).toBe(report.file);
    expect(run.outputs['sarif']).toBe(join(report.dir, '.readiness', 'readiness.sarif'));
    expect(run.code).toBe(1);
    expect(run.warnings).toEqual([]);
  });

  it('writes SARIF with paths from the repository root, as code scanning resolves them', () => {
    const sarif = JSON.parse(readFileSync(run.outputs['sarif']!, 'utf8')) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const uris = sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toHaveLength(120);
    expect(uris.every((u) => u.startsWith('services/api/src/file-'))).toBe(true);
  });
});

describe('a fork\'s report when the token may not list pull requests', () => {
  let api: GitHubStandIn;
  let run: ActionRun;
  let report: ReturnType<typeof writeReport>;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(22, HEAD, 'forker:patch-1');
    api.faults = [{ operation: 'GET /repos/{owner}/{repo}/pulls', status: 403, message: 'Resource not accessible by integration' }];
    report = writeReport(reportOf(locatedFailures(3)));
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, workspace: report.dir, eventName: 'workflow_run', event: workflowRunEvent(), inputs: { 'github-token': 'ghs_write', mode: 'report', report: report.file } });
  });

  afterAll(async () => {
    await api.close();
    rmSync(report.dir, { recursive: true, force: true });
  });

  it('says why there is no comment instead of skipping it silently', () => {
    expect(api.invalid).toEqual([]);
    expect(api.checkRuns[0]).toMatchObject({ head_sha: HEAD, status: 'completed', conclusion: 'failure' });
    expect(api.issue(22)!.comments).toEqual([]);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain('finding the pull request of forker:patch-1 (403 Resource not accessible by integration)');
    expect(run.summary).toContain('Not published to GitHub: finding the pull request of forker:patch-1: 403');
  });
});

describe('a fork\'s report whose pull request has moved on to another commit', () => {
  let api: GitHubStandIn;
  let run: ActionRun;
  let report: ReturnType<typeof writeReport>;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(23, 'e'.repeat(40), 'forker:patch-1');
    report = writeReport(reportOf(locatedFailures(3)));
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, workspace: report.dir, eventName: 'workflow_run', event: workflowRunEvent(), inputs: { 'github-token': 'ghs_write', mode: 'report', report: report.file } });
  });

  afterAll(async () => {
    await api.close();
    rmSync(report.dir, { recursive: true, force: true });
  });

  it('annotates the audited commit and says in the log why it did not comment', () => {
    expect(api.invalid).toEqual([]);
    expect(api.checkRuns[0]).toMatchObject({ head_sha: HEAD, status: 'completed' });
    expect(api.issue(23)!.comments).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.stdout).toContain(`No open pull request from forker:patch-1 has ${HEAD.slice(0, 7)} as its head (closed, or pushed to since): no comment.`);
  });
});

describe('a repository checked out into a subdirectory of the workspace (actions/checkout `path:`)', () => {
  let api: GitHubStandIn;
  let run: ActionRun;
  let report: ReturnType<typeof writeReport>;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    report = writeReport(reportOf(locatedFailures(2)));
    // The workspace holds the checkout in app/ (its own .git), so app/ is the repository root GitHub knows.
    mkdirSync(join(report.dir, 'app', '.git'), { recursive: true });
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, workspace: report.dir, eventName: 'push', event: {}, sha: HEAD, inputs: { 'github-token': 'ghs_write', mode: 'report', report: report.file, repo: 'app' } });
  });

  afterAll(async () => {
    await api.close();
    rmSync(report.dir, { recursive: true, force: true });
  });

  it('annotates paths from that repository root, not from the workspace', () => {
    expect(api.invalid).toEqual([]);
    expect(api.checkRuns[0]!.annotations.map((a) => a['path'])).toEqual(['src/file-0.ts', 'src/file-1.ts']);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif']!, 'utf8')) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expect(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['src/file-0.ts', 'src/file-1.ts']);
  });
});

describe('a report far over 65,535 characters', () => {
  let api: GitHubStandIn;
  let run: ActionRun;
  let report: ReturnType<typeof writeReport>;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(30, HEAD);
    // Live findings (no location, so no annotations) with 1 KiB of evidence each, and 300 passing checks.
    const failures = Array.from({ length: 200 }, (_, i) =>
      finding({ checkId: `fixture.live-${i}`, severity: i % 2 ? 'P1' : 'P2', url: `https://app.example.invalid/page/${i}`, evidence: `HTTP/1.1 200 OK\n${'x-padding: y\n'.repeat(80)}` }),
    );
    report = writeReport(reportOf([...failures, ...passing(300)]));
    run = await runAction({
      bundle: bundle.dir,
      apiUrl: api.url,
      workspace: report.dir,
      eventName: 'pull_request',
      event: pullRequestEvent(30, HEAD),
      inputs: { 'github-token': 'ghs_write', mode: 'report', report: report.file },
    });
  });

  afterAll(async () => {
    await api.close();
    rmSync(report.dir, { recursive: true, force: true });
  });

  it('shortens the check-run summary to its reading budget, listing the P1s by check and place while they fit, and says so', () => {
    expect(api.invalid).toEqual([]);
    const summary = api.checkRuns[0]!.output!.summary!;
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT);
    expect(renderedHeight(summary)).toBeLessThanOrEqual(CHECK_SUMMARY_BUDGET_LINES);
    // Open, not folded: each P1 check with its place (issue 23: the check run lists P1s while its budget has room).
    expect(summary).toMatch(/\*\*🟠 P1 — fix before release: 100 findings in 100 checks:\*\* .*\(`https:\/\/app.example.invalid\/page\/1`\)/);
    expect(summary).toMatch(/> Shortened to stay readable: left out passing checks, evidence, P2 and P1 details/);
    expect(summary).toContain('the job summary of [this workflow run](https://github.example.invalid/octo/app/actions/runs/4242)');
    expect(summary).not.toContain('<summary>Passing');
    // Every failing P1 is still listed (its fix is in the job summary).
    for (let i = 1; i < 200; i += 2) expect(summary).toContain(`\`fixture.live-${i}\``);
    expect(api.checkRuns[0]!.annotations).toEqual([]);
  });

  it('keeps the comment within its reading budget (P1s as check ids), with its marker and embedded state', () => {
    const body = api.issue(30)!.comments[0]!.body;
    expect(body.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT);
    expect(body.startsWith(commentMarker('Production Readiness'))).toBe(true);
    // The comment keeps to its reading budget long before GitHub's limit: every P1 check by id, P2s folded.
    expect(renderedHeight(body)).toBeLessThanOrEqual(COMMENT_BUDGET_LINES);
    expect(body).toContain('`fixture.live-199`');
    expect(decodeState(body)?.failing).toHaveLength(200);
  });

  it('keeps the full report in the job summary', () => {
    expect(run.summary.length).toBeGreaterThan(CHECK_SUMMARY_LIMIT);
    expect(run.summary).toMatch(/<summary>Passing: \d+ checks?<\/summary>/);
    expect(run.summary).not.toContain('Trimmed');
  });
});

describe('a report under 65,535 characters but over 65,535 bytes (GitHub counts the summary in bytes)', () => {
  let api: GitHubStandIn;
  let run: ActionRun;
  let report: ReturnType<typeof writeReport>;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    // Messages in Japanese (3 bytes a character in UTF-8): about 40,000 characters, 110,000 bytes.
    const failures = Array.from({ length: 150 }, (_, i) =>
      finding({ checkId: `fixture.live-${i}`, severity: 'P1', url: `https://app.example.invalid/page/${i}`, message: `応答ヘッダーがありません ${i} `.repeat(12) }),
    );
    report = writeReport(reportOf(failures));
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, workspace: report.dir, eventName: 'push', event: {}, sha: HEAD, inputs: { 'github-token': 'ghs_write', mode: 'report', report: report.file } });
  });

  afterAll(async () => {
    await api.close();
    rmSync(report.dir, { recursive: true, force: true });
  });

  it('trims the summary to 65,535 bytes, so the check run is completed instead of left in progress', () => {
    expect(api.invalid).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(api.checkRuns).toHaveLength(1);
    // P1 failures only: GO.
    expect(api.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    const summary = api.checkRuns[0]!.output!.summary!;
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT);
    expect(renderedHeight(summary)).toBeLessThanOrEqual(CHECK_SUMMARY_BUDGET_LINES);
    expect(summary).toContain('> Shortened to stay readable: left out');
    // Every P1 check is still named.
    for (let i = 0; i < 150; i++) expect(summary).toContain(`\`fixture.live-${i}\``);
  });
});

describe('report mode with a file that is not a report', () => {
  let api: GitHubStandIn;
  let run: ActionRun;
  let report: ReturnType<typeof writeReport>;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    report = writeReport(reportOf([]));
    writeFileSync(report.file, JSON.stringify({ schemaVersion: 1, decision: 'MAYBE' }));
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, workspace: report.dir, eventName: 'push', event: {}, inputs: { 'github-token': 'ghs_write', mode: 'report', report: report.file } });
  });

  afterAll(async () => {
    await api.close();
    rmSync(report.dir, { recursive: true, force: true });
  });

  it('fails the step with a clear message and publishes nothing', () => {
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([`::error::readiness-gate: ${report.file} is not a readiness-gate JSON report: decision must be GO or NO-GO`]);
    expect(api.requests).toEqual([]);
  });
});
