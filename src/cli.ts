#!/usr/bin/env node
// The CLI entry point: `readiness-gate audit|checks`. Exit codes: 0 GO,
// 1 NO-GO, 2 usage or configuration error (one line on stderr, never a stack trace).

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { FailOn } from './config/schema.js';
import { UsageError } from './core/errors.js';
import { exitWhenFlushed } from './exit.js';
import type { Format, Report } from './report/index.js';
import { TOOL_NAME, VERSION } from './core/version.js';

// Everything else is imported by the command that needs it: `--version` and
// `--help` load this file only, `checks` the catalog, `audit` the engine (the
// bundle is split into chunks so that each loads only its own).

const HELP = `${TOOL_NAME} ${VERSION}: decides whether a change is fit to ship.

Usage:
  ${TOOL_NAME} audit [--url URL]... [--repo DIR] [--config FILE]
                      [--format text|json|markdown|sarif|comment|check-run]
                      [--output FILE] [--only ID,...] [--skip ID,...]
                      [--fail-on p0|p1|p2|never] [--min-score N]
                      [--base REF] [--gate all|new]
                      [--allow-bursts] [--allow-env NAME,...] [--previous FILE]
                      [--verbose]
  ${TOOL_NAME} baseline [--url URL]... [--repo DIR] [--config FILE] [--output FILE]
                      [--allow-bursts]
  ${TOOL_NAME} checks [--format text|json|markdown]
  ${TOOL_NAME} roles [--repo DIR] [--config FILE] [--format text|json] [PATH...]
  ${TOOL_NAME} --help | --version

Commands:
  audit     Probes each --url (live checks) and inspects the repository
            (repository checks). Without --url only repository checks run.
  baseline  Writes the current failures to .github/readiness-baseline.json (or
            --output): commit it, and later audits list those as existing, not
            deciding, and say how many the baseline hides and since when.
  checks    Lists every check with its id, category and severity.
  roles     Prints each file's role (production by evidence, development,
            test, docs, example, template, tooling, unknown) and the rule or
            evidence that gave it; with PATHs, only those files or folders.

Options:
  --url URL         A running app to probe; repeat for several. Replaces the
                    configuration's targets.
  --repo DIR        The repository to inspect (default: the current directory
                    when it is a project: git work tree, package.json...).
  --config FILE     Configuration file (default .github/readiness.yml in the
                    repository).
  --format FORMAT   text (default), json (the report, docs/report.schema.json),
                    markdown (the full report), sarif (code scanning), comment
                    (the pull-request comment the Action posts), check-run (the
                    check run the Action completes, as the API request's JSON).
  --output FILE     Write the report to FILE instead of stdout (-o).
  --only ID,...     Run only these check ids or families (headers, docker...).
  --skip ID,...     Skip these check ids or families.
  --fail-on LEVEL   Lowest severity that makes the audit NO-GO: p0 (default),
                    p1, p2, or never (report only, exit 0).
  --min-score N     NO-GO when the overall score (0-100) is below N.
  --base REF        The pull request's base branch (or any ref): checks of
                    changed files compare with it, and --gate new audits the
                    merge base. A REF that names nothing is an error.
  --gate MODE       all (default): every finding decides. new: only what the
                    change adds since --base; failures also on the merge base
                    are listed as existing.
  --allow-bursts    Send the load and rate-limit bursts to any --url host, not
                    only to loopback and private addresses.
  --allow-env NAME  Environment variables the configuration's target headers
                    may read as \${NAME} (comma-separated or repeated); any
                    other reference is a configuration error.
  --previous FILE   The JSON report of an earlier run (the base branch's):
                    load.ramp compares its capacity with it, named after --base.
  --verbose         List every place, every passing and skipped check.
  --help            This help (-h).
  --version         The version (-v).

Bursts: load.concurrency and ratelimit.enforced send hundreds of requests.
They run by default only against loopback and private addresses (what CI
starts: 127.0.0.1, localhost, 10.x, 192.168.x, service names like web:8000);
any other host is skipped, and the report says why. --skip
load.concurrency,ratelimit.enforced never sends them; per target in the
configuration: allow-load: true, allow-ratelimit: true.

Links: check ids link to their documentation (OSC 8) in terminals that show
links (FORCE_HYPERLINK=1 or 0 decides); elsewhere the report prints the URLs.
Colour: on a terminal, unless NO_COLOR is set (FORCE_COLOR=1 forces it).

Exit codes: 0 GO, 1 NO-GO, 2 usage or configuration error.
Configuration: .github/readiness.yml in the repository (see README).
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'audit') return runAuditCommand(rest);
  if (command === 'baseline') return runBaselineCommand(rest);
  if (command === 'checks') return runChecksCommand(rest);
  if (command === 'roles') return runRolesCommand(rest);
  const { closest } = await import('./config/did-you-mean.js');
  const hint = closest(command, ['audit', 'baseline', 'checks', 'roles']);
  throw new UsageError(`unknown command "${command}"${hint ? `; did you mean "${hint}"?` : ''} (see --help)`);
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} (see --help)`);
  }
}

