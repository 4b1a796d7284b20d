// The capacity ramp in the Action, end to end: the real bundle, a stand-in
// GitHub API on loopback, a real target whose worker pool shrinks between two
// pushes. The first run keeps its capacity in the sticky comment's hidden
// state; the second reads it before auditing and reports the drop as a finding
// (and the base branch's JSON report, given as the `previous` input, wins).

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeState } from '../../src/github/bodies.js';
import { renderJson } from '../../src/report/json.js';
import { workerPool } from '../helpers/pools.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { bundleAction, pullRequestEvent, runAction, type ActionRun } from './action.js';
import { GitHubStandIn } from './stand-in.js';

const HEAD = 'c'.repeat(40);

let workers = 8;

describe('the Action compares capacity with the previous run', () => {
  let bundle: ReturnType<typeof bundleAction>;
  let api: GitHubStandIn;
  let app: TestServer;
  let repo: TempRepo;
  let first: ActionRun;
  let second: ActionRun;
  let fromBase: ActionRun;
  let firstComment = '';
  let secondComment = '';

  beforeAll(async () => {
    bundle = bundleAction();
    api = await new GitHubStandIn().start();
    api.addPullRequest(9, HEAD);
    app = await startServer(workerPool(() => workers, 100));
    repo = makeRepo({
      '.gitignore': '.readiness/\n',
      'package.json': '{"name":"app"}\n',
      '.github/readiness.yml': 'load:\n  p95-ms: 150\n  ramp:\n    enabled: true\n    stages: [4, 8]\n    stage-duration-ms: 1000\n    soak-ms: 0\nhttp:\n  max-requests: 20000\n',
    });
    const inputs = { 'github-token': 'ghs_standin', url: app.url, repo: '.', only: 'load.ramp', 'fail-on': 'p1' };
    const options = { bundle: bundle.dir, apiUrl: api.url, workspace: repo.root, eventName: 'pull_request', event: pullRequestEvent(9, HEAD), sha: HEAD, inputs };
    first = await runAction(options);
    firstComment = api.issue(9)!.comments[0]?.body ?? '';
    // The next push halves the pool.
    workers = 4;
    second = await runAction(options);
    secondComment = api.issue(9)!.comments[0]?.body ?? '';
    // With the base branch's report as `previous`, that report is the one compared with.
    const base = join(repo.root, 'base-report.json');
    writeFileSync(base, renderJson({ ...first.report!, findings: first.report!.findings.map((f) => (f.capacity ? { ...f, capacity: { ...f.capacity, knee: { users: 4, throughput: 40 } } } : f)) }));
    fromBase = await runAction({ ...options, inputs: { ...inputs, previous: 'base-report.json' }, env: { GITHUB_BASE_REF: 'main' } });
  }, 60_000);

  afterAll(async () => {
    bundle.cleanup();
    await api.close();
    await app.close();
    repo.cleanup();
  });

  it('the first run draws the chart in the comment and keeps its capacity in the hidden state', () => {
    expect(first.outputs['decision']).toBe('GO');
    expect(firstComment).toContain('```mermaid\nxychart-beta');
    expect(firstComment).toContain('holds 8 users at p95');
    expect(decodeState(firstComment)?.cap).toEqual([{ url: app.url, users: 8, p95: expect.any(Number) }]);
    expect(first.summary).toContain('```mermaid');
  });

  it('the second run reads it back: a drop of one stage, a P1 finding, NO-GO with fail-on p1', () => {
    const drop = second.report!.findings.find((f) => f.message.startsWith('capacity fell'));
    expect(drop).toMatchObject({ status: 'fail', severity: 'P1', message: `capacity fell from 8 users (previous run (${HEAD.slice(0, 7)})) to 4 users: 1 stage lower.` });
    expect(second.outputs['decision']).toBe('NO-GO');
    expect(secondComment).toContain(`holds 4 users at p95`);
    expect(secondComment).toContain(`(previous run (${HEAD.slice(0, 7)}): 8 users)`);
    expect(api.invalid).toEqual([]);
  });

  it('the base branch\'s report given as previous is compared with instead, named after the base branch', () => {
    expect(fromBase.report!.findings.find((f) => f.message.startsWith('capacity holds'))?.message).toBe('capacity holds at 4 users (main: 4 users).');
  });
});
