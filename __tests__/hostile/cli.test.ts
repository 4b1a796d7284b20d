// The bundled CLI as a child process (built from the current source into a
// temporary directory, as the Action tests do) against a target that echoes
// planted secrets everywhere and a repository that commits some: no planted
// secret, nor the configured Authorization token, on stdout or stderr, in
// any format, nor in the report file (issue 13, items 1 and 2).

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleAction } from '../github/action.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { AUDIT_SLACK_MS } from './bounded.js';
import { leaks, plantedHandler, SECRETS } from './planted.js';

const AUDIT_MS = 30_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

let bundle: ReturnType<typeof bundleAction>;
let server: TestServer;
let repo: TempRepo;

function cli(args: string[]): Promise<Run> {
  const started = performance.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(bundle.dir, 'cli.js'), ...args],
      // The configured token comes from the environment, as in CI.
      { cwd: repo.root, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', RG_TEST_TOKEN: SECRETS.configured }, timeout: AUDIT_MS + AUDIT_SLACK_MS, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr, elapsedMs: performance.now() - started }),
    );
  });
}

beforeAll(async () => {
  bundle = bundleAction();
  server = await startServer(plantedHandler);
  repo = makeRepo(
    {
      'package.json': '{"name":"app"}\n',
      '.github/readiness.yml': `timeouts:\n  audit-ms: ${AUDIT_MS}\nhttp:\n  timeout-ms: 3000\ntargets:\n  - url: ${server.url}\n    headers:\n      Authorization: Bearer \${RG_TEST_TOKEN}\n`,
      '.env.production': `SLACK_WEBHOOK=${SECRETS.slack}\nAPI_KEY=${SECRETS.hex}\nDB_PASSWORD="${SECRETS.jsonPassword}"\n`,
      'app/config.js': `module.exports = { aws: '${SECRETS.aws}', github: '${SECRETS.github}', env: '${SECRETS.envSecret}' };\n`,
    },
    { git: true },
  );
}, 120_000);

afterAll(async () => {
  await server?.close();
  repo?.cleanup();
  bundle?.cleanup();
});

const ONLY = 'disclosure,health.endpoint,http.reachable,env.committed-file,secrets.hardcoded';

describe('the bundled CLI auditing a target and a repository full of planted secrets', () => {
  it.each(['text', 'json', 'markdown', 'sarif'])('prints none of them with --format %s, on stdout or stderr', async (format) => {
    const run = await cli(['audit', '--url', server.url, '--repo', '.', '--allow-env', 'RG_TEST_TOKEN', '--only', ONLY, '--format', format, '--verbose']);
    expect(run.code).toBe(1);
    expect(run.elapsedMs).toBeLessThan(AUDIT_MS + AUDIT_SLACK_MS);
    // The planted secrets were seen: the findings are there, only the values are not.
    // (SARIF carries the findings located in files only.)
    if (format !== 'sarif') expect(run.stdout).toMatch(/disclosure\.debug-mode/);
    expect(run.stdout).toMatch(/secrets\.hardcoded/);
    expect(leaks(run.stdout)).toEqual([]);
    expect(leaks(run.stderr)).toEqual([]);
  }, 60_000);

  it('writes none of them to --output, nor to the summary line on stderr', async () => {
    const run = await cli(['audit', '--url', server.url, '--repo', '.', '--allow-env', 'RG_TEST_TOKEN', '--only', ONLY, '--format', 'json', '--output', 'report.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^NO-GO · \d+\/100 · report written to report\.json\n$/);
    expect(leaks(readFileSync(join(repo.root, 'report.json'), 'utf8'))).toEqual([]);
    expect(leaks(run.stdout + run.stderr)).toEqual([]);
  }, 60_000);
});
