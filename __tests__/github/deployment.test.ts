// Two ways teams test a running app in a pull request (issue 23), end to end with the real bundle, the loopback
// GitHub stand-in (every request validated against GitHub's OpenAPI description) and real processes and servers:
// - preview deployments, `on: deployment_status`: the target is the deployment's environment_url, the check run goes
//   on the deployment's commit, the comment on the pull request that commit belongs to (found through the API), and
//   only successful deployments are audited;
// - `start` and `wait-for`: the Action starts the app itself, polls until it answers, audits it and stops it; a start
//   that fails or never gets ready is a clear error with the last lines of its log.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { githubContext } from '../../src/github/context.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { bundleAction, runAction, type ActionRun } from './action.js';
import { GitHubStandIn } from './stand-in.js';

const DEPLOYED = 'd'.repeat(40);
const CHECK_RUNS = 'POST /repos/{owner}/{repo}/check-runs';
const COMMIT_PULLS = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls';
const CREATE_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

function deploymentStatusEvent(state: string, environmentUrl?: string): object {
  return {
    action: 'created',
    deployment_status: { state, ...(environmentUrl ? { environment_url: environmentUrl } : {}), target_url: 'https://ci.example.invalid/logs/1' },
    deployment: { sha: DEPLOYED, ref: 'feature-7', environment: 'Preview' },
    repository: { full_name: 'octo/app' },
  };
}

let bundle: ReturnType<typeof bundleAction>;
let preview: TestServer;
let repo: TempRepo;

beforeAll(async () => {
  bundle = bundleAction();
  preview = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('preview ok');
  });
  repo = makeRepo({ 'package.json': '{"name":"app"}\n' });
});

afterAll(async () => {
  bundle.cleanup();
  await preview.close();
  repo.cleanup();
});

describe('the deployment_status context', () => {
  it('is the deployment: its commit, its branch, its state and environment URL', () => {
    const env = { GITHUB_REPOSITORY: 'octo/app', GITHUB_EVENT_NAME: 'deployment_status', GITHUB_SHA: 'e'.repeat(40), GITHUB_REF: 'refs/heads/main' };
    expect(githubContext(env, deploymentStatusEvent('success', 'https://pr-7.preview.example.invalid/'))).toMatchObject({
      sha: DEPLOYED,
      branch: 'feature-7',
      pullRequest: undefined,
      deployment: { state: 'success', environmentUrl: 'https://pr-7.preview.example.invalid/', environment: 'Preview' },
    });
  });
});

describe('on: deployment_status', () => {
  async function deploy(api: GitHubStandIn, state: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
    // The report of an earlier run in the same workspace is not this run's.
    rmSync(join(repo.root, '.readiness'), { recursive: true, force: true });
    return runAction({
      bundle: bundle.dir,
      apiUrl: api.url,
      workspace: repo.root,
      eventName: 'deployment_status',
      event: deploymentStatusEvent(state, preview.url),
      sha: 'e'.repeat(40),
      inputs: { 'github-token': 'ghs_token', 'fail-on': 'never', only: 'http,headers', ...inputs },
    });
  }

  it('audits the environment_url, checks the deployed commit and comments on its pull request', async () => {
    const api = await new GitHubStandIn().start();
    try {
      api.addPullRequest(7, DEPLOYED, 'octo:feature-7');
      api.addPullRequest(8, 'c'.repeat(40), 'octo:other');
      const run = await deploy(api, 'success');
      expect(run.errors).toEqual([]);
      expect(run.code).toBe(0);
      expect(run.report?.targets).toEqual([preview.url]);
      expect(preview.requests.length).toBeGreaterThan(0);
      expect(api.invalid).toEqual([]);
      expect(api.checkRuns.map((r) => r.head_sha)).toEqual([DEPLOYED]);
      expect(api.to(COMMIT_PULLS).map((r) => r.params['commit_sha'])).toEqual([DEPLOYED]);
      expect(api.to(CREATE_COMMENT).map((r) => r.params['issue_number'])).toEqual(['7']);
      expect(run.outputs['comment-url']).toContain('/pull/7#issuecomment-');
    } finally {
      await api.close();
    }
  }, 60_000);

  it.each(['pending', 'in_progress', 'failure', 'error'])('does not audit a deployment that is %s', async (state) => {
    const api = await new GitHubStandIn().start();
    const before = preview.requests.length;
    try {
      const run = await deploy(api, state);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`the deployment is ${state}`);
      expect(api.to(CHECK_RUNS)).toEqual([]);
      expect(preview.requests.length).toBe(before);
      expect(run.report).toBeUndefined();
    } finally {
      await api.close();
    }
  }, 60_000);
});

