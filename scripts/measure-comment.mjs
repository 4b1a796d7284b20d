// Measures what a reader of the demo's pull request sees: the sticky comment and the check-run summary (plus the
// job summary, for scale) as GitHub would show them. It starts the sample app, audits it with the sample repository
// (as `npm run demo` does) through the source of a tree (this one, or an older checkout with --tree), builds the
// bodies the Action would send, renders each markdown body to HTML with GitHub-like CSS (a 780 px conversation
// column, 14 px text, line-height 1.5, <details> closed) and measures its height in headless Chromium.
//
//   node scripts/measure-comment.mjs [--tree DIR] [--out DIR] [--json]
//
// Not a project dependency and not part of npm test: it needs playwright-core and marked, installed anywhere
// (RG_MEASURE_MODULES=<their node_modules>), and a Chromium (CHROMIUM=path, default /usr/bin/chromium):
//   mkdir -p /tmp/pw && cd /tmp/pw && npm init -y && npm install playwright-core marked
//   apt-get install -y chromium
//   RG_MEASURE_MODULES=/tmp/pw/node_modules node scripts/measure-comment.mjs
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { tree: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } } });
const tree = resolve(values.tree ?? '.');
const out = resolve(values.out ?? mkdtempSync(join(tmpdir(), 'rg-measure-')));
mkdirSync(out, { recursive: true });

function fail(message) {
  console.error(`measure-comment: ${message}`);
  process.exit(2);
}

/** An optional module: from the normal resolution, else from RG_MEASURE_MODULES. */
async function optional(name) {
  try {
    return await import(name);
  } catch {
    const dir = process.env.RG_MEASURE_MODULES;
    if (dir) {
      try {
        return await import(pathToFileURL(createRequire(join(resolve(dir), 'noop.js')).resolve(name)).href);
      } catch {
        // Reported below.
      }
    }
    fail(
      `${name} is not installed. It is not a dependency of the project; install it elsewhere and point to it:\n` +
        '  mkdir -p /tmp/pw && cd /tmp/pw && npm init -y && npm install playwright-core marked\n' +
        '  RG_MEASURE_MODULES=/tmp/pw/node_modules node scripts/measure-comment.mjs',
    );
  }
}

const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) fail(`no Chromium at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM=/path/to/chrome`);
const playwright = await optional('playwright-core');
const { chromium } = playwright.chromium ? playwright : playwright.default;
const { marked } = await optional('marked');
for (const need of ['src/audit.ts', 'src/github/bodies.ts', 'examples/sample-app/server.mjs', 'examples/sample-repo']) {
  if (!existsSync(join(tree, need))) fail(`${tree} has no ${need}: --tree must be a readiness-gate checkout`);
}

