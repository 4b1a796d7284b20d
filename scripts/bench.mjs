// `npm run bench`: every benchmark of the repository, one after another.
// Benchmarks print medians and ratios (these machines are noisy); they send
// traffic to loopback only. `npm run bench -- repo` runs one of them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Options after the names go to every benchmark: `npm run bench -- repo --profile small --sizes 1000`.
const all = ['repo', 'load'];
const argv = process.argv.slice(2);
const firstOption = argv.findIndex((a) => a.startsWith('--'));
const names = firstOption < 0 ? argv : argv.slice(0, firstOption);
const options = firstOption < 0 ? [] : argv.slice(firstOption);
const wanted = names.length ? names : all;
let failed = false;
for (const name of wanted) {
  const script = `scripts/bench-${name}.mjs`;
  if (!existsSync(script)) {
    console.error(`bench: no ${script}`);
    failed = true;
    continue;
  }
  console.log(`\n== ${script}`);
  const run = spawnSync(process.execPath, [script, ...options], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
