// The JSON report: the Report object, documented in docs/report.schema.json, with one difference of shape from the
// object the renderers read: a finding about a whole file has `location: { path }` with no line (one location
// shape for readers of the JSON), where the renderers' Finding has `file`. github/report-file.ts reads it back.

import type { Finding } from '../engine/types.js';
import type { Report } from './report.js';

export function renderJson(report: Report): string {
  return JSON.stringify({ ...report, findings: report.findings.map(jsonFinding) }, null, 2) + '\n';
}

function jsonFinding(finding: Finding): object {
  if (finding.file === undefined || finding.location) return finding;
  const { file, ...rest } = finding;
  // Key order as for a located finding: location where `file` was.
  const entries: Array<[string, unknown]> = Object.entries(rest);
  const at = Object.keys(finding).indexOf('file');
  entries.splice(at, 0, ['location', { path: file }]);
  return Object.fromEntries(entries);
}