/** A port nothing listens on now (the app under test will). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** Resolves true when something accepts connections on `port`. */
async function listening(port: number): Promise<boolean> {
  const net = await import('node:net');
  return new Promise((done) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

describe('start and wait-for', () => {
  async function withApp(script: string, inputs: (port: number) => Record<string, string>): Promise<{ run: ActionRun; port: number; api: GitHubStandIn }> {
    const port = await freePort();
    writeFileSync(join(repo.root, 'app.cjs'), script.replace(/PORT/g, String(port)));
    const api = await new GitHubStandIn().start();
    try {
      const run = await runAction({
        bundle: bundle.dir,
        apiUrl: api.url,
        workspace: repo.root,
        eventName: 'push',
        event: { repository: { full_name: 'octo/app' } },
        inputs: { 'github-token': 'ghs_token', 'fail-on': 'never', only: 'http,headers', ...inputs(port) },
      });
      return { run, port, api };
    } finally {
      await api.close();
    }
  }

  it('starts the app, waits until it answers, audits it, stops it and keeps its log in a group', async () => {
    // Listens only after 1.5 s: an audit that did not wait would find nothing there.
    const app = "console.log('booting'); setTimeout(() => require('http').createServer((q, s) => s.end('up')).listen(PORT, '127.0.0.1', () => console.log('listening on PORT')), 1500);";
    const { run, port, api } = await withApp(app, (p) => ({ start: 'node app.cjs', 'wait-for': `http://127.0.0.1:${p}/`, url: `http://127.0.0.1:${p}/` }));
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.report?.findings.find((f) => f.checkId === 'http.reachable')?.status).toBe('pass');
    expect(run.stdout).toMatch(/::group::readiness-gate: start[^\n]*\n[\s\S]*booting\n[\s\S]*listening on \d+/);
    expect(await listening(port)).toBe(false);
    expect(api.invalid).toEqual([]);
  }, 60_000);

  it('waits for the url when wait-for is not given', async () => {
    const app = "setTimeout(() => require('http').createServer((q, s) => s.end('up')).listen(PORT, '127.0.0.1'), 800);";
    const { run } = await withApp(app, (p) => ({ start: 'node app.cjs', url: `http://127.0.0.1:${p}/` }));
    expect(run.code).toBe(0);
    expect(run.report?.findings.find((f) => f.checkId === 'http.reachable')?.status).toBe('pass');
  }, 60_000);

  it('says so, with the last lines of the log, when the app exits before it answers', async () => {
    const app = "console.log('loading config'); console.error('Error: DATABASE_URL is not set'); process.exit(3);";
    const { run, api } = await withApp(app, (p) => ({ start: 'node app.cjs', url: `http://127.0.0.1:${p}/` }));
    expect(run.code).not.toBe(0);
    expect(run.errors.join('\n')).toMatch(/start: `node app\.cjs` exited with code 3 before http:\/\/127\.0\.0\.1:\d+\/ answered/);
    expect(run.stdout).toContain('Error: DATABASE_URL is not set');
    // The check run is closed, not left in progress.
    expect(api.checkRuns.map((r) => r.conclusion)).toEqual(['failure']);
  }, 60_000);

  it('says so when the app never answers within wait-timeout, and stops it', async () => {
    const app = "console.log('still starting'); setInterval(() => {}, 1000);";
    const started = performance.now();
    const { run } = await withApp(app, (p) => ({ start: 'node app.cjs', 'wait-for': `http://127.0.0.1:${p}/health`, 'wait-timeout': '2', url: `http://127.0.0.1:${p}/` }));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(run.code).not.toBe(0);
    expect(run.errors.join('\n')).toMatch(/start: http:\/\/127\.0\.0\.1:\d+\/health did not answer within 2 s/);
    expect(run.stdout).toContain('still starting');
  }, 60_000);

  it('rejects a wait-timeout that is not a number of seconds', async () => {
    const { run } = await withApp('', () => ({ 'wait-for': 'http://127.0.0.1:1/', 'wait-timeout': 'soon' }));
    expect(run.errors.join('\n')).toContain('input wait-timeout must be a whole number of seconds from 1 to 3600');
  }, 60_000);
});
