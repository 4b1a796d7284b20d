// The audit as both entry points use it: resolve the configuration (file,
// then CLI flags or Action inputs on top), pick the checks, run them and
// build the report. No I/O to the terminal or to GitHub here.

import { access, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { ALL_CHECKS, SCANNERS } from './checks/index.js';
import { DEFAULT_CONFIG_PATH, expandHeaderVariables, loadConfig, originOf } from './config/load.js';
import { targetSchema, type FailOn, type Gate, type ResolvedConfig, type TargetConfig } from './config/schema.js';
import { UsageError } from './core/errors.js';
import { runAudit } from './engine/run.js';
import { selectChecks, unknownSelectors } from './engine/select.js';
import { BASELINE_PATH, commitOf, fetchMergeBase, markExisting, mergeBaseFingerprints, readBaseline, type GateSummary, type MergeBase } from './engine/gate.js';
import type { Check, Finding } from './engine/types.js';
import { withFingerprints } from './report/fingerprint.js';
import { buildReport, type Report } from './report/report.js';
import type { PreviousCapacity } from './core/capacity.js';
import { readReportFile } from './github/report-file.js';
import { previousFromReport, RAMP_CHECK_ID } from './report/capacity.js';

export interface AuditOptions {
  /** Target URLs; they replace the file's targets (keeping a target's settings when the file has exactly one). */
  urls?: readonly string[];
  /** Repository root. When omitted, the working directory is used if it looks like a project. */
  repo?: string;
  /** Configuration file; defaults to `.github/readiness.yml` in the repository. */
  config?: string;
  only?: readonly string[];
  skip?: readonly string[];
  failOn?: FailOn;
  minScore?: number;
  baseRef?: string;
  /** Send the load and rate-limit bursts to hosts that are not loopback or private (see engine/bursts.ts). */
  allowBursts?: boolean;
  /** Decide on every finding (`all`) or on what the change adds since `baseRef` (`new`); overrides the file's `gate`. */
  gate?: Gate;
  /** `baseRef` was typed by the user (`--base`): one that names no commit is a usage error, not a silent fallback. */
  strictBaseRef?: boolean;
  /**
   * Under `gate: new`, fetch the base branch and the history down to the merge base when the clone lacks them
   * (the Action: actions/checkout is shallow by default, and its credentials stay in the clone).
   */
  fetchBase?: boolean;
  /** Ignore the baseline file (the `baseline` command writes a fresh one). */
  ignoreBaseline?: boolean;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Environment variables the configuration's target headers may read as
   * `${NAME}`, listed by the workflow, never by the file; read only for
   * targets whose origin is one of `urls`.
   */
  allowEnv?: readonly string[];
  catalog?: readonly Check[];
  /**
   * The capacities of an earlier run, for load.ramp to compare with (readPreviousCapacity, or the sticky comment's
   * state); a function is called only when the ramp will run.
   */
  previous?: PreviousCapacity | (() => Promise<PreviousCapacity | undefined>);
  onProgress?: (progress: { done: number; total: number; checkId: string; failing?: number }) => void;
  /** Called once per check family (`headers`, `compose`...) when its last check has finished: for the Action log. */
  onFamilyDone?: (family: { name: string; checks: number; failing: number; done: number; total: number }) => void;
  now?: Date;
}

export interface AuditOutcome {
  report: Report;
  config: ResolvedConfig;
  configSource?: string;
  repoRoot?: string;
}

// Files that make a directory a project worth inspecting.
const PROJECT_MARKERS = [
  '.git',
  'package.json',
  'pyproject.toml',
  'requirements.txt',
  'setup.py',
  'Pipfile',
  'manage.py',
  'go.mod',
  'Cargo.toml',
  'Gemfile',
  'pom.xml',
  'build.gradle',
  'composer.json',
  'Dockerfile',
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.yml',
  'compose.yaml',
  '.github',
];

export async function resolveRepoRoot(repo: string | undefined, cwd: string): Promise<string | undefined> {
  if (repo !== undefined) {
    const root = resolve(cwd, repo);
    const info = await stat(root).catch(() => undefined);
    if (!info) throw new UsageError(`repository path does not exist: ${repo}`);
    if (!info.isDirectory()) throw new UsageError(`repository path is not a directory: ${repo}`);
    return root;
  }
  for (const marker of PROJECT_MARKERS) {
    if (await access(join(cwd, marker)).then(() => true, () => false)) return cwd;
  }
  return undefined;
}

export function resolveTargets(fileTargets: readonly TargetConfig[], urls: readonly string[]): TargetConfig[] {
  if (!urls.length) return [...fileTargets];
  return urls.map((url) => {
    const parsed = targetSchema.safeParse({ url });
    if (!parsed.success) throw new UsageError(`--url ${url}: must be an http:// or https:// URL`);
    const same = fileTargets.find((t) => t.url === url) ?? (fileTargets.length === 1 && urls.length === 1 ? fileTargets[0] : undefined);
    return same ? { ...same, url } : parsed.data;
  });
}

/**
 * Marks the failures the change did not introduce: under `gate: new` those also found at the merge base with
 * `baseRef` (repository checks only: the app cannot be run at the base), and those in the baseline file.
 */
async function gateFindings(
  findings: Finding[],
  options: { config: ResolvedConfig; checks: readonly Check[]; repoRoot?: string; baseRef?: string; fetchBase?: boolean; baselinePath?: string; now?: Date },
): Promise<{ findings: Finding[]; gate?: GateSummary }> {
  const baseline = options.baselinePath ? await readBaseline(options.baselinePath) : undefined;
  if (options.config.gate !== 'new' && !baseline) return { findings };
  let base: MergeBase | undefined;
  if (options.config.gate === 'new') {
    if (!options.repoRoot) base = { problem: 'there is no repository to compare' };
    else if (!options.baseRef) base = { problem: 'no base branch is known (pull requests only, or pass --base)' };
    else {
      const repoChecks = options.checks.filter((c) => c.kind === 'repo');
      const fetchProblem = options.fetchBase ? await fetchMergeBase(options.repoRoot, options.baseRef) : undefined;
      base = fetchProblem ? { problem: `${fetchProblem}; check out with fetch-depth: 0` } : await mergeBaseFingerprints(options.repoRoot, options.baseRef, async (root) => {
        const at = await runAudit({ config: options.config, checks: repoChecks, repoRoot: root, targets: [], now: options.now, scanners: [...SCANNERS.values()] });
        return withFingerprints(at.findings);
      });
    }
  }
  return markExisting(findings, {
    mode: options.config.gate,
    ...(base ? { base } : {}),
    ...(baseline ? { baseline: { path: BASELINE_PATH, value: baseline } } : {}),
  });
}

/** A family is the check id up to the first dot: `headers.hsts` belongs to `headers`. */
function familyOf(checkId: string): string {
  return checkId.slice(0, checkId.indexOf('.') >= 0 ? checkId.indexOf('.') : undefined);
}

/** Wraps the progress callback to tell when each family's last check (on every target) has finished. */
function familyProgress(checks: readonly Check[], targets: number, repository: boolean, options: AuditOptions): AuditOptions['onProgress'] {
  if (!options.onFamilyDone) return options.onProgress;
  const expected = new Map<string, number>();
  for (const c of checks) {
    const runs = c.kind === 'live' ? targets : repository ? 1 : 0;
    if (runs) expected.set(familyOf(c.id), (expected.get(familyOf(c.id)) ?? 0) + runs);
  }
  const seen = new Map<string, { checks: number; failing: number }>();
  return (progress) => {
    options.onProgress?.(progress);
    const name = familyOf(progress.checkId);
    const family = seen.get(name) ?? { checks: 0, failing: 0 };
    family.checks++;
    family.failing += progress.failing ?? 0;
    seen.set(name, family);
    if (family.checks === expected.get(name)) options.onFamilyDone!({ name, ...family, done: progress.done, total: progress.total });
  };
}

export async function audit(options: AuditOptions): Promise<AuditOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const catalog = options.catalog ?? ALL_CHECKS;
  const repoRoot = await resolveRepoRoot(options.repo, cwd);
  const configPath = options.config !== undefined ? resolve(cwd, options.config) : join(repoRoot ?? cwd, DEFAULT_CONFIG_PATH);
  const { config, source } = await loadConfig(configPath, { explicit: options.config !== undefined });

  if (options.failOn) config.failOn = options.failOn;
  if (options.minScore !== undefined) config.minScore = options.minScore;
  const only = [...config.checks.only, ...(options.only ?? [])];
  const skip = [...config.checks.skip, ...(options.skip ?? [])];
  const unknown = unknownSelectors(catalog, [...only, ...skip]);
  if (unknown.length) throw new UsageError(`unknown check id(s): ${unknown.join(', ')}`);
  const unknownOverrides = unknownSelectors(catalog, Object.keys(config.severity)).concat(
    unknownSelectors(catalog, config.waivers.map((w) => w.check)),
  );
  if (unknownOverrides.length) throw new UsageError(`${source ?? 'configuration'}: unknown check id(s) in severity or waivers: ${unknownOverrides.join(', ')}`);

  // A CA file named in the configuration is relative to the repository (or the working directory).
  const resolved = resolveTargets(config.targets, options.urls ?? [])
    .map((t) => (t.ca && !isAbsolute(t.ca) ? { ...t, ca: resolve(repoRoot ?? cwd, t.ca) } : t))
    // --allow-bursts is a default for every target; a target's own allow-load/allow-ratelimit: false still wins.
    .map((t) => (options.allowBursts ? { ...t, allowLoad: t.allowLoad ?? true, allowRatelimit: t.allowRatelimit ?? true, allowProbes: t.allowProbes ?? true } : t));
  if (!repoRoot && !resolved.length) {
    throw new UsageError(`nothing to audit in ${cwd}: pass --url URL (a running app) and/or --repo DIR (a repository), or run it in a project directory`);
  }
  const targets = expandHeaderVariables(resolved, source ?? 'configuration', options.env ?? process.env, {
    allowEnv: options.allowEnv ?? [],
    workflowOrigins: (options.urls ?? []).map(originOf),
  });
  if (options.strictBaseRef && options.baseRef !== undefined && repoRoot && !(await commitOf(repoRoot, options.baseRef))) {
    throw new UsageError(`--base ${options.baseRef}: no branch, tag or commit of that name in ${repoRoot} (nor origin/${options.baseRef})`);
  }
  const checks = selectChecks(catalog, { only, skip });
  const ramps = config.load.enabled && config.load.ramp.enabled && targets.length > 0 && checks.some((c) => c.id === RAMP_CHECK_ID);
  const previous = ramps ? (typeof options.previous === 'function' ? await options.previous() : options.previous) : undefined;
  const result = await runAudit({
    config,
    checks,
    repoRoot,
    targets,
    baseRef: options.baseRef,
    onProgress: familyProgress(checks, targets.length, repoRoot !== undefined, options),
    now: options.now,
    scanners: [...SCANNERS.values()],
    ...(previous ? { previous } : {}),
  });
  if (options.gate) config.gate = options.gate;
  const { findings, gate } = await gateFindings(withFingerprints(result.findings), {
    config,
    checks,
    repoRoot,
    baseRef: options.baseRef,
    ...(options.fetchBase ? { fetchBase: true } : {}),
    baselinePath: repoRoot && !options.ignoreBaseline ? join(repoRoot, BASELINE_PATH) : undefined,
    now: options.now,
  });
  // The ramp is opt-in: left off, it is not a burst someone expected and did not get.
  const burstChecks = new Set(checks.filter((c) => c.kind === 'live' && c.exclusive && (c.id !== RAMP_CHECK_ID || config.load.ramp.enabled)).map((c) => c.id));
  const report = buildReport({ ...result, findings }, { minScore: config.minScore, failOn: config.failOn, now: options.now, burstChecks, ...(gate ? { gate } : {}) });
  return { report, config, configSource: source, repoRoot };
}

/**
 * The capacities in the JSON report of an earlier run (`--previous`, the Action's `previous` input), named `label`
 * in the report ("main"). A file that is not a report is a usage error; a report without a ramp compares with nothing.
 */
export async function readPreviousCapacity(path: string, label: string): Promise<PreviousCapacity | undefined> {
  return previousFromReport(await readReportFile(path), label);
}
