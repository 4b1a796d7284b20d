// The runner: collect (file set, HTTP exchanges) -> run checks concurrently,
// each under a timeout and the audit's global budget -> normalise findings
// (severity overrides, waivers). A check that throws or times out becomes an
// `error` finding; the audit itself never crashes because of a check.

import { setMaxListeners } from 'node:events';
import picomatch from 'picomatch';
import type { ResolvedConfig, TargetConfig, WaiverConfig } from '../config/schema.js';
import { HttpClient, type HttpResult } from '../http/client.js';
import { Exchanges } from '../http/exchanges.js';
import { loadFileSet, type FileSet } from '../repo/fileset.js';
import { ParsedFiles } from '../parse/parsed.js';
import { createScanPool, type ScanPool, type Scanner } from '../repo/scan-pool.js';
import { changedFilesSince } from '../repo/git.js';
import { buildRepoModel, type RepoModel } from '../model/index.js';
import { healthFromRepo, type RepoHealth } from '../model/health-paths.js';
import { adminRoutesFromRepo, signUpRoutesFromRepo, type RepoRoute } from '../model/admin-paths.js';
import { severityForRole } from '../model/policy.js';
import { configuredSecretValues, redactText, redactWith } from '../core/redact.js';
import type { Check, Finding, FindingInput, LiveCheck, RepoCheck, RepoHints } from './types.js';
import { previousFor, type PreviousCapacity } from '../core/capacity.js';

export interface AuditInput {
  config: ResolvedConfig;
  checks: readonly Check[];
  /** Repository root; repository checks run only when given. */
  repoRoot?: string;
  /** Live checks run once per target. */
  targets: readonly TargetConfig[];
  /** Base ref of a pull request, to know which files it changed. */
  baseRef?: string;
  onProgress?: (progress: { done: number; total: number; checkId: string; failing?: number }) => void;
  /** For waiver expiry; defaults to now. */
  now?: Date;
  /** The capacities an earlier run measured (load.ramp compares with them). */
  previous?: PreviousCapacity;
  /**
   * The scanners the worker threads know by name (the checks' registry, checks/scanners.ts), registered by the
   * checks that own them and passed in, so the engine never imports a concrete check. Without it, the pool runs
   * those the checks declare in `scansEveryFile`.
   */
  scanners?: ReadonlyArray<Scanner<unknown>>;
}

export interface AuditResult {
  findings: Finding[];
  durationMs: number;
  requests: number;
  requestsByCheck: Record<string, number>;
  expiredWaivers: WaiverConfig[];
  targets: string[];
  repository?: { root: string; files: number; skipped: number; setAside?: Record<string, number> };
}

const UNREACHABLE_CODES = new Set(['refused', 'dns', 'timeout', 'tls', 'reset', 'other']);

interface Job {
  check: Check;
  /** Live jobs: the target they probe. */
  target?: TargetConfig;
  run(signal: AbortSignal): Promise<FindingInput[]>;
  /** Findings to record without running (e.g. skip when the target is unreachable). */
  preset?: FindingInput[];
}

