// Terminal report: the same order as the markdown one, coloured when the
// stream is a TTY, plain otherwise, wrapped to stay readable at 80 columns.

import type { Severity } from '../engine/types.js';
import { terminalText } from './escape.js';
import { capacityText } from './capacity.js';
import { checkDocsUrl } from './links.js';
import { cutMessage, existingFailures, failing, groupByCheck, headline, messageAfterWhere, severityWhy, whereOf, type CheckGroup, type Report } from './report.js';

export interface TextOptions {
  color: boolean;
  width?: number;
  /** List every passing finding instead of a count. */
  verbose?: boolean;
  /** Link check ids to their documentation with OSC 8 hyperlinks; otherwise the report prints the URLs. */
  hyperlinks?: boolean;
}

const ANSI = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, dim: 2, bold: 1 } as const;
type Style = keyof typeof ANSI;

export function renderText(report: Report, options: TextOptions): string {
  const width = Math.max(40, Math.min(options.width ?? 80, 120));
  const paint = (style: Style, text: string): string => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const linker: Linker = { hyperlinks: options.hyperlinks ?? false, version: report.tool.version };
  const out: string[] = [];
  const decisionStyle: Style = report.decision === 'GO' ? 'green' : 'red';
  out.push(paint('bold', paint(decisionStyle, headline(report))));
  for (const reason of report.reasons) out.push(...wrap(terminalText(reason), width, '  ', '  '));
  out.push('');
  if (report.categories.length) {
    out.push(paint('bold', 'Category        Score  Passed  Failed  Skipped'));
    for (const c of report.categories) {
      // Nothing evaluated in this category: no score, not 100.
      const score = (c.score === null ? '—' : String(c.score)).padStart(5);
      const colored = c.score === null ? paint('dim', score) : c.score >= 90 ? paint('green', score) : c.score >= 60 ? paint('yellow', score) : paint('red', score);
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
    const max = options.verbose ? { places: Infinity, message: Infinity } : { places: severity === 'P0' ? MAX_PLACES : 1, message: MAX_MESSAGE };
    for (const group of groups) {
      if (severity === 'P2' && !options.verbose) out.push(...wrap(`${linked(group.checkId, linker)} ${terminalText(group.findings[0]!.title)} (${group.findings.length})`, width, '  ', '    '));
      else out.push(...groupLines(group, width, paint, max, linker));
    }
    out.push('');
  }
  for (const burst of report.skippedBursts ?? []) out.push(...wrap(terminalText(`Burst not sent: ${burst.checkId}: ${burst.reason}`), width, paint('yellow', '! '), '  '));
  if (report.skippedBursts?.length) out.push('');
  const existing = existingFailures(report);
  if (existing.length) {
    const groups = groupByCheck(existing);
    out.push(paint('bold', `Existing: ${existing.length} failing finding(s) in ${groups.length} check(s) the change did not introduce (not deciding)`));
    if (options.verbose) for (const group of groups) out.push(...groupLines(group, width, paint, { places: Infinity, message: Infinity }, linker));
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

interface Linker {
  hyperlinks: boolean;
  version: string;
}

/** A check id linked to its documentation (OSC 8: `ESC ] 8 ; ; URL ST text ESC ] 8 ; ; ST`), when the terminal shows links. */
function linked(checkId: string, linker: Linker): string {
  return linker.hyperlinks ? `\u001b]8;;${checkDocsUrl(checkId, linker.version)}\u001b\\${checkId}\u001b]8;;\u001b\\` : checkId;
}

/** One check: id and title, its places (each with its message), one fix, and the docs' URL where ids are not links. */
function groupLines(group: CheckGroup, width: number, paint: (s: Style, t: string) => string, max: { places: number; message: number }, linker: Linker): string[] {
  const maxPlaces = max.places;
  const [first] = group.findings;
  const lines = [`  ${paint('bold', linked(group.checkId, linker))} ${terminalText(first!.title)}${group.findings.length > 1 ? paint('dim', ` (${group.findings.length})`) : ''}`];
  // Fixes written for what each place saw (a file's language, a key, an image) differ: each place says its own.
  const ownFixes = group.findings.some((f) => f.remediation !== group.remediation);
  for (const f of group.findings.slice(0, maxPlaces)) {
    const where = terminalText(whereOf(f));
    const status = f.status === 'error' ? ' (could not evaluate)' : '';
    const message = cutMessage(messageAfterWhere(f), max.message);
    lines.push(...wrap(`${where ? `${where}${status}: ` : status}${terminalText(message)}`, width, '    ', '      '));
    // Why this severity: the file's role, the rule that gave it (model/role-rules.ts), any cap.
    const why = severityWhy(f);
    if (why) lines.push(...wrap(terminalText(why), width, '      ', '        ').map((l) => paint('dim', l)));
    if (ownFixes) lines.push(...wrap(`Fix: ${terminalText(f.remediation)}`, width, '      ', '        ').map((l) => paint('dim', l)));
  }
  if (group.findings.length > maxPlaces) lines.push(paint('dim', `    …and ${group.findings.length - maxPlaces} more (--verbose lists them)`));
  // A fix names what the check saw (a path, a key, an image), so it is untrusted text like a message: its line
  // breaks are shown escaped, never obeyed.
  if (!ownFixes) lines.push(...wrap(`Fix: ${terminalText(group.remediation)}`, width, '    ', '      ').map((l) => paint('dim', l)));
  if (!linker.hyperlinks) lines.push(paint('dim', `    Docs: ${checkDocsUrl(group.checkId, linker.version)}`));
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
  // SGR colours and OSC 8 hyperlinks take no column.
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m|\u001b\]8;;[^\u001b\u0007]*(?:\u001b\\|\u0007)/g, '').length;
}
