// The checks of the HTTP security surface (issue 3), for running them together.

import type { Check } from '../../src/engine/types.js';
import { httpChecks } from '../../src/checks/http/index.js';
import { tlsChecks } from '../../src/checks/tls/index.js';
import { headersChecks } from '../../src/checks/headers/index.js';
import { cookiesChecks } from '../../src/checks/cookies/index.js';
import { corsChecks } from '../../src/checks/cors/index.js';
import { disclosureChecks } from '../../src/checks/disclosure/index.js';
import { errorsChecks } from '../../src/checks/errors/index.js';
import type { AuditResult } from '../../src/engine/run.js';

export const SURFACE_CHECKS: readonly Check[] = [
  ...httpChecks,
  ...tlsChecks,
  ...headersChecks,
  ...cookiesChecks,
  ...corsChecks,
  ...disclosureChecks,
  ...errorsChecks,
];

/** Sorted, distinct ids of the checks that failed. */
export function failingIds(result: AuditResult): string[] {
  return [...new Set(result.findings.filter((f) => f.status === 'fail').map((f) => f.checkId))].sort();
}

/** `id severity message` lines of the failures, for readable assertion diffs. */
export function failureLines(result: AuditResult): string[] {
  return result.findings.filter((f) => f.status === 'fail').map((f) => `${f.checkId} ${f.severity} ${f.message}`);
}

/** Small timeouts so that hang tests stay fast. */
export const FAST_HTTP = { http: { 'timeout-ms': 1500, 'connect-timeout-ms': 1000 } };
