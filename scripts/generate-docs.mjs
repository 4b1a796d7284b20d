// Writes docs/checks.md from the check modules (never by hand), so the
// catalog cannot drift; a test fails when the committed file is stale.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'rg-docs-'));
try {
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `export { ALL_CHECKS } from ${JSON.stringify(join(process.cwd(), 'src/checks/index.ts'))};
     export { renderCatalogMarkdown } from ${JSON.stringify(join(process.cwd(), 'src/report/catalog.ts'))};`,
  );
  const out = join(dir, 'docs.mjs');
  await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning',
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" } });
  const { ALL_CHECKS, renderCatalogMarkdown } = await import(pathToFileURL(out).href);
  writeFileSync('docs/checks.md', renderCatalogMarkdown(ALL_CHECKS));
  console.log(`docs/checks.md: ${ALL_CHECKS.length} checks`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
