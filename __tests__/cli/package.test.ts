// The npm package as `npm publish` would ship it: every file the bundle's entry points load (the bundle is split
// into chunks that import each other, statically and dynamically) is in it, and the CLI runs from the unpacked
// tarball with nothing else installed. Uses the committed dist/ (or RG_DIST_DIR), as `npm pack` does; no network.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string>; main?: string };
const npmEnv = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

/**
 * The sibling files a bundled file loads, as esbuild writes them: `} from "./chunk-X.js";`, `import "./x.js";` and
 * `import("./x.js")`. Only names of files beside it (esbuild's chunks): a bundled library's own comments and strings
 * (undici's `import('../types/client')` in JSDoc) are not imports.
 */
export function relativeImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom\s*|^import\s*|\bimport\(\s*)"(\.\/[\w.-]+\.js)"/gm)) found.add(m[1]!);
  return [...found];
}

/** Every file `entry` loads, itself included, as package paths (`dist/chunk-X.js`). */
function closure(entry: string, read: (path: string) => string | undefined): { files: Set<string>; unresolved: string[] } {
  const files = new Set<string>();
  const unresolved: string[] = [];
  const queue = [posix.normalize(entry)];
  while (queue.length) {
    const path = queue.pop()!;
    if (files.has(path)) continue;
    const code = read(path);
    if (code === undefined) {
      unresolved.push(path);
      continue;
    }
    files.add(path);
    for (const spec of relativeImports(code)) queue.push(posix.normalize(posix.join(posix.dirname(path), spec)));
  }
  return { files, unresolved };
}

describe('the npm package', () => {
  let packed: Set<string>;
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'rg-pack-'));
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [listing] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
    packed = new Set(listing!.files.map((f) => f.path));
  }, 60_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds the imports of a split bundle, static and dynamic', () => {
    const code = 'import { a } from "./chunk-A.js";\nimport "./chunk-B.js";\nconst m = await import("./audit-C.js");\nimport x from "node:fs";\n';
    expect(relativeImports(code).sort()).toEqual(['./audit-C.js', './chunk-A.js', './chunk-B.js']);
  });

  it('holds every chunk the CLI and the Action load, recursively, and the license notices', () => {
    const entries = [...Object.values(pkg.bin), 'dist/index.js'].map((p) => posix.normalize(p));
    for (const entry of entries) {
      const { files, unresolved } = closure(entry, (path) => (existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : undefined));
      expect(unresolved).toEqual([]);
      // A split bundle: the entry alone is not enough.
      expect(files.size).toBeGreaterThan(1);
      expect([...files].filter((f) => !packed.has(f))).toEqual([]);
    }
    for (const file of ['dist/licenses.txt', 'LICENSE', 'README.md', 'action.yml', 'docs/checks.md']) expect(packed).toContain(file);
  });

  it('ships nothing of the sources, tests or tooling', () => {
    expect([...packed].filter((p) => /^(src|__tests__|scripts|node_modules|corpus|examples)\//.test(p) || p.endsWith('.ts'))).toEqual([]);
  });

  it('runs from the unpacked tarball with nothing installed: --version and --help', () => {
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
    execFileSync('tar', ['-xzf', join(work, filename), '-C', work]);
    const cli = join(work, 'package', pkg.bin['readiness-gate']!);
    // Outside the repository, so nothing resolves from its node_modules.
    const run = (...args: string[]) => execFileSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
    expect(run('--version')).toBe(`${pkg.version}\n`);
    const help = run('--help');
    expect(help).toContain('readiness-gate audit');
    expect(help).toContain('--allow-bursts');
    // A command that loads the lazily imported chunks (the catalogue of checks).
    expect(run('checks', '--format', 'json').length).toBeGreaterThan(1000);
  }, 60_000);

  it('declares as dependencies only what dist/ loads at run time: none, every library is bundled', () => {
    const full = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const loaded = new Set<string>();
    for (const file of readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(ROOT, 'dist', file), 'utf8');
      // Bare specifiers of real imports (not node: built-ins, not the chunks beside it).
      for (const m of code.matchAll(/(?:^import\s[^;]*?\bfrom\s*|^import\s*|\bawait import\(\s*)["']((?!node:|\.)[^"']+)["']/gm)) loaded.add(m[1]!);
    }
    const builtins = new Set(builtinModules);
    const packages = [...loaded].filter((spec) => !builtins.has(spec.split('/')[0]!)).map((spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!));
    expect(Object.keys(full.dependencies ?? {}).sort()).toEqual([...new Set(packages)].sort());
  });

  it('installs globally from the packed tarball, outside the repository, with no other package and no network', () => {
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
    const prefix = join(work, 'global');
    // --offline: with no dependency to fetch, the install needs no registry (and proves there is none to fetch).
    execFileSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--engine-strict', join(work, filename)], { cwd: work, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const installed = join(prefix, 'lib', 'node_modules');
    expect(readdirSync(installed)).toEqual(['readiness-gate']);
    expect(existsSync(join(installed, 'readiness-gate', 'node_modules'))).toBe(false);
    const bin = join(prefix, 'bin', 'readiness-gate');
    expect(execFileSync(bin, ['--version'], { cwd: work, encoding: 'utf8', env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, NO_COLOR: '1' } })).toBe(`${pkg.version}\n`);
  }, 120_000);
});
