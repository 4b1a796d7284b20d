// Report mode reads the JSON report an earlier run wrote (typically a fork's
// pull request, whose token could not publish) instead of auditing. The file
// comes from an artifact, so it is checked for shape before anything is read
// from it; a wrong file is a usage error, not a crash.

import { readFile } from 'node:fs/promises';
import { UsageError } from '../engine/errors.js';
import { SEVERITIES, STATUSES } from '../engine/types.js';
import type { Report } from '../report/report.js';

export function parseReport(text: string, source: string): Report {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not JSON: ${(error as Error).message}`);
  }
  const problem = reportProblem(value);
  if (problem) throw new UsageError(`${source} is not a readiness-gate JSON report: ${problem}`);
  return value as Report;
}

function reportProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'expected an object';
  const r = value as Record<string, unknown>;
  if (r['schemaVersion'] !== 1) return `schemaVersion ${JSON.stringify(r['schemaVersion'])} is not 1`;
  if (r['decision'] !== 'GO' && r['decision'] !== 'NO-GO') return 'decision must be GO or NO-GO';
  if (typeof r['score'] !== 'number') return 'score must be a number';
  if (typeof r['blocking'] !== 'boolean') return 'blocking must be a boolean';
  for (const key of ['findings', 'categories', 'reasons', 'targets', 'expiredWaivers'] as const) {
    if (!Array.isArray(r[key])) return `${key} must be an array`;
  }
  const findings = r['findings'] as unknown[];
  for (const [i, f] of findings.entries()) {
    const finding = f as Record<string, unknown> | null;
    if (!finding || typeof finding !== 'object') return `findings[${i}] must be an object`;
    if (typeof finding['checkId'] !== 'string' || typeof finding['message'] !== 'string' || typeof finding['remediation'] !== 'string') {
      return `findings[${i}] needs checkId, message and remediation strings`;
    }
    if (!(STATUSES as readonly unknown[]).includes(finding['status'])) return `findings[${i}].status is not one of ${STATUSES.join(', ')}`;
    if (!(SEVERITIES as readonly unknown[]).includes(finding['severity'])) return `findings[${i}].severity is not one of ${SEVERITIES.join(', ')}`;
    const location = finding['location'] as Record<string, unknown> | undefined;
    if (location !== undefined && (typeof location !== 'object' || typeof location['path'] !== 'string' || typeof location['line'] !== 'number')) {
      return `findings[${i}].location needs a path and a line`;
    }
  }
  return undefined;
}

export async function readReportFile(path: string): Promise<Report> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read the report ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  return parseReport(text, path);
}
