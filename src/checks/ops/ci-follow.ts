// What a CI command runs, one level down. Real projects rarely write `pytest`
// in the workflow itself: CI runs `./test.sh`, `make ci`, `npm run ci`, or a
// local composite action (`uses: ./.github/actions/test`), and that runs the
// test runner. Each follower reads one file of the repository (a script, a
// Makefile, a package.json, an action.yml) and looks for a test command in it;
// a script may run one more script (SCRIPT_DEPTH), and the pass message names
// the chain, so the verdict stays explainable in one sentence.

import type { RepoCheckContext } from '../../engine/types.js';
import type { FileSet } from '../../repo/fileset.js';
import { ciStrings, NON_PRODUCT_PATH, TEST_COMMAND, type CiString } from './project.js';

type Ctx = Pick<RepoCheckContext, 'files' | 'parsed'>;

/** Where a test command was found below a CI line, for the pass message. */
export interface FollowedRun {
  /** What the CI line runs, as written (`./scripts/test.sh`, `npm run ci`, `./.github/actions/test`). */
  target: string;
  /** The test command found in it, or undefined when only the script's name says it runs the tests. */
  command?: string;
  /** `scripts/test.sh:5`, `package.json script "ci"`, `Makefile:12`. */
  where: string;
}

/** YAML values that label things rather than run them: a step named "Test with pytest" runs nothing. */
const LABEL_KEYS = new Set(['(key)', 'name', 'description', 'title', 'if', 'id', 'group', 'body', 'message', 'summary', 'key', 'path', 'paths', 'branches', 'tags']);

/** The CI string is something executed (a `run:`/`script:` line, a Jenkinsfile line, an action input), not a label. */
export function isCommandString(s: CiString): boolean {
  return s.key === undefined || !LABEL_KEYS.has(s.key);
}

/**
 * Shell lines continued with a trailing backslash, joined into one command at
 * its first line: in `shellcheck \` followed by `unit-test.sh` on the next
 * line, the script is an argument, not a command.
 */
export function joinContinuations(strings: readonly CiString[]): CiString[] {
  const out: CiString[] = [];
  for (const s of strings) {
    const last = out[out.length - 1];
    if (last && last.path === s.path && last.key === s.key && /\\\s*$/.test(last.text)) {
      out[out.length - 1] = { ...last, text: `${last.text.replace(/\\\s*$/, '')} ${s.text.trim()}` };
    } else out.push(s);
  }
  return out;
}

// npm's placeholder from `npm init`: `echo "Error: no test specified" && exit 1`.
const NPM_PLACEHOLDER = /no test specified/;

/** Built-in commands of the package managers: `pnpm install` runs no script. */
const PACKAGE_MANAGER_COMMANDS = new Set([
  'install', 'i', 'ci', 'add', 'remove', 'rm', 'uninstall', 'exec', 'dlx', 'x', 'audit', 'publish', 'version', 'config', 'cache', 'store', 'dedupe', 'why',
  'list', 'ls', 'outdated', 'update', 'up', 'upgrade', 'link', 'unlink', 'pack', 'init', 'create', 'set', 'prune', 'rebuild', 'fetch', 'import', 'licenses', 'patch', 'env', 'setup', 'login', 'logout', 'info', 'view', 'help',
]);
// npm runs only these scripts without `run`.
const NPM_DIRECT_SCRIPTS = new Set(['test', 't', 'tst', 'start', 'stop', 'restart']);

const PACKAGE_SCRIPT =
  /\b(npm|pnpm|yarn|bun)\s+((?:(?:-r|--recursive|-ws|--workspaces|--silent|-s|--if-present|(?:-w|--workspace|--filter|-F|--prefix|-C|--dir|--cwd)(?:=|\s+)\S+|workspace\s+\S+)\s+)*)(run(?:-script)?\s+)?([\w:.-]+)/g;

interface ScriptCall {
  /** As written: `npm run ci`. */
  text: string;
  name: string;
  /** Directory given by `--prefix`/`-C`/`--dir`/`--cwd` or a `cd dir &&` before, else ''. */
  dir: string;
}

