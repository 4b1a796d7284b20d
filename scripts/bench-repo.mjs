// `npm run bench -- repo`: the whole repository battery (every repo check of
// the registry) over synthetic repositories of 10,000 and 50,000 files, run
// through the real engine from an esbuild bundle of src/. Prints the median
// of several runs, files/s, and the 50k/10k time ratio (1 would be perfectly
// flat, 5 is linear). Target: 10k files under 2 s on a 2-core machine.
//
//   node scripts/bench-repo.mjs [--sizes 10000,50000] [--runs 5] [--no-git] [--per-check]
//   node scripts/bench-repo.mjs --repo <path> [--runs 5] [--per-check]   (an existing repository instead)
//   --keep <dir>: write the synthetic repositories under <dir> and leave them there
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = option('sizes', '10000,50000').split(',').map(Number);
const runs = Number(option('runs', '5'));
const useGit = !args.includes('--no-git');
const perCheck = args.includes('--per-check');
const existing = option('repo', undefined);
const keep = option('keep', undefined);

// The engine adds one abort listener per check to the audit's signal; Node
// warns past 10. Counted and reported once instead of flooding the output.
let listenerWarnings = 0;
process.removeAllListeners('warning');
process.on('warning', (w) => (w.name === 'MaxListenersExceededWarning' ? listenerWarnings++ : console.warn(`${w.name}: ${w.message}`)));

const work = mkdtempSync(join(tmpdir(), 'rg-bench-repo-'));
try {
  const engine = await bundleEngine(work);
  const repoChecks = engine.ALL_CHECKS.filter((c) => c.kind === 'repo');
  const config = engine.configSchema.parse({ timeouts: { 'check-ms': 600000, 'audit-ms': 3600000 } });
  console.log(`node ${process.version}, ${cpus().length} CPU(s), ${repoChecks.length} repository checks, ${runs} runs per size, ${useGit ? 'git work tree' : 'plain directory'}`);

  const medians = new Map();
  for (const size of existing ? [0] : sizes) {
    const root = existing ?? join(keep ?? work, `repo-${size}`);
    if (!existing) {
      const t0 = performance.now();
      const counts = generateRepository(root, size);
      if (useGit) gitCommitAll(root);
      console.log(`\n${size} files generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (${describeCounts(counts)})`);
    }

    const audit = async (checks) => {
      const started = performance.now();
      const result = await engine.runAudit({ config, checks, targets: [], repoRoot: root });
      return { seconds: (performance.now() - started) / 1000, result };
    };
    const cold = await audit(repoChecks);
    const errors = cold.result.findings.filter((f) => f.status === 'error');
    const { files: listed, skipped } = cold.result.repository;
    console.log(`  first (cold cache) run: ${cold.seconds.toFixed(2)} s, ${listed} files in the file set, ${skipped} skipped, ${cold.result.findings.length} findings, ${errors.length} errors`);
    // A file skipped as unreadable (EMFILE when too many are opened at once) silently escapes every check.
    if (skipped) console.log(`  WARNING: ${skipped} file(s) could not be read and were left out of the audit`);
    for (const e of errors.slice(0, 3)) console.log(`    error ${e.checkId}: ${e.message}`);
    const times = [];
    for (let i = 0; i < runs; i++) times.push((await audit(repoChecks)).seconds);
    const median = medianOf(times);
    medians.set(size, median);
    const files = cold.result.repository.files;
    console.log(`  runs: ${times.map((t) => t.toFixed(2)).join(' ')} s`);
    console.log(`  median ${median.toFixed(2)} s, ${Math.round(files / median).toLocaleString('en-US')} files/s`);

    if (perCheck) {
      const fileSetTimes = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await engine.loadFileSet(root, { maxFileBytes: config.repo.maxFileBytes, ignore: config.repo.ignore });
        fileSetTimes.push((performance.now() - started) / 1000);
      }
      const fileSetOnly = medianOf(fileSetTimes);
      const rows = [];
      for (const check of repoChecks) rows.push([check.id, (await audit([check])).seconds]);
      rows.sort((a, b) => b[1] - a[1]);
      console.log(`  alone, file set included (listing the file set alone: ${fileSetOnly.toFixed(2)} s):`);
      for (const [id, s] of rows.slice(0, 15)) console.log(`    ${s.toFixed(2)} s  ${id}`);
    }
    if (!existing && !keep) rmSync(root, { recursive: true, force: true });
  }
  if (medians.has(10000) && medians.has(50000)) {
    const ratio = medians.get(50000) / medians.get(10000);
    console.log(`\n50k/10k time ratio: ${ratio.toFixed(2)} (5.00 = linear)`);
    console.log(`10k files: ${medians.get(10000).toFixed(2)} s median, target < 2 s: ${medians.get(10000) < 2 ? 'met' : 'NOT met'}`);
  }
  if (listenerWarnings) console.log(`(${listenerWarnings} MaxListenersExceededWarning(s) from the engine's per-check abort listeners were silenced)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function bundleEngine(dir) {
  const entry = join(dir, 'entry.ts');
  const cwd = process.cwd();
  writeFileSync(
    entry,
    `export { ALL_CHECKS } from ${JSON.stringify(join(cwd, 'src/checks/index.ts'))};
     export { runAudit } from ${JSON.stringify(join(cwd, 'src/engine/run.ts'))};
     export { configSchema } from ${JSON.stringify(join(cwd, 'src/config/schema.ts'))};
     export { loadFileSet } from ${JSON.stringify(join(cwd, 'src/repo/fileset.ts'))};`,
  );
  const out = join(dir, 'engine.mjs');
  await build({
    entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
  });
  return import(pathToFileURL(out).href);
}

function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function gitCommitAll(root) {
  const git = (...a) => execFileSync('git', ['-C', root, '-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...a], { stdio: 'pipe', maxBuffer: 1 << 28 });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'synthetic repository');
}

// A deterministic mix shaped like a mid-size monorepo: mostly TypeScript and
// Python sources (some reading environment variables, a few with secret-named
// settings), docs and JSON, a sprinkle of compose files, Dockerfiles,
// Kubernetes manifests, env templates and a tracked .env.
function generateRepository(root, total) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const counts = {};
  const write = (path, content, kind) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    counts[kind] = (counts[kind] ?? 0) + 1;
  };
  for (let i = 0; i < total; i++) {
    const pkg = `packages/pkg${String(Math.floor(i / 500)).padStart(3, '0')}`;
    const dir = `${pkg}/src/mod${String(Math.floor(i / 40) % 25).padStart(2, '0')}`;
    const r = random();
    if (i % 2000 === 0) write(`${pkg}/docker-compose.yml`, composeFile(i), 'compose');
    else if (i % 2000 === 1) write(`${pkg}/.env.example`, `DATABASE_URL=\nSECRET_KEY=\nVAR_${i}=\n`, 'env template');
    else if (i % 1000 === 2) write(`${pkg}/Dockerfile`, dockerfile(i), 'Dockerfile');
    else if (i % 300 === 3) write(`${pkg}/deploy/k8s-${i}.yaml`, manifest(i), 'k8s');
    else if (i % 5000 === 4) write(`${pkg}/.env`, `DEBUG=false\nAPI_TOKEN=t0k3n${i}zQ8vLm2Xp7Rb4Nc1\n`, '.env');
    else if (r < 0.5) write(`${dir}/file${i}.ts`, tsSource(i, random), 'ts');
    else if (r < 0.75) write(`${dir}/file${i}.py`, pySource(i, random), 'py');
    else if (r < 0.85) write(`${dir}/file${i}.test.ts`, tsSource(i, random), 'test');
    else if (r < 0.93) write(`${pkg}/docs/page${i}.md`, markdown(i), 'md');
    else if (r < 0.98) write(`${dir}/data${i}.json`, JSON.stringify({ id: i, name: `item ${i}`, tags: ['a', 'b'], nested: { enabled: true, count: i } }, null, 2), 'json');
    else write(`${pkg}/config/settings${i}.yml`, `name: svc${i}\nreplicas: 2\nfeatures:\n  - a\n  - b\n`, 'yaml');
  }
  return counts;
}

function describeCounts(counts) {
  return Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ');
}

function tsSource(i, random) {
  const env = random() < 0.05 ? `\nexport const setting${i} = process.env.SETTING_${i % 97} ?? 'default';\n` : '';
  const body = Array.from({ length: 30 }, (_, n) => `  if (input.value${n} > ${n}) total += input.value${n} * ${n}; // step ${n}`).join('\n');
  return `import { helper } from '../util.js';\n${env}\nexport interface Input${i} { [key: string]: number }\n\nexport function compute${i}(input: Input${i}): number {\n  let total = 0;\n${body}\n  return helper(total);\n}\n`;
}

