// Scoring and the gate, in one readable place (as Polaris and OpenSSF
// Scorecard keep theirs). Pure: findings in, score and decision out.
//
// A check's outcome on one target (or on the repository) is scored once,
// however many findings it emits, so one noisy check cannot drown the rest:
//   weight(outcome) = SEVERITY_WEIGHT of its most severe failing finding, or of
//                     its most severe finding when it passes;
//   category score  = round(100 * Σ weight(passing) / Σ weight(evaluated));
//   overall score   = the same sum over every category, capped at P0_CAP
//                     while any P0 fails, because a NO-GO must never read 95
//                     (the report says so, with the score without the cap);
//   a category where nothing was evaluated has no score (`checks: 0`;
//                     renderers show `—`, never 100).
// `skip` outcomes are not evaluated; `error` counts as failing (a check that
// could not run cannot vouch for anything); waived failures count as passing.

import type { FailOn } from '../config/schema.js';
import { CATEGORIES, type Category, type Finding, type Severity } from './types.js';

export const SEVERITY_WEIGHT: Record<Severity, number> = { P0: 10, P1: 5, P2: 1 };
export const P0_CAP = 49;

export interface CategoryScore {
  id: Category;
  /** null when nothing in the category was evaluated: no score, not 100. */
  score: number | null;
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
  /** Set when failing P0s cap the score: the cap, how many P0s, and the score without the cap. */
  cap?: { at: number; p0: number; uncapped: number };
  /** Check outcomes (a check on one target or on the repository) that were evaluated, of all that ran. */
  coverage: { evaluated: number; total: number };
}

/** Below this share of evaluated outcomes, the report says the score rests on little. */
export const LITTLE_EVALUATED = 0.25;

export function evaluatedLittle(coverage: { evaluated: number; total: number }): boolean {
  return coverage.total > 0 && coverage.evaluated / coverage.total < LITTLE_EVALUATED;
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
  let evaluatedOutcomes = 0;
  for (const group of outcomes.values()) {
    const evaluated = group.filter((f) => f.status !== 'skip');
    if (!evaluated.length) continue;
    evaluatedOutcomes++;
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
      score: t && t.all ? Math.round((100 * t.pass) / t.all) : null,
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
  const uncapped = all ? Math.round((100 * pass) / all) : 0;
  const score = failingP0.length ? Math.min(uncapped, P0_CAP) : uncapped;
  const cap = failingP0.length && uncapped > P0_CAP ? { at: P0_CAP, p0: failingP0.length, uncapped } : undefined;
  const coverage = { evaluated: evaluatedOutcomes, total: outcomes.size };

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
  // Said after the decision's own reasons: they qualify the number, they do not decide.
  if (cap) reasons.push(`score capped at ${cap.at}: ${cap.p0} P0 failing; ${cap.uncapped} without them`);
  if (all && evaluatedLittle(coverage)) {
    reasons.push(`only ${coverage.evaluated} of ${coverage.total} checks found something to inspect (the others were skipped): the score rests on little`);
  }
  return { decision, score, categories, reasons, blocking: decision === 'NO-GO' && options.failOn !== 'never', ...(cap ? { cap } : {}), coverage };
}

function mostSevere(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>((worst, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst] ? f.severity : worst), 'P2');
}
