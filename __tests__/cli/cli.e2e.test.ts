// End to end: the real bundled CLI (dist/cli.js) as a child process, against
// real servers on loopback and real files. CI checks that dist/ is fresh.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { startServer, type TestServer } from '../helpers/server.js';

const CLI = resolve(process.env['RG_DIST_DIR'] ?? 'dist', 'cli.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = process.cwd()): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, timeout: 60000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr });
    });
  });
}

function expectOneLineError(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('readiness-gate CLI (bundled)', () => {
  let server: TestServer;
  let repo: TempRepo;
  beforeAll(async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>ok</title>');
    });
    repo = makeRepo(
      {
        'package.json': '{"name":"app","version":"1.0.0"}\n',
        '.github/readiness.yml': 'min-score: 0\n',
        'bad.yml': 'targets:\n  - url: http://127.0.0.1/\n   broken: [\n',
        'typo.yml': 'min-scor: 10\n',
      },
      { git: true },
    );
  });
  afterAll(async () => {
    await server.close();
    repo.cleanup();
  });

  it('prints its version and help', async () => {
    const version = await cli(['--version']);
    expect(version).toEqual({ code: 0, stdout: JSON.parse(readFileSync('package.json', 'utf8')).version + '\n', stderr: '' });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('readiness-gate audit [--url URL]...');
    expect((await cli([])).code).toBe(2);
  });

  it('lists the catalog', async () => {
    const run = await cli(['checks', '--format', 'json']);
    expect(run.code).toBe(0);
    const catalog = JSON.parse(run.stdout) as Array<{ id: string; severity: string }>;
    expect(catalog.map((c) => c.id)).toContain('http.reachable');
  });

  it('exits 2 with one line for usage and configuration errors', async () => {
    expectOneLineError(await cli(['audti']), /unknown command "audti"; did you mean "audit"\?/);
    expectOneLineError(await cli(['audit', '--bogus']), /Unknown option '--bogus'/);
    expectOneLineError(await cli(['audit', '--format', 'xml']), /--format must be one of text, json, markdown, sarif/);
    expectOneLineError(await cli(['audit', '--repo', join(repo.root, 'missing')]), /repository path does not exist/);
    expectOneLineError(await cli(['audit', '--repo', join(repo.root, 'package.json')]), /repository path is not a directory/);
    expectOneLineError(await cli(['audit', '--repo', repo.root, '--config', join(repo.root, 'bad.yml')]), /bad\.yml:3: invalid YAML: /);
    expectOneLineError(await cli(['audit', '--repo', repo.root, '--config', join(repo.root, 'typo.yml')]), /typo\.yml:1: min-scor: unknown key; did you mean "min-score"\?/);
    expectOneLineError(await cli(['audit', '--repo', repo.root, '--config', join(repo.root, 'nope.yml')]), /nope\.yml: configuration file not found/);
    expectOneLineError(await cli(['audit', '--url', 'ftp://127.0.0.1/']), /--url ftp:\/\/127\.0\.0\.1\/: must be an http:\/\/ or https:\/\/ URL/);
    expectOneLineError(await cli(['audit', '--repo', repo.root, '--only', 'http.reachabel']), /unknown check id\(s\): "http.reachabel" \(did you mean "http.reachable"\?\)/);
  });

  it('exits 1 (NO-GO) for an unreachable target, with the finding in JSON', async () => {
    const closed = await startServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const run = await cli(['audit', '--url', url, '--format', 'json'], repo.root);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.decision).toBe('NO-GO');
    expect(report.findings.find((f: { checkId: string }) => f.checkId === 'http.reachable')).toMatchObject({ status: 'fail', severity: 'P0', url });
  });

  it('audits a live target and a repository, with the documented JSON shape', async () => {
    const run = await cli(['audit', '--url', server.url, '--repo', repo.root, '--format', 'json']);
    expect([0, 1]).toContain(run.code);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'readiness-gate', version: expect.any(String) },
      decision: expect.stringMatching(/^(GO|NO-GO)$/),
      score: expect.any(Number),
      durationMs: expect.any(Number),
      requests: expect.any(Number),
    });
    expect(run.code).toBe(report.decision === 'GO' ? 0 : 1);
    expect(report.requests).toBeGreaterThan(0);
    expect(report.requests).toBe(server.requests.length);
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['checkId', 'title', 'category', 'severity', 'status', 'message', 'remediation']));
      if (f.location) expect(f.location.path).not.toMatch(/^\/|\\/);
    }
  });

  it('writes the report to --output and a one-line summary to stderr', async () => {
    const out = join(repo.root, 'report.sarif');
    const run = await cli(['audit', '--url', server.url, '--format', 'sarif', '--output', out]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^(GO|NO-GO) · \d+\/100 · report written to /);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });

  it('prints a plain text report without colour when stdout is not a terminal', async () => {
    const run = await cli(['audit', '--url', server.url]);
    expect(run.stdout).toMatch(/^(GO|NO-GO) · \d+\/100/);
    expect(run.stdout.includes('\u001b[')).toBe(false);
  });

  it('refuses to audit nothing: exit 2, saying to pass --url or --repo', async () => {
    const empty = makeRepo({});
    try {
      expectOneLineError(await cli(['audit'], empty.root), /nothing to audit.*--url.*--repo/);
    } finally {
      empty.cleanup();
    }
  });

  it('lists the burst switches in --help', async () => {
    const run = await cli(['--help']);
    expect(run.stdout).toContain('--allow-bursts');
    expect(run.stdout).toContain('load.concurrency,ratelimit.enforced');
  });

  it('writes a baseline that the next audit applies', async () => {
    const debt = makeRepo({ '.env': 'DATABASE_URL=postgres://shop:Tr0ub4dor-and-3@db:5432/shop\n' }, { git: true });
    try {
      const written = await cli(['baseline', '--repo', debt.root]);
      expect(written.code).toBe(0);
      expect(written.stderr).toMatch(/failing finding\(s\) accepted in .*readiness-baseline\.json/);
      const baseline = JSON.parse(readFileSync(join(debt.root, '.github/readiness-baseline.json'), 'utf8'));
      expect(baseline.findings.length).toBeGreaterThan(0);
      const run = await cli(['audit', '--repo', debt.root, '--format', 'json']);
      const report = JSON.parse(run.stdout);
      expect(report.gate.baseline.hidden).toBe(baseline.findings.length);
      expect(report.decision).toBe('GO');
    } finally {
      debt.cleanup();
    }
  });
});
