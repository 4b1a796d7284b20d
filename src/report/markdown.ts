// Markdown report (check-run summary, PR comment, job summary): the decision
// and score first, a table of categories, then the failing P0s, P1s and P2s
// with their fixes; passing, skipped and waived checks folded away.

import type { Finding, Severity } from '../engine/types.js';
import { markdownCode, markdownMessage, markdownText } from './escape.js';
import { failing, headline, whereOf, type Report } from './report.js';

export interface MarkdownOptions {
  /** Heading level of the title (2 by default: `##`). */
  headingLevel?: number;
  /** List passing checks in a folded section (default true). */
  includePassing?: boolean;
  /** Quote evidence under each failure (default true). */
  includeEvidence?: boolean;
  /** Show P2 failures in full (default true); otherwise one line each. */
  p2Details?: boolean;
  /** Fold the P2 failures into a <details> section (the PR comment shows P0/P1 first). */
  foldP2?: boolean;
  /** A note appended at the end (e.g. "trimmed: see the job summary"). */
  note?: string;
}

const ICON = { 'GO': '🟢', 'NO-GO': '🔴' } as const;

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const h = '#'.repeat(options.headingLevel ?? 2);
  const includeEvidence = options.includeEvidence ?? true;
  const out: string[] = [];
  out.push(`${h} ${ICON[report.decision]} ${headline(report)}`, '');
  out.push(...report.reasons.map((r) => `- ${markdownMessage(r)}`), '');
  if (report.categories.length) {
    out.push('| Category | Score | Passed | Failed | Skipped |', '|---|---:|---:|---:|---:|');
    for (const c of report.categories) out.push(`| ${c.id} | ${c.checks ? c.score : '—'} | ${c.passed} | ${c.failed} | ${c.skipped} |`);
    out.push('');
  }
  for (const severity of ['P0', 'P1', 'P2'] as Severity[]) {
    const list = failing(report, severity);
    if (!list.length) continue;
    const fold = severity === 'P2' && options.foldP2;
    const heading = `${severity} ${LABEL[severity]} (${list.length})`;
    out.push(fold ? `<details><summary>${heading}</summary>` : `${h}# ${heading}`, '');
    const full = severity !== 'P2' || (options.p2Details ?? true);
    for (const finding of list) out.push(...(full ? findingBlock(finding, includeEvidence) : [findingLine(finding)]));
    out.push('');
    if (fold) out.push('</details>', '');
  }
  const waived = report.findings.filter((f) => f.waived);
  if (waived.length) {
    out.push(`<details><summary>Waived (${waived.length})</summary>`, '');
    for (const f of waived) {
      out.push(`- ${findingLine(f).slice(2)} — waived: ${markdownText(f.waived!.reason)}${f.waived!.expires ? ` (until ${f.waived!.expires})` : ''}`);
    }
    out.push('', '</details>', '');
  }
  if (report.expiredWaivers.length) {
    out.push(`**Expired waivers** (no longer applied): ${report.expiredWaivers.map((w) => `${markdownCode(w.check)} (expired ${markdownText(w.expires ?? '')})`).join(', ')}`, '');
  }
  if (options.includePassing ?? true) {
    const passing = report.findings.filter((f) => f.status === 'pass');
    if (passing.length) {
      out.push(`<details><summary>Passing (${passing.length})</summary>`, '');
      for (const f of passing) out.push(findingLine(f));
      out.push('', '</details>', '');
    }
    const skipped = report.findings.filter((f) => f.status === 'skip');
    if (skipped.length) {
      out.push(`<details><summary>Skipped (${skipped.length})</summary>`, '');
      for (const f of skipped) out.push(findingLine(f));
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

const LABEL: Record<Severity, string> = {
  P0: 'failures: blocking',
  P1: 'failures: fix before release',
  P2: 'failures: worth fixing',
};

function findingLine(f: Finding): string {
  const where = whereOf(f);
  const status = f.status === 'error' ? ' (could not evaluate)' : '';
  return `- ${markdownCode(f.checkId)}${where ? ` · ${markdownCode(where)}` : ''}${status} — ${markdownMessage(f.message)}`;
}

function findingBlock(f: Finding, includeEvidence: boolean): string[] {
  const lines = [`${findingLine(f)}`, `  - **Fix:** ${markdownMessage(f.remediation)}`];
  if (includeEvidence && f.evidence) {
    lines.push('  <details><summary>Evidence</summary>', '', fence(f.evidence, '  '), '', '  </details>');
  }
  return lines;
}

function fence(text: string, indent: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return [ticks, ...text.split('\n'), ticks].map((l) => indent + l).join('\n');
}
