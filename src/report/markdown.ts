// Markdown report (check-run summary, PR comment, job summary): the decision
// and score first, the scores by category, then the failures grouped by check
// (one title, one fix, the list of places under it), P0 then P1 then P2;
// failures that are not new, passing, skipped and waived checks folded away.
// Every piece of untrusted text goes through ./escape.ts.

import type { Finding, Severity } from '../engine/types.js';
import { markdownCode, markdownMessage, markdownText } from './escape.js';
import { blobUrl, checkDocsUrl, type ReportLinks } from './links.js';
import { capacityMarkdown } from './capacity.js';
import { cutMessage, existingFailures, failing, groupByCheck, headline, messageAfterWhere, severityWhyParts, whereOf, type CheckGroup, type Report } from './report.js';

export interface MarkdownOptions {
  /** Heading level of the title (2 by default: `##`). */
  headingLevel?: number;
  /** List passing and skipped checks in folded sections (default true). */
  includePassing?: boolean;
  /** Quote the evidence of a check's first finding (default true). */
  includeEvidence?: boolean;
  /** Show P2 failures in full (default true); otherwise one line per check. */
  p2Details?: boolean;
  /** Show P1 failures in full (default true); otherwise one line per check. */
  p1Details?: boolean;
  /** Severities shown as one paragraph of check ids, folded with `foldP2` for P2 (the comment's P1s and P2s). */
  inline?: readonly Severity[];
  /** Fold the P2 failures into a <details> section (the PR comment shows P0/P1 first). */
  foldP2?: boolean;
  /** Fold the P1 failures too, in full (the check-run summary when the P0s leave no room for them). */
  foldP1?: boolean;
  /** A note appended at the end (e.g. "trimmed: see the job summary"). */
  note?: string;
  /** Most places listed under one check; the rest are counted (default 20). */
  maxLocations?: number;
  /** Longest message shown for one place, in characters (default: whole). */
  maxMessage?: number;
  /** Scores on one line instead of a table (the comment: less height). */
  compactScores?: boolean;
  /** Links to file locations at the audited commit and to the workflow run. */
  links?: ReportLinks;
  /**
   * Under `gate: new`, the live failures the previous run (the sticky comment's state) already reported: listed
   * after the new ones, counted and folded. They still decide: a live finding cannot be compared with the merge base
   * (the app runs only at the head), and the previous run audited this same change.
   */
  previousRun?: { fingerprints: ReadonlySet<string>; sha?: string };
  /** Show the load ramp's capacity, its chart and (with evidence) its table (default true). */
  capacity?: boolean;
  /** Fold the capacity chart (about twenty lines high) under its headline (the check run when its budget is tight). */
  foldChart?: boolean;
}

