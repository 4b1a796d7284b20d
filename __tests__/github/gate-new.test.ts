// gate: new through the Action, end to end: the real bundle as a child process, the stand-in GitHub API validating
// every request against GitHub's OpenAPI description, a real git repository whose base branch already holds P0s
// (a committed production env file with live credentials, a compose file with an inline database password) and a
// real app on loopback.
//
// One pull request, pushed twice, as on GitHub:
// 1. a head that adds no P0 (a README, lines added above an old finding) is GO, the old P0s listed as existing;
// 2. a head that adds one (a Dockerfile baking a secret) is NO-GO on it alone. The app meanwhile lost a header too:
//    the comment shows that new live failure first and folds the one the previous run already reported.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { commentMarker, decodeState } from '../../src/github/bodies.js';
import { failing } from '../../src/report/report.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { bundleAction, pullRequestEvent, runAction, type ActionRun } from './action.js';
import { ACTIONS_BOT, GitHubStandIn, HTML_REPO } from './stand-in.js';

const MERGE = 'b'.repeat(40);
const PR = 21;
const CHECK_RUNS = 'POST /repos/{owner}/{repo}/check-runs';

// Old debt on main: P0s every pull request would inherit under gate: all. (Test data, not real credentials.)
const OLD = {
  '.gitignore': '.readiness/\n',
  '.env.production': 'DATABASE_URL=postgres://shop:Xq7pLm2Vr9Tz4Kw8@db.internal:5432/shop\nSTRIPE_SECRET_KEY=sk_live_51HqLyjWDarjtT1zdp7dcXk2QvRt8Ye3LmNp0aBcD\n', // readiness-gate:allow-secret (test data)
  // The production deployment: its deploy docs run it, its app loads .env.production, its database is published.
  'docker-compose.yml': 'services:\n  app:\n    image: ghcr.io/octo/shop:1.4.0\n    env_file: .env.production\n  db:\n    image: postgres:16.4\n    ports:\n      - "5432:5432"\n    environment:\n      POSTGRES_PASSWORD: Tr0ub4dor-and-3-horse\n', // readiness-gate:allow-secret (test data)
  'README.md': '# shop\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n',
  // The shop renders its customers' reviews and adds to the cart in one click: a CSP and framing protection are
  // release requirements here, raised from their P2 defaults.
  '.github/readiness.yml': 'severity:\n  headers.csp: P1\n  headers.frame-options: P1\n',
};
const LEAK = 'FROM python:3.12-slim\nENV SECRET_KEY=k3x9Qw7Lp2Zr8Vt4Ny6Bm1Hc5Jd0Fg\nUSER app\nCMD ["python", "app.py"]\n'; // readiness-gate:allow-secret (test data)
// Published by the release workflow the same commit adds: the image production runs.
const RELEASE = 'jobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          push: true\n          tags: ghcr.io/octo/shop:latest\n';
const ONLY = 'secrets,env,compose,docker,headers.frame-options,headers.csp';

let bundle: ReturnType<typeof bundleAction>;
let api: GitHubStandIn;
let repo: TempRepo;
let app: TestServer;
/** What the app sends: the first push's app has a CSP and no X-Frame-Options; by the second it lost its CSP too. */
let appHeaders: Record<string, string> = { 'content-security-policy': "default-src 'self'; object-src 'none'" };
const heads: string[] = [];
let clean: ActionRun;
let leaky: ActionRun;
/** The comment after each run. */
const comments: string[] = [];

const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo.root, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { encoding: 'utf8', stdio: 'pipe' }).trim();

beforeAll(async () => {
  bundle = bundleAction();
  api = await new GitHubStandIn().start();
  app = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...appHeaders });
    res.end('<!doctype html><title>shop</title><form method="post" action="/cart"><button>Add to cart</button></form>');
  });
  repo = makeRepo(OLD, { git: true });
  git('checkout', '-q', '-b', 'feature');
  repo.write('README.md', `${OLD['README.md']}\nSee the wiki for more.\n`);
  repo.write('docker-compose.yml', `# the shop's database\n${OLD['docker-compose.yml']}`);
  git('add', '-A');
  git('commit', '-q', '-m', 'docs');
  heads.push(git('rev-parse', 'HEAD'));
  repo.write('Dockerfile', LEAK);
  repo.write('.github/workflows/release.yml', RELEASE);
  git('add', '-A');
  git('commit', '-q', '-m', 'image');
  heads.push(git('rev-parse', 'HEAD'));
  api.addPullRequest(PR, heads[0]!);

  // As actions/checkout leaves a pull request: HEAD detached, the base branch known (fetch-depth: 0).
  const push = async (head: string) => {
    git('checkout', '-q', '--detach', head);
    const run = await runAction({
      bundle: bundle.dir,
      apiUrl: api.url,
      workspace: repo.root,
      eventName: 'pull_request',
      event: pullRequestEvent(PR, head),
      sha: MERGE,
      ref: `refs/pull/${PR}/merge`,
      env: { GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature' },
      inputs: { 'github-token': 'ghs_standin', url: app.url, repo: '.', only: ONLY, gate: 'new' },
    });
    comments.push(api.issue(PR)!.comments[0]?.body ?? '');
    return run;
  };
  clean = await push(heads[0]!);
  delete appHeaders['content-security-policy'];
  appHeaders = { ...appHeaders };
  leaky = await push(heads[1]!);
}, 180_000);

afterAll(async () => {
  bundle?.cleanup();
  await api?.close();
  await app?.close();
  repo?.cleanup();
});