// 1. The bodies, built by the tree's own code (bundled with esbuild from its sources).
const { build } = await import('esbuild');
const work = mkdtempSync(join(tmpdir(), 'rg-measure-build-'));
const SHA = '3f1c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a';
const RUN = 'https://github.com/octo/shop/actions/runs/1234567890';
writeFileSync(
  join(work, 'entry.ts'),
  `import { audit } from ${JSON.stringify(join(tree, 'src/audit.ts'))};
import * as bodies from ${JSON.stringify(join(tree, 'src/github/bodies.ts'))};
import { writeFileSync } from 'node:fs';
const [url, out] = process.argv.slice(2);
const { report } = await audit({ urls: [url], repo: 'examples/sample-repo', config: 'examples/sample-repo/.github/readiness.yml', cwd: ${JSON.stringify(tree)} });
// As the Action sends them on a pull request's first run (older trees ignore what they do not know).
const context = { fullReportAt: 'the job summary of [this workflow run](${RUN})', links: { repositoryUrl: 'https://github.com/octo/shop', sha: '${SHA}', pathPrefix: '', runUrl: '${RUN}' } };
const state = bodies.stateOf(report, '${SHA}');
writeFileSync(out + '/comment.md', bodies.commentBody(report, { ...context, checkName: 'Production Readiness', state }).text);
writeFileSync(out + '/check-run-summary.md', bodies.checkRunSummary(report, context).text);
writeFileSync(out + '/job-summary.md', (bodies.jobSummary.length ? bodies.jobSummary(report, context) : bodies.jobSummary(report)).text);
writeFileSync(out + '/headline.txt', report.decision + ' ' + report.score);
`,
);
await build({
  entryPoints: [join(work, 'entry.ts')],
  outfile: join(work, 'entry.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  absWorkingDir: tree,
  nodePaths: [join(tree, 'node_modules')],
  banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
  logLevel: 'error',
});

const app = spawn(process.execPath, ['examples/sample-app/server.mjs', '--port', '0'], { cwd: tree, stdio: ['ignore', 'pipe', 'inherit'] });
const stop = () => app.exitCode === null && app.kill('SIGTERM');
process.on('exit', stop);
const url = await new Promise((done, reject) => {
  const timer = setTimeout(() => reject(new Error('the sample app did not start within 10 s')), 10_000);
  createInterface({ input: app.stdout }).on('line', (line) => {
    const match = /listening on (\S+)/.exec(line);
    if (match) {
      clearTimeout(timer);
      done(match[1]);
    }
  });
}).catch((err) => fail(err.message));
await new Promise((done, reject) => {
  const child = spawn(process.execPath, [join(work, 'entry.mjs'), url, out], { cwd: tree, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code) => (code === 0 ? done() : reject(new Error(`the audit exited with ${code}`))));
}).catch((err) => fail(err.message));
stop();
rmSync(work, { recursive: true, force: true });

// 2. Rendered as GitHub shows a comment: the conversation column, its type and spacing, folded <details>.
const CSS = `
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: 780px; padding: 16px; color: #1f2328; word-wrap: break-word;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5; }
.markdown-body > :first-child { margin-top: 0 !important; }
.markdown-body > :last-child { margin-bottom: 0 !important; }
p, blockquote, ul, ol, table, pre, details { margin-top: 0; margin-bottom: 16px; }
h1, h2, h3, h4 { margin-top: 24px; margin-bottom: 16px; font-weight: 600; line-height: 1.25; }
h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; }
h3 { font-size: 1.25em; }
ul, ol { padding-left: 2em; }
ul ul, ul ol, ol ul { margin-top: 0; margin-bottom: 0; }
li + li { margin-top: .25em; }
li > p { margin-top: 16px; }
code { padding: .2em .4em; margin: 0; font-size: 85%; white-space: break-spaces; background: #818b981f; border-radius: 6px;
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
pre { padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
pre code { padding: 0; background: transparent; white-space: pre; }
table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
sub { font-size: 75%; }
a { color: #0969da; text-decoration: none; }
summary { cursor: pointer; }
`;
const bodies = ['comment.md', 'check-run-summary.md', 'job-summary.md'];
const userDataDir = mkdtempSync(join(tmpdir(), 'rg-measure-chromium-'));
// A fresh profile, and nothing of the browser's own traffic (updates, sync, QUIC).
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 800, height: 600 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
try {
  const page = context.pages()[0] ?? (await context.newPage());
  // Nothing leaves the machine: the bodies link to GitHub, and nothing is fetched.
  await page.route('**/*', (route) => route.abort());
  for (const name of bodies) {
    const markdown = readFileSync(join(out, name), 'utf8');
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><div class="markdown-body">${marked.parse(markdown, { gfm: true })}</div></body></html>`;
    writeFileSync(join(out, name.replace(/\.md$/, '.html')), html);
    await page.setContent(html, { waitUntil: 'load' });
    // Runs in the page.
    const px = await page.evaluate('document.body.scrollHeight');
    results.push({ body: name.replace(/\.md$/, ''), characters: markdown.length, bytes: Buffer.byteLength(markdown), lines: markdown.split('\n').length, px, screens: Math.round((px / 800) * 10) / 10 });
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

const headline = readFileSync(join(out, 'headline.txt'), 'utf8');
if (values.json) {
  console.log(JSON.stringify({ tree, headline, results, out }, null, 2));
} else {
  console.log(`${tree} (demo: ${headline}); bodies and their HTML in ${out}`);
  console.log('body                characters   lines   rendered px   screens of 800 px');
  for (const r of results) console.log(`${r.body.padEnd(20)}${String(r.characters).padStart(10)}${String(r.lines).padStart(8)}${String(r.px).padStart(14)}${String(r.screens).padStart(12)}`);
}