export async function runAudit(input: AuditInput): Promise<AuditResult> {
  const started = performance.now();
  const { config } = input;
  const audit = new AbortController();
  // Every running check listens to the audit's signal; dozens at once is expected.
  setMaxListeners(0, audit.signal);
  const auditTimer = setTimeout(() => audit.abort(new Error('audit time budget spent')), config.timeouts.auditMs);
  auditTimer.unref?.();

  const liveChecks = input.checks.filter((c): c is LiveCheck => c.kind === 'live');
  const repoChecks = input.checks.filter((c): c is RepoCheck => c.kind === 'repo');
  const client = liveChecks.length && input.targets.length ? HttpClient.create(config.http) : undefined;

  let fileSet: FileSet | undefined;
  let pool: ScanPool | undefined;
  let model: RepoModel | undefined;
  // What each role rule (or piece of evidence) set aside: failing findings in files no deployment check judges;
  // and what the checks' own named filters and the repository's scanner configuration set aside (RepoCheckContext.setAside).
  const setAside = new Map<string, number>();
  const countSetAside = (reason: string, count = 1): void => {
    if (count > 0) setAside.set(reason, (setAside.get(reason) ?? 0) + count);
  };
  const jobs: Job[] = [];
  const quietJobs: Job[] = [];
  const exclusiveJobs: Job[] = [];

  try {
    if (input.repoRoot !== undefined && repoChecks.length) {
      const repoRoot = input.repoRoot;
      const prepare = async () => {
        const files = await loadFileSet(repoRoot, { maxFileBytes: config.repo.maxFileBytes, ignore: config.repo.ignore, signal: audit.signal });
        pool = createScanPool(files, input.scanners ?? [...new Set(repoChecks.flatMap((c) => c.scansEveryFile ?? []))]);
        const parsed = new ParsedFiles(files, pool);
        // Scans the checks run over every file start now, in the workers, while the model is built here.
        for (const scanner of new Set(repoChecks.flatMap((c) => c.scansEveryFile ?? []))) parsed.warm(scanner);
        const repoModel = await buildRepoModel(files, { roles: config.repo.roles, parsed });
        const changedFiles = input.baseRef ? await changedFilesSince(files.root, input.baseRef) : undefined;
        return { files, parsed, repoModel, changedFiles };
      };
      // Listing and reading a huge repository is under the audit's budget too: when it runs out
      // first, the repository checks say so instead of the audit running on past its deadline.
      const preparing = prepare();
      preparing.catch(() => undefined);
      const prepared = await Promise.race([preparing, untilAborted(audit.signal)]);
      if (!prepared) {
        const message = 'Not run: the audit time budget (timeouts.audit-ms) was spent while the repository was being listed and read, before this check started.';
        for (const check of repoChecks) jobs.push({ check, run: async () => [], preset: [{ status: 'error', message }] });
      } else {
        const { files, parsed, repoModel, changedFiles } = prepared;
        fileSet = files;
        model = repoModel;
        for (const check of repoChecks) {
          jobs.push({
            check,
            run: async (signal) => check.run({ root: files.root, files, parsed, model: repoModel, config, changedFiles, signal, setAside: countSetAside }),
          });
        }
      }
    }

    let repository: RepoHints | undefined;
    if (fileSet && model) {
      const files = fileSet;
      const roles = model.roles;
      let health: Promise<RepoHealth> | undefined;
      const once = (): Promise<RepoHealth> => (health ??= healthFromRepo(files, roles).catch(() => ({ paths: [] })));
      let adminRoutes: Promise<RepoRoute[]> | undefined;
      let signUpRoutes: Promise<RepoRoute[]> | undefined;
      repository = {
        health: once,
        healthPaths: async () => (await once()).paths,
        adminRoutes: () => (adminRoutes ??= adminRoutesFromRepo(files, roles).catch(() => [])),
        signUpRoutes: () => (signUpRoutes ??= signUpRoutesFromRepo(files, roles).catch(() => [])),
      };
    }

    if (client) {
      // Each target's base page is fetched first: when it does not answer,
      // `http.reachable` reports that and every other live check is skipped.
      const bases = await Promise.all(
        input.targets.map(async (target) => {
          const exchanges = new Exchanges(target.url, client.scoped('collect', target.headers, audit.signal));
          return { target, exchanges, base: await exchanges.base() };
        }),
      );
      for (const { target, exchanges, base } of bases) {
        const reachable = isReachable(base);
        const previousCapacity = previousFor(input.previous, redactText(target.url), input.targets.length);
        for (const check of liveChecks) {
          const job: Job = {
            check,
            target,
            run: async (signal) =>
              check.run({ target, config, http: client.scoped(check.id, target.headers, signal), exchanges, signal, repository, ...(previousCapacity ? { previousCapacity } : {}) }),
          };
          if (!reachable && !check.runsWhenUnreachable) {
            job.preset = [{ status: 'skip', message: `Not checked: ${target.url} did not answer (see http.reachable).`, url: target.url }];
          }
          (job.preset ? jobs : check.exclusive ? exclusiveJobs : check.quiet ? quietJobs : jobs).push(job);
        }
      }
    }

    const total = jobs.length + quietJobs.length + exclusiveJobs.length;
    let done = 0;
    // Every configured header value (after ${VAR} expansion) is a credential
    // the application may echo anywhere; no report field may carry it.
    const known = configuredSecretValues(input.targets.flatMap((t) => Object.values(t.headers)));
    const record = (job: Job, findings: FindingInput[]): Finding[] => {
      done++;
      input.onProgress?.({ done, total, checkId: job.check.id, failing: findings.filter((f) => f.status === 'fail' || f.status === 'error').length });
      return normalise(job, model ? judgeByRole(job.check, findings, model, countSetAside) : findings, config).map((f) => redactFinding(f, known));
    };
    const timeoutMs = config.timeouts.checkMs;
    const concurrent = await Promise.all(
      jobs.map(async (job) => record(job, job.preset ?? (await runJob(job, timeoutMs, audit.signal)))),
    );
    // Latency measurements (health) then run one at a time on an idle target,
    // and bursts (load, rate limits) last, alone, one after another, so they
    // neither disturb the other checks' measurements nor each other.
    const exclusive: Finding[][] = [];
    for (const job of [...quietJobs, ...exclusiveJobs]) exclusive.push(record(job, await runJob(job, timeoutMs, audit.signal)));

    const now = input.now ?? new Date();
    const unique = oneFindingPerCause([...concurrent.flat(), ...exclusive.flat()], input.checks);
    const { findings, expired } = applyWaivers(unique, config.waivers, now);
    return {
      findings: sortFindings(findings),
      durationMs: Math.round(performance.now() - started),
      requests: client?.requestsSent ?? 0,
      requestsByCheck: Object.fromEntries(client?.requestsByOwner ?? []),
      expiredWaivers: expired,
      targets: input.targets.map((t) => redactWith(t.url, known)),
      repository: fileSet ? { root: fileSet.root, files: fileSet.files.length, skipped: fileSet.skipped.length, setAside: Object.fromEntries([...setAside].sort((a, b) => b[1] - a[1])) } : undefined,
    };
  } finally {
    clearTimeout(auditTimer);
    await client?.close();
    await pool?.close();
  }
}

