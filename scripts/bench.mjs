// `npm run bench`: every benchmark of the repository, one after another.
// Benchmarks print medians and ratios (these machines are noisy); they send
// traffic to loopback only. `npm run bench -- repo` runs one of them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const all = ['repo', 'load'];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all;
let failed = false;
for (const name of wanted) {
  const script = `scripts/bench-${name}.mjs`;
  if (!existsSync(script)) {
    console.error(`bench: no ${script}`);
    failed = true;
    continue;
  }
  console.log(`\n== ${script}`);
  const run = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
