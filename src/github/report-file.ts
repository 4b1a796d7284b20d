// Report mode reads the JSON report an earlier run wrote (typically a fork's
// pull request, whose token could not publish) instead of auditing. The file
// comes from an artifact, so it is checked for shape before anything is read
// from it; a wrong file is a usage error, not a crash.

import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { CATEGORIES, SEVERITIES, STATUSES } from '../engine/types.js';
import type { Report } from '../report/report.js';
import type { Finding } from '../engine/types.js';
import { capacityProblem } from '../report/capacity.js';

export function parseReport(text: string, source: string): Report {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not JSON: ${(error as Error).message}`);
  }
  const problem = reportProblem(value);
  if (problem) throw new UsageError(`${source} is not a readiness-gate JSON report: ${problem}`);
  const report = value as Report;
  return { ...report, findings: report.findings.map(withFile) };
}

/** The JSON's whole-file location (`location.path`, no line) as the renderers' `file` (report/json.ts). */
function withFile(finding: Finding): Finding {
  if (!finding.location || finding.location.line !== undefined) return finding;
  const { location, ...rest } = finding;
  return { ...rest, file: location.path };
}

type Fields = Record<string, unknown>;

// Check ids as the registry makes them (dotted, lower-case): renderers put them in code spans unescaped.
const CHECK_ID = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/;
// Control characters (a newline ends a code span's paragraph and starts new markup).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const isObject = (value: unknown): value is Fields => !!value && typeof value === 'object' && !Array.isArray(value);
const isCount = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
// Waiver dates, as the configuration accepts them; printed as they are.
const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isLine = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 1;

/** The first problem of an array field whose items are checked by `item`, or undefined. */
function eachOf(r: Fields, key: string, item: (value: unknown, at: string) => string | undefined): string | undefined {
  if (!Array.isArray(r[key])) return `${key} must be an array`;
  for (const [i, value] of (r[key] as unknown[]).entries()) {
    const problem = item(value, `${key}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

function oneLine(value: unknown, at: string): string | undefined {
  if (typeof value !== 'string') return `${at} must be a string`;
  return CONTROL.test(value) ? `${at} must be one line` : undefined;
}

function findingProblem(value: unknown, at: string): string | undefined {
  if (!isObject(value)) return `${at} must be an object`;
  if (!(STATUSES as readonly unknown[]).includes(value['status'])) return `${at}.status is not one of ${STATUSES.join(', ')}`;
  if (!(SEVERITIES as readonly unknown[]).includes(value['severity'])) return `${at}.severity is not one of ${SEVERITIES.join(', ')}`;
  if (typeof value['checkId'] !== 'string' || typeof value['message'] !== 'string' || typeof value['remediation'] !== 'string') {
    return `${at} needs checkId, message and remediation strings`;
  }
  if (!CHECK_ID.test(value['checkId'])) return `${at}.checkId is not a check id (dotted, lower-case)`;
  for (const key of ['title', 'evidence'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') return `${at}.${key} must be a string`;
  }
  if (value['category'] !== undefined && !(CATEGORIES as readonly unknown[]).includes(value['category'])) return `${at}.category is not one of ${CATEGORIES.join(', ')}`;
  if (value['url'] !== undefined) {
    const problem = oneLine(value['url'], `${at}.url`);
    if (problem) return problem;
  }
  for (const key of ['file', 'fingerprint'] as const) {
    if (value[key] === undefined) continue;
    const problem = typeof value[key] === 'string' ? oneLine(value[key], `${at}.${key}`) : `${at}.${key} must be a string`;
    if (problem) return problem;
  }
  const location = value['location'];
  if (location !== undefined) {
    // No line: the finding concerns the whole file.
    if (!isObject(location) || typeof location['path'] !== 'string') return `${at}.location needs a path`;
    const problem = oneLine(location['path'], `${at}.location.path`);
    if (problem) return problem;
    if (location['line'] !== undefined && !isLine(location['line'])) return `${at}.location.line must be a positive integer`;
    if (location['endLine'] !== undefined && !isLine(location['endLine'])) return `${at}.location.endLine must be a positive integer`;
  }
  if (value['capacity'] !== undefined) {
    const problem = capacityProblem(value['capacity'], `${at}.capacity`);
    if (problem) return problem;
  }
  const waived = value['waived'];
  if (waived !== undefined) {
    if (!isObject(waived)) return `${at}.waived must be an object`;
    if (typeof waived['reason'] !== 'string') return `${at}.waived.reason must be a string`;
    if (waived['expires'] !== undefined && !isDate(waived['expires'])) return `${at}.waived.expires must be a date (YYYY-MM-DD)`;
  }
  return undefined;
}

function reportProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'expected an object';
  const r = value;
  if (r['schemaVersion'] !== 1) return `schemaVersion ${JSON.stringify(r['schemaVersion'])} is not 1`;
  if (r['decision'] !== 'GO' && r['decision'] !== 'NO-GO') return 'decision must be GO or NO-GO';
  if (typeof r['score'] !== 'number') return 'score must be a number';
  if (typeof r['blocking'] !== 'boolean') return 'blocking must be a boolean';
  const tool = r['tool'];
  if (!isObject(tool)) return 'tool must be an object';
  // Both are printed as they are at the foot of every report.
  for (const key of ['name', 'version'] as const) {
    if (typeof tool[key] !== 'string' || !/^[\w.+-]{1,100}$/.test(tool[key])) return `tool.${key} must be a name or version (letters, digits, . + - _)`;
  }
  for (const key of ['durationMs', 'requests'] as const) {
    if (typeof r[key] !== 'number' || !Number.isFinite(r[key])) return `${key} must be a number`;
  }
  if (r['repository'] !== undefined && (!isObject(r['repository']) || !isCount(r['repository']['files']))) return 'repository.files must be a count';
  return (
    eachOf(r, 'reasons', (reason, at) => (typeof reason === 'string' ? undefined : `${at} must be a string`)) ??
    eachOf(r, 'targets', (target, at) => (typeof target === 'string' ? undefined : `${at} must be a string`)) ??
    eachOf(r, 'categories', (category, at) => {
      if (!isObject(category)) return `${at} must be an object`;
      if (!(CATEGORIES as readonly unknown[]).includes(category['id'])) return `${at}.id is not one of ${CATEGORIES.join(', ')}`;
      if (typeof category['score'] !== 'number' && category['score'] !== null) return `${at}.score must be a number or null`;
      const counts = ['passed', 'failed', 'skipped'].find((key) => !isCount(category[key]));
      return counts ? `${at}.${counts} must be a count` : undefined;
    }) ??
    eachOf(r, 'expiredWaivers', (waiver, at) => {
      if (!isObject(waiver)) return `${at} must be an object`;
      // Printed in a code span: no backtick may close it.
      if (typeof waiver['check'] !== 'string' || CONTROL.test(waiver['check']) || waiver['check'].includes('`')) return `${at}.check must be a check id`;
      return isDate(waiver['expires']) ? undefined : `${at}.expires must be a date (YYYY-MM-DD)`;
    }) ??
    eachOf(r, 'findings', findingProblem)
  );
}

/**
 * Far above what an audit writes (a report of thousands of findings is a few MiB), and far below what
 * would exhaust memory: the file may come from anyone's artifact.
 */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

export async function readReportFile(path: string): Promise<Report> {
  const unreadable = (error: NodeJS.ErrnoException): never => {
    throw new UsageError(`cannot read the report ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  };
  const info = await stat(path).catch(unreadable);
  if (info.isFile() && info.size > MAX_REPORT_BYTES) throw new UsageError(`${path} is larger than a report can be (more than ${MAX_REPORT_BYTES / 1024 / 1024} MiB)`);
  const text = await readFile(path, 'utf8').catch(unreadable);
  return parseReport(text, path);
}
