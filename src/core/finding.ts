// The vocabulary every layer shares: severities, categories, statuses, where a
// finding points and what a finding says. A leaf: it imports nothing of ours
// but other core types, so the repository readers, the model, the probes, the
// engine and the reports all speak it without importing one another.

import type { RoleInfo } from './role.js';
import type { Capacity } from './capacity.js';

export const SEVERITIES = ['P0', 'P1', 'P2'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'security',
  'reliability',
  'performance',
  'deployment',
  'observability',
  'quality',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const STATUSES = ['pass', 'fail', 'skip', 'error'] as const;
export type Status = (typeof STATUSES)[number];

export type CheckKind = 'live' | 'repo';

export interface Location {
  /** Relative to the audited repository root, forward slashes. */
  path: string;
  /** 1-based. */
  line: number;
  endLine?: number;
}

/** What a check returns; the engine fills in id, title, category and defaults. */
export interface FindingInput {
  status: Status;
  message: string;
  /** Only when the check's documentation says a case differs from the default. */
  severity?: Severity;
  location?: Location;
  /**
   * The file a finding concerns as a whole, when no line applies (a setting missing from it, a file that should
   * not be tracked). Reports name the file alone; annotations and code scanning get no arbitrary line.
   */
  file?: string;
  url?: string;
  /** Request/response or file excerpt. Must already be redacted. */
  evidence?: string;
  /** Defaults to the check's `docs.fix`. */
  remediation?: string;
  /**
   * The role of what was found, when it is finer than its file's: a
   * compose service that runs only in a `debug` profile, or a finding about a
   * deployment (compose files merged with `-f`) judged by the deployment's role.
   * The engine judges by it.
   */
  role?: RoleInfo;
  /** Set by the engine when the role policy lowered the severity: the severity before the cap. */
  cappedFrom?: Severity;
  /**
   * A credential recognised by its format (a private key block, a provider's token): SEVERITY.md makes it P0
   * wherever it is committed, so a file whose production role is unknown does not cap it.
   */
  byFormat?: boolean;
  /** The load ramp's measurements (load.ramp), for the report's capacity picture and the next run's comparison. */
  capacity?: Capacity;
}

export interface Waived {
  reason: string;
  expires?: string;
}

export interface Finding {
  checkId: string;
  title: string;
  category: Category;
  severity: Severity;
  status: Status;
  message: string;
  remediation: string;
  location?: Location;
  /** See FindingInput.file. */
  file?: string;
  url?: string;
  evidence?: string;
  waived?: Waived;
  /** Repository findings: the role of the file they point at, and why it has it. */
  role?: RoleInfo;
  /** Set when the role policy lowered the check's severity: the severity before the cap (the role says why). */
  cappedFrom?: Severity;
  /**
   * A failure the change did not introduce: also on the merge base (`gate: new`) or accepted in the baseline file.
   * It is listed, folded, and does not decide.
   */
  existing?: 'base' | 'baseline';
  /** Stable identity across runs (check, file or origin and path, what was found; not the line): set by the report, see report/fingerprint.ts. */
  fingerprint?: string;
  /** See FindingInput.capacity. */
  capacity?: Capacity;
}
