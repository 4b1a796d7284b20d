// Runs the REAL bundled Action as the runner would: `node <bundle>/index.js`
// in a child process with GITHUB_* and INPUT_* variables, an event payload
// file, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files. The bundle is built
// from the current source into a temporary directory, so a test never depends
// on a stale dist/.

import { execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Report } from '../../src/report/report.js';
import { parseReport } from '../../src/github/report-file.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Bundles the current source into a temporary directory. With RG_DIST_DIR set
 * (e.g. RG_DIST_DIR=dist after `npm run bundle`), the tests run that bundle
 * instead: the way to check the committed dist/ itself.
 */
export function bundleAction(): { dir: string; cleanup(): void } {
  const given = process.env['RG_DIST_DIR'];
  if (given) return { dir: resolve(ROOT, given), cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'rg-dist-'));
  execFileSync(process.execPath, ['scripts/bundle.mjs', dir], { cwd: ROOT, stdio: 'pipe' });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunOptions {
  bundle: string;
  apiUrl: string;
  /** GITHUB_WORKSPACE; a fresh empty directory when omitted. */
  workspace?: string;
  eventName: string;
  event: object;
  /** Input names as in action.yml (`github-token`, `check-name`...). */
  inputs: Record<string, string>;
  sha?: string;
  ref?: string;
  /** More runner variables, e.g. GITHUB_BASE_REF on pull requests. */
  env?: Record<string, string>;
  /** Called once the Action runs, e.g. to cancel it as the runner does (SIGINT). */
  whileRunning?: (child: ChildProcess) => void;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::warning::` workflow commands (one per warning). */
  warnings: string[];
  errors: string[];
  /** The JSON report the run wrote (audit mode), if any. */
  report?: Report;
}

/** @actions/core reads inputs from INPUT_<NAME> with spaces as underscores, upper-cased, hyphens kept. */
function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
}

/** GITHUB_OUTPUT holds `name<<delimiter\nvalue\ndelimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1]!] = m[3]!;
  return outputs;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const runner = mkdtempSync(join(tmpdir(), 'rg-runner-'));
  const workspace = options.workspace ?? join(runner, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const eventPath = join(runner, 'event.json');
  const outputPath = join(runner, 'output');
  const summaryPath = join(runner, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(options.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  // A clean environment: nothing of the outer CI's GITHUB_* may leak in.
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: runner,
    NO_PROXY: '127.0.0.1,localhost',
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example.invalid',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_RUN_ID: '4242',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: options.sha ?? 'f'.repeat(40),
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: runner,
    ...options.env,
    ...inputEnv(options.inputs),
  };
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = execFile(process.execPath, [join(options.bundle, 'index.js')], { env, cwd: workspace, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) =>
      done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout: out, stderr: err }),
    );
    child.stdin?.end();
    options.whileRunning?.(child);
  });
  const reportPath = join(workspace, '.readiness', 'readiness-report.json');
  const run: ActionRun = {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    warnings: stdout.split('\n').filter((l) => l.startsWith('::warning')),
    errors: stdout.split('\n').filter((l) => l.startsWith('::error')),
    ...(existsSync(reportPath) ? { report: parseReport(readFileSync(reportPath, 'utf8'), reportPath) } : {}),
  };
  rmSync(runner, { recursive: true, force: true });
  return run;
}

/** A pull_request event payload: head SHA differs from GITHUB_SHA (the merge commit), as on GitHub. */
export function pullRequestEvent(number: number, headSha: string, options: { fork?: boolean } = {}): object {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { sha: headSha, ref: `feature-${number}`, repo: { full_name: options.fork ? 'forker/app' : 'octo/app' } },
      base: { ref: 'main', repo: { full_name: 'octo/app' } },
    },
    repository: { full_name: 'octo/app' },
  };
}

/**
 * A target that accepts connections and closes them without a word: the audit
 * gets no HTTP response (a P0 failure, so NO-GO). Unlike a closed port, no
 * other test's server can be given this port meanwhile.
 */
export async function startSilentTarget(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((done) => server.close(() => done())) };
}
