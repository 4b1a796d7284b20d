// Runs checks through the real engine (collector, timeouts, normalisation)
// against a real server or real files, and returns the findings.

import { configSchema, defaultTarget, type ResolvedConfig, type TargetConfig } from '../../src/config/schema.js';
import { runAudit, type AuditResult } from '../../src/engine/run.js';
import type { Check, Finding } from '../../src/engine/types.js';

export interface RunOptions {
  /** Raw (kebab-case) configuration, as in .github/readiness.yml. */
  config?: Record<string, unknown>;
  /** Target URL, or a raw target object with paths etc. */
  target?: string | Record<string, unknown>;
  repo?: string;
  baseRef?: string;
}

export function configFrom(raw: Record<string, unknown> = {}): ResolvedConfig {
  return configSchema.parse(raw);
}

export async function runChecks(checks: readonly Check[], options: RunOptions): Promise<AuditResult> {
  const config = configFrom(options.config);
  const targets: TargetConfig[] = [];
  if (typeof options.target === 'string') targets.push(defaultTarget(options.target));
  else if (options.target) targets.push(configFrom({ targets: [options.target] }).targets[0]!);
  return runAudit({ config, checks, targets, repoRoot: options.repo, baseRef: options.baseRef });
}

/** Only the findings of one check id. */
export function of(result: AuditResult, checkId: string): Finding[] {
  return result.findings.filter((f) => f.checkId === checkId);
}

export function failures(result: AuditResult): Finding[] {
  return result.findings.filter((f) => f.status === 'fail');
}
