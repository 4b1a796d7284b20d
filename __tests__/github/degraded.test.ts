// When GitHub says no: a fork's read-only token (403), a bad gateway (502,
// retried), no token at all. The audit must still be reported (job summary,
// outputs, step result) and the step must not crash.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleAction, startSilentTarget, pullRequestEvent, runAction, type ActionRun } from './action.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { GitHubStandIn, SOMEONE } from './stand-in.js';

const HEAD = 'c'.repeat(40);
const CHECK_RUNS = 'POST /repos/{owner}/{repo}/check-runs';
const CREATE_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const FORBIDDEN = 'Resource not accessible by integration';

let bundle: ReturnType<typeof bundleAction>;
let silent: Awaited<ReturnType<typeof startSilentTarget>>;

// Independent scenarios (one stand-in each), run at once; each describe checks its own results.
const scenarios: Array<() => Promise<void>> = [];

beforeAll(async () => {
  bundle = bundleAction();
  silent = await startSilentTarget();
  await Promise.all(scenarios.map((setup) => setup()));
});

afterAll(async () => {
  bundle.cleanup();
  await silent.close();
});

const noGoInputs = () => ({ 'github-token': 'ghs_readonly', url: silent.url, only: 'http.reachable' });

describe('a pull request from a fork (read-only token)', () => {
  let api: GitHubStandIn;
  let run: ActionRun;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(12, HEAD, 'forker:patch-1');
    api.faults = [
      { operation: CHECK_RUNS, status: 403, message: FORBIDDEN },
      { operation: CREATE_COMMENT, status: 403, message: FORBIDDEN },
    ];
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, eventName: 'pull_request', event: pullRequestEvent(12, HEAD, { fork: true }), inputs: noGoInputs() });
  });

  afterAll(() => api.close());

  it('still reports the audit: job summary, outputs and a failed step for NO-GO', () => {
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(1);
    expect(run.outputs['decision']).toBe('NO-GO');
    expect(run.summary).toMatch(/^## 🔴 NO-GO · \d+\/100 · 1 P0 failing/);
    expect(run.summary).toContain(`> Not published to GitHub: creating the check run "Production Readiness": 403 ${FORBIDDEN}; commenting on pull request #12: 403 ${FORBIDDEN}. See the warning in the log.`);
    expect(run.errors).toEqual([`::error::readiness-gate: NO-GO · ${run.outputs['score']}/100 · 1 P0 failing`]);
  });

  it('logs exactly one warning naming the fork and the two-workflow pattern', () => {
    expect(run.warnings).toHaveLength(1);
    const warning = run.warnings[0]!;
    expect(warning).toContain(`creating the check run "Production Readiness" (403 ${FORBIDDEN})`);
    expect(warning).toContain(`commenting on pull request #12 (403 ${FORBIDDEN})`);
    expect(warning).toContain('comes from a fork');
    expect(warning).toContain('mode: report');
    expect(warning).toContain('workflow_run');
  });

  it('does not retry a 403 and writes nothing after it', () => {
    expect(api.invalid).toEqual([]);
    expect(api.to(CHECK_RUNS)).toHaveLength(1);
    expect(api.to('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}')).toEqual([]);
    expect(api.to(CREATE_COMMENT)).toHaveLength(1);
    expect(api.checkRuns).toEqual([]);
    expect(api.issue(12)!.comments).toEqual([]);
  });
});

describe('a 502 from the API', () => {
  let api: GitHubStandIn;
  let run: ActionRun;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(13, HEAD);
    api.faults = [{ operation: CHECK_RUNS, status: 502, times: 1, message: 'Bad Gateway' }];
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, eventName: 'pull_request', event: pullRequestEvent(13, HEAD), inputs: { ...noGoInputs(), comment: 'never' } });
  });

  afterAll(() => api.close());

  it('is retried: 502 then 201, one check run, completed, no warning', () => {
    expect(api.invalid).toEqual([]);
    expect(api.to(CHECK_RUNS).map((r) => r.status)).toEqual([502, 201]);
    expect(api.checkRuns).toHaveLength(1);
    expect(api.checkRuns[0]).toMatchObject({ head_sha: HEAD, status: 'completed', conclusion: 'failure' });
    expect(run.warnings).toEqual([]);
    expect(run.code).toBe(1);
  });

  it('comment: never writes no comment', () => {
    expect(api.to('GET /repos/{owner}/{repo}/issues/{issue_number}/comments')).toEqual([]);
    expect(api.to(CREATE_COMMENT)).toEqual([]);
  });
});

describe('a personal token whose user cannot be read (GET /user fails)', () => {
  let api: GitHubStandIn;
  let run: ActionRun;
  const marker = '<!-- readiness-gate:Production Readiness -->';

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(15, HEAD);
    // This token's user commented before; without knowing who the token is, that comment cannot be told apart.
    api.addComment(15, `${marker}\nearlier run`, SOMEONE);
    api.faults = [{ operation: 'GET /user', status: 400, message: 'Bad Request' }];
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, eventName: 'pull_request', event: pullRequestEvent(15, HEAD), inputs: { ...noGoInputs(), 'github-token': 'ghp_personal' } });
  });

  afterAll(() => api.close());

  it('does not guess the author and create a second sticky comment; it warns once and still completes the check run', () => {
    expect(api.invalid).toEqual([]);
    expect(api.to(CREATE_COMMENT)).toEqual([]);
    expect(api.issue(15)!.comments).toHaveLength(1);
    expect(api.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain('400');
    expect(run.code).toBe(1);
  });
});