const ICON = { 'GO': '🟢', 'NO-GO': '🔴' } as const;
const SEVERITY_ICON: Record<Severity, string> = { P0: '🔴', P1: '🟠', P2: '🔵' };
const LABEL: Record<Severity, string> = {
  P0: 'blocking',
  P1: 'fix before release',
  P2: 'worth fixing',
};

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const h = '#'.repeat(options.headingLevel ?? 2);
  const out: string[] = [];
  out.push(`${h} ${ICON[report.decision]} ${headline(report)}`, '');
  if (options.links?.runUrl) out.push(`[Workflow run](${options.links.runUrl}) · [what the checks mean](${checkDocsUrl('', report.tool.version).replace(/#$/, '')})`, '');
  // A paragraph, not a list: a list here would merge with a list just above it (GitHub joins lists separated by a blank line).
  out.push(`**Why:** ${report.reasons.map((r) => markdownMessage(r)).join(' · ')}`, '');
  out.push(...scores(report, options.compactScores ?? false));
  if (report.skippedBursts?.length) {
    out.push(`**Bursts not sent:** ${report.skippedBursts.map((b) => `${markdownCode(b.checkId)} — ${markdownMessage(b.reason)}`).join(' · ')}`, '');
  }
  // The load ramp's picture (report/capacity.ts), right after the scores: capacity is read at a glance.
  if (options.capacity ?? true) out.push(...capacityMarkdown(report, { table: options.includeEvidence ?? true, foldChart: options.foldChart ?? false }));

  const seenBefore = (f: Finding) => f.fingerprint !== undefined && options.previousRun?.fingerprints.has(f.fingerprint) === true;
  const gated = report.gate?.mode === 'new' || report.findings.some((f) => f.existing);
  for (const severity of ['P0', 'P1', 'P2'] as Severity[]) {
    const list = failing(report, severity).filter((f) => !seenBefore(f));
    if (!list.length) continue;
    const groups = groupByCheck(list);
    const fold = (severity === 'P2' && options.foldP2) || (severity === 'P1' && options.foldP1);
    const heading = `${SEVERITY_ICON[severity]} ${severity} — ${LABEL[severity]}${gated ? ', new' : ''}: ${count(list.length, 'finding')} in ${count(groups.length, 'check')}`;
    if (options.inline?.includes(severity)) {
      // One paragraph of check ids, each with its first place (the other places and the fixes are in the full report).
      const ids = groups.map((g) => `${docsLink(g.checkId, report)} ${inlinePlace(g, options)}`.trimEnd()).join(' · ');
      out.push(...(fold ? [`<details><summary>${heading}</summary>`, '', ids, '', '</details>', ''] : [`**${heading}:** ${ids}`, '']));
      continue;
    }
    out.push(fold ? `<details><summary>${heading}</summary>` : `${h}# ${heading}`, '');
    const full = severity === 'P0' || (severity === 'P1' ? (options.p1Details ?? true) : (options.p2Details ?? true));
    for (const group of groups) out.push(...(full ? groupBlock(group, report, options) : [groupLine(group, report, options)]));
    out.push('');
    if (fold) out.push('</details>', '');
  }

  const carried = (['P0', 'P1', 'P2'] as Severity[]).flatMap((s) => failing(report, s).filter(seenBefore));
  if (carried.length) {
    const groups = groupByCheck(carried);
    const at = options.previousRun?.sha ? ` ${options.previousRun.sha.slice(0, 7)}` : '';
    out.push(`<details><summary>Already failing at the previous run${at} (live, still deciding): ${severityCounts(carried)} in ${count(groups.length, 'check')}</summary>`, '');
    for (const group of groups) out.push(groupLine(group, report, options));
    out.push('', '</details>', '');
  }

  const existing = existingFailures(report);
  if (existing.length) {
    const groups = groupByCheck(existing);
    const label = existingLabelOf(report);
    out.push(`<details><summary>Existing failures (${label}): ${count(existing.length, 'finding')} in ${count(groups.length, 'check')}</summary>`, '');
    for (const group of groups) out.push(groupLine(group, report, options));
    out.push('', '</details>', '');
  }

  const waived = report.findings.filter((f) => f.waived);
  if (waived.length) {
    out.push(`<details><summary>Waived (${waived.length})</summary>`, '');
    for (const f of waived) {
      const until = f.waived!.expires ? ` (until ${markdownText(f.waived!.expires)})` : '';
      out.push(`- ${docsLink(f.checkId, report)}${whereOf(f) ? ` · ${whereLink(f, options)}` : ''} — waived: ${markdownText(f.waived!.reason)}${until}`);
    }
    out.push('', '</details>', '');
  }
  if (report.expiredWaivers.length) {
    out.push(`**Expired waivers** (no longer applied): ${report.expiredWaivers.map((w) => `${markdownCode(w.check)} (expired ${markdownText(w.expires ?? '')})`).join(', ')}`, '');
  }
  if (options.includePassing ?? true) {
    for (const [status, label] of [['pass', 'Passing'], ['skip', 'Skipped']] as const) {
      const list = report.findings.filter((f) => f.status === status && !f.waived);
      if (!list.length) continue;
      const groups = groupByCheck(list);
      out.push(`<details><summary>${label}: ${count(groups.length, 'check')}</summary>`, '');
      for (const g of groups) out.push(`- ${docsLink(g.checkId, report)}${g.findings.length > 1 ? ` (${g.findings.length})` : ''} — ${markdownMessage(truncate(g.findings[0]!.message, options.maxMessage))}`);
      out.push('', '</details>', '');
    }
  }
  const scope = [
    report.targets.length ? `${report.targets.length} target(s)` : 'no live target',
    report.repository ? `${report.repository.files} files` : 'no repository',
  ].join(', ');
  out.push(
    `<sub>${report.tool.name} ${report.tool.version} · ${scope} · ${report.requests} HTTP requests · ${(report.durationMs / 1000).toFixed(1)} s</sub>`,
  );
  if (options.note) out.push('', options.note);
  return out.join('\n') + '\n';
}

/** What "existing" means in this report: on the merge base, in the baseline, or both. */
function existingLabelOf(report: Report): string {
  const where = [
    ...(report.gate?.base ? [`already on the merge base ${report.gate.base}`] : []),
    ...(report.gate?.baseline ? [`accepted in the baseline on ${report.gate.baseline.since}`] : []),
  ];
  return where.length ? where.join(' or ') : 'not introduced by this change';
}

function scores(report: Report, compact: boolean): string[] {
  if (!report.categories.length) return [];
  // Nothing evaluated in a category: no score, not 100.
  const score = (c: Report['categories'][number]) => (c.score === null ? '—' : String(c.score));
  if (compact) return [`**Scores:** ${report.categories.map((c) => `${c.id} ${score(c)}`).join(' · ')}`, ''];
  const out = ['| Category | Score | Passed | Failed | Skipped |', '|---|---:|---:|---:|---:|'];
  for (const c of report.categories) out.push(`| ${c.id} | ${score(c)} | ${c.passed} | ${c.failed} | ${c.skipped} |`);
  out.push('');
  return out;
}

