// The hostile suite's way to run an audit: the real `audit()` (configuration
// file, check selection, engine, report) with a configuration written to a
// temporary file, timed against `timeouts.audit-ms`. Every audit in the suite
// must end within that budget plus AUDIT_SLACK_MS, whatever the target or the
// repository does (issue 13, "Done when").

import { expect } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit, type AuditOptions, type AuditOutcome } from '../../src/audit.js';

/** What an audit may take beyond timeouts.audit-ms: the report, closing sockets, a busy shared machine. */
export const AUDIT_SLACK_MS = 5000;

export interface BoundedAudit extends AuditOutcome {
  elapsedMs: number;
  auditMs: number;
}

/**
 * Runs `audit()` with `config` (the raw, kebab-case file contents) and asserts
 * it ended within its `timeouts.audit-ms` plus AUDIT_SLACK_MS.
 */
export async function boundedAudit(config: Record<string, unknown>, options: Omit<AuditOptions, 'config'>): Promise<BoundedAudit> {
  const dir = mkdtempSync(join(tmpdir(), 'rg-hostile-config-'));
  try {
    const file = join(dir, 'readiness.yml');
    // JSON is YAML.
    writeFileSync(file, JSON.stringify(config));
    const started = performance.now();
    const outcome = await audit({ ...options, config: file, ignoreBaseline: true });
    const elapsedMs = performance.now() - started;
    const auditMs = outcome.config.timeouts.auditMs;
    expect(elapsedMs).toBeLessThan(auditMs + AUDIT_SLACK_MS);
    return { ...outcome, elapsedMs, auditMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
