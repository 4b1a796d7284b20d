// The check model. A check is one small self-describing module (like an ESLint
// rule or an OpenSSF Scorecard probe): metadata and documentation, plus a
// `run(context)` that only decides. The engine owns concurrency, timeouts,
// severity overrides, waivers, scoring and rendering.

import type { FileSet } from '../repo/fileset.js';
import type { ParsedFiles } from '../parse/parsed.js';
import type { Scanner } from '../repo/scan-pool.js';
import type { HttpClient } from '../http/client.js';
import type { Exchanges } from '../http/exchanges.js';
import type { ResolvedConfig, TargetConfig } from '../config/schema.js';
import type { RepoModel } from '../model/index.js';
import type { RolePolicy } from '../model/policy.js';
import type { RepoHealth, RepoHealthPath } from '../model/health-paths.js';
import type { RepoRoute } from '../model/admin-paths.js';
import type { CapacityBaseline } from '../core/capacity.js';

export * from '../core/finding.js';
import type { Category, FindingInput, Severity } from '../core/finding.js';

export interface CheckSnippet {
  /** e.g. "nginx", "Express", "Django". */
  stack: string;
  code: string;
}

export interface CheckDocs {
  /** One sentence: what the check looks at and what fails. */
  summary: string;
  /** Why it matters in production. */
  why: string;
  /** How to fix it, in one or two sentences. */
  fix: string;
  snippets?: CheckSnippet[];
  /** When findings may carry another severity than the default, say when. */
  severityNote?: string;
  /** For checks that send traffic: how many requests, at what rate. */
  traffic?: string;
}

interface CheckBase {
  /** Dotted, lower-case and stable, e.g. `headers.hsts`. */
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  docs: CheckDocs;
  /**
   * Repository checks: how the file's role weighs on a finding (see
   * `model/policy.ts`). Defaults to `deployment`.
   */
  roles?: RolePolicy;
  /**
   * Deployment checks whose problem exists only where production runs the file
   * (a datastore's durability, a port it publishes): on a file whose role is
   * unknown, the finding goes one level down (P0 to P1, P1 to P2) instead of
   * being capped at P1 (model/policy.ts).
   */
  productionOnly?: boolean;
  /**
   * Checks whose failing finding at the same file and line is the same cause
   * reported less specifically: the engine keeps this check's finding only.
   */
  supersedes?: readonly string[];
  /** `file`: this check's finding stands for every value of the file it points at (a committed env file). Default `line`. */
  supersedesScope?: 'line' | 'file';
}

export interface LiveCheckContext {
  target: TargetConfig;
  config: ResolvedConfig;
  http: HttpClient;
  /** Exchanges shared by every check of this target: collect once, analyse purely. */
  exchanges: Exchanges;
  signal: AbortSignal;
  /** What the audited repository says about the running service, when the audit has a repository. */
  repository?: RepoHints;
  /** This target's capacity in an earlier run (--previous, the sticky comment's state), for load.ramp to compare with. */
  previousCapacity?: CapacityBaseline & { label: string };
}

/** Facts read from the repository for the live checks, computed once on first use. */
export interface RepoHints {
  /** Health paths its Kubernetes probes, health checks and routes name (model/health-paths.ts). */
  healthPaths(): Promise<readonly RepoHealthPath[]>;
  /** The same paths, and what in the deployment waits on a health check (model/health-paths.ts). */
  health(): Promise<RepoHealth>;
  /** Admin and management routes the code names (model/admin-paths.ts). */
  adminRoutes(): Promise<readonly RepoRoute[]>;
  /** Sign-up routes the code names (model/admin-paths.ts). */
  signUpRoutes(): Promise<readonly RepoRoute[]>;
}

export interface RepoCheckContext {
  root: string;
  files: FileSet;
  parsed: ParsedFiles;
  /** File roles and the other facts every repository check shares. */
  model: RepoModel;
  config: ResolvedConfig;
  /** Files changed in the pull request, when a base ref is known. */
  changedFiles?: ReadonlySet<string>;
  signal: AbortSignal;
  /**
   * Counts what a check's own named filters, or the repository's secret-scanner configuration, set aside
   * (`secrets-filter:uuid`, `gitleaks:.gitleaks.toml`): shown beside the role rules in `repository.setAside`,
   * so a filter that hides is judged as much as a rule that reports.
   */
  setAside?: (reason: string, count?: number) => void;
}

export interface LiveCheck extends CheckBase {
  kind: 'live';
  /** `http.reachable` alone runs when the target did not answer; every other live check is skipped. */
  runsWhenUnreachable?: boolean;
  /** Sends a burst (load, rate limits): runs alone, after the other checks. */
  exclusive?: boolean;
  /**
   * Judges latency: runs after the concurrent checks and before the bursts, one
   * quiet check at a time, so the audit's own traffic is not measured as the
   * target's slowness.
   */
  quiet?: boolean;
  run(context: LiveCheckContext): Promise<FindingInput[]> | FindingInput[];
}

export interface RepoCheck extends CheckBase {
  kind: 'repo';
  /**
   * Scanners this check runs over every file they want (ParsedFiles.scan): the
   * engine starts them in the worker threads as soon as the files are listed.
   */
  scansEveryFile?: ReadonlyArray<Scanner<unknown>>;
  run(context: RepoCheckContext): Promise<FindingInput[]> | FindingInput[];
}

export type Check = LiveCheck | RepoCheck;
