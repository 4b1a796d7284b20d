// The Action on pull requests, end to end: the real bundle as a child process,
// a real stand-in GitHub API on loopback validating every request against
// GitHub's OpenAPI description, a real temp repository and real target servers.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { commentMarker } from '../../src/github/bodies.js';
import { annotationsFor } from '../../src/github/check-run.js';
import { failing } from '../../src/report/report.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { bundleAction, startSilentTarget, pullRequestEvent, runAction, type ActionRun } from './action.js';
import { ACTIONS_BOT, GitHubStandIn, SOMEONE, tick } from './stand-in.js';

const HEAD = 'a'.repeat(40);
const MERGE = 'b'.repeat(40);
const CHECK_RUNS = 'POST /repos/{owner}/{repo}/check-runs';
const UPDATE_RUN = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';
const CREATE_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const UPDATE_COMMENT = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';

let bundle: ReturnType<typeof bundleAction>;
let silent: Awaited<ReturnType<typeof startSilentTarget>>;
let app: TestServer;

// The scenarios are independent (one stand-in each) and mostly wait on GitHub's one-second
// spacing of writes, so they all run at once here; each describe then checks its own results.
const scenarios: Array<() => Promise<void>> = [];

beforeAll(async () => {
  bundle = bundleAction();
  // A target that does not answer: a P0 failure, so the audit is NO-GO.
  silent = await startSilentTarget();
  app = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  await Promise.all(scenarios.map((setup) => setup()));
});

afterAll(async () => {
  bundle.cleanup();
  await app.close();
  await silent.close();
});

/** Failing findings with a location, as the run's own JSON report lists them: what must become annotations. */
function locatedFailures(run: ActionRun): number {
  const report = run.report!;
  return (['P0', 'P1', 'P2'] as const).flatMap((s) => failing(report, s)).filter((f) => f.location).length;
}

describe('a NO-GO pull request, audited twice', () => {
  let api: GitHubStandIn;
  let repo: TempRepo;
  let first: ActionRun;
  let second: ActionRun;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(7, HEAD);
    // A repository with the usual production mistakes, so other checks have located findings to annotate.
    repo = makeRepo({
      // The Action writes its reports into the workspace; the second audit must not audit them (see the report).
      '.gitignore': '.readiness/\n',
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0', scripts: { start: 'node server.js' } }),
      'server.js': "const app = require('express')();\napp.listen(3000);\n",
      Dockerfile: 'FROM node:latest\nCOPY . .\nRUN npm install\nCMD npm start\n',
      '.env': 'DATABASE_URL=postgres://admin:hunter2@db.internal:5432/app\nSECRET_KEY=abcdef0123456789abcdef0123456789\n', // readiness-gate:allow-secret (test data)
    });
    const inputs = { 'github-token': 'ghs_standin', url: silent.url, repo: '.', 'check-name': 'Production Readiness' };
    const options = { bundle: bundle.dir, apiUrl: api.url, workspace: repo.root, eventName: 'pull_request', event: pullRequestEvent(7, HEAD), sha: MERGE, ref: 'refs/pull/7/merge', inputs };
    first = await runAction(options);
    second = await runAction(options);
  });

  afterAll(async () => {
    await api.close();
    repo.cleanup();
  });

  it('sends only requests GitHub would accept', () => {
    expect(api.invalid).toEqual([]);
  });

  it('decides NO-GO: outputs, step failed, job summary written', () => {
    for (const run of [first, second]) {
      expect(run.outputs['decision']).toBe('NO-GO');
      expect(run.code).toBe(1);
      expect(run.outputs['p0-failures']).toBe(String(failing(run.report!, 'P0').length));
      expect(run.outputs['report-json']).toBe(`${repo.root}/.readiness/readiness-report.json`);
      expect(run.outputs['sarif']).toBe(`${repo.root}/.readiness/readiness.sarif`);
      expect(run.summary).toContain(`## 🔴 NO-GO · ${run.report!.score}/100`);
      expect(run.summary).not.toContain('Not published');
      expect(run.warnings).toEqual([]);
    }
  });

  it('creates exactly one check run per audit, in progress first, on the head SHA (not the merge commit)', () => {
    const creates = api.to(CHECK_RUNS);
    expect(creates).toHaveLength(2);
    for (const create of creates) {
      expect(create.body).toMatchObject({ name: 'Production Readiness', head_sha: HEAD, status: 'in_progress', details_url: 'https://github.example.invalid/octo/app/actions/runs/4242' });
    }
    expect(api.checkRuns.map((r) => [r.head_sha, r.status, r.conclusion])).toEqual([
      [HEAD, 'completed', 'failure'],
      [HEAD, 'completed', 'failure'],
    ]);
  });

  it('completes the run with the headline as title, the report as summary and every located failure as an annotation', () => {
    const run = api.checkRuns[0]!;
    const report = first.report!;
    expect(run.output?.title).toMatch(/^NO-GO · \d+\/100( \(capped; \d+ without P0s\))? · \d+ P0 failing( · only \d+ of \d+ checks applied)?$/);
    expect(run.output?.summary).toContain(run.output!.title!);
    expect(run.annotations).toHaveLength(locatedFailures(first));
    expect(run.annotations).toEqual(annotationsFor(report));
    // Each audit's updates touch its own run only.
    const second = api.checkRuns[1]!;
    expect(api.to(UPDATE_RUN).filter((r) => r.params['check_run_id'] === String(second.id)).at(-1)?.body).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('keeps one comment across the two runs: created by the first, updated in place by the second', () => {
    expect(api.to(CREATE_COMMENT)).toHaveLength(1);
    expect(api.to(UPDATE_COMMENT)).toHaveLength(1);
    const comments = api.issue(7)!.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user).toEqual(ACTIONS_BOT);
    expect(comments[0]!.body.startsWith(commentMarker('Production Readiness'))).toBe(true);
    expect(comments[0]!.body).toContain(`NO-GO · ${second.report!.score}/100`);
    // The second run read the first one's embedded state: same findings, so nothing changed.
    expect(comments[0]!.body).toContain(`**Since the previous run (\`${HEAD.slice(0, 7)}\`):** no change (NO-GO, ${second.report!.score}/100).`);
  });
});