function pySource(i, random) {
  const env = random() < 0.05 ? `import os\nTIMEOUT = int(os.getenv("TIMEOUT_${i % 53}", "30"))\n` : '';
  const body = Array.from({ length: 25 }, (_, n) => `    if data.get("k${n}"):\n        total += data["k${n}"] * ${n}`).join('\n');
  return `${env}\n\ndef compute_${i}(data):\n    """Sum weighted values."""\n    total = 0\n${body}\n    return total\n`;
}

function markdown(i) {
  return `# Page ${i}\n\n${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12)}\n\n## Usage\n\nRun \`make test\` and read the [guide](../README.md).\n`;
}

function composeFile(i) {
  return `services:\n  web:\n    build: .\n    restart: unless-stopped\n    environment:\n      DATABASE_URL: \${DATABASE_URL}\n      DB_PASSWORD: devpass${i}\n    ports:\n      - "8000:8000"\n    depends_on: [db]\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n`;
}

function dockerfile(i) {
  return `FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM node:20-alpine\nENV NODE_ENV=production PORT=${3000 + (i % 10)}\nCOPY --from=build /app/dist /app\nUSER node\nCMD ["node", "/app/index.js"]\n`;
}

function manifest(i) {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/acme/svc:${i}\n          resources:\n            requests: { cpu: 100m, memory: 128Mi }\n            limits: { memory: 256Mi }\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  ports:\n    - port: 80\n`;
}
