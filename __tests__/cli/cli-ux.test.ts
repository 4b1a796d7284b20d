// The CLI as a new user meets it (issue 23), through the CLI bundled from the current source: a --base that names
// nothing is a usage error; --format comment and --format check-run render what the Action would post; the text
// report carries links (OSC 8 where the terminal supports them, plain URLs otherwise); --help documents every flag and
// the README's synopsis is complete.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkDocsUrl } from '../../src/report/links.js';
import { bundleAction } from '../github/action.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let bundle: ReturnType<typeof bundleAction>;
let repo: TempRepo;

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [join(bundle.dir, 'cli.js'), ...args], { cwd: repo.root, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      done({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  bundle = bundleAction();
  // A published image (the workflow pushes it): its Dockerfile is production by evidence, its baked token a P0.
  const release = 'name: release\non: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with: {file: Dockerfile, push: true}\n';
  repo = makeRepo({ Dockerfile: 'FROM node:latest\nENV API_TOKEN=abcd1234efgh5678ijkl\n', 'package.json': '{"name":"app"}\n', '.github/workflows/release.yml': release }, { git: true });
}, 120_000);

afterAll(() => {
  bundle.cleanup();
  repo.cleanup();
});

describe('--base', () => {
  it('that names no branch, tag or commit is a usage error (exit 2, one line)', async () => {
    const run = await cli(['audit', '--base', 'nosuch', '--only', 'docker']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--base nosuch: no branch, tag or commit of that name/);
  });

  it('that names a branch is accepted', async () => {
    const run = await cli(['audit', '--base', 'main', '--only', 'docker']);
    expect(run.code).toBe(1);
  });
});

describe('--format comment and --format check-run', () => {
  it('print the sticky comment as the Action posts it', async () => {
    const run = await cli(['audit', '--only', 'docker', '--format', 'comment']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('<!-- readiness-gate:Production Readiness -->');
    expect(run.stdout).toMatch(/^## 🔴 NO-GO · \d+\/100/m);
    expect(run.stdout).toContain('<!-- readiness-gate:state ');
  });

  it('print the check run as the Action sends it: conclusion, title, summary, annotations', async () => {
    const run = await cli(['audit', '--only', 'docker', '--format', 'check-run']);
    expect(run.code).toBe(1);
    const payload = JSON.parse(run.stdout) as { name: string; conclusion: string; output: { title: string; summary: string; annotations: Array<{ path: string; start_line: number }> } };
    expect(payload.name).toBe('Production Readiness');
    expect(payload.conclusion).toBe('failure');
    expect(payload.output.title).toMatch(/^NO-GO · \d+\/100/);
    expect(payload.output.summary).toContain(payload.output.title);
    expect(payload.output.annotations.map((a) => `${a.path}:${a.start_line}`)).toContain('Dockerfile:1');
  });
});

describe('links in the text report', () => {
  const docs = checkDocsUrl('docker.base-image-pinned');

  it('are plain URLs when the terminal is not known to support hyperlinks', async () => {
    const run = await cli(['audit', '--only', 'docker']);
    expect(run.stdout).toContain(docs);
    expect(run.stdout).not.toContain('\u001b]8;;');
  });

  it('are OSC 8 hyperlinks where the terminal supports them', async () => {
    const run = await cli(['audit', '--only', 'docker'], { FORCE_HYPERLINK: '1' });
    expect(run.stdout).toContain(`\u001b]8;;${docs}\u001b\\docker.base-image-pinned\u001b]8;;\u001b\\`);
  });
});

describe('--help and the README', () => {
  const source = readFileSync(join(ROOT, 'src/cli.ts'), 'utf8');
  // Every long option any command parses.
  const flags = [...new Set([...source.matchAll(/^\s+'?([a-z][a-z-]*)'?: \{ type: '(?:string|boolean)'/gm)].map((m) => `--${m[1]}`))];

  it('--help documents every flag, each with a line of its own', async () => {
    expect(flags.length).toBeGreaterThan(12);
    const help = (await cli(['--help'])).stdout;
    const undocumented = flags.filter((flag) => !new RegExp(`^\\s+${flag}\\b.*\\S`, 'm').test(help));
    expect(undocumented).toEqual([]);
  });

  it('the README synopsis names every command and flag', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const synopsis = readme.slice(readme.indexOf('## The CLI'), readme.indexOf('## Configuration'));
    for (const command of ['audit', 'baseline', 'checks']) expect(synopsis).toContain(`readiness-gate ${command}`);
    expect(flags.filter((flag) => !synopsis.includes(flag))).toEqual([]);
  });
});