/** "1 P0 finding, 2 P1 findings" */
function severityCounts(findings: readonly Finding[]): string {
  return (['P0', 'P1', 'P2'] as Severity[])
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => count(n, `${s} finding`))
    .join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function truncate(text: string, max: number | undefined): string {
  return max === undefined ? text : cutMessage(text, max);
}

function docsLink(checkId: string, report: Report): string {
  return `[${markdownCode(checkId)}](${checkDocsUrl(checkId, report.tool.version)})`;
}

/** A file location links to the file at the audited commit (with its line); a URL of the audited app stays code. */
function whereLink(f: Finding, options: MarkdownOptions): string {
  const where = whereOf(f);
  const links = options.links;
  const path = f.location?.path ?? f.file;
  if (path !== undefined && links?.repositoryUrl && links.sha) {
    return `[${markdownCode(where)}](${blobUrl({ repositoryUrl: links.repositoryUrl, sha: links.sha, pathPrefix: links.pathPrefix }, path, f.location?.line, f.location?.endLine)})`;
  }
  return markdownCode(where);
}

function whyOf(f: Finding): string | undefined {
  return severityWhyParts(f, { text: markdownText, code: markdownCode });
}

/** One place: where, what, and why this severity (unless the check's places all share it, said once below them). */
function placeLine(f: Finding, options: MarkdownOptions, sharedWhy = false): string {
  const where = whereOf(f);
  const status = f.status === 'error' ? ' (could not evaluate)' : '';
  const why = sharedWhy ? undefined : whyOf(f);
  return `${where ? `${whereLink(f, options)}${status} — ` : status ? `${status.trim()} — ` : ''}${markdownMessage(truncate(where ? messageAfterWhere(f) : f.message, options.maxMessage))}${why ? ` — ${why}` : ''}`;
}

/** One check: its title, the places it failed (the first `maxLocations`), one fix, the first evidence. */
function groupBlock(group: CheckGroup, report: Report, options: MarkdownOptions): string[] {
  const max = options.maxLocations ?? 20;
  const [first] = group.findings;
  const head = `- **${markdownText(first!.title)}** · ${docsLink(group.checkId, report)}`;
  const lines: string[] = [];
  // Fixes written for what each place saw (a file's language, a key, an image) differ from place to place: the full
  // reports give each listed place its own; shortened ones give the first place's and say so.
  const varies = group.findings.some((f) => f.remediation !== first!.remediation);
  const perPlace = varies && options.maxMessage === undefined && group.findings.length > 1 && max > 1;
  if (group.findings.length === 1 || max <= 1) {
    const more = group.findings.length > 1 ? ` (and ${group.findings.length - 1} more)` : '';
    lines.push(`${head} · ${placeLine(first!, options)}${more}`);
  } else {
    lines.push(`${head} · ${group.findings.length} places`);
    // The same role, rule and cap for every place (one file kind): said once, after the places.
    const whys = new Set(group.findings.map(whyOf));
    const shared = whys.size === 1 ? [...whys][0] : undefined;
    for (const f of group.findings.slice(0, max)) lines.push(`  - ${placeLine(f, options, shared !== undefined)}${perPlace ? ` **Fix:** ${markdownMessage(f.remediation)}` : ''}`);
    if (group.findings.length > max) lines.push(`  - …and ${group.findings.length - max} more`);
    if (shared) lines.push(`  - **Why ${group.findings[0]!.severity}:** ${shared.replace(/^P[012] because /, '')}`);
  }
  if (!perPlace) lines.push(varies ? `  - **Fix (first place):** ${markdownMessage(first!.remediation)}` : `  - **Fix:** ${markdownMessage(group.remediation)}`);
  const evidence = group.findings.find((f) => f.evidence)?.evidence;
  if ((options.includeEvidence ?? true) && evidence) {
    lines.push('  <details><summary>Evidence</summary>', '', fence(evidence, '  '), '', '  </details>');
  }
  return lines;
}

/** `(app.py:3 and 2 more)`: where a check failed, in a paragraph of check ids. */
function inlinePlace(group: CheckGroup, options: MarkdownOptions): string {
  const first = group.findings[0]!;
  const more = group.findings.length > 1 ? ` and ${group.findings.length - 1} more` : '';
  return whereOf(first) ? `(${whereLink(first, options)}${more})` : group.findings.length > 1 ? `×${group.findings.length}` : '';
}

/** One line per check: title, id, how many places and the first of them. */
function groupLine(group: CheckGroup, report: Report, options: MarkdownOptions): string {
  const [first] = group.findings;
  const more = group.findings.length > 1 ? ` (and ${group.findings.length - 1} more)` : '';
  return `- ${first!.severity} **${markdownText(first!.title)}** · ${docsLink(group.checkId, report)} · ${placeLine(first!, { ...options, maxMessage: options.maxMessage ?? 200 })}${more}`;
}

function fence(text: string, indent: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return [ticks, ...text.split('\n'), ticks].map((l) => indent + l).join('\n');
}
