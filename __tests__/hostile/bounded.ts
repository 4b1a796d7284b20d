// The hostile suite's way to run an audit: the real `audit()` (configuration
// file, check selection, engine, report) with a configuration written to a
// temporary file, timed against `timeouts.audit-ms`. Every audit in the suite
// must end within that budget plus AUDIT_SLACK_MS, whatever the target or the
// repository does (issue 13, "Done when").

import { expect } from '@jest/globals';
import { execFile } from 'node:child_process';
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

/**
 * The peak resident size, in bytes, of one run of the bundled CLI `cli` with `args`, in a process of its own, and
 * its exit code. Inside the jest worker the resident size also moves with what earlier test files left and with
 * garbage a collector starved of CPU has not reclaimed yet, so memory bounds are measured this way.
 */
export async function cliPeakRss(cli: string, args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<{ bytes: number; code: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'rg-hostile-rss-'));
  const preload = join(dir, 'peak.cjs');
  writeFileSync(preload, "process.on('exit', () => require('node:fs').writeSync(2, `\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
  try {
    return await new Promise((done, fail) =>
      execFile(process.execPath, ['--require', preload, cli, ...args], { cwd: options.cwd, timeout: options.timeoutMs ?? 60_000, maxBuffer: 32 * 1024 * 1024 }, (err, _stdout, stderr) => {
        const kb = /PEAK_RSS_KB (\d+)/.exec(stderr);
        if (!kb) fail(err ?? new Error(`no peak reported: ${stderr.slice(-500)}`));
        else done({ bytes: Number(kb[1]) * 1024, code: typeof err?.code === 'number' ? err.code : err ? 1 : 0 });
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