function list(values: unknown): string[] {
  const items = Array.isArray(values) ? values : values === undefined ? [] : [values];
  return items.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
}

function formatOf(value: unknown, allowed: readonly string[]): Format {
  const format = String(value ?? 'text');
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${format}"`);
  return format as Format;
}

/** What the Action would post to GitHub, printed instead of posted: the sticky comment, the check run's completion. */
const GITHUB_FORMATS = ['comment', 'check-run'] as const;
type GitHubFormat = (typeof GITHUB_FORMATS)[number];
const CHECK_NAME = 'Production Readiness';

async function renderForGitHub(report: Report, format: GitHubFormat): Promise<string> {
  const fullReportAt = 'the full report (`readiness-gate audit --format markdown`)';
  if (format === 'comment') {
    const { commentBody, stateOf } = await import('./github/bodies.js');
    return commentBody(report, { checkName: CHECK_NAME, state: stateOf(report), fullReportAt }).text;
  }
  const { completionOf } = await import('./github/check-run.js');
  const { conclusion, title, summary, annotations } = completionOf(report, { fullReportAt, pathPrefix: '' });
  // The fields of the checks API's request, as the Action sends them (annotations in batches of 50 there).
  return JSON.stringify({ name: CHECK_NAME, status: 'completed', conclusion, output: { title, summary, annotations } }, null, 2) + '\n';
}

/**
 * OSC 8 hyperlinks (the check ids link to their documentation) where the terminal is known to show them; elsewhere
 * the report prints the URLs. FORCE_HYPERLINK=1 or 0 decides, as in supports-hyperlinks.
 */
function useHyperlinks(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const forced = env['FORCE_HYPERLINK'];
  if (forced !== undefined) return forced !== '0';
  if (!isTTY || env['CI'] || env['TERM'] === 'dumb') return false;
  if (env['WT_SESSION'] || env['KONSOLE_VERSION'] || env['DOMTERM']) return true;
  if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty'].includes(env['TERM_PROGRAM'] ?? '')) return true;
  if (/^(xterm-kitty|alacritty|foot|xterm-ghostty)/.test(env['TERM'] ?? '')) return true;
  // GNOME Terminal and other VTE terminals since 0.50.
  return Number(env['VTE_VERSION'] ?? 0) >= 5000;
}

