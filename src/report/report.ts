// The one report object every renderer reads. Its JSON form is a public
// contract (schemaVersion 1): fields may be added, none removed or renamed.

import type { FailOn } from '../config/schema.js';
import type { AuditResult } from '../engine/run.js';
import { evaluatedLittle, verdict, type CategoryScore, type Decision } from '../engine/score.js';
import type { Finding } from '../engine/types.js';
import type { WaiverConfig } from '../config/schema.js';
import { TOOL_NAME, VERSION } from '../core/version.js';
import { withFingerprints } from './fingerprint.js';
import type { GateSummary } from '../engine/gate.js';

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  decision: Decision;
  score: number;
  categories: CategoryScore[];
  findings: Finding[];
  durationMs: number;
  requests: number;
  /** Why the decision is what it is. */
  reasons: string[];
  /** Whether the decision fails the build (false with fail-on: never). */
  blocking: boolean;
  failOn: FailOn;
  minScore: number;
  requestsByCheck: Record<string, number>;
  expiredWaivers: WaiverConfig[];
  targets: string[];
  /** `setAside`: failing findings the role policy did not judge, by the role rule or evidence that gave their file its role. */
  repository?: { files: number; skipped: number; setAside?: Record<string, number> };
  generatedAt: string;
  /** Set when failing P0s cap the score (the score without the cap is `uncapped`). */
  scoreCap?: { at: number; p0: number; uncapped: number };
  /** Check outcomes evaluated (not skipped), of all that ran. */
  coverage?: { evaluated: number; total: number };
  /** How the gate decided: on every finding, or on what the change adds (existing ones marked on the findings). */
  gate?: GateSummary;
  /** Bursts (load, rate limits) that were not sent, and why: every report says so, not only the skipped list. */
  skippedBursts?: Array<{ checkId: string; url?: string; reason: string }>;
}

export function buildReport(
  result: AuditResult,
  options: { minScore: number; failOn: FailOn; now?: Date; gate?: GateSummary; burstChecks?: ReadonlySet<string> },
): Report {
  const skippedBursts = result.findings
    .filter((f) => f.status === 'skip' && options.burstChecks?.has(f.checkId))
    .map((f) => ({ checkId: f.checkId, ...(f.url ? { url: f.url } : {}), reason: f.message }));
  // Failures the change did not introduce (gate: new, baseline) are listed but do not decide: scored as waived.
  const v = verdict(
    result.findings.map((f) => (f.existing && !f.waived ? { ...f, waived: { reason: 'existing' } } : f)),
    options,
  );
  const reasons = [...v.reasons, ...gateReasons(options.gate)];
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    decision: v.decision,
    score: v.score,
    categories: v.categories,
    findings: withFingerprints(result.findings),
    durationMs: result.durationMs,
    requests: result.requests,
    reasons,
    blocking: v.blocking,
    failOn: options.failOn,
    minScore: options.minScore,
    requestsByCheck: result.requestsByCheck,
    expiredWaivers: result.expiredWaivers,
    targets: result.targets,
    // The absolute root stays out of reports: it says nothing to a reader and leaks runner paths.
    ...(result.repository ? { repository: { files: result.repository.files, skipped: result.repository.skipped, setAside: result.repository.setAside } } : {}),
    generatedAt: (options.now ?? new Date()).toISOString(),
    ...(v.cap ? { scoreCap: v.cap } : {}),
    coverage: v.coverage,
    ...(options.gate ? { gate: options.gate } : {}),
    ...(skippedBursts.length ? { skippedBursts } : {}),
  };
}

function gateReasons(gate: GateSummary | undefined): string[] {
  if (!gate) return [];
  const out: string[] = [];
  if (gate.mode === 'new') {
    out.push(
      gate.problem
        ? `gate: new could not compare with the base branch (${gate.problem}): every finding decides`
        : `gate: new decides on what this change adds; ${gate.existing} failing finding(s) already on the merge base ${gate.base ?? ''} are listed as existing`.replace(/ +are/, ' are'),
    );
  }
  if (gate.baseline) out.push(`the baseline ${gate.baseline.path} (accepted ${gate.baseline.since}) hides ${gate.baseline.hidden} known failing finding(s)`);
  return out;
}

/** Failing (unwaived) findings of one severity that the change introduced (not existing), in report order. */
export function failing(report: Pick<Report, 'findings'>, severity: Finding['severity']): Finding[] {
  return report.findings.filter((f) => (f.status === 'fail' || f.status === 'error') && !f.waived && !f.existing && f.severity === severity);
}

/** Failing findings the change did not introduce (on the merge base, or in the baseline), most severe first. */
export function existingFailures(report: Pick<Report, 'findings'>): Finding[] {
  const rank = { P0: 0, P1: 1, P2: 2 } as const;
  return report.findings.filter((f) => (f.status === 'fail' || f.status === 'error') && !f.waived && f.existing).sort((a, b) => rank[a.severity] - rank[b.severity]);
}

export function countFailingP0(report: Pick<Report, 'findings'>): number {
  return failing(report, 'P0').length;
}

/** `path:line` for repo findings, `path` for those about a whole file, the URL for live ones. */
export function whereOf(finding: Finding): string {
  if (finding.location) {
    const { path, line, endLine } = finding.location;
    return endLine && endLine !== line ? `${path}:${line}-${endLine}` : `${path}:${line}`;
  }
  return finding.file ?? finding.url ?? '';
}

