// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) into single
// ESM files with esbuild. Output is deterministic so CI can compare the
// committed dist/ with a fresh build.
import { build } from 'esbuild';
import { chmod, rm } from 'node:fs/promises';

// Some CommonJS dependencies call require() on Node built-ins; in an ESM bundle
// that needs a real require.
const banner = "import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);";

const outdir = process.argv[2] ?? 'dist';
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
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
});
await chmod(`${outdir}/cli.js`, 0o755);
