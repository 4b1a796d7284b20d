// Terminal report: the same order as the markdown one, coloured when the
// stream is a TTY, plain otherwise, wrapped to stay readable at 80 columns.

import type { Severity } from '../engine/types.js';
import { terminalText } from './escape.js';
import { capacityText } from './capacity.js';
import { existingFailures, failing, groupByCheck, headline, whereOf, type CheckGroup, type Report } from './report.js';

export interface TextOptions {
  color: boolean;
  width?: number;
  /** List every passing finding instead of a count. */
  verbose?: boolean;
}

const ANSI = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, dim: 2, bold: 1 } as const;
type Style = keyof typeof ANSI;

export function renderText(report: Report, options: TextOptions): string {
  const width = Math.max(40, Math.min(options.width ?? 80, 120));
  const paint = (style: Style, text: string): string => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const decisionStyle: Style = report.decision === 'GO' ? 'green' : 'red';
  out.push(paint('bold', paint(decisionStyle, headline(report))));
  for (const reason of report.reasons) out.push(...wrap(terminalText(reason), width, '  ', '  '));
  out.push('');
  if (report.categories.length) {
    out.push(paint('bold', 'Category        Score  Passed  Failed  Skipped'));
    for (const c of report.categories) {
      // Nothing evaluated in this category: no score, not 100.
      const score = (c.checks ? String(c.score) : '—').padStart(5);
      const colored = !c.checks ? paint('dim', score) : c.score >= 90 ? paint('green', score) : c.score >= 60 ? paint('yellow', score) : paint('red', score);
      out.push(`${c.id.padEnd(14)}  ${colored}  ${String(c.passed).padStart(6)}  ${String(c.failed).padStart(6)}  ${String(c.skipped).padStart(7)}`);
    }
    out.push('');
  }
  // The load ramp's stages as a table (the markdown report draws them).
  for (const line of capacityText(report)) {
    const indent = line.slice(0, line.length - line.trimStart().length);
    out.push(...(line.length > width ? wrap(line.trimStart(), width, indent, `${indent}    `) : [line]));
  }
  const severityStyle: Record<Severity, Style> = { P0: 'red', P1: 'yellow', P2: 'blue' };
  for (const severity of ['P0', 'P1', 'P2'] as Severity[]) {
    const list = failing(report, severity);
    if (!list.length) continue;
    const groups = groupByCheck(list);
    out.push(paint('bold', paint(severityStyle[severity], `${severity} failing: ${list.length} in ${groups.length} check${groups.length === 1 ? '' : 's'}`)));
    // About a screen per severity: P0 checks with three places, P1 with one, P2 one line each (--verbose: all).
    const max = options.verbose ? { places: Infinity, message: Infinity, roles: true } : { places: severity === 'P0' ? MAX_PLACES : 1, message: MAX_MESSAGE };
    for (const group of groups) {
      if (severity === 'P2' && !options.verbose) out.push(...wrap(`${group.checkId} ${terminalText(group.findings[0]!.title)} (${group.findings.length})`, width, '  ', '    '));
      else out.push(...groupLines(group, width, paint, max));
    }
    out.push('');
  }
  for (const burst of report.skippedBursts ?? []) out.push(...wrap(terminalText(`Burst not sent: ${burst.checkId}: ${burst.reason}`), width, paint('yellow', '! '), '  '));
  if (report.skippedBursts?.length) out.push('');
  const existing = existingFailures(report);
  if (existing.length) {
    const groups = groupByCheck(existing);
    out.push(paint('bold', `Existing: ${existing.length} failing finding(s) in ${groups.length} check(s) the change did not introduce (not deciding)`));
    if (options.verbose) for (const group of groups) out.push(...groupLines(group, width, paint, { places: Infinity, message: Infinity, roles: true }));
    else out.push(...wrap(groups.map((g) => `${g.checkId}${g.findings.length > 1 ? ` ×${g.findings.length}` : ''}`).join(', '), width, '  ', '  '));
    out.push('');
  }
  const waived = report.findings.filter((f) => f.waived);
  if (waived.length) {
    out.push(paint('bold', `Waived (${waived.length})`));
    for (const f of waived) out.push(...wrap(terminalText(`${f.checkId} ${whereOf(f)}: ${f.waived!.reason}`), width, '  ', '    '));
    out.push('');
  }
  for (const w of report.expiredWaivers) {
    out.push(...wrap(terminalText(`Expired waiver for ${w.check} (expired ${w.expires}) no longer applies.`), width, paint('yellow', '! '), '  '));
  }
  const passing = report.findings.filter((f) => f.status === 'pass');
  const skipped = report.findings.filter((f) => f.status === 'skip');
  if (options.verbose) {
    for (const f of passing) out.push(...wrap(terminalText(`${f.checkId} ${whereOf(f)} ${f.message}`), width, paint('green', '✓ '), '    '));
    for (const f of skipped) out.push(...wrap(terminalText(`${f.checkId} ${f.message}`), width, paint('dim', '- '), '    '));
  }
  out.push(
    paint(
      'dim',
      `${passing.length} passing, ${skipped.length} skipped · ${report.requests} HTTP requests · ${(report.durationMs / 1000).toFixed(1)} s · ${report.tool.name} ${report.tool.version}`,
    ),
  );
  return out.join('\n') + '\n';
}

// Places listed under one check before "and N more" (--verbose lists them all).
const MAX_PLACES = 3;
// A place's message is cut to about two lines (--verbose shows it whole).
const MAX_MESSAGE = 150;

/** One check: id and title, its places (each with its message), one fix. */
function groupLines(group: CheckGroup, width: number, paint: (s: Style, t: string) => string, max: { places: number; message: number; roles?: boolean }): string[] {
  const maxPlaces = max.places;
  const [first] = group.findings;
  const lines = [`  ${paint('bold', group.checkId)} ${terminalText(first!.title)}${group.findings.length > 1 ? paint('dim', ` (${group.findings.length})`) : ''}`];
  for (const f of group.findings.slice(0, maxPlaces)) {
    const where = terminalText(whereOf(f));
    const status = f.status === 'error' ? ' (could not evaluate)' : '';
    const message = f.message.length > max.message ? `${f.message.slice(0, max.message - 1).trimEnd()}…` : f.message;
    lines.push(...wrap(`${where ? `${where}${status}: ` : status}${terminalText(message)}`, width, '    ', '      '));
    // --verbose: which role the file has, and the rule that gave it (model/role-rules.ts).
    if (max.roles && f.role) lines.push(...wrap(`role: ${f.role.role} (${terminalText(f.role.reason)})`, width, '      ', '        ').map((l) => paint('dim', l)));
  }
  if (group.findings.length > maxPlaces) lines.push(paint('dim', `    …and ${group.findings.length - maxPlaces} more (--verbose lists them)`));
  lines.push(...wrap(`Fix: ${group.remediation.split('\n').map(terminalText).join('\n')}`, width, '    ', '      ').map((l) => paint('dim', l)));
  return lines;
}

/** Word wrap; words longer than a line (URLs) stay whole. */
export function wrap(text: string, width: number, firstIndent: string, nextIndent: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = lines.length ? nextIndent : firstIndent;
    let empty = true;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (!empty && visibleLength(line) + 1 + visibleLength(word) > width) {
        lines.push(line);
        line = nextIndent + word;
      } else {
        line += (empty ? '' : ' ') + word;
      }
      empty = false;
    }
    lines.push(line);
  }
  return lines;
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