/** Package.json scripts a command runs (`npm test`, `npm run ci`, `pnpm test:unit`, `yarn e2e`). */
export function packageScriptCalls(command: string): ScriptCall[] {
  const out: ScriptCall[] = [];
  for (const m of command.matchAll(PACKAGE_SCRIPT)) {
    const [, manager, options, run, name] = m;
    if (!run && (PACKAGE_MANAGER_COMMANDS.has(name!) || (manager === 'npm' && !NPM_DIRECT_SCRIPTS.has(name!)))) continue;
    const dir = /(?:--prefix|-C|--dir|--cwd)(?:=|\s+)(\S+)/.exec(options ?? '')?.[1] ?? leadingCd(command.slice(0, m.index));
    out.push({ text: m[0], name: name!, dir: normaliseDir(dir) });
  }
  return out;
}

/** `cd backend && ./test.sh`: the directory the rest of the line runs in (the last `cd` wins). */
function leadingCd(command: string): string {
  let dir = '';
  for (const m of command.matchAll(/(?:^|[;&|]\s*)cd\s+([\w./-]+)\s*(?:&&|;)/g)) dir = m[1]!;
  return dir;
}

function normaliseDir(dir: string): string {
  const d = dir.replace(/^\.\//, '').replace(/\/+$/, '');
  return d === '.' ? '' : d;
}

/** Candidate paths for a file named relative to `dir`, then the root, then anywhere (a job's `working-directory`). */
function resolvePath(ctx: Ctx, relative: string, dir: string): string | undefined {
  const p = normaliseDir(relative);
  if (!p || p.startsWith('../')) return undefined;
  for (const candidate of [dir ? `${dir}/${p}` : p, p]) if (ctx.files.has(candidate)) return candidate;
  return (pathsByBaseName(ctx.files).get(p.slice(p.lastIndexOf('/') + 1)) ?? []).find((path) => path.endsWith(`/${p}`));
}

const baseNameIndex = new WeakMap<FileSet, Map<string, string[]>>();

/** Paths by file name, outside node_modules, built once per audit: CI may name dozens of scripts. */
function pathsByBaseName(files: FileSet): Map<string, string[]> {
  let index = baseNameIndex.get(files);
  if (!index) {
    index = new Map();
    for (const { path } of files.files) {
      if (path.includes('node_modules/')) continue;
      const base = path.slice(path.lastIndexOf('/') + 1);
      index.set(base, [...(index.get(base) ?? []), path]);
    }
    baseNameIndex.set(files, index);
  }
  return index;
}

async function packageScripts(ctx: Ctx, path: string): Promise<Record<string, string>> {
  const scripts = await ctx.parsed.memo('package-scripts', path, (text): Record<string, string> => {
    try {
      const json = JSON.parse(text) as { scripts?: Record<string, unknown> };
      return Object.fromEntries(Object.entries(json.scripts ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      return {};
    }
  });
  return scripts ?? {};
}

/**
 * The package.json files that may define a script: the one in `dir`, the root
 * one, then the other packages of the product (a workspace member, or the
 * directory of a job's `working-directory`); never an example's or a test fixture's.
 */
function packageJsonCandidates(ctx: Ctx, dir: string): string[] {
  const first = [dir ? `${dir}/package.json` : 'package.json', 'package.json'].filter((p) => ctx.files.has(p));
  const rest = (pathsByBaseName(ctx.files).get('package.json') ?? []).filter((p) => !NON_PRODUCT_PATH.test(p) && !first.includes(p));
  return [...new Set(first), ...rest];
}

/**
 * The script a package-manager call runs, resolved in package.json: its text
 * and where it is. Undefined when no package.json defines it (a workspace
 * filter we cannot resolve); `placeholder` when it is npm's "no test specified".
 */
export async function resolvePackageScript(ctx: Ctx, call: ScriptCall): Promise<{ script: string; path: string; placeholder: boolean } | undefined> {
  for (const path of packageJsonCandidates(ctx, call.dir)) {
    const script = (await packageScripts(ctx, path))[call.name];
    if (script !== undefined) return { script, path, placeholder: NPM_PLACEHOLDER.test(script) };
  }
  return undefined;
}

const MAKE_CALL = /\bmake\s+((?:(?:-C\s*|--directory=)\S+\s+|-[a-zA-Z]+\s+)*)([\w.-]+)/g;

/** A Makefile target's recipe lines (tab-indented, after `target:`), with their line numbers. */
function makeRecipe(text: string, target: string): Array<{ line: number; text: string }> {
  const lines = text.split('\n');
  const header = new RegExp(`^([\\w.%-]+\\s+)*${target.replace(/[.]/g, '\\.')}(\\s+[\\w.%-]+)*\\s*::?(?!=)`);
  const out: Array<{ line: number; text: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    if (!header.test(lines[i]!)) continue;
    for (let j = i + 1; j < lines.length && (lines[j]!.startsWith('\t') || lines[j]!.trim() === ''); j++) out.push({ line: j + 1, text: lines[j]! });
  }
  return out;
}

// A script in command position: `./test.sh`, `bash scripts/tests-start.sh`, `FOO=1 sh ci/run.sh`,
// `python run_tests.py`, `./bin/ci`, after `&&`, `;` or `|`, or as the command of
// `docker compose run|exec [options] service`. A script given as an argument
// (`shellcheck unit-test.sh`, `chmod +x test.sh`) is not run.
const SCRIPT_FILE =
  /(?:^|[;&|(]\s*)(?:[A-Za-z_]\w*=\S*\s+)*(?:docker[\s-]compose\s+(?:-(?:f|p)\s+\S+\s+)*(?:run|exec)\s+(?:--?\w[\w-]*(?:=\S+|\s+[^\s-]\S*)?\s+)*?[\w.-]+\s+)?(?:(?:sudo|time|exec|bash|sh|zsh|source|\.|python[\d.]*|uv\s+run|poetry\s+run|pipenv\s+run)\s+(?:-\w+\s+)*)?((?:\.\/)?(?:[\w.-]+\/)*[\w.-]+\.(?:sh|bash|py)|\.\/(?:[\w.-]+\/)*[\w.-]+)(?=$|[\s;&|)])/g;

// Build-tool wrappers run what their arguments say (`./gradlew assemble`), not what their own text holds.
const WRAPPER_SCRIPT = /(^|\/)(gradlew|mvnw)(\.bat)?$/;

// Words in a script's name that say it prepares or cleans up around the tests rather than running them.
const NOT_A_TEST_RUN = new Set(['build', 'image', 'images', 'setup', 'install', 'prepare', 'data', 'fixture', 'fixtures', 'lint', 'deps', 'env', 'seed', 'clean', 'cleanup', 'teardown', 'wait', 'db', 'report', 'upload']);

/** A script whose name says it runs the tests: `test.sh`, `unit-test.sh`, `run_tests.sh`, `tests-start.sh`, `integration-test.sh`. */
export function isTestScriptName(path: string): boolean {
  const words = path.slice(path.lastIndexOf('/') + 1).replace(/\.(sh|bash|py)$/, '').toLowerCase().split(/[-_.]/);
  return words.some((w) => w === 'test' || w === 'tests') && !words.some((w) => NOT_A_TEST_RUN.has(w));
}

/** First line of `lines` that runs a test command, comments skipped. */
function firstTestLine(lines: Array<{ line: number; text: string }>): { line: number; command: string } | undefined {
  for (const l of lines) {
    const code = l.text.replace(/(^|\s)#.*$/, '');
    if (TEST_COMMAND.test(code)) return { line: l.line, command: code.trim() };
  }
  return undefined;
}

const numbered = (text: string): Array<{ line: number; text: string }> => text.split('\n').map((t, i) => ({ line: i + 1, text: t }));

/** A local composite action (`uses: ./` or `uses: ./.github/actions/x`) whose steps run a test command. */
async function followLocalAction(ctx: Ctx, uses: string): Promise<FollowedRun | undefined> {
  const dir = normaliseDir(uses);
  if (/\.ya?ml$/.test(dir)) return undefined; // a reusable workflow: a CI file of its own, already read
  const path = ['action.yml', 'action.yaml'].map((n) => (dir ? `${dir}/${n}` : n)).find((p) => ctx.files.has(p));
  if (!path) return undefined;
  const hit = (await ciStrings(ctx, path)).find((s) => isCommandString(s) && TEST_COMMAND.test(s.text));
  return hit ? { target: uses, command: hit.text.trim(), where: `${path}:${hit.line}` } : undefined;
}

/**
 * Follows one CI string one level down: a local action, a package.json
 * script, a Makefile target or a script file. Undefined when none of them
 * runs the tests.
 */
export async function followCiString(ctx: Ctx, s: CiString): Promise<FollowedRun | undefined> {
  const text = s.text.trim();
  if (s.key === 'uses') return text.startsWith('./') ? followLocalAction(ctx, text) : undefined;
  for (const call of packageScriptCalls(text)) {
    const resolved = await resolvePackageScript(ctx, call);
    if (resolved && !resolved.placeholder && TEST_COMMAND.test(resolved.script)) {
      return { target: call.text, command: resolved.script, where: `${resolved.path} script "${call.name}"` };
    }
  }
  for (const m of text.matchAll(MAKE_CALL)) {
    const dir = normaliseDir(/(?:-C\s*|--directory=)(\S+)/.exec(m[1] ?? '')?.[1] ?? leadingCd(text.slice(0, m.index)));
    const makefile = ['Makefile', 'makefile', 'GNUmakefile'].map((n) => (dir ? `${dir}/${n}` : n)).find((p) => ctx.files.has(p));
    if (!makefile) continue;
    const hit = firstTestLine(makeRecipe((await ctx.files.read(makefile)) ?? '', m[2]!));
    if (hit) return { target: m[0], command: hit.command, where: `${makefile}:${hit.line}` };
  }
  for (const m of text.matchAll(SCRIPT_FILE)) {
    const dir = normaliseDir(leadingCd(text.slice(0, m.index + m[0].length - m[1]!.length)));
    const path = resolvePath(ctx, m[1]!, dir);
    if (!path || WRAPPER_SCRIPT.test(path)) continue;
    const found = await followScript(ctx, path, new Set());
    if (found) return { target: m[1]!, ...found };
    if (isTestScriptName(path)) return { target: m[1]!, where: path };
    // A wrapper that runs its arguments (`bash ./tests/showtime.sh ./tests/ci/ut_run.sh`: `$@ 2>&1 | …`):
    // the scripts given to it are run too.
    if (RUNS_ITS_ARGUMENTS.test((await ctx.files.read(path)) ?? '')) {
      for (const arg of text.slice(m.index + m[0].length).matchAll(SCRIPT_TOKEN)) {
        const inner = resolvePath(ctx, arg[1]!, dir);
        const innerFound = inner ? await followScript(ctx, inner, new Set([path])) : undefined;
        if (innerFound) return { target: `${m[1]!} ${arg[1]!}`, ...innerFound };
      }
    }
  }
  return undefined;
}

// A script line that runs the script's own arguments as a command: `"$@"`, `exec "$@"`, `$@ 2>&1 | …`, `time $*`.
const RUNS_ITS_ARGUMENTS = /^\s*(?:exec\s+|time\s+|eval\s+)?"?\$[@*]"?(?:\s|$)/m;
// A script file named anywhere on a line (an argument of a wrapper, or after `sudo -E env VAR=… `).
const SCRIPT_TOKEN = /(?:^|[\s"'=])((?:\.\/)?(?:[\w.-]+\/)*[\w.-]+\.(?:sh|bash))(?=$|[\s;&|)"'])/g;
// Commands that take a script as data, not to run it.
const NOT_RUNNING = /\b(chmod|shellcheck|cp|mv|cat|echo|printf|rm|ln|test|\[)\s/;

// How many scripts deep a CI line is followed: the script it runs, and the scripts that one runs
// (`ci/ut_run.sh` runs `./tests/coverage4gotest.sh`, which runs `go test`).
const SCRIPT_DEPTH = 2;

/** The first test command in a script, or in a script it runs (SCRIPT_DEPTH levels), with where it stands. */
async function followScript(ctx: Ctx, path: string, seen: Set<string>, depth = 1): Promise<{ command: string; where: string } | undefined> {
  if (seen.has(path)) return undefined;
  seen.add(path);
  const text = (await ctx.files.read(path)) ?? '';
  const hit = firstTestLine(numbered(text));
  if (hit) return { command: hit.command, where: `${path}:${hit.line}` };
  if (depth >= SCRIPT_DEPTH) return undefined;
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  for (const line of text.split('\n').slice(0, 2000)) {
    const code = line.replace(/(^|\s)#.*$/, '');
    if (NOT_RUNNING.test(code)) continue;
    for (const m of code.matchAll(SCRIPT_TOKEN)) {
      // A script names others relative to its own folder or to the repository root (CI runs it from there).
      const inner = resolvePath(ctx, m[1]!, '') ?? resolvePath(ctx, m[1]!, dir);
      if (!inner || WRAPPER_SCRIPT.test(inner)) continue;
      const found = await followScript(ctx, inner, seen, depth + 1);
      if (found) return { command: found.command, where: `${path} → ${found.where}` };
    }
  }
  return undefined;
}
