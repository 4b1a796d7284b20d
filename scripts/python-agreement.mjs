// `node scripts/python-agreement.mjs <folder of snapshots> [--show 20]`: how
// often our Python reader (src/parse/python/read.ts, Lezer) agrees with
// CPython's own `ast.parse` on whether a module parses, over every tracked
// .py file of every repository snapshot in the folder (one directory per
// repository, as `npm run corpus` takes them). Prints files, agreement
// overall and on settings modules, and the first disagreements.
//
// CPython is this machine's `python3` (its version is printed): a module
// written for a newer Python (PEP 695 type parameters, PEP 701 f-strings)
// fails there though it is valid, and is listed as such. Not part of
// `npm test`: the snapshots live outside the repository.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--'));
const show = Number(args[args.indexOf('--show') + 1]) || 20;
if (!folder) {
  console.error('usage: node scripts/python-agreement.mjs <folder of repository snapshots> [--show N]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'rg-pyagree-'));
try {
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, `export { parsePythonModule, MAX_PYTHON_CHARS } from ${JSON.stringify(join(process.cwd(), 'src/parse/python/read.ts'))};`);
  const out = join(dir, 'py.mjs');
  await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  const { parsePythonModule, MAX_PYTHON_CHARS } = await import(pathToFileURL(out).href);

  const files = [];
  for (const repo of readdirSync(folder).sort()) {
    const root = join(folder, repo);
    const listed = spawnSync('git', ['-C', root, 'ls-files', '-z', '--', '*.py'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (listed.status !== 0) continue;
    for (const path of listed.stdout.split('\0').filter(Boolean)) files.push({ repo, path, abs: join(root, path) });
  }

  // CPython's verdict, one process for every file: `ok`, `error: <message>` or `absent`.
  const listFile = join(dir, 'files.txt');
  writeFileSync(listFile, files.map((f) => f.abs).join('\n'));
  const program = [
    'import ast, sys, json, warnings',
    'warnings.simplefilter("ignore")',
    'print(json.dumps({"version": sys.version.split()[0]}))',
    'for p in open(sys.argv[1], encoding="utf-8").read().split("\\n"):',
    '    if not p: continue',
    '    try:',
    '        src = open(p, "rb").read()',
    '    except OSError:',
    '        print(json.dumps({"v": "absent"})); continue',
    '    try:',
    '        ast.parse(src); print(json.dumps({"v": "ok"}))',
    '    except (SyntaxError, ValueError) as e:',
    '        print(json.dumps({"v": "error", "m": "%s (line %s)" % (getattr(e, "msg", str(e)), getattr(e, "lineno", "?"))}))',
    '    except RecursionError:',
    '        print(json.dumps({"v": "error", "m": "too deeply nested"}))',
  ].join('\n');
  const py = spawnSync('python3', ['-c', program, listFile], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (py.status !== 0) {
    console.error(`python3 failed: ${py.stderr.split('\n').slice(-3).join(' ')}`);
    process.exit(1);
  }
  const [header, ...verdicts] = py.stdout.trim().split('\n').map((l) => JSON.parse(l));

  const settings = /(^|\/)settings([\w.-]*)?\.py$|(^|\/)settings\/[^/]+\.py$|(^|\/)(config|conf)\/[\w.-]+\.py$/;
  const tally = { all: { files: 0, agree: 0 }, settings: { files: 0, agree: 0 } };
  const disagreements = [];
  let skipped = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const cpython = verdicts[i];
    if (!cpython || cpython.v === 'absent') {
      skipped++;
      continue;
    }
    let text;
    try {
      text = readFileSync(f.abs, 'utf8');
    } catch {
      skipped++;
      continue;
    }
    if (text.length > MAX_PYTHON_CHARS) {
      skipped++;
      continue;
    }
    const ours = parsePythonModule(text).errors;
    const agree = (cpython.v === 'ok') === (ours.length === 0);
    for (const key of settings.test(f.path) ? ['all', 'settings'] : ['all']) {
      tally[key].files++;
      if (agree) tally[key].agree++;
    }
    if (!agree) disagreements.push(`${f.repo}/${f.path}: CPython ${cpython.v === 'ok' ? 'parses it' : `says ${cpython.m}`}; ours ${ours.length ? `says ${ours[0].message} (line ${ours[0].line})` : 'parses it'}`);
  }
  const pct = (t) => (t.files ? ((100 * t.agree) / t.files).toFixed(2) : '—');
  console.log(`CPython ${header.version} (ast.parse) against src/parse/python/read.ts`);
  console.log(`files: ${tally.all.files} (${skipped} absent from the snapshots or over ${MAX_PYTHON_CHARS} characters, not compared)`);
  console.log(`agreement: ${tally.all.agree}/${tally.all.files} (${pct(tally.all)}%)`);
  console.log(`settings modules: ${tally.settings.agree}/${tally.settings.files} (${pct(tally.settings)}%)`);
  if (disagreements.length) {
    console.log(`\nfirst ${Math.min(show, disagreements.length)} of ${disagreements.length} disagreements:`);
    for (const d of disagreements.slice(0, show)) console.log(`  ${d}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