describe('no token', () => {
  let api: GitHubStandIn;
  let run: ActionRun;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, eventName: 'pull_request', event: pullRequestEvent(14, HEAD), inputs: { ...noGoInputs(), 'github-token': '' } });
  });

  afterAll(() => api.close());

  it('audits and reports through the job summary and outputs, without calling the API or warning', () => {
    expect(api.requests).toEqual([]);
    expect(run.outputs['decision']).toBe('NO-GO');
    expect(run.summary).toContain('NO-GO');
    expect(run.warnings).toEqual([]);
    expect(run.stdout).toContain('No github-token');
    expect(run.code).toBe(1);
  });
});

describe('fail-on: never', () => {
  let api: GitHubStandIn;
  let run: ActionRun;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, eventName: 'push', event: {}, sha: HEAD, inputs: { ...noGoInputs(), 'fail-on': 'never' } });
  });

  afterAll(() => api.close());

  it('reports NO-GO as a neutral check run on the pushed SHA and passes the step', () => {
    expect(api.invalid).toEqual([]);
    expect(run.outputs['decision']).toBe('NO-GO');
    expect(run.code).toBe(0);
    expect(api.checkRuns).toHaveLength(1);
    expect(api.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: 'neutral' });
    // A push has no pull request to comment on, and issue is off.
    expect(api.requests.map((r) => r.method)).toEqual(['POST', 'PATCH']);
  });
});

describe('a usage error', () => {
  let api: GitHubStandIn;
  let run: ActionRun;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, eventName: 'push', event: {}, sha: HEAD, inputs: { ...noGoInputs(), only: 'no-such-check' } });
  });

  afterAll(() => api.close());

  it('completes the check run it opened as a failure instead of leaving it in progress', () => {
    expect(api.invalid).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain('readiness-gate: unknown check id(s): "no-such-check"');
    expect(api.checkRuns).toHaveLength(1);
    expect(api.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'The audit could not run' } });
    expect(api.checkRuns[0]!.output?.summary).toContain('unknown check id(s)');
  });
});

describe('a step cancelled during the audit (workflow cancelled, timeout-minutes)', () => {
  let api: GitHubStandIn;
  let run: ActionRun;
  let hanging: TestServer;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(17, HEAD);
    // Never answers: the audit is still waiting on it when the runner cancels the step.
    hanging = await startServer(() => undefined);
    run = await runAction({
      bundle: bundle.dir,
      apiUrl: api.url,
      eventName: 'pull_request',
      event: pullRequestEvent(17, HEAD),
      inputs: { ...noGoInputs(), url: hanging.url },
      // The runner sends SIGINT (then SIGTERM 7.5 s later, then kills): here once the check run is open and the audit waits.
      whileRunning: (child) => {
        const poll = setInterval(() => {
          if (api.checkRuns[0]?.status !== 'in_progress' || !hanging.requests.length) return;
          clearInterval(poll);
          child.kill('SIGINT');
        }, 20);
        child.on('exit', () => clearInterval(poll));
      },
    });
  });

  afterAll(async () => {
    await api.close();
    await hanging.close();
  });

  it('completes its check run as cancelled instead of leaving it in progress', () => {
    expect(api.invalid).toEqual([]);
    expect(run.code).not.toBe(0);
    expect(api.checkRuns).toHaveLength(1);
    expect(api.checkRuns[0]).toMatchObject({ head_sha: HEAD, status: 'completed', conclusion: 'cancelled', output: { title: 'The audit was cancelled' } });
    expect(run.stdout).not.toContain('internal error');
  });
});

describe('GitHub Enterprise Server (GITHUB_API_URL with a path)', () => {
  let api: GitHubStandIn;
  let run: ActionRun;

  scenarios.push(async () => {
    api = await new GitHubStandIn('/api/v3').start();
    api.addPullRequest(18, HEAD);
    for (let i = 0; i < 120; i++) api.addComment(18, `review comment ${i}`, SOMEONE);
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, eventName: 'pull_request', event: pullRequestEvent(18, HEAD), inputs: { ...noGoInputs(), 'github-token': 'ghs_enterprise' } });
  });

  afterAll(() => api.close());

  it('sends every request under the API root, pages included, and never prints the token', () => {
    expect(api.invalid).toEqual([]);
    expect(api.requests.every((r) => r.url.startsWith('/api/v3/'))).toBe(true);
    expect(api.to('GET /repos/{owner}/{repo}/issues/{issue_number}/comments').length).toBeGreaterThanOrEqual(2);
    expect(api.checkRuns[0]).toMatchObject({ head_sha: HEAD, status: 'completed', conclusion: 'failure' });
    expect(api.issue(18)!.comments).toHaveLength(121);
    expect(run.warnings).toEqual([]);
    for (const text of [run.stdout, run.stderr, run.summary]) expect(text).not.toContain('ghs_enterprise');
  });
});

describe('a secondary rate limit', () => {
  let api: GitHubStandIn;
  let run: ActionRun;

  scenarios.push(async () => {
    api = await new GitHubStandIn().start();
    api.addPullRequest(16, HEAD);
    api.faults = [
      { operation: CHECK_RUNS, status: 403, times: 1, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', headers: { 'retry-after': '1' } },
    ];
    run = await runAction({ bundle: bundle.dir, apiUrl: api.url, eventName: 'pull_request', event: pullRequestEvent(16, HEAD), inputs: { ...noGoInputs(), comment: 'never' } });
  });

  afterAll(() => api.close());

  it('is waited out (Retry-After) and retried, unlike a permission 403', () => {
    expect(api.invalid).toEqual([]);
    expect(api.to(CHECK_RUNS).map((r) => r.status)).toEqual([403, 201]);
    expect(api.checkRuns).toHaveLength(1);
    expect(api.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run.warnings).toEqual([]);
    expect(run.stdout).toContain('GitHub secondary rate limit on POST /repos/{owner}/{repo}/check-runs: retrying in 1 s');
  });
});
