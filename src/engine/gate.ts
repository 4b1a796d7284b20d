// Gate on what a change introduces. On a pull request with `gate: new`, the
// repository is audited again at the merge base (in a temporary `git
// worktree`; repository checks take seconds) and a failure whose fingerprint
// is there too is "existing": listed, folded, not deciding. A committed
// baseline file (`readiness-gate baseline`) does the same for known debt on
// nightly and release gates, and the report says how many findings it hides
// and since when. Like SonarCloud's "new code" gate and detekt/PHPStan
// baselines.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../core/errors.js';
import type { Finding } from './types.js';

const execFileAsync = promisify(execFile);

export const BASELINE_PATH = '.github/readiness-baseline.json';

export interface Baseline {
  version: 1;
  /** When the findings were accepted (ISO 8601). */
  createdAt: string;
  tool: string;
  findings: Array<{ fingerprint: string; checkId: string; where: string }>;
}

export function isFailingFinding(f: Finding): boolean {
  return (f.status === 'fail' || f.status === 'error') && !f.waived;
}

export function baselineOf(findings: readonly Finding[], options: { now: Date; tool: string; where: (f: Finding) => string }): Baseline {
  return {
    version: 1,
    createdAt: options.now.toISOString(),
    tool: options.tool,
    findings: findings.filter((f) => isFailingFinding(f) && f.fingerprint).map((f) => ({ fingerprint: f.fingerprint!, checkId: f.checkId, where: options.where(f) })),
  };
}

/** The baseline at `path`, undefined when there is none; a file that is not one is a configuration error. */
export async function readBaseline(path: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<Baseline>;
    if (value.version !== 1 || typeof value.createdAt !== 'string' || !Array.isArray(value.findings)) throw new Error('not a baseline');
    const findings = value.findings.filter((f) => f && typeof f.fingerprint === 'string');
    return { version: 1, createdAt: value.createdAt, tool: String(value.tool ?? ''), findings };
  } catch {
    throw new UsageError(`${path}: not a readiness-gate baseline (write one with \`readiness-gate baseline\`)`);
  }
}

async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

/** The commit `ref` (or `origin/<ref>`) names in `root`, or undefined when it names none. */
export async function commitOf(root: string, ref: string): Promise<string | undefined> {
  for (const name of [ref, `origin/${ref}`]) {
    const commit = await git(root, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]).catch(() => '');
    if (commit) return commit;
  }
  return undefined;
}

async function mergeBaseOf(root: string, baseRef: string): Promise<string | undefined> {
  for (const ref of [baseRef, `origin/${baseRef}`]) {
    const commit = await git(root, ['merge-base', ref, 'HEAD']).catch(() => '');
    if (commit) return commit;
  }
  return undefined;
}

// Deepening steps before fetching the whole history: most pull requests branch off within a few hundred commits.
const DEEPEN_STEPS = [50, 500];

/**
 * A shallow checkout (actions/checkout's default fetch-depth: 1) has neither the base branch nor the history down to
 * the merge base: fetches them from `origin` with the checkout's own credentials, deepening step by step, the whole
 * history last. Returns undefined once the merge base is there, else why it is not.
 */
export async function fetchMergeBase(root: string, baseRef: string): Promise<string | undefined> {
  if (await mergeBaseOf(root, baseRef)) return undefined;
  const refspec = `+refs/heads/${baseRef}:refs/remotes/origin/${baseRef}`;
  const shallow = (await git(root, ['rev-parse', '--is-shallow-repository']).catch(() => 'false')) === 'true';
  try {
    if (!shallow) await git(root, ['fetch', '--no-tags', '--quiet', 'origin', refspec]);
    else {
      for (const depth of DEEPEN_STEPS) {
        await git(root, ['fetch', '--no-tags', '--quiet', `--deepen=${depth}`, 'origin', refspec]);
        if (await mergeBaseOf(root, baseRef)) return undefined;
      }
      await git(root, ['fetch', '--no-tags', '--quiet', '--unshallow', 'origin', refspec]);
    }
  } catch (err) {
    return `fetching ${baseRef} from origin failed: ${(err as Error).message.split('\n').find((l) => /fatal|error/i.test(l))?.trim() ?? 'git fetch failed'}`;
  }
  return (await mergeBaseOf(root, baseRef)) ? undefined : `${baseRef} and this commit have no merge base`;
}

export type MergeBase = { commit: string; fingerprints: Set<string> } | { problem: string };

/**
 * Audits the repository at the merge base of `baseRef` and HEAD, in a temporary worktree removed afterwards, and
 * returns the fingerprints of its failures. `audit` runs the repository checks on a root and returns findings with
 * fingerprints. A shallow clone without the base branch is a problem to report, not an error.
 */
export async function mergeBaseFingerprints(root: string, baseRef: string, audit: (root: string) => Promise<Finding[]>): Promise<MergeBase> {
  const commit = await mergeBaseOf(root, baseRef);
  if (!commit) return { problem: `the merge base with ${baseRef} is not in the clone (check out with fetch-depth: 0)` };
  const top = await git(root, ['rev-parse', '--show-toplevel']).catch(() => root);
  const prefix = await git(root, ['rev-parse', '--show-prefix']).catch(() => '');
  const dir = await mkdtemp(join(tmpdir(), 'readiness-base-'));
  try {
    await git(top, ['worktree', 'add', '--detach', '--quiet', dir, commit]);
    const findings = await audit(join(dir, prefix));
    return { commit, fingerprints: new Set(findings.filter(isFailingFinding).map((f) => f.fingerprint!).filter(Boolean)) };
  } catch (err) {
    return { problem: `the merge base ${commit.slice(0, 7)} could not be audited (${(err as Error).message.split('\n')[0]})` };
  } finally {
    await git(top, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export interface GateSummary {
  mode: 'all' | 'new';
  /** Merge base audited under gate: new (short SHA). */
  base?: string;
  /** Failures also on the merge base. */
  existing: number;
  /** Failures the baseline file hides, and when it was written. */
  baseline?: { path: string; hidden: number; since: string };
  /** Why gate: new fell back to deciding on every finding. */
  problem?: string;
}

/** Marks the failures that are not new; returns the findings and what the report says about it. */
export function markExisting(
  findings: readonly Finding[],
  options: { mode: 'all' | 'new'; base?: MergeBase; baseline?: { path: string; value: Baseline } },
): { findings: Finding[]; gate: GateSummary } {
  const onBase = options.base && 'fingerprints' in options.base ? options.base.fingerprints : new Set<string>();
  const accepted = new Set(options.baseline?.value.findings.map((f) => f.fingerprint) ?? []);
  let existing = 0;
  let hidden = 0;
  const marked = findings.map((f) => {
    if (!isFailingFinding(f) || !f.fingerprint) return f;
    if (onBase.has(f.fingerprint)) {
      existing++;
      return { ...f, existing: 'base' as const };
    }
    if (accepted.has(f.fingerprint)) {
      hidden++;
      return { ...f, existing: 'baseline' as const };
    }
    return f;
  });
  const gate: GateSummary = {
    mode: options.mode,
    ...(options.base && 'commit' in options.base ? { base: options.base.commit.slice(0, 7) } : {}),
    existing,
    ...(options.baseline ? { baseline: { path: options.baseline.path, hidden, since: options.baseline.value.createdAt.slice(0, 10) } } : {}),
    ...(options.base && 'problem' in options.base ? { problem: options.base.problem } : {}),
  };
  return { findings: marked, gate };
}