async function runAuditCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    url: { type: 'string', multiple: true },
    repo: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    only: { type: 'string', multiple: true },
    skip: { type: 'string', multiple: true },
    'fail-on': { type: 'string' },
    'min-score': { type: 'string' },
    base: { type: 'string' },
    'allow-env': { type: 'string', multiple: true },
    verbose: { type: 'boolean' },
    'allow-bursts': { type: 'boolean' },
    gate: { type: 'string' },
    previous: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const [{ audit, readPreviousCapacity }, { ALL_CHECKS }, { FAIL_ON, GATES }, { FORMATS, render }] = await Promise.all([
    import('./audit.js'),
    import('./checks/index.js'),
    import('./config/schema.js'),
    import('./report/index.js'),
  ]);
  const format = formatOf(values.format, [...FORMATS, ...GITHUB_FORMATS]) as Format | GitHubFormat;
  const gate = values.gate as string | undefined;
  if (gate !== undefined && !(GATES as readonly string[]).includes(gate)) throw new UsageError(`--gate must be one of ${GATES.join(', ')}, not "${gate}"`);
  const failOn = values['fail-on'] as string | undefined;
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  }
  let minScore: number | undefined;
  if (values['min-score'] !== undefined) {
    minScore = Number(values['min-score']);
    if (!Number.isInteger(minScore) || minScore < 0 || minScore > 100) throw new UsageError('--min-score must be an integer from 0 to 100');
  }
  const previousFile = values.previous as string | undefined;
  const previous = previousFile !== undefined ? await readPreviousCapacity(previousFile, (values.base as string | undefined) ?? 'previous run') : undefined;
  const progress = process.stderr.isTTY
    ? ({ done, total, checkId }: { done: number; total: number; checkId: string }) =>
        process.stderr.write(`\r\u001b[2K[${done}/${total}] ${checkId}`.slice(0, (process.stderr.columns ?? 80) + 8))
    : undefined;
  const { report } = await audit({
    urls: list(values.url),
    repo: values.repo as string | undefined,
    config: values.config as string | undefined,
    only: list(values.only),
    skip: list(values.skip),
    failOn: failOn as FailOn | undefined,
    minScore,
    baseRef: values.base as string | undefined,
    // A --base the user typed must name something: a typo would otherwise decide on every finding.
    strictBaseRef: true,
    allowEnv: list(values['allow-env']),
    allowBursts: Boolean(values['allow-bursts']),
    ...(gate ? { gate: gate as (typeof GATES)[number] } : {}),
    ...(previous ? { previous } : {}),
    onProgress: progress,
  });
  if (progress) process.stderr.write('\r\u001b[2K');
  const toFile = values.output !== undefined;
  const color = !toFile && format === 'text' && useColor();
  const hyperlinks = !toFile && format === 'text' && useHyperlinks(process.env, Boolean(process.stdout.isTTY));
  const text =
    format === 'comment' || format === 'check-run'
      ? await renderForGitHub(report, format)
      : render(report, format, { color, hyperlinks, width: process.stdout.columns, catalog: ALL_CHECKS, verbose: Boolean(values.verbose) });
  if (toFile) {
    try {
      await writeFile(String(values.output), text);
    } catch (err) {
      throw new UsageError(`cannot write ${String(values.output)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    process.stderr.write(`${report.decision} · ${report.score}/100 · report written to ${String(values.output)}\n`);
  } else {
    process.stdout.write(text);
  }
  return report.blocking ? 1 : 0;
}

async function runBaselineCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    url: { type: 'string', multiple: true },
    repo: { type: 'string' },
    config: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'allow-bursts': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const [{ audit }, { BASELINE_PATH, baselineOf }, { whereOf }] = await Promise.all([import('./audit.js'), import('./engine/gate.js'), import('./report/report.js')]);
  const { report, repoRoot } = await audit({
    urls: list(values.url),
    repo: values.repo as string | undefined,
    config: values.config as string | undefined,
    allowBursts: Boolean(values['allow-bursts']),
    ignoreBaseline: true,
  });
  const path = values.output !== undefined ? String(values.output) : join(repoRoot ?? process.cwd(), BASELINE_PATH);
  const baseline = baselineOf(report.findings, { now: new Date(), tool: `${TOOL_NAME} ${VERSION}`, where: whereOf });
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(baseline, null, 2) + '\n');
  } catch (err) {
    throw new UsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  process.stderr.write(`${baseline.findings.length} failing finding(s) accepted in ${path}; commit it.\n`);
  return 0;
}

async function runChecksCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = formatOf(values.format, ['text', 'json', 'markdown']);
  const [{ ALL_CHECKS }, { renderCatalogMarkdown, renderCatalogText }] = await Promise.all([import('./checks/index.js'), import('./report/catalog.js')]);
  if (format === 'json') {
    const catalog = ALL_CHECKS.map(({ id, title, category, severity, kind, docs }) => ({ id, title, category, severity, kind, docs }));
    process.stdout.write(JSON.stringify(catalog, null, 2) + '\n');
  } else if (format === 'markdown') {
    process.stdout.write(renderCatalogMarkdown(ALL_CHECKS));
  } else {
    process.stdout.write(renderCatalogText(ALL_CHECKS));
  }
  return 0;
}

async function runRolesCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { repo: { type: 'string' }, config: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = formatOf(values.format, ['text', 'json']) as 'text' | 'json';
  const { fileRoles, renderRoles } = await import('./roles.js');
  const rows = await fileRoles({ repo: typeof values.repo === 'string' ? values.repo : '.', ...(typeof values.config === 'string' ? { config: values.config } : {}), paths: positionals });
  process.stdout.write(renderRoles(rows, format));
  return 0;
}

function useColor(): boolean {
  if (process.env['NO_COLOR']) return false;
  if (process.env['FORCE_COLOR'] && process.env['FORCE_COLOR'] !== '0') return true;
  return Boolean(process.stdout.isTTY);
}

main(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${TOOL_NAME}: ${err.message}\n`);
    } else {
      // Not the user's fault, but still one line: the report of a bug, not a stack trace.
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`${TOOL_NAME}: internal error: ${message.split('\n')[0]} (please report it)\n`);
    }
    exitWhenFlushed(2);
  },
);