/**
 * The one redaction pass over every string a finding carries, whatever the
 * check put in it: checks may quote a body or an exception, and a pattern
 * missed there must not reach a report, a PR comment or a check run.
 */
export function redactFinding(finding: Finding, knownSecrets: readonly string[]): Finding {
  const clean = (text: string): string => redactWith(text, knownSecrets);
  const out: Finding = { ...finding, title: clean(finding.title), message: clean(finding.message), remediation: clean(finding.remediation) };
  if (finding.evidence !== undefined) out.evidence = clean(finding.evidence);
  if (finding.url !== undefined) out.url = clean(finding.url);
  if (finding.capacity) out.capacity = { ...finding.capacity, target: clean(finding.capacity.target) };
  return out;
}

function isReachable(base: HttpResult): boolean {
  return base.ok || !UNREACHABLE_CODES.has(base.error.code);
}

/** Resolves (to undefined) once `signal` aborts. */
function untilAborted(signal: AbortSignal): Promise<undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(undefined);
    else signal.addEventListener('abort', () => resolve(undefined), { once: true });
  });
}

async function runJob(job: Job, timeoutMs: number, auditSignal: AbortSignal): Promise<FindingInput[]> {
  if (auditSignal.aborted) {
    return [{ status: 'error', message: 'Not run: the audit time budget (timeouts.audit-ms) was spent before this check started.' }];
  }
  const controller = new AbortController();
  const onAuditAbort = (): void => controller.abort(auditSignal.reason);
  auditSignal.addEventListener('abort', onAuditAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<FindingInput[]>((resolve) => {
    const stop = (message: string): void => {
      controller.abort(new Error(message));
      resolve([{ status: 'error', message }]);
    };
    timer = setTimeout(() => stop(`The check did not finish within ${timeoutMs} ms (timeouts.check-ms) and was stopped.`), timeoutMs);
    auditSignal.addEventListener('abort', () => stop('The check was stopped: the audit time budget (timeouts.audit-ms) was spent.'), {
      once: true,
    });
  });
  try {
    const work = (async () => {
      try {
        return await job.run(controller.signal);
      } catch (err) {
        return [{ status: 'error' as const, message: `The check failed to run: ${describeError(err)}` }];
      }
    })();
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    auditSignal.removeEventListener('abort', onAuditAbort);
  }
}

function describeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return redactText(message.split('\n')[0] ?? 'unknown error');
}

