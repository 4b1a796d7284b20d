// Severity by role: one policy, in one place, applied by the engine to every
// repository finding that points at a file. Checks only decide; where a
// finding counts is decided here from the file's role.
//
// - `deployment` (the default for repository checks): full severity in
//   files production is shown to reach, at most P1 in files whose role is
//   unknown (nothing shows production reaches them: SEVERITY.md), at most P2
//   in development files, not judged in test, docs, example, template and
//   tooling files.
// - `own`: the check chooses its inputs by role itself (the secret scanner
//   keeps provider-specific credentials at P0 in any file; env template checks
//   read example files on purpose).
// - `any`: the finding is about the repository as a whole (CI, lockfiles,
//   backups); the file it points at is only where to look.

import type { Severity } from '../core/finding.js';
import type { FileRole } from './role-rules.js';

export type RolePolicy = 'deployment' | 'own' | 'any';

export type RoleVerdict = { judged: false } | { judged: true; severity: Severity; capped: boolean };

const CAP_BY_ROLE: Record<FileRole, Severity | undefined> = {
  production: undefined,
  development: 'P2',
  unknown: 'P1',
  test: undefined,
  docs: undefined,
  example: undefined,
  template: undefined,
  tooling: undefined,
};

const JUDGED_ROLES: ReadonlySet<FileRole> = new Set(['production', 'development', 'unknown']);

const ONE_LEVEL_DOWN: Record<Severity, Severity> = { P0: 'P1', P1: 'P2', P2: 'P2' };

/**
 * `productionOnly`: the check's problem exists only where production runs the
 * file, so on an unknown file the finding goes one level down rather than to
 * P1: a published datastore's unseen password or its missing volume, on a
 * compose file nothing shows anyone deploys, is what a development stack does.
 */
export function severityForRole(policy: RolePolicy, role: FileRole, severity: Severity, productionOnly = false): RoleVerdict {
  if (policy !== 'deployment') return { judged: true, severity, capped: false };
  if (!JUDGED_ROLES.has(role)) return { judged: false };
  if (productionOnly && role === 'unknown') return { judged: true, severity: ONE_LEVEL_DOWN[severity], capped: severity !== 'P2' };
  const cap = CAP_BY_ROLE[role];
  if (cap && severity < cap) return { judged: true, severity: cap, capped: true };
  return { judged: true, severity, capped: false };
}

/** The policy table as documentation (docs/checks.md). */
export const ROLE_POLICY_DOC = [
  '| role | deployment checks (default) | secrets.hardcoded |',
  '| --- | --- | --- |',
  '| production | full severity | every rule, P0 |',
  '| unknown (no evidence either way) | at most P1; one level down for checks whose problem exists only where production runs the file (marked *production only*) | credentials by format (provider tokens, private keys), P0; the guessing rules, P1 |',
  '| development | at most P2 | every rule, P0 |',
  '| test | not judged | provider-specific credentials only (AWS, GitHub, Stripe live, Google, Slack, private keys...), P0 |',
  '| docs | not judged | provider-specific credentials only, P0 |',
  '| example | not judged | provider-specific credentials only, P0 |',
  '| template | not judged | provider-specific credentials only, P0 |',
  '| tooling | not judged | provider-specific credentials only, P0 |',
].join('\n');
