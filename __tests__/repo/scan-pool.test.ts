// The scan pool with a real worker thread: the worker entry is bundled with
// esbuild into a temp dir, as scripts/bundle.mjs puts it beside dist/. Results
// must equal the main thread's, files it cannot read must be recorded once, a
// worker that fails must leave its work to the main thread, and closing the
// pool must settle every scan.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadFileSet, type FileSet } from '../../src/repo/fileset.js';
import { ParsedFiles } from '../../src/parse/parsed.js';
import { createScanPool, usableCpus, type Scanner } from '../../src/repo/scan-pool.js';
import { availableParallelism } from 'node:os';
import { SCANNERS } from '../../src/checks/scanners.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';

const scanners = [...SCANNERS.values()];
let dir: string;
let workerUrl: URL;
let repo: TempRepo;

function filler(i: number): string {
  // About 6 KB each: several batches of the pool's size.
  const body = Array.from({ length: 120 }, (_, n) => `def handler_${i}_${n}(request):\n    return {"id": ${n}, "name": "item"}\n`).join('\n');
  return `import os\nTOKEN_TTL = int(os.environ.get("TOKEN_TTL", "60"))\n${body}`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rg-scan-worker-'));
  await build({
    entryPoints: [resolve('src/checks/scan-worker.ts')],
    outfile: join(dir, 'scan-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
  });
  workerUrl = pathToFileURL(join(dir, 'scan-worker.js'));
  const files: Record<string, string | Buffer> = {
    'app/settings.py': 'import os\nSECRET_KEY = "q8Zr2LmX7vNc4TbY9wKe3HsJ6pDf1GaU"\nDATABASE_URL = os.environ["DATABASE_URL"]\n',
    'web/server.js': "const key = process.env.SESSION_SECRET || 'kitten-keyboard-staple-42';\nmodule.exports = { key };\n",
    'scripts/backup.sh': '#!/bin/sh\npg_dump "$DATABASE_URL" > /backups/db.sql\npsql "$DATABASE_URL" < restore.sql\n',
    'app/web.py': 'from flask import Flask\nimport logging\nlogging.basicConfig(filename="app.log")\napp = Flask(__name__)\n',
    'docker-compose.yml': 'services:\n  web:\n    image: app:1\n    environment:\n      API_TOKEN: ${API_TOKEN}\n',
    // Binary (a NUL byte) under a name every code scanner wants.
    'app/blob.py': Buffer.from([0x69, 0x6d, 0x70, 0x00, 0x01, 0x02]),
    'app/bom.py': '\ufeffPASSWORD = "Zx9Qw2Er7Ty4Ui1Op3As6Df8Gh5Jk0L"\n',
  };
  for (let i = 0; i < 300; i++) files[`app/module_${i}.py`] = filler(i);
  repo = makeRepo(files, { git: true });
});

