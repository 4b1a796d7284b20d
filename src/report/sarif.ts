// SARIF 2.1.0 for GitHub code scanning: one rule per check id, one result per
// failing finding that concerns a file (a line in it, or the whole file).
// Live findings have no place in a source file, and code scanning rejects
// results without a location, so they stay in the other reports. Every
// result carries the finding's fingerprint (never the line), so an alert
// keeps its identity when lines move.

import type { Check, Finding, Severity } from '../engine/types.js';
import { withFingerprints } from './fingerprint.js';
import { checkDocsUrl, encodePath, PROJECT_URL } from './links.js';
import { severityWhy, type Report } from './report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { P0: 'error', P1: 'warning', P2: 'note' };
// GitHub orders security alerts by this property (CVSS-like, 0-10).
const SECURITY_SEVERITY: Record<Severity, string> = { P0: '9.0', P1: '7.0', P2: '4.0' };

export function renderSarif(report: Report, catalog: readonly Check[]): string {
  // A report read from an older JSON file may lack fingerprints: give them the same ones buildReport would.
  const findings = report.findings.every((f) => f.fingerprint) ? report.findings : withFingerprints(report.findings);
  const results = findings.filter((f) => (f.status === 'fail' || f.status === 'error') && (f.location || f.file));
  const ruleIds = [...new Set(results.map((f) => f.checkId))].sort();
  const byId = new Map(catalog.map((c) => [c.id, c]));
  const rules = ruleIds.map((id) => {
    const check = byId.get(id);
    const sample = results.find((f) => f.checkId === id)!;
    return {
      id,
      name: toPascal(id),
      shortDescription: { text: check?.title ?? sample.title },
      fullDescription: { text: check?.docs.summary ?? sample.title },
      help: {
        text: check ? `${check.docs.why}\n\nFix: ${check.docs.fix}` : sample.remediation,
        markdown: check ? `${check.docs.why}\n\n**Fix:** ${check.docs.fix}` : sample.remediation,
      },
      helpUri: checkDocsUrl(id, report.tool.version),
      defaultConfiguration: { level: LEVEL[check?.severity ?? sample.severity] },
      properties: {
        category: check?.category ?? sample.category,
        tags: [check?.category ?? sample.category, 'production-readiness'],
        ...(sample.category === 'security' ? { 'security-severity': SECURITY_SEVERITY[check?.severity ?? sample.severity] } : {}),
      },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: PROJECT_URL,
            rules,
          },
        },
        results: results.map((f) => toResult(f, ruleIds.indexOf(f.checkId))),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function toResult(f: Finding, ruleIndex: number): object {
  const path = f.location?.path ?? f.file!;
  const region = f.location ? { region: { startLine: f.location.line, ...(f.location.endLine && f.location.endLine >= f.location.line ? { endLine: f.location.endLine } : {}) } } : {};
  return {
    ruleId: f.checkId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.message}${f.status === 'error' ? ' (could not evaluate)' : ''}${whyLine(f)}\nFix: ${f.remediation}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(path), uriBaseId: '%SRCROOT%' }, ...region } }],
    partialFingerprints: { 'readinessGate/v1': f.fingerprint! },
    // Why this severity: the file's role, the rule that gave it and any cap (the level is the capped severity).
    ...(f.role || f.cappedFrom
      ? {
          properties: {
            ...(f.role ? { role: f.role.role, roleReason: f.role.reason, ...(f.role.rule ? { roleRule: f.role.rule } : {}) } : {}),
            ...(f.cappedFrom ? { cappedFrom: f.cappedFrom } : {}),
          },
        }
      : {}),
    ...(f.waived ? { suppressions: [{ kind: 'external', justification: f.waived.reason }] } : {}),
  };
}

function whyLine(f: Finding): string {
  const why = severityWhy(f);
  return why ? `\n${why}` : '';
}

function toPascal(id: string): string {
  return id
    .split(/[.-]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}