function normalise(job: Job, inputs: FindingInput[], config: ResolvedConfig): Finding[] {
  const { check } = job;
  const list: FindingInput[] = inputs.length ? inputs : [{ status: 'pass', message: 'No problems found.' }];
  const override = config.severity[check.id];
  return list.map((f) => {
    const finding: Finding = {
      checkId: check.id,
      title: check.title,
      category: check.category,
      severity: override ?? f.severity ?? check.severity,
      status: f.status,
      message: f.message,
      remediation: f.remediation ?? check.docs.fix,
    };
    if (f.location) finding.location = f.location;
    else if (f.file) finding.file = f.file;
    const url = f.url ?? job.target?.url;
    // A target URL may carry a token in its query (?access_token=...): reports show it redacted.
    if (url) finding.url = redactText(url);
    if (f.evidence) finding.evidence = f.evidence;
    if (f.role) finding.role = f.role;
    if (f.cappedFrom) finding.cappedFrom = f.cappedFrom;
    if (f.capacity) finding.capacity = f.capacity;
    return finding;
  });
}

/**
 * The severity policy by file role (model/policy.ts), applied to one check's
 * findings: a failing or erroring finding in a file no deployment runs is
 * dropped, one in a development file is capped (`cappedFrom`: the reports say
 * why, from the role); every located finding says its file's role. When all of a check's findings were in files it does not
 * judge, the check passes and says what it left out.
 */
export function judgeByRole(check: Check, inputs: FindingInput[], model: RepoModel, setAside?: (rule: string) => void): FindingInput[] {
  if (check.kind !== 'repo') return inputs;
  const policy = check.roles ?? 'deployment';
  const kept: FindingInput[] = [];
  const left: string[] = [];
  for (const f of inputs) {
    // A finding about a whole file (`file`, no line) is judged by that file's role too.
    const path = f.location?.path ?? f.file;
    if (path === undefined) {
      kept.push(f);
      continue;
    }
    const role = f.role ?? model.roles.of(path);
    if (f.status !== 'fail' && f.status !== 'error') {
      kept.push({ ...f, role });
      continue;
    }
    // A credential by format is P0 wherever it is committed: unknown roles do not cap it (SEVERITY.md).
    const verdict = f.byFormat && role.role === 'unknown' ? { judged: true as const, severity: f.severity ?? check.severity, capped: false } : severityForRole(policy, role.role, f.severity ?? check.severity, check.productionOnly);
    if (!verdict.judged) {
      left.push(`${path} (${role.role}: ${role.reason})`);
      const rule = role.rule ?? role.role;
      setAside?.(rule);
      continue;
    }
    kept.push(
      verdict.capped
        ? { ...withoutByFormat(f), severity: verdict.severity, cappedFrom: f.severity ?? check.severity, role }
        : { ...withoutByFormat(f), role },
    );
  }
  if (left.length && !kept.some((f) => f.status === 'fail' || f.status === 'error')) {
    const shown = [...new Set(left)].slice(0, 3).join('; ');
    const more = left.length > 3 ? `, and ${left.length - 3} more` : '';
    return [
      ...kept.filter((f) => f.status !== 'pass'),
      { status: 'pass', message: `Nothing to report in production or development files. Not judged: ${left.length} finding(s) in files no deployment runs: ${shown}${more}.` },
    ];
  }
  return kept;
}

function withoutByFormat(f: FindingInput): FindingInput {
  if (f.byFormat === undefined) return f;
  const { byFormat: _used, ...rest } = f;
  return rest;
}

/**
 * One finding per cause: when a check that `supersedes` another fails at the
 * same file and line, the less specific finding is dropped and the kept one
 * names it.
 */
