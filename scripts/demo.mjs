// `npm run demo`: starts the deliberately flawed sample app on 127.0.0.1 (an
// ephemeral port), audits it together with the flawed example repository
// using the bundled CLI, prints the terminal report and shuts the app down.
// Exits 0 when the audit ran (GO or NO-GO), non-zero when it could not.
//
// The capacity ramp (load.ramp) gets a previous run to compare with: first the
// "main branch" app (a worker pool twice as large) is ramped alone and its
// JSON report kept, then the audit of the app as it is now reads it with
// --previous, and says what capacity the change lost. `npm run demo --
// --format markdown` prints the report as the pull-request comment shows it,
// with the ramp's Mermaid chart.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const CONFIG = 'examples/sample-repo/.github/readiness.yml';
const apps = [];
process.on('exit', () => apps.forEach((app) => app.exitCode === null && app.kill('SIGTERM')));

async function startApp(extra = []) {
  const app = spawn(process.execPath, ['examples/sample-app/server.mjs', '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  apps.push(app);
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sample app did not start within 10 s')), 10000);
    createInterface({ input: app.stdout }).on('line', (line) => {
      const match = /listening on (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    app.on('exit', (code) => reject(new Error(`the sample app exited early (code ${code})`)));
  }).catch((err) => {
    console.error(`demo: ${err.message}`);
    process.exit(2);
  });
  return { url, stop: () => app.exitCode === null && app.kill('SIGTERM') };
}

async function cli(args, stdio) {
  const child = spawn(process.execPath, ['dist/cli.js', ...args], { stdio });
  const [code] = await once(child, 'exit');
  return code;
}

const work = mkdtempSync(join(tmpdir(), 'rg-demo-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const previous = join(work, 'main-report.json');

// The base branch: the same app with a pool of 8 workers; only its capacity is measured.
const main = await startApp(['--pool', '8']);
console.error(`demo: ramping the "main branch" app (a pool of 8 workers) at ${main.url} for the capacity to compare with`);
const mainCode = await cli(['audit', '--url', main.url, '--config', CONFIG, '--only', 'load.ramp', '--format', 'json', '--output', previous, '--fail-on', 'never'], ['ignore', 'ignore', 'inherit']);
main.stop();
const comparing = mainCode === 0 ? ['--previous', previous, '--base', 'main'] : [];
if (mainCode !== 0) console.error(`demo: the "main branch" ramp did not run (exit ${mainCode}); auditing without a comparison`);

const app = await startApp();
console.error(`demo: sample app at ${app.url}; auditing it with examples/sample-repo\n`);
const code = await cli(['audit', '--url', app.url, '--repo', 'examples/sample-repo', '--config', CONFIG, ...comparing, ...process.argv.slice(2)], 'inherit');
app.stop();
if (code === 0 || code === 1) {
  console.error(`\ndemo: the audit ran (exit ${code}: ${code === 0 ? 'GO' : 'NO-GO'}).`);
  process.exit(0);
}
console.error(`\ndemo: the audit itself failed (exit ${code}).`);
process.exit(code ?? 2);
