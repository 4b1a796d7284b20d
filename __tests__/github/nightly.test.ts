// Scheduled audits with `issue: true`: the tracking issue is opened on NO-GO,
// commented once per change (not once per night) while it stays NO-GO, and
// closed with a final comment when the audit turns GO.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { decodeState, issueMarker } from '../../src/github/bodies.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { bundleAction, startSilentTarget, runAction, type ActionRun } from './action.js';
import { finding, reportOf, writeReport } from './reports.js';
import { GitHubStandIn, SOMEONE } from './stand-in.js';

const SHA = '1'.repeat(40);
const CREATE_ISSUE = 'POST /repos/{owner}/{repo}/issues';
const UPDATE_ISSUE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}';
const CREATE_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

let bundle: ReturnType<typeof bundleAction>;
let api: GitHubStandIn;
let app: TestServer;
let silent: Awaited<ReturnType<typeof startSilentTarget>>;
const runs: ActionRun[] = [];
let changed: ReturnType<typeof writeReport>;

/** Writes (creates, updates, comments) sent by run i. */
const writesOf: Array<string[]> = [];

beforeAll(async () => {
  bundle = bundleAction();
  api = await new GitHubStandIn().start();
  // Issues that are not ours: a pull request and a person's issue quoting the marker.
  api.addPullRequest(1, 'f'.repeat(40));
  api.issues.push({ number: 2, id: 2, title: 'copy', body: issueMarker('Production Readiness', 'main'), state: 'open', user: SOMEONE, comments: [] });
  app = await startServer((_req, res) => res.end('ok'));
  silent = await startSilentTarget();

  const nightly = (inputs: Record<string, string>, eventName = 'schedule') =>
    runAction({ bundle: bundle.dir, apiUrl: api.url, eventName, event: { schedule: '0 3 * * *' }, sha: SHA, ref: 'refs/heads/main', inputs: { 'github-token': 'ghs_nightly', issue: 'true', ...inputs } });
  const noGo = { url: silent.url, only: 'http.reachable' };
  const steps = [
    () => nightly(noGo), // opens
    () => nightly(noGo, 'workflow_dispatch'), // same findings: no comment
    () => {
      // The first run's failure as it was found (same message, so the same fingerprint), plus one more.
      const reachable = runs[0]!.report!.findings.find((f) => f.checkId === 'http.reachable' && f.status === 'fail')!;
      changed = writeReport(reportOf([finding({ ...reachable, fingerprint: undefined }), finding({ checkId: 'fixture.new', severity: 'P1', location: { path: 'a.ts', line: 3 } })]));
      return nightly({ mode: 'report', report: changed.file });
    }, // one more failure: one comment
    () => nightly({ url: app.url, only: 'http.reachable' }), // GO: closes
    () => nightly({ url: app.url, only: 'http.reachable' }), // still GO: nothing
  ];
  for (const step of steps) {
    const before = api.requests.length;
    runs.push(await step());
    writesOf.push(api.requests.slice(before).filter((r) => r.method !== 'GET').map((r) => r.operation.replace('/repos/{owner}/{repo}', '')));
  }
});

afterAll(async () => {
  bundle.cleanup();
  await api.close();
  await app.close();
  await silent.close();
  rmSync(changed.dir, { recursive: true, force: true });
});

const ours = () => api.issues.find((i) => i.user.type === 'Bot')!;

it('sends only requests GitHub would accept', () => {
  expect(api.invalid).toEqual([]);
  expect(runs.map((r) => r.outputs['decision'])).toEqual(['NO-GO', 'NO-GO', 'NO-GO', 'GO', 'GO']);
  expect(runs.every((r) => r.warnings.length === 0)).toBe(true);
});

describe('the tracking issue', () => {
  it('is opened by the first NO-GO, titled by branch, with the report and the hidden marker', () => {
    expect(writesOf[0]).toEqual(['POST /check-runs', 'PATCH /check-runs/{check_run_id}', 'POST /issues']);
    expect(api.to(CREATE_ISSUE)[0]!.body).toMatchObject({ title: 'Production readiness: NO-GO on main' });
    const issue = ours();
    expect(issue.body.startsWith(issueMarker('Production Readiness', 'main'))).toBe(true);
    expect(issue.number).toBe(3);
  });

  it('gets no comment from a run that changed nothing', () => {
    expect(writesOf[1]).toEqual(['POST /check-runs', 'PATCH /check-runs/{check_run_id}']);
  });

  it('gets one comment and an updated body when the findings change', () => {
    expect(writesOf[2]).toEqual(['POST /check-runs', 'PATCH /check-runs/{check_run_id}', 'PATCH /issues/{issue_number}', 'POST /issues/{issue_number}/comments']);
    const comment = ours().comments[0]!.body;
    expect(comment).toMatch(/^\*\*Since the previous run \(`1111111`\):\*\* score unchanged at 0 · 1 new failing · 0 fixed\n/);
    expect(comment).toContain('`fixture.new` · `a.ts:3`');
    expect(comment).toContain('[Workflow run](https://github.example.invalid/octo/app/actions/runs/4242)');
  });

  it('is closed with a final comment when the audit turns GO, and left alone after', () => {
    expect(writesOf[3]).toEqual(['POST /check-runs', 'PATCH /check-runs/{check_run_id}', 'POST /issues/{issue_number}/comments', 'PATCH /issues/{issue_number}']);
    const issue = ours();
    expect(issue.state).toBe('closed');
    expect(issue.state_reason).toBe('completed');
    expect(issue.comments).toHaveLength(2);
    expect(issue.comments[1]!.body).toMatch(/^🟢 The audit is GO again \(100\/100\)/);
    expect(issue.comments[1]!.body).toContain('2 fixed');
    expect(decodeState(issue.body)?.decision).toBe('GO');
    expect(writesOf[4]).toEqual(['POST /check-runs', 'PATCH /check-runs/{check_run_id}']);
  });

  it('never touches issues that are not its own', () => {
    expect(api.issue(2)).toMatchObject({ state: 'open', comments: [] });
    expect(api.to(UPDATE_ISSUE).every((r) => r.params['issue_number'] === '3')).toBe(true);
    expect(api.to(CREATE_COMMENT).every((r) => r.params['issue_number'] === '3')).toBe(true);
  });
});