describe('a GO pull request', () => {
  let api: GitHubStandIn;
  let run: ActionRun;
  let ownApp: TestServer;
  /** Arrival order of this audit's requests to the app, on the stand-in's clock. */
  const appSeq: number[] = [];

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(8, HEAD);
    ownApp = await startServer((_req, res) => {
      appSeq.push(tick());
      res.end('ok');
    });
    run = await runAction({
      bundle: bundle.dir,
      apiUrl: api.url,
      eventName: 'pull_request',
      event: pullRequestEvent(8, HEAD),
      sha: MERGE,
      inputs: { 'github-token': 'ghs_standin', url: ownApp.url, only: 'http.reachable', 'check-name': 'Readiness (api)', comment: 'on-failure' },
    });
  });

  afterAll(async () => {
    await api.close();
    await ownApp.close();
  });

  it('succeeds with a success check run and no comment (comment: on-failure)', () => {
    expect(api.invalid).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ decision: 'GO', score: '100', 'p0-failures': '0' });
    expect(api.checkRuns).toHaveLength(1);
    expect(api.checkRuns[0]).toMatchObject({ name: 'Readiness (api)', head_sha: HEAD, status: 'completed', conclusion: 'success', annotations: [] });
    expect(api.checkRuns[0]!.output?.title).toBe('GO · 100/100 · no P0/P1 failing');
    expect(api.to(CREATE_COMMENT)).toEqual([]);
    expect(api.issue(8)!.comments).toEqual([]);
  });

  it('opens the check run before the audit sends its first request and completes it after the last', () => {
    const created = api.to(CHECK_RUNS)[0]!;
    const completion = api.to(UPDATE_RUN).at(-1)!;
    expect(completion.body).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(appSeq.length).toBeGreaterThan(0);
    expect(created.seq).toBeLessThan(Math.min(...appSeq));
    expect(completion.seq).toBeGreaterThan(Math.max(...appSeq));
  });
});

