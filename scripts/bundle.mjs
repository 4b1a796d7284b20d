// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) into single
// ESM files with esbuild, and collects the license of every third-party
// package the bundle contains into dist/licenses.txt (the bundle strips the
// notices from the code, and MIT, ISC, BSD and Apache-2.0 all ask that they
// travel with it). Output is deterministic so CI can compare the committed
// dist/ with a fresh build.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Some CommonJS dependencies call require() on Node built-ins; in an ESM bundle
// that needs a real require.
const banner = "import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);";

const outdir = process.argv[2] ?? 'dist';
await rm(outdir, { recursive: true, force: true });
const result = await build({
  // scan-worker: the worker thread of src/repo/scan-pool.ts, found beside the chunks at run time.
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts', 'scan-worker': 'src/checks/scan-worker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Shared code goes to chunk-*.js files beside the entry points, so that the
  // CLI's dynamic imports load only what a command needs (`--version` no
  // longer parses the whole engine). Chunk names are content hashes: deterministic.
  splitting: true,
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  banner: { js: banner },
  logLevel: 'warning',
  metafile: true,
});
await chmod(`${outdir}/cli.js`, 0o755);
// Prism (the Ruby parser) loads its WebAssembly build from beside the code that imports it
// (`new URL('prism.wasm', import.meta.url)`), which in the bundle is a file of dist/.
await copyFile('node_modules/@ruby/prism/src/prism.wasm', join(outdir, 'prism.wasm'));

/** The package directory holding a bundled input: the deepest `node_modules/<name>` or `node_modules/@scope/<name>`. */
function packageDirOf(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match ? match[1] : undefined;
}

const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const dir = packageDirOf(input);
  if (!dir || packages.has(dir) || !existsSync(join(dir, 'package.json'))) continue;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying|notice)(\.|$)/i.test(f));
  packages.set(dir, { name: pkg.name, version: pkg.version, license: typeof pkg.license === 'string' ? pkg.license : 'see the text', text: file ? readFileSync(join(dir, file), 'utf8').trim() : undefined });
}
// Code that follows another project without bundling it (see the file's header).
const adapted = [
  {
    name: 'dotenv (the env-file line expression in src/parse/dotenv.ts)',
    license: 'BSD-2-Clause',
    text: readFileSync('src/parse/dotenv.ts', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('//   '))
      .map((line) => line.slice(5))
      .join('\n')
      .trim(),
  },
];
// The same release nested twice under node_modules is one entry.
const entries = [...new Map([...packages.values()].map((e) => [`${e.name}@${e.version}`, e])).values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
const missing = entries.filter((e) => !e.text).map((e) => e.name);
const sections = [
  ...entries.map((e) => `${e.name} ${e.version} (${e.license})\n\n${e.text ?? `No license file in the package; its package.json declares ${e.license}.`}`),
  ...adapted.map((a) => `${a.name} (${a.license})\n\n${a.text}`),
];
const rule = `\n\n${'-'.repeat(78)}\n\n`;
await writeFile(
  join(outdir, 'licenses.txt'),
  `Third-party software in readiness-gate's dist/ bundles (${entries.length} packages), and code adapted from other projects.\n${rule}${sections.join(rule)}\n`,
);
if (missing.length) console.warn(`bundle: no license file in ${missing.join(', ')} (their package.json license is recorded)`);