describe('gate: new on a pull request to a repository with old P0s', () => {
  it('sends only requests GitHub would accept, and leaves no worktree behind', () => {
    expect(api.invalid).toEqual([]);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('finds the old P0s, on the merge base as on the head', () => {
    const old = clean.report!.findings.filter((f) => f.existing === 'base' && f.severity === 'P0');
    expect(old.map((f) => f.checkId)).toEqual(expect.arrayContaining(['compose.inline-secret', 'env.committed-file']));
    expect(clean.report!.gate).toMatchObject({ mode: 'new', base: git('rev-parse', '--short=7', 'main') });
  });

  it('is GO when the pull request adds no P0: success check run, outputs, step passes', () => {
    expect(clean.code).toBe(0);
    expect(clean.outputs).toMatchObject({ decision: 'GO', 'p0-failures': '0' });
    expect(clean.outputs['check-run-url']).toBe(`${HTML_REPO}/runs/${api.checkRuns[0]!.id}`);
    expect(clean.outputs['comment-url']).toBe(`${HTML_REPO}/pull/${PR}#issuecomment-${api.issue(PR)!.comments[0]!.id}`);
    expect(api.checkRuns[0]).toMatchObject({ head_sha: heads[0], status: 'completed', conclusion: 'success' });
    expect(api.checkRuns[0]!.output?.title).toMatch(/^GO on new findings · \d+\/100 · \d+ existing, on the merge base [0-9a-f]{7}/);
  });

  it('lists the old P0s as existing, folded, in the comment of the GO run', () => {
    const body = comments[0]!;
    expect(body.startsWith(commentMarker('Production Readiness'))).toBe(true);
    expect(body).toContain('## 🟢 GO');
    expect(body).toMatch(/decides on what this change adds; \d+ failing finding\(s\) already on the merge base [0-9a-f]{7}/);
    expect(body).not.toContain('🔴 P0 —');
    const existing = body.slice(body.indexOf('<details><summary>Existing failures'));
    expect(existing).toMatch(/^<details><summary>Existing failures \(already on the merge base [0-9a-f]{7}\): \d+ findings? in \d+ checks?<\/summary>/);
    for (const id of ['compose.inline-secret', 'env.committed-file']) expect(existing.slice(0, existing.indexOf('</details>'))).toContain(`\`${id}\``);
  });

  it('is NO-GO when the pull request adds a P0, which alone decides', () => {
    expect(leaky.code).toBe(1);
    expect(leaky.outputs).toMatchObject({ decision: 'NO-GO' });
    const deciding = failing(leaky.report!, 'P0');
    expect(deciding.map((f) => f.checkId)).toContain('docker.secrets-in-image');
    expect(deciding.every((f) => (f.location?.path ?? f.file) === 'Dockerfile')).toBe(true);
    expect(leaky.outputs['p0-failures']).toBe(String(deciding.length));
    expect(api.to(CHECK_RUNS).map((r) => (r.body as { head_sha: string }).head_sha)).toEqual(heads);
    expect(api.checkRuns[1]).toMatchObject({ head_sha: heads[1], status: 'completed', conclusion: 'failure' });
    // The annotations point at the new P0 only; the old ones are not this change's.
    expect(api.checkRuns[1]!.annotations.filter((a) => a.annotation_level === 'failure').map((a) => a.path)).toEqual(deciding.map(() => 'Dockerfile'));
  });

  it('shows the new P0 first in the comment, then the new live failure, and folds what was there before', () => {
    expect(api.issue(PR)!.comments).toHaveLength(1);
    expect(api.issue(PR)!.comments[0]!.user).toEqual(ACTIONS_BOT);
    const body = comments[1]!;
    expect(body).toContain('## 🔴 NO-GO');
    const at = (text: string) => {
      const i = body.indexOf(text);
      expect(i).toBeGreaterThanOrEqual(0);
      return i;
    };
    const p0 = at('### 🔴 P0 — blocking, new');
    const p1 = at('🟠 P1 — fix before release, new');
    const carried = at(`<details><summary>Already failing at the previous run ${heads[0]!.slice(0, 7)} (live, still deciding): 1 P1 finding in 1 check</summary>`);
    const existing = at('<details><summary>Existing failures (already on the merge base');
    expect(p0).toBeLessThan(p1);
    expect(p1).toBeLessThan(carried);
    expect(carried).toBeLessThan(existing);
    // New: the Dockerfile's secret among the P0s, the CSP the app just lost among the P1s.
    expect(body.slice(p0, p1)).toContain('`docker.secrets-in-image`');
    expect(body.slice(p0, p1)).not.toMatch(/`(compose\.inline-secret|env\.committed-file)`/);
    expect(body.slice(p1, carried)).toContain('`headers.csp`');
    expect(body.slice(p1, carried)).not.toContain('`headers.frame-options`');
    // Reported by the previous run: folded after the new ones.
    expect(body.slice(carried, existing)).toContain('`headers.frame-options`');
    expect(body.slice(existing)).toContain('`compose.inline-secret`');
    // The live failure the previous run had still decides the score and is in this run's state.
    const state = decodeState(body)!;
    expect(state.sha).toBe(heads[1]);
    expect(state.failing.some((k) => k.startsWith('headers.frame-options|'))).toBe(true);
    expect(body).toMatch(/\*\*Since the previous run \(`[0-9a-f]{7}`\):\*\* score \d+ → \d+ \(-\d+\) · GO → NO-GO · 3 new failing · 0 fixed/);
  });

  it('marks nothing live as existing in the JSON report: the previous run only orders the comment', () => {
    const frame = leaky.report!.findings.find((f) => f.checkId === 'headers.frame-options' && f.status === 'fail')!;
    expect(frame.existing).toBeUndefined();
    expect(failing(leaky.report!, 'P1').map((f) => f.checkId)).toEqual(expect.arrayContaining(['headers.frame-options', 'headers.csp']));
  });
});