describe('a sticky comment on the second page of a busy pull request', () => {
  let api: GitHubStandIn;
  let run: ActionRun;
  const marker = commentMarker('Production Readiness');

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(9, HEAD);
    // Someone quoted the marker on page 1: a person's comment is never taken over.
    api.addComment(9, `I copied this: ${marker}`, SOMEONE);
    for (let i = 0; i < 119; i++) api.addComment(9, `review comment ${i}`, SOMEONE);
    api.addComment(9, `${marker}\nold report`, ACTIONS_BOT);
    for (let i = 0; i < 30; i++) api.addComment(9, `later comment ${i}`, SOMEONE);
    run = await runAction({
      bundle: bundle.dir,
      apiUrl: api.url,
      eventName: 'pull_request',
      event: pullRequestEvent(9, HEAD),
      inputs: { 'github-token': 'ghs_standin', url: silent.url, only: 'http.reachable' },
    });
  });

  afterAll(() => api.close());

  it('finds it on page 2 and updates it instead of adding one', () => {
    expect(api.invalid).toEqual([]);
    expect(run.outputs['decision']).toBe('NO-GO');
    const lists = api.to('GET /repos/{owner}/{repo}/issues/{issue_number}/comments');
    expect(lists.map((r) => r.query.get('page') ?? '1')).toEqual(['1', '2']);
    expect(api.to(CREATE_COMMENT)).toEqual([]);
    const comments = api.issue(9)!.comments;
    expect(comments).toHaveLength(151);
    expect(comments[0]!.body).toBe(`I copied this: ${marker}`);
    expect(comments[120]!.body).toContain('NO-GO · ');
    expect(api.to(UPDATE_COMMENT).map((r) => r.params['comment_id'])).toEqual([String(comments[120]!.id)]);
  });
});

describe('two runs of the same pull request at the same time', () => {
  let api: GitHubStandIn;
  let runs: ActionRun[];

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(10, HEAD);
    const options = {
      bundle: bundle.dir,
      apiUrl: api.url,
      eventName: 'pull_request',
      event: pullRequestEvent(10, HEAD),
      inputs: { 'github-token': 'ghs_standin', url: silent.url, only: 'http.reachable' },
    };
    runs = await Promise.all([runAction(options), runAction(options)]);
  });

  afterAll(() => api.close());

  it('end with one comment, however their requests interleave', () => {
    expect(api.invalid).toEqual([]);
    expect(runs.map((r) => r.outputs['decision'])).toEqual(['NO-GO', 'NO-GO']);
    expect(api.issue(10)!.comments).toHaveLength(1);
    // Either the second saw the first's comment, or both created one and the newer folded itself into the older.
    const creates = api.to(CREATE_COMMENT).length;
    expect(api.to('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(creates - 1);
    expect(api.checkRuns).toHaveLength(2);
  });
});

describe('a personal access token', () => {
  let api: GitHubStandIn;
  const marker = commentMarker('Production Readiness');

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(11, HEAD);
    // The same marker left by the workflow's GITHUB_TOKEN earlier: another author, so not this token's comment.
    api.addComment(11, `${marker}\nfrom github-actions`, ACTIONS_BOT);
    const options = {
      bundle: bundle.dir,
      apiUrl: api.url,
      eventName: 'pull_request',
      event: pullRequestEvent(11, HEAD),
      inputs: { 'github-token': 'ghp_personal', url: silent.url, only: 'http.reachable' },
    };
    await runAction(options);
    await runAction(options);
  });

  afterAll(() => api.close());

  it("keeps its own comment, found by the token user's login, apart from other authors' markers", () => {
    expect(api.invalid).toEqual([]);
    expect(api.to('GET /user')).toHaveLength(2);
    const comments = api.issue(11)!.comments;
    expect(comments.map((c) => [c.user.login, c.body.startsWith(marker)])).toEqual([
      ['github-actions[bot]', true],
      ['someone', true],
    ]);
    expect(comments[0]!.body).toBe(`${marker}\nfrom github-actions`);
    expect(api.to(CREATE_COMMENT)).toHaveLength(1);
    expect(api.to(UPDATE_COMMENT).map((r) => r.params['comment_id'])).toEqual([String(comments[1]!.id)]);
  });
});

describe('comment: on-failure when a NO-GO pull request turns GO', () => {
  let api: GitHubStandIn;
  const marker = commentMarker('Production Readiness');

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(15, HEAD);
    api.addComment(15, `${marker}\n## 🔴 NO-GO · 40/100 · 1 P0 failing\n`, ACTIONS_BOT);
    await runAction({
      bundle: bundle.dir,
      apiUrl: api.url,
      eventName: 'pull_request',
      event: pullRequestEvent(15, HEAD),
      inputs: { 'github-token': 'ghs_standin', url: app.url, only: 'http.reachable', comment: 'on-failure' },
    });
  });

  afterAll(() => api.close());

  it('updates the existing comment so it shows the fix, without opening another', () => {
    expect(api.invalid).toEqual([]);
    expect(api.to(CREATE_COMMENT)).toEqual([]);
    const comments = api.issue(15)!.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('## 🟢 GO · 100/100');
  });
});
