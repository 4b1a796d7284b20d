// Reports built through the real buildReport (scoring included) from findings
// made to measure: many located failures, huge evidence, many passing checks.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GateSummary } from '../../src/engine/gate.js';
import type { AuditResult } from '../../src/engine/run.js';
import type { Finding, Severity } from '../../src/engine/types.js';
import { renderJson } from '../../src/report/json.js';
import { buildReport, type Report } from '../../src/report/report.js';

export function finding(overrides: Partial<Finding> & Pick<Finding, 'checkId'>): Finding {
  return {
    title: `Title of ${overrides.checkId}`,
    category: 'security',
    severity: 'P1',
    status: 'fail',
    message: `Message of ${overrides.checkId}`,
    remediation: `Fix ${overrides.checkId}`,
    ...overrides,
  };
}

/** `count` failing findings with a location, severities cycling P0, P1, P2. */
export function locatedFailures(count: number, options: { evidence?: string; severities?: Severity[] } = {}): Finding[] {
  const severities = options.severities ?? ['P0', 'P1', 'P2'];
  return Array.from({ length: count }, (_, i) =>
    finding({
      checkId: `fixture.rule-${i % 7}`,
      severity: severities[i % severities.length]!,
      location: { path: `src/file-${i}.ts`, line: i + 1, ...(i % 2 ? { endLine: i + 3 } : {}) },
      ...(options.evidence ? { evidence: options.evidence } : {}),
    }),
  );
}

export function passing(count: number): Finding[] {
  return Array.from({ length: count }, (_, i) =>
    finding({ checkId: `fixture.passing-${i}`, status: 'pass', severity: 'P2', message: `Looked at thing ${i} carefully and found it in order. `.repeat(3) }),
  );
}

export function reportOf(
  findings: Finding[],
  options: { failOn?: 'p0' | 'never'; minScore?: number; gate?: GateSummary; burstChecks?: ReadonlySet<string>; result?: Partial<AuditResult> } = {},
): Report {
  return buildReport(
    { findings, durationMs: 1234, requests: 0, requestsByCheck: {}, expiredWaivers: [], targets: [], repository: { root: '/x', files: 10, skipped: 0 }, ...options.result },
    {
      minScore: options.minScore ?? 0,
      failOn: options.failOn ?? 'p0',
      now: new Date('2026-11-23T00:00:00Z'),
      ...(options.gate ? { gate: options.gate } : {}),
      ...(options.burstChecks ? { burstChecks: options.burstChecks } : {}),
    },
  );
}

/** Writes the report as the Action's audit mode would, in a fresh directory; returns the directory and the file. */
export function writeReport(report: Report): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rg-report-'));
  const file = join(dir, 'readiness-report.json');
  writeFileSync(file, renderJson(report));
  return { dir, file };
}
