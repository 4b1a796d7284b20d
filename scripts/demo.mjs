// `npm run demo`: starts the deliberately flawed sample app on 127.0.0.1 (an
// ephemeral port), audits it together with the flawed example repository
// using the bundled CLI, prints the terminal report and shuts the app down.
// Exits 0 when the audit ran (GO or NO-GO), non-zero when it could not.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const app = spawn(process.execPath, ['examples/sample-app/server.mjs', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const stop = () => app.exitCode === null && app.kill('SIGTERM');
process.on('exit', stop);

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

console.error(`demo: sample app at ${url}; auditing it with examples/sample-repo\n`);
const audit = spawn(
  process.execPath,
  ['dist/cli.js', 'audit', '--url', url, '--repo', 'examples/sample-repo', '--config', 'examples/sample-repo/.github/readiness.yml', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
const [code] = await once(audit, 'exit');
stop();
if (code === 0 || code === 1) {
  console.error(`\ndemo: the audit ran (exit ${code}: ${code === 0 ? 'GO' : 'NO-GO'}).`);
  process.exit(0);
}
console.error(`\ndemo: the audit itself failed (exit ${code}).`);
process.exit(code ?? 2);
