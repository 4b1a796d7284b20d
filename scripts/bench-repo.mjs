// `npm run bench -- repo`: the whole repository battery (every repo check of
// the registry, default configuration) over generated repositories, each run
// in a fresh process, from an esbuild bundle of src/. Prints, per size, the
// median (min–max) of wall time, CPU time (user+sys) and peak RSS of the audit
// process, the decision of every run, the checks that took longest, and the
// CPU cost of reading every file with `cat` (the floor, measured in the same
// run) with the audit's ratio to it; then the 50k/10k ratios and the targets.
//
// Profiles (both seeded, deterministic):
//   realistic (default)  log-uniform 2–20 KB files: 35% .py, 25% .ts, 24% .js,
//                        15% CI-like .yml; one compose file, Dockerfile and
//                        .env.example per 1,000 files; one multi-document
//                        Kubernetes manifest per 250 files.
//   small                the earlier tree: 1–2 KB sources, few YAML files.
//
//   node scripts/bench-repo.mjs [--profile realistic|small] [--sizes 1000,10000,50000] [--runs 3]
//                               [--no-git] [--keep <dir>] [--src <dir>] [--no-per-check]
//   node scripts/bench-repo.mjs --repo <path> [--runs 3]     (an existing repository instead)
//   --src <dir>: bundle the engine from another checkout (to measure the code before a change).
//   --keep <dir>: generate the trees under <dir>, leave them there and reuse them on the next run.
//
// Targets (issue 15, 2 cores, realistic tree): 10k files ≤ 2 s wall and ≤ 300 MiB;
// 50k files ≤ 10 s and ≤ 600 MiB; 50k/10k ≤ 5.2; CPU ≤ 10× the cat floor; the
// same decision on every run. Figures on a shared machine are noisy: compare
// medians, and CPU rather than wall.
import { build } from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    profile: { type: 'string', default: 'realistic' },
    sizes: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'no-git': { type: 'boolean', default: false },
    repo: { type: 'string' },
    keep: { type: 'string' },
    src: { type: 'string', default: process.cwd() },
    'no-per-check': { type: 'boolean', default: false },
  },
});
const profile = args.profile;
if (!['realistic', 'small'].includes(profile)) throw new Error(`--profile realistic|small, not ${profile}`);
const sizes = (args.sizes ?? (profile === 'small' ? '10000,50000' : '1000,10000,50000')).split(',').map(Number);
const runs = Number(args.runs);
const useGit = !args['no-git'];
const src = resolve(args.src);
const MIB = 1024 * 1024;
const WORDS = ['user', 'order', 'invoice', 'payment', 'session', 'report', 'item', 'account', 'product', 'event', 'message', 'cache'];

