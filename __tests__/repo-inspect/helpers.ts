// Shared by the repository-inspection tests: run checks over real files in a
// temp directory and describe findings compactly for exact assertions.

import { makeRepo } from '../helpers/repo.js';
import { runChecks, of } from '../helpers/run-checks.js';
import type { AuditResult } from '../../src/engine/run.js';
import type { Check } from '../../src/engine/types.js';

/** `fail P1 infra/docker-compose.yml:12` (or `fail P2 .env` for a whole file) for each finding of `id`, in the engine's order. */
export function where(result: AuditResult, id: string): string[] {
  return of(result, id).map((f) => `${f.status} ${f.severity}${f.location ? ` ${f.location.path}:${f.location.line}` : f.file ? ` ${f.file}` : ''}`);
}

export function statuses(result: AuditResult, id: string): string[] {
  return of(result, id).map((f) => f.status);
}

export function messages(result: AuditResult, id: string): string[] {
  return of(result, id).map((f) => f.message);
}

/** Runs `checks` over `files` (a git repository with everything committed when `git`), then removes it. */
export async function audit(
  checks: readonly Check[],
  files: Record<string, string | Buffer>,
  options: { git?: boolean; config?: Record<string, unknown> } = {},
): Promise<AuditResult> {
  const repo = makeRepo(files, { git: options.git });
  try {
    return await runChecks(checks, { repo: repo.root, config: options.config });
  } finally {
    repo.cleanup();
  }
}

/** `production evidence:compose` for each finding of `id`: the role it was judged in and what gave it, in the engine's order. */
export function roles(result: AuditResult, id: string): string[] {
  return of(result, id).map((f) => (f.role ? `${f.role.role} ${f.role.rule ?? '(no rule)'}` : 'no role'));
}