afterAll(() => {
  repo?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function listed(): Promise<FileSet> {
  return loadFileSet(repo.root, { maxFileBytes: 1024 * 1024 });
}

/** Every scanner over every file it wants, through `parsed`. */
async function everything(files: FileSet, parsed: ParsedFiles): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  await Promise.all(
    files.files.flatMap((f) =>
      scanners
        .filter((s) => s.wants(f.path))
        .map(async (s) => {
          out[`${s.name} ${f.path}`] = await parsed.scan(s as Scanner<unknown>, f.path);
        }),
    ),
  );
  return out;
}

describe('scan pool (worker threads)', () => {
  it('gives exactly the results of the main thread, texts read there or here', async () => {
    const reference = await listed();
    const expected = await everything(reference, new ParsedFiles(reference));

    const files = await listed();
    // One text already read here: it goes to the worker with the batch instead of being read there again.
    expect(await files.read('app/settings.py')).toContain('SECRET_KEY');
    const pool = createScanPool(files, scanners, { workerUrl, workers: 1 });
    expect(pool).toBeDefined();
    try {
      const actual = await everything(files, new ParsedFiles(files, pool));
      expect(actual).toEqual(expected);
      expect(Object.keys(actual).length).toBeGreaterThan(600);
      // The planted values were found at all (the comparison is not of two empty scans).
      expect(actual['secrets app/settings.py']).toEqual({ hits: [expect.objectContaining({ line: 2 })], filtered: {} });
      expect(actual['secrets app/bom.py']).toEqual({ hits: [expect.objectContaining({ line: 1 })], filtered: {} });
      expect(actual['backup-commands scripts/backup.sh']).toEqual({ backup: 2, restore: 3 });
      expect(actual['web-framework app/web.py']).toBe(true);
      expect(pool!.stats.workers).toBeGreaterThan(1);
      expect(pool!.workerBusyMs).toBeGreaterThan(0);
      // The binary file: recorded once, as the file set's own read records it, and not read again.
      expect(files.skipped.filter((s) => s.path === 'app/blob.py')).toEqual([{ path: 'app/blob.py', reason: 'binary' }]);
      expect(await files.read('app/blob.py')).toBeUndefined();
      expect(files.skipped.filter((s) => s.path === 'app/blob.py')).toHaveLength(1);
      expect(reference.skipped.filter((s) => s.path === 'app/blob.py')).toEqual([{ path: 'app/blob.py', reason: 'binary' }]);
      // Only the text read before is kept here: neither what the worker read nor what this thread read for batches it took.
      expect(files.files.filter((f) => files.kept(f.path) !== undefined).map((f) => f.path)).toEqual(['app/settings.py']);
    } finally {
      await pool!.close();
    }
  });

  it('leaves the work to the main thread when the worker cannot start', async () => {
    const broken = join(dir, 'broken-worker.js');
    writeFileSync(broken, "throw new Error('this worker never starts');\n");
    const reference = await listed();
    const expected = await everything(reference, new ParsedFiles(reference));
    const files = await listed();
    const pool = createScanPool(files, scanners, { workerUrl: pathToFileURL(broken), workers: 1 });
    try {
      expect(await everything(files, new ParsedFiles(files, pool))).toEqual(expected);
      expect(pool!.workerBusyMs).toBe(0);
    } finally {
      await pool!.close();
    }
  });

  it('is not created without a worker entry, on one core or for a small repository', async () => {
    const files = await listed();
    expect(createScanPool(files, scanners, { workerUrl: pathToFileURL(join(dir, 'missing.js')), workers: 1 })).toBeUndefined();
    expect(createScanPool(files, scanners, { workerUrl, workers: 0 })).toBeUndefined();
    // About 2 MB of files: under the size where a worker pays for itself.
    expect(createScanPool(files, scanners, { workerUrl })).toBeUndefined();
  });

  // That no rejection is left unhandled is asserted end to end (__tests__/cli/scan-pool.e2e.test.ts): jest's sandbox does not report them.
  it('settles every scan when closed mid-way', async () => {
    try {
      const files = await listed();
      const pool = createScanPool(files, scanners, { workerUrl, workers: 1 })!;
      const parsed = new ParsedFiles(files, pool);
      // Started and never awaited by anyone (as the engine starts them for scansEveryFile), and asked for by a check.
      parsed.warm(SCANNERS.get('env-usage')!);
      const scans = files.files.filter((f) => f.path.endsWith('.py')).map((f) => parsed.scan(SCANNERS.get('secrets')!, f.path));
      // A check stopped by its deadline: it asked, and no longer awaits.
      void parsed.scan(SCANNERS.get('literal-fallbacks')!, 'app/module_299.py');
      await pool.close();
      const settled = await Promise.allSettled(scans);
      expect(settled).toHaveLength(scans.length);
      const rejected = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
      for (const r of rejected) expect(String(r.reason)).toMatch(/audit ended/);
      // After closing, a new scan runs here and still answers.
      expect(await new ParsedFiles(files, pool).scan(SCANNERS.get('secrets')!, 'app/bom.py')).toEqual(await new ParsedFiles(files).scan(SCANNERS.get('secrets')!, 'app/bom.py'));
    } finally {
      // Nothing to undo: the pool is closed above.
    }
  });

  it('counts the CPUs a container quota allows, not only those of the host', () => {
    const host = availableParallelism();
    const files = (entries: Record<string, string>) => (path: string): string => {
      if (!(path in entries)) throw new Error(`ENOENT: ${path}`);
      return entries[path]!;
    };
    // cgroup v2: one and a half CPUs is one; unlimited is the host's.
    expect(usableCpus(files({ '/sys/fs/cgroup/cpu.max': '150000 100000\n' }))).toBe(1);
    expect(usableCpus(files({ '/sys/fs/cgroup/cpu.max': 'max 100000\n' }))).toBe(host);
    expect(usableCpus(files({ '/sys/fs/cgroup/cpu.max': `${(host + 4) * 100000} 100000\n` }))).toBe(host);
    // cgroup v1, with and without a quota.
    expect(usableCpus(files({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '50000\n', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n' }))).toBe(1);
    expect(usableCpus(files({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1\n', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n' }))).toBe(host);
    // Neither (macOS, Windows): the host's.
    expect(usableCpus(files({}))).toBe(host);
  });
});