// The audit of one repository in this process, reported as one JSON line.
const CHILD = `
import { pathToFileURL } from 'node:url';
const [engineFile, root, mode] = process.argv.slice(2);
process.removeAllListeners('warning');
const engine = await import(pathToFileURL(engineFile).href);
const config = engine.configSchema.parse({});
if (mode === 'per-check') {
  // Each check alone, one after another, on one file set whose texts are all
  // read first: CPU per check, its own parses included (none shared).
  const files = await engine.loadFileSet(root, { maxFileBytes: config.repo.maxFileBytes, ignore: config.repo.ignore });
  for (const f of files.files) await files.read(f.path);
  const cpuMs = {};
  // The repository model (roles, deployments, settings, builds) is computed once per audit before any
  // check runs, and every check reads it: its cost is its own line, not any check's.
  let model;
  if (engine.buildRepoModel) {
    const before = process.cpuUsage();
    model = await engine.buildRepoModel(files, { roles: config.repo.roles, parsed: new engine.ParsedFiles(files) });
    const used = process.cpuUsage(before);
    cpuMs['(repository model)'] = (used.user + used.system) / 1000;
  }
  for (const check of engine.ALL_CHECKS.filter((c) => c.kind === 'repo')) {
    const before = process.cpuUsage();
    await check.run({ root: files.root, files, parsed: new engine.ParsedFiles(files), config, model, changedFiles: undefined, signal: new AbortController().signal });
    const used = process.cpuUsage(before);
    cpuMs[check.id] = (used.user + used.system) / 1000;
  }
  process.stdout.write(JSON.stringify({ cpuMs }) + '\\n');
  process.exit(0);
}
const checkMs = {};
let firstCheckAt = Infinity;
const checks = engine.ALL_CHECKS.filter((c) => c.kind === 'repo').map((check) => ({
  ...check,
  run: async (ctx) => {
    const started = performance.now();
    firstCheckAt = Math.min(firstCheckAt, started);
    try { return await check.run(ctx); } finally { checkMs[check.id] = performance.now() - started; }
  },
}));
const started = performance.now();
// The scanners the worker threads run, as the CLI passes them (a build from before the layering has none to pass: its engine imports them).
const result = await engine.runAudit({ config, checks, targets: [], repoRoot: root, onProgress: () => {}, ...(engine.SCANNERS ? { scanners: [...engine.SCANNERS.values()] } : {}) });
// Listing and the repository model: everything before the first check starts.
const fileSetMs = Number.isFinite(firstCheckAt) ? firstCheckAt - started : 0;
const v = engine.verdict(result.findings, { minScore: config.minScore, failOn: config.failOn });
const usage = process.resourceUsage();
const failing = [...new Set(result.findings.filter((f) => f.status === 'fail' || f.status === 'error').map((f) => f.checkId))].sort();
process.stdout.write(JSON.stringify({
  files: result.repository?.files ?? 0, skipped: result.repository?.skipped ?? 0, findings: result.findings.length,
  errors: result.findings.filter((f) => f.status === 'error').map((f) => f.checkId + ': ' + f.message.slice(0, 120)),
  decision: v.decision, score: v.score, failing, checkMs, fileSetMs,
  cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKiB: usage.maxRSS,
}) + '\\n');
`;

