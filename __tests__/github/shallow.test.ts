// gate: new from a shallow checkout (actions/checkout's default, fetch-depth: 1), with the real bundled Action and
// real git repositories: the Action fetches the base branch and the history down to the merge base itself, with the
// clone's own remote; when it cannot, the report says plainly that every finding decides (issue 23).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { bundleAction, pullRequestEvent, runAction } from './action.js';

const OLD = {
  Dockerfile: 'FROM python:3.12-slim\nENV SECRET_KEY=k3x9Qw7Lp2Zr8Vt4Ny6Bm1Hc5Jd0Fg\nUSER app\n',
  '.env': 'DATABASE_URL=postgres://shop:Tr0ub4dor-and-3@db:5432/shop\n',
  // The image is published, so the Dockerfile is production by evidence and its baked secret a P0.
  '.github/workflows/release.yml': 'name: release\non: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with: {file: Dockerfile, push: true}\n',
};

let bundle: ReturnType<typeof bundleAction>;
let upstream: TempRepo;
let dir: string;

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-C', cwd, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { stdio: 'pipe', encoding: 'utf8' }).trim();

beforeAll(() => {
  bundle = bundleAction();
  upstream = makeRepo(OLD, { git: true });
  // History on main after the branch point, and a pull request branch that adds no finding.
  git(upstream.root, 'checkout', '-q', '-b', 'feature');
  upstream.write('README.md', '# shop\n');
  git(upstream.root, 'add', '-A');
  git(upstream.root, 'commit', '-q', '-m', 'docs');
  git(upstream.root, 'checkout', '-q', 'main');
  for (let i = 0; i < 3; i++) {
    upstream.write(`notes-${i}.md`, `${i}\n`);
    git(upstream.root, 'add', '-A');
    git(upstream.root, 'commit', '-q', '-m', `note ${i}`);
  }
  dir = mkdtempSync(join(tmpdir(), 'rg-shallow-'));
  execFileSync('git', ['clone', '-q', '--bare', upstream.root, join(dir, 'origin.git')]);
}, 120_000);

afterAll(() => {
  bundle.cleanup();
  upstream.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A checkout as actions/checkout makes it: the pull request's head only, one commit deep. */
function shallowCheckout(name: string): string {
  const work = join(dir, name);
  // file:// so that --depth is honoured for a local clone.
  execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${join(dir, 'origin.git')}`, work]);
  expect(git(work, 'rev-parse', '--is-shallow-repository')).toBe('true');
  return work;
}

async function gateNew(work: string) {
  return runAction({
    bundle: bundle.dir,
    apiUrl: 'http://127.0.0.1:9/',
    workspace: work,
    eventName: 'pull_request',
    event: pullRequestEvent(3, git(work, 'rev-parse', 'HEAD')),
    env: { GITHUB_BASE_REF: 'main' },
    inputs: { 'github-token': '', gate: 'new', only: 'docker,env' },
  });
}

describe('gate: new from a shallow checkout', () => {
  it('fetches the base branch and the merge base itself, and decides on what the change adds', async () => {
    const work = shallowCheckout('fetchable');
    const run = await gateNew(work);
    expect(run.report?.gate?.problem).toBeUndefined();
    expect(run.report?.gate).toMatchObject({ mode: 'new', base: expect.stringMatching(/^[0-9a-f]{7}/) });
    expect(run.report!.gate!.existing).toBeGreaterThanOrEqual(2);
    expect(run.report?.decision).toBe('GO');
    expect(run.code).toBe(0);
  }, 60_000);

  it('says plainly that every finding decides when the base cannot be fetched', async () => {
    const work = shallowCheckout('unreachable');
    git(work, 'remote', 'set-url', 'origin', join(dir, 'gone.git'));
    const run = await gateNew(work);
    expect(run.report?.gate?.problem).toMatch(/^fetching main from origin failed/);
    expect(run.report?.reasons.join('\n')).toMatch(/gate: new could not compare with the base branch \(fetching main from origin failed[^)]*\): every finding decides/);
    expect(run.report?.decision).toBe('NO-GO');
  }, 60_000);
});