export function oneFindingPerCause(findings: Finding[], checks: readonly Check[]): Finding[] {
  const superseding = new Map(checks.filter((c) => c.supersedes?.length).map((c) => [c.id, { ids: new Set(c.supersedes), scope: c.supersedesScope ?? 'line' }]));
  if (!superseding.size) return findings;
  const lineKey = (f: Finding): string => `${f.location!.path}\u0000${f.location!.line}`;
  const winners = new Map<string, Finding[]>();
  const add = (key: string, f: Finding): void => {
    const list = winners.get(key) ?? [];
    list.push(f);
    winners.set(key, list);
  };
  for (const f of findings) {
    const rule = superseding.get(f.checkId);
    if (f.status === 'fail' && f.location && rule) add(rule.scope === 'file' ? f.location.path : lineKey(f), f);
  }
  if (!winners.size) return findings;
  const dropped = new Map<Finding, Finding>();
  const kept = findings.filter((f) => {
    if (f.status !== 'fail' || !f.location) return true;
    const candidates = [...(winners.get(lineKey(f)) ?? []), ...(winners.get(f.location.path) ?? [])];
    const winner = candidates.find((w) => w !== f && superseding.get(w.checkId)!.ids.has(f.checkId));
    if (!winner) return true;
    if (!winner.message.includes(`also reported by ${f.checkId}`)) winner.message = `${winner.message} (The same value is also reported by ${f.checkId}.)`;
    dropped.set(f, winner);
    return false;
  });
  // A check whose every finding went to a more specific one still reports, as a pass that says where they went.
  const remaining = new Set(kept.map((f) => f.checkId));
  const byCheck = new Map<string, Finding[]>();
  for (const f of dropped.keys()) if (!remaining.has(f.checkId)) byCheck.set(f.checkId, [...(byCheck.get(f.checkId) ?? []), f]);
  for (const [checkId, list] of byCheck) {
    const check = checks.find((c) => c.id === checkId)!;
    const others = [...new Set(list.map((f) => dropped.get(f)!.checkId))].join(', ');
    kept.push({
      checkId,
      title: list[0]!.title,
      category: list[0]!.category,
      severity: check.severity,
      status: 'pass',
      message: `Nothing of its own to report: its ${list.length} finding(s) are the same values reported by ${others}.`,
      remediation: list[0]!.remediation,
    });
  }
  return kept;
}

/** Applies waivers to failing and erroring findings; an expired waiver applies to nothing and is returned. */
export function applyWaivers(
  findings: Finding[],
  waivers: readonly WaiverConfig[],
  now: Date,
): { findings: Finding[]; expired: WaiverConfig[] } {
  const today = now.toISOString().slice(0, 10);
  const expired = waivers.filter((w) => w.expires !== undefined && w.expires < today);
  const active = waivers
    .filter((w) => !expired.includes(w))
    .map((w) => ({ waiver: w, pathMatches: w.path ? picomatch(w.path, { dot: true }) : undefined }));
  for (const finding of findings) {
    if (finding.status !== 'fail' && finding.status !== 'error') continue;
    const match = active.find(
      ({ waiver, pathMatches }) =>
        waiver.check === finding.checkId &&
        (!pathMatches || (fileOf(finding) !== undefined && pathMatches(fileOf(finding)!))) &&
        (!waiver.url || (finding.url !== undefined && finding.url.startsWith(waiver.url))),
    );
    if (match) finding.waived = { reason: match.waiver.reason, ...(match.waiver.expires ? { expires: match.waiver.expires } : {}) };
  }
  return { findings, expired };
}

/** The file a finding is about, with or without a line. */
export function fileOf(finding: Pick<Finding, 'location' | 'file'>): string | undefined {
  return finding.location?.path ?? finding.file;
}

const STATUS_ORDER = { fail: 0, error: 1, pass: 2, skip: 3 } as const;

/** Failures first, then by severity, check id, location. Stable for diffs between runs. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.severity.localeCompare(b.severity) ||
      a.checkId.localeCompare(b.checkId) ||
      (a.url ?? '').localeCompare(b.url ?? '') ||
      (fileOf(a) ?? '').localeCompare(fileOf(b) ?? '') ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0),
  );
}