/**
 * Why a finding has its severity, as plain text: the role of its file, the reason and the rule that gave the role,
 * and the severity the role policy lowered (`P2 because development file: a development container definition (rule
 * dev-container); lowered from P0`). Undefined for findings no role judged (live ones). Markdown uses severityWhyParts.
 */
export function severityWhy(finding: Finding): string | undefined {
  return severityWhyParts(finding, { text: (t) => t, code: (t) => t });
}

/** severityWhy with the untrusted parts (reason, rule) passed through a format's escaping. */
export function severityWhyParts(finding: Finding, escape: { text: (t: string) => string; code: (t: string) => string }): string | undefined {
  const { role, cappedFrom } = finding;
  if (!role && !cappedFrom) return undefined;
  const because = role ? ` because ${role.role} file: ${escape.text(role.reason)}${role.rule ? ` (rule ${escape.code(role.rule)})` : ''}` : '';
  return `${finding.severity}${because}${cappedFrom ? `${because ? ';' : ''} lowered from ${cappedFrom}` : ''}`;
}

/**
 * A finding's message without the place the report already shows before it: checks write `path:line: …` so a
 * message reads whole on its own (JSON, logs), and a report that prints the place first would say it twice.
 */
export function messageAfterWhere(finding: Finding): string {
  const where = whereOf(finding);
  const short = finding.location ? `${finding.location.path}:${finding.location.line}` : undefined;
  for (const prefix of [where, short]) if (prefix && finding.message.startsWith(`${prefix}: `)) return finding.message.slice(prefix.length + 2);
  return finding.message;
}

const CUT_MARK = ' […]';

/**
 * `text` within `max` characters: whole when it fits, else cut after the last clause (`, ` `; ` `: ` `. `) or word
 * that fits, followed by an explicit `[…]`, never inside a backtick span, a double-quoted string or a redaction
 * marker (`[redacted, 8 chars]`), so no value is shown half.
 */
export function cutMessage(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(1, max - CUT_MARK.length);
  let word = -1;
  let clause = -1;
  let inCode = false;
  let inQuote = false;
  let inMarker = false;
  for (let i = 0; i <= room && i < text.length; i++) {
    const c = text[i]!;
    if (c === '`') inCode = !inCode;
    else if (c === '"' && !inCode) inQuote = !inQuote;
    else if (c === '[' && text.startsWith('[redacted', i)) inMarker = true;
    else if (c === ']' && inMarker) inMarker = false;
    else if (c === ' ' && !inCode && !inQuote && !inMarker) {
      word = i;
      if (/[,;:.]/.test(text[i - 1] ?? '')) clause = i;
    }
  }
  // A clause boundary unless it throws away more than a third of the room.
  const at = clause >= room * (2 / 3) ? clause : word > 0 ? word : clause;
  const kept = at > 0 ? text.slice(0, at).trimEnd() : text.slice(0, room);
  return `${kept}${CUT_MARK}`;
}

/** `NO-GO · 49/100 (capped; 87 without P0s) · 3 P0 failing` */
export function headline(report: Report): string {
  const p0 = countFailingP0(report);
  // Failures set aside (merge base, baseline) decide nothing: the decision says it is on what is new.
  const hidden = existingFailures(report).length;
  const parts = [`${report.decision}${hidden ? ' on new findings' : ''}`, `${report.score}/100${report.scoreCap ? ` (capped; ${report.scoreCap.uncapped} without P0s)` : ''}`];
  if (hidden) parts.push(existingPhrase(report, hidden));
  if (p0) parts.push(`${p0} P0 failing`);
  else {
    const p1 = failing(report, 'P1').length;
    parts.push(p1 ? `${p1} P1 failing` : 'no P0/P1 failing');
  }
  if (report.coverage && evaluatedLittle(report.coverage)) parts.push(`only ${report.coverage.evaluated} of ${report.coverage.total} checks applied`);
  return parts.join(' · ');
}

/** `3 existing, hidden by the baseline since 2026-11-01` (or on the merge base, or both). */
function existingPhrase(report: Report, hidden: number): string {
  const baseline = report.gate?.baseline;
  const onBase = report.findings.filter((f) => f.existing === 'base' && (f.status === 'fail' || f.status === 'error') && !f.waived).length;
  const where = [
    ...(onBase ? [`on the merge base${report.gate?.base ? ` ${report.gate.base}` : ''}`] : []),
    ...(baseline && hidden > onBase ? [`hidden by the baseline since ${baseline.since}`] : []),
  ];
  return `${hidden} existing${where.length ? `, ${where.join(' or ')}` : ''}`;
}

/** The findings of one check, in report order, with the fix most of them share. */
export interface CheckGroup {
  checkId: string;
  findings: Finding[];
  remediation: string;
}

/** Findings grouped by check, in the order each check first appears: one title and one fix per check. */
export function groupByCheck(findings: readonly Finding[]): CheckGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.checkId, [...(groups.get(f.checkId) ?? []), f]);
  return [...groups.entries()].map(([checkId, list]) => ({ checkId, findings: list, remediation: mostCommon(list.map((f) => f.remediation)) }));
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}
