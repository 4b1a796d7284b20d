// Scoring and the gate, in one readable place (as Polaris and OpenSSF
// Scorecard keep theirs). Pure: findings in, score and decision out.
//
// A check's outcome on one target (or on the repository) is scored once,
// however many findings it emits, so one noisy check cannot drown the rest:
//   weight(outcome) = SEVERITY_WEIGHT of its most severe failing finding, or of
//                     its most severe finding when it passes;
//   category score  = round(100 * Σ weight(passing) / Σ weight(evaluated));
//   overall score   = the same sum over every category, capped at P0_CAP
//                     while any P0 fails, because a NO-GO must never read 95.
// `skip` outcomes are not evaluated; `error` counts as failing (a check that
// could not run cannot vouch for anything); waived failures count as passing.

import type { FailOn } from '../config/schema.js';
import { CATEGORIES, type Category, type Finding, type Severity } from './types.js';

export const SEVERITY_WEIGHT: Record<Severity, number> = { P0: 10, P1: 5, P2: 1 };
export const P0_CAP = 49;

export interface CategoryScore {
  id: Category;
  score: number;
  /** Findings that pass (or are waived). */
  passed: number;
  /** Unwaived failing or erroring findings. */
  failed: number;
  skipped: number;
  checks: number;
}

export type Decision = 'GO' | 'NO-GO';

export interface Verdict {
  decision: Decision;
  score: number;
  categories: CategoryScore[];
  /** Why the decision is what it is, most important first. */
  reasons: string[];
  /** Whether this verdict should fail the job/exit non-zero (false with fail-on: never). */
  blocking: boolean;
}

const SEVERITY_RANK: Record<Severity, number> = { P0: 0, P1: 1, P2: 2 };

export function isFailing(finding: Finding): boolean {
  return (finding.status === 'fail' || finding.status === 'error') && !finding.waived;
}

export function verdict(findings: readonly Finding[], options: { minScore: number; failOn: FailOn }): Verdict {
  const outcomes = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.checkId}\u0000${finding.url ? new URL(finding.url).origin : ''}`;
    outcomes.set(key, [...(outcomes.get(key) ?? []), finding]);
  }

  const totals = new Map<Category, { pass: number; all: number; checks: number }>();
  for (const group of outcomes.values()) {
    const evaluated = group.filter((f) => f.status !== 'skip');
    if (!evaluated.length) continue;
    const failing = evaluated.filter(isFailing);
    const weight = SEVERITY_WEIGHT[mostSevere(failing.length ? failing : evaluated)];
    const t = totals.get(group[0]!.category) ?? { pass: 0, all: 0, checks: 0 };
    t.all += weight;
    t.checks++;
    if (!failing.length) t.pass += weight;
    totals.set(group[0]!.category, t);
  }

  const categories: CategoryScore[] = [];
  for (const id of CATEGORIES) {
    const inCategory = findings.filter((f) => f.category === id);
    if (!inCategory.length) continue;
    const t = totals.get(id);
    categories.push({
      id,
      score: t && t.all ? Math.round((100 * t.pass) / t.all) : 100,
      passed: inCategory.filter((f) => f.status === 'pass' || (f.waived && f.status !== 'skip')).length,
      failed: inCategory.filter(isFailing).length,
      skipped: inCategory.filter((f) => f.status === 'skip').length,
      checks: t?.checks ?? 0,
    });
  }

  let pass = 0;
  let all = 0;
  for (const t of totals.values()) {
    pass += t.pass;
    all += t.all;
  }
  const failingP0 = findings.filter((f) => isFailing(f) && f.severity === 'P0');
  let score = all ? Math.round((100 * pass) / all) : 0;
  if (failingP0.length) score = Math.min(score, P0_CAP);

  const threshold: Severity = options.failOn === 'never' ? 'P0' : (options.failOn.toUpperCase() as Severity);
  const reasons: string[] = [];
  const blockingFailures = findings.filter(
    (f) => f.status === 'fail' && !f.waived && SEVERITY_RANK[f.severity] <= SEVERITY_RANK[threshold],
  );
  const blockingErrors = findings.filter(
    (f) => f.status === 'error' && !f.waived && SEVERITY_RANK[f.severity] <= SEVERITY_RANK[threshold],
  );
  if (blockingFailures.length) {
    const ids = [...new Set(blockingFailures.map((f) => f.checkId))];
    reasons.push(`${blockingFailures.length} failing ${threshold === 'P0' ? 'P0' : `P0-${threshold}`} finding(s): ${ids.join(', ')}`);
  }
  if (blockingErrors.length) {
    const ids = [...new Set(blockingErrors.map((f) => f.checkId))];
    reasons.push(`${ids.length} ${threshold === 'P0' ? 'P0' : `P0-${threshold}`} check(s) could not be evaluated, so cannot be called safe: ${ids.join(', ')}`);
  }
  if (!all) reasons.push('no check could be evaluated');
  if (score < options.minScore) reasons.push(`score ${score} is below min-score ${options.minScore}`);
  const decision: Decision = reasons.length ? 'NO-GO' : 'GO';
  if (decision === 'GO') reasons.push(`no failing ${threshold === 'P0' ? 'P0' : `P0-${threshold}`} findings and score ${score} ≥ min-score ${options.minScore}`);
  return { decision, score, categories, reasons, blocking: decision === 'NO-GO' && options.failOn !== 'never' };
}

function mostSevere(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>((worst, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst] ? f.severity : worst), 'P2');
}