const work = mkdtempSync(join(tmpdir(), 'rg-bench-repo-'));
try {
  const engineFile = await bundleEngine(work, src);
  const childFile = join(work, 'audit-once.mjs');
  writeFileSync(childFile, CHILD);
  console.log(
    `node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; engine from ${src}; ` +
      `profile ${args.repo ? '(existing repository)' : profile}; ${runs} fresh process(es) per size; ${useGit ? 'git work tree' : 'plain directory'}`,
  );

  const summary = new Map();
  for (const size of args.repo ? [0] : sizes) {
    const root = args.repo ?? join(args.keep ?? work, `repo-${profile}-${size}`);
    const marker = join(root, '.git', 'bench-generated');
    if (!args.repo && args.keep && useGit && existsSync(marker)) {
      console.log(`\n${size.toLocaleString('en-US')} files: reusing ${root} (${readFileSync(marker, 'utf8').trim()})`);
    } else if (!args.repo) {
      const t0 = performance.now();
      rmSync(root, { recursive: true, force: true });
      const { counts, bytes } = (profile === 'small' ? generateSmall : generateRealistic)(root, size);
      if (useGit) gitCommitAll(root);
      const description = `${(bytes / MIB).toFixed(0)} MiB, ${describeCounts(counts)}`;
      if (useGit) writeFileSync(marker, description);
      console.log(`\n${size.toLocaleString('en-US')} files, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (${description})`);
    } else {
      console.log(`\n${root}`);
    }
    await catFloor(root); // warms the page cache: every run then reads from memory
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const floor = await catFloor(root);
      const audit = await auditInFreshProcess(engineFile, childFile, root);
      samples.push({ ...audit, floor });
    }
    const first = samples[0];
    console.log(`  ${first.files} files in the file set, ${first.skipped} skipped, ${first.findings} findings, ${first.errors.length} error(s)${first.errors.length ? `: ${first.errors.slice(0, 3).join('; ')}` : ''}`);
    const wall = stats(samples.map((s) => s.wallMs / 1000));
    const cpu = stats(samples.map((s) => s.cpuMs / 1000));
    const rss = stats(samples.map((s) => s.maxRssKiB / 1024));
    const floorCpu = stats(samples.map((s) => s.floor.cpuMs / 1000));
    const floorWall = stats(samples.map((s) => s.floor.wallMs / 1000));
    const ratio = stats(samples.map((s) => s.cpuMs / Math.max(1, s.floor.cpuMs)));
    const decisions = samples.map((s) => `${s.decision} (score ${s.score}, failing ${s.failing.length})`);
    const sameDecision = samples.every((s) => s.decision === first.decision && s.failing.join() === first.failing.join());
    console.log(`  wall      ${fmt(wall, 's')}`);
    console.log(`  CPU       ${fmt(cpu, 's')}  (user+sys of the audit process, node start and bundle load included)`);
    console.log(`  peak RSS  ${fmt(rss, 'MiB', 0)}`);
    console.log(`  cat floor ${fmt(floorCpu, 's CPU', 3)}, ${fmt(floorWall, 's wall', 3)}`);
    console.log(`  CPU / cat floor ×${ratio.median.toFixed(1)} (${ratio.min.toFixed(1)}–${ratio.max.toFixed(1)})`);
    console.log(`  decisions ${decisions.join(', ')}: ${sameDecision ? 'the same on every run' : 'NOT the same on every run'}`);
    if (!sameDecision) for (const s of samples) console.log(`    failing: ${s.failing.join(', ')}`);
    console.log(`  listing and model (until the first check starts) ${fmt(stats(samples.map((s) => s.fileSetMs / 1000)), 's')}`);
    if (!args['no-per-check']) {
      const { cpuMs } = await auditInFreshProcess(engineFile, childFile, root, 'per-check');
      const rows = Object.entries(cpuMs).sort((a, b) => b[1] - a[1]);
      const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
      console.log(`  CPU per check, each alone on texts already read (its own parses included; ${rows.length} checks, ${(total / 1000).toFixed(2)} s in all), the 12 largest:`);
      for (const [id, ms] of rows.slice(0, 12)) console.log(`    ${(ms / 1000).toFixed(3).padStart(7)} s  ${id}`);
    }
    summary.set(size, { wall, cpu, rss, ratio, sameDecision });
    if (!args.repo && !args.keep) rmSync(root, { recursive: true, force: true });
  }

  const big = summary.get(50000);
  const mid = summary.get(10000);
  if (big && mid) {
    console.log(`\n50k/10k ratio: wall ×${(big.wall.median / mid.wall.median).toFixed(2)}, CPU ×${(big.cpu.median / mid.cpu.median).toFixed(2)} (5.00 = linear; target ≤ 5.2)`);
  }
  if (profile === 'realistic' && !args.repo) {
    const verdictOf = (ok) => (ok ? 'met' : 'MISSED');
    if (mid) console.log(`target 10k: ≤ 2 s wall ${verdictOf(mid.wall.median <= 2)} (${mid.wall.median.toFixed(2)} s), ≤ 300 MiB ${verdictOf(mid.rss.median <= 300)} (${mid.rss.median.toFixed(0)} MiB)`);
    if (big) console.log(`target 50k: ≤ 10 s wall ${verdictOf(big.wall.median <= 10)} (${big.wall.median.toFixed(2)} s), ≤ 600 MiB ${verdictOf(big.rss.median <= 600)} (${big.rss.median.toFixed(0)} MiB)`);
    for (const [size, s] of summary) console.log(`target ${size}: CPU ≤ 10× cat floor ${verdictOf(s.ratio.median <= 10)} (×${s.ratio.median.toFixed(1)}); same decision every run ${verdictOf(s.sameDecision)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}


async function auditInFreshProcess(engineFile, childFile, root, mode = 'audit') {
  const started = performance.now();
  const { code, stdout, stderr } = await run(process.execPath, [childFile, engineFile, root, mode]);
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`audit process exited with ${code}: ${stderr.slice(-2000)}`);
  return { ...JSON.parse(stdout.trim().split('\n').pop()), wallMs };
}

/** CPU (user+sys) and wall time of `cat`-ing every file of the tree but .git/. */
async function catFloor(root) {
  const started = performance.now();
  const { code, stdout } = await run('bash', ['-c', "find . -path ./.git -prune -o -type f -print0 | xargs -0 cat > /dev/null; times"], { cwd: root });
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error('cat floor failed');
  // `times`: the shell's user/sys, then its children's: "0m0.012s 0m0.345s".
  const seconds = (t) => {
    const m = /(\d+)m([\d.]+)s/.exec(t);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  const cpuMs = stdout.trim().split('\n').map((line) => line.trim().split(/\s+/).reduce((sum, t) => sum + seconds(t), 0)).reduce((a, b) => a + b, 0) * 1000;
  return { cpuMs, wallMs };
}

function run(command, argv, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, argv, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

async function bundleEngine(dir, srcRoot) {
  const entry = join(dir, 'entry.ts');
  const file = (p) => JSON.stringify(join(srcRoot, p));
  writeFileSync(
    entry,
    `export * from ${file('src/checks/index.ts')};
     export { runAudit } from ${file('src/engine/run.ts')};
     export { verdict } from ${file('src/engine/score.ts')};
     export { configSchema } from ${file('src/config/schema.ts')};
     export { loadFileSet } from ${file('src/repo/fileset.ts')};
     export { ParsedFiles } from ${file(existsSync(join(srcRoot, 'src/parse/parsed.ts')) ? 'src/parse/parsed.ts' : 'src/repo/parsed.ts')};
     ${existsSync(join(srcRoot, 'src/model/index.ts')) ? `export { buildRepoModel } from ${file('src/model/index.ts')};` : 'export const buildRepoModel = undefined;'}`,
  );
  const out = join(dir, 'engine.mjs');
  await build({
    entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
    nodePaths: [join(process.cwd(), 'node_modules')],
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
  });
  // The scan pool's worker entry, beside the engine where src/repo/scan-pool.ts looks for it.
  if (existsSync(join(srcRoot, 'src/checks/scan-worker.ts'))) {
    await build({
      entryPoints: [join(srcRoot, 'src/checks/scan-worker.ts')], outfile: join(dir, 'scan-worker.js'), bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
      nodePaths: [join(process.cwd(), 'node_modules')],
      banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
    });
  }
  return out;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function fmt(s, unit, digits = 2) {
  return `${s.median.toFixed(digits)} ${unit} median (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

function gitCommitAll(root) {
  const git = (...a) => execFileSync('git', ['-C', root, '-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...a], { stdio: 'pipe', maxBuffer: 1 << 28 });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'synthetic repository');
}

function describeCounts(counts) {
  return Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ');
}

function writer(root) {
  const counts = {};
  let bytes = 0;
  const write = (path, content, kind) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    counts[kind] = (counts[kind] ?? 0) + 1;
    bytes += Buffer.byteLength(content);
  };
  return { write, result: () => ({ counts, bytes }) };
}

// mulberry32: a small seeded generator, so every run builds the same tree.
function seeded(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- realistic

function generateRealistic(root, total) {
  const random = seeded(15);
  const { write, result } = writer(root);
  write('package.json', JSON.stringify({ name: 'monorepo', private: true, scripts: { test: 'jest', lint: 'eslint .' }, workspaces: ['packages/*'] }, null, 2), 'manifest');
  write('README.md', '# Monorepo\n\nServices and libraries. Run `npm test`.\n', 'doc');
  write('.gitignore', 'node_modules/\n.env\n__pycache__/\n', 'ignore');
  for (let i = 0; i < total; i++) {
    const pkg = `packages/pkg${String(Math.floor(i / 500)).padStart(3, '0')}`;
    const dir = `${pkg}/src/mod${String(Math.floor(i / 40) % 25).padStart(2, '0')}`;
    // Log-uniform between 2 and 20 KB.
    const target = Math.round(2048 * 10 ** random());
    if (i % 1000 === 0) write(`${pkg}/docker-compose.yml`, composeFile(i), 'compose');
    else if (i % 1000 === 1) write(`${pkg}/Dockerfile`, dockerfile(i), 'Dockerfile');
    else if (i % 1000 === 2) write(`${pkg}/.env.example`, `DATABASE_URL=postgres://app:CHANGE_ME@db:5432/app\nSECRET_KEY=\nREDIS_URL=redis://redis:6379/0\nPORT=8000\n`, '.env.example');
    else if (i % 250 === 3) write(`${pkg}/deploy/k8s/app-${i}.yaml`, manifest(i, random), 'k8s');
    else {
      const r = random() * 99;
      if (r < 35) write(`${dir}/module_${i}.py`, fill(target, (n) => pyBlock(i, n, random), pyHeader(i, random)), 'py');
      else if (r < 60) write(`${dir}/file${i}.ts`, fill(target, (n) => tsBlock(i, n, random), tsHeader(i, random)), 'ts');
      else if (r < 84) write(`${dir}/file${i}.js`, fill(target, (n) => jsBlock(i, n, random), jsHeader(i, random)), 'js');
      else write(`${pkg}/ci/pipeline-${i}.yml`, fill(target, (n) => ciJob(i, n, random), ciHeader(i, random)), 'ci yml');
    }
  }
  return result();
}

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

/** `header`, then blocks until the text reaches `target` bytes. */
function fill(target, block, header) {
  const parts = [header];
  let length = header.length;
  for (let n = 0; length < target; n++) {
    const b = block(n);
    parts.push(b);
    length += b.length;
  }
  return parts.join('');
}


function pyHeader(i, random) {
  const env = random() < 0.05 ? `import os\n\nTIMEOUT = int(os.getenv("TIMEOUT_${i % 53}", "30"))\n` : '';
  return `"""Module ${i}: ${pick(random, WORDS)} handling."""\nfrom __future__ import annotations\n\nimport json\nimport logging\nfrom dataclasses import dataclass\n${env}\nlogger = logging.getLogger(__name__)\n\n`;
}

function pyBlock(i, n, random) {
  const w = pick(random, WORDS);
  return `
@dataclass
class ${w[0].toUpperCase()}${w.slice(1)}Record${n}:
    id: int
    name: str
    token_count: int = 0

    def to_json(self) -> str:
        return json.dumps({"id": self.id, "name": self.name, "tokens": self.token_count})


def load_${w}_${n}(rows, *, key="id"):
    """Index ${w} rows by key, skipping rows without one."""
    out = {}
    for row in rows:
        if row.get(key) is None:
            logger.debug("skipping row without %s", key)
            continue
        out[row[key]] = ${w[0].toUpperCase()}${w.slice(1)}Record${n}(id=row["id"], name=row.get("name", ""))
    return out

`;
}

function tsHeader(i, random) {
  const env = random() < 0.05 ? `\nexport const setting${i} = process.env.SETTING_${i % 97} ?? 'default';\n` : '';
  return `import { readFile } from 'node:fs/promises';\nimport type { Logger } from '../logger.js';\n${env}\n`;
}

function tsBlock(i, n, random) {
  const w = pick(random, WORDS);
  const W = w[0].toUpperCase() + w.slice(1);
  return `
export interface ${W}${n} {
  id: string;
  name: string;
  tags: readonly string[];
  [key: string]: unknown;
}

export async function load${W}${n}(path: string, log: Logger): Promise<Map<string, ${W}${n}>> {
  const rows = JSON.parse(await readFile(path, 'utf8')) as ${W}${n}[];
  const byKey = new Map<string, ${W}${n}>();
  for (const row of rows) {
    if (!row.id) {
      log.warn(\`${w} without id in \${path}\`);
      continue;
    }
    byKey.set(row.id, { ...row, tags: row.tags ?? [] });
  }
  return byKey;
}
`;
}

function jsHeader(i, random) {
  const env = random() < 0.05 ? `const port = Number(process.env.PORT_${i % 31} || 3000);\n` : '';
  return `'use strict';\n\nconst path = require('node:path');\nconst { EventEmitter } = require('node:events');\n${env}\n`;
}

function jsBlock(i, n, random) {
  const w = pick(random, WORDS);
  return `
function ${w}Summary${n}(items, options = {}) {
  const { limit = 10, key = 'id' } = options;
  const seen = new Set();
  const out = [];
  for (const item of items) {
    if (seen.has(item[key])) continue;
    seen.add(item[key]);
    out.push({ id: item[key], label: path.basename(String(item.name || '')), at: Date.now() });
    if (out.length >= limit) break;
  }
  return out;
}
module.exports.${w}Summary${n} = ${w}Summary${n};
`;
}

function ciHeader(i, random) {
  const services = random() < 0.1 ? `services:\n  postgres:\n    image: postgres:16\n    variables:\n      POSTGRES_PASSWORD: ci\n` : '';
  return `# CI pipeline ${i}\nstages: [lint, test, build]\nvariables:\n  NODE_VERSION: "20"\n  PIP_CACHE_DIR: .cache/pip\n${services}\n`;
}

function ciJob(i, n, random) {
  const w = pick(random, WORDS);
  return `
${w}-test-${n}:
  stage: test
  image: node:20-alpine
  before_script:
    - npm ci --prefer-offline
  script:
    - npm run lint -- --max-warnings 0
    - npm test -- --testPathPattern ${w}
    - echo "done ${w} ${n}"
  cache:
    key: \${CI_COMMIT_REF_SLUG}-${n}
    paths: [node_modules/]
  rules:
    - if: '$CI_PIPELINE_SOURCE == "merge_request_event"'
`;
}

function composeFile(i) {
  return `services:
  web:
    build: .
    restart: unless-stopped
    environment:
      DATABASE_URL: \${DATABASE_URL}
      SECRET_KEY: \${SECRET_KEY:?set it}
    ports:
      - "8000:8000"
    depends_on:
      db:
        condition: service_healthy
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
  db:
    image: postgres:16
    restart: unless-stopped
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?set it}
    volumes:
      - pgdata-${i}:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready"]
  redis:
    image: redis:7-alpine
volumes:
  pgdata-${i}: {}
`;
}

function dockerfile(i) {
  return `FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM node:20-alpine\nENV NODE_ENV=production PORT=${3000 + (i % 10)}\nCOPY --from=build /app/dist /app\nUSER node\nHEALTHCHECK CMD wget -qO- http://localhost:${3000 + (i % 10)}/health || exit 1\nCMD ["node", "/app/index.js"]\n`;
}

function manifest(i, random) {
  const docs = [
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${i}\n  labels: { app: svc-${i} }\nspec:\n  replicas: 2\n  selector:\n    matchLabels: { app: svc-${i} }\n  template:\n    metadata:\n      labels: { app: svc-${i} }\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/acme/svc:1.${i}.0\n          ports: [{ containerPort: 8080 }]\n          resources:\n            requests: { cpu: 100m, memory: 128Mi }\n            limits: { memory: 256Mi }\n          readinessProbe:\n            httpGet: { path: /ready, port: 8080 }\n          livenessProbe:\n            httpGet: { path: /health, port: 8080 }\n          securityContext:\n            runAsNonRoot: true\n            allowPrivilegeEscalation: false\n`,
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  selector: { app: svc-${i} }\n  ports:\n    - port: 80\n      targetPort: 8080\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: svc-${i}-config\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: "a,b,c"\n`,
  ];
  if (random() < 0.2) docs.push(`apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: svc-${i}\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: svc-${i} }\n  minReplicas: 2\n  maxReplicas: 10\n`);
  return docs.join('---\n');
}

// -------------------------------------------------------------------- small
// The earlier tree: a mid-size monorepo of 1–2 KB sources, docs and JSON.

function generateSmall(root, total) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const { write, result } = writer(root);
  for (let i = 0; i < total; i++) {
    const pkg = `packages/pkg${String(Math.floor(i / 500)).padStart(3, '0')}`;
    const dir = `${pkg}/src/mod${String(Math.floor(i / 40) % 25).padStart(2, '0')}`;
    const r = random();
    if (i % 2000 === 0) write(`${pkg}/docker-compose.yml`, smallCompose(i), 'compose');
    else if (i % 2000 === 1) write(`${pkg}/.env.example`, `DATABASE_URL=\nSECRET_KEY=\nVAR_${i}=\n`, 'env template');
    else if (i % 1000 === 2) write(`${pkg}/Dockerfile`, smallDockerfile(i), 'Dockerfile');
    else if (i % 300 === 3) write(`${pkg}/deploy/k8s-${i}.yaml`, smallManifest(i), 'k8s');
    else if (i % 5000 === 4) write(`${pkg}/.env`, `DEBUG=false\nAPI_TOKEN=t0k3n${i}zQ8vLm2Xp7Rb4Nc1\n`, '.env');
    else if (r < 0.5) write(`${dir}/file${i}.ts`, smallTs(i, random), 'ts');
    else if (r < 0.75) write(`${dir}/file${i}.py`, smallPy(i, random), 'py');
    else if (r < 0.85) write(`${dir}/file${i}.test.ts`, smallTs(i, random), 'test');
    else if (r < 0.93) write(`${pkg}/docs/page${i}.md`, smallMarkdown(i), 'md');
    else if (r < 0.98) write(`${dir}/data${i}.json`, JSON.stringify({ id: i, name: `item ${i}`, tags: ['a', 'b'], nested: { enabled: true, count: i } }, null, 2), 'json');
    else write(`${pkg}/config/settings${i}.yml`, `name: svc${i}\nreplicas: 2\nfeatures:\n  - a\n  - b\n`, 'yaml');
  }
  return result();
}

function smallTs(i, random) {
  const env = random() < 0.05 ? `\nexport const setting${i} = process.env.SETTING_${i % 97} ?? 'default';\n` : '';
  const body = Array.from({ length: 30 }, (_, n) => `  if (input.value${n} > ${n}) total += input.value${n} * ${n}; // step ${n}`).join('\n');
  return `import { helper } from '../util.js';\n${env}\nexport interface Input${i} { [key: string]: number }\n\nexport function compute${i}(input: Input${i}): number {\n  let total = 0;\n${body}\n  return helper(total);\n}\n`;
}

function smallPy(i, random) {
  const env = random() < 0.05 ? `import os\nTIMEOUT = int(os.getenv("TIMEOUT_${i % 53}", "30"))\n` : '';
  const body = Array.from({ length: 25 }, (_, n) => `    if data.get("k${n}"):\n        total += data["k${n}"] * ${n}`).join('\n');
  return `${env}\n\ndef compute_${i}(data):\n    """Sum weighted values."""\n    total = 0\n${body}\n    return total\n`;
}

function smallMarkdown(i) {
  return `# Page ${i}\n\n${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12)}\n\n## Usage\n\nRun \`make test\` and read the [guide](../README.md).\n`;
}

function smallCompose(i) {
  return `services:\n  web:\n    build: .\n    restart: unless-stopped\n    environment:\n      DATABASE_URL: \${DATABASE_URL}\n      DB_PASSWORD: devpass${i}\n    ports:\n      - "8000:8000"\n    depends_on: [db]\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n`;
}

function smallDockerfile(i) {
  return `FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM node:20-alpine\nENV NODE_ENV=production PORT=${3000 + (i % 10)}\nCOPY --from=build /app/dist /app\nUSER node\nCMD ["node", "/app/index.js"]\n`;
}

function smallManifest(i) {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/acme/svc:${i}\n          resources:\n            requests: { cpu: 100m, memory: 128Mi }\n            limits: { memory: 256Mi }\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  ports:\n    - port: 80\n`;
}
