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
import { ParsedFiles } from '../repo/parsed.js';
import { changedFilesSince } from '../repo/git.js';
import { redactText } from './redact.js';
import type { Check, Finding, FindingInput, LiveCheck, RepoCheck } from './types.js';

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
}

export interface AuditResult {
  findings: Finding[];
  durationMs: number;
  requests: number;
  requestsByCheck: Record<string, number>;
  expiredWaivers: WaiverConfig[];
  targets: string[];
  repository?: { root: string; files: number; skipped: number };
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
  const jobs: Job[] = [];
  const exclusiveJobs: Job[] = [];

  try {
    if (input.repoRoot !== undefined && repoChecks.length) {
      fileSet = await loadFileSet(input.repoRoot, { maxFileBytes: config.repo.maxFileBytes, ignore: config.repo.ignore });
      const parsed = new ParsedFiles(fileSet);
      const changedFiles = input.baseRef ? await changedFilesSince(fileSet.root, input.baseRef) : undefined;
      for (const check of repoChecks) {
        jobs.push({
          check,
          run: async (signal) => check.run({ root: fileSet!.root, files: fileSet!, parsed, config, changedFiles, signal }),
        });
      }
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
        for (const check of liveChecks) {
          const job: Job = {
            check,
            target,
            run: async (signal) =>
              check.run({ target, config, http: client.scoped(check.id, target.headers, signal), exchanges, signal }),
          };
          if (!reachable && !check.runsWhenUnreachable) {
            job.preset = [{ status: 'skip', message: `Not checked: ${target.url} did not answer (see http.reachable).`, url: target.url }];
          }
          (check.exclusive && !job.preset ? exclusiveJobs : jobs).push(job);
        }
      }
    }

    const total = jobs.length + exclusiveJobs.length;
    let done = 0;
    const record = (job: Job, findings: FindingInput[]): Finding[] => {
      done++;
      input.onProgress?.({ done, total, checkId: job.check.id, failing: findings.filter((f) => f.status === 'fail' || f.status === 'error').length });
      return normalise(job, findings, config);
    };
    const timeoutMs = config.timeouts.checkMs;
    const concurrent = await Promise.all(
      jobs.map(async (job) => record(job, job.preset ?? (await runJob(job, timeoutMs, audit.signal)))),
    );
    // Bursts (load, rate limits) run alone, one after another, so they neither
    // disturb the other checks' measurements nor each other.
    const exclusive: Finding[][] = [];
    for (const job of exclusiveJobs) exclusive.push(record(job, await runJob(job, timeoutMs, audit.signal)));

    const now = input.now ?? new Date();
    const { findings, expired } = applyWaivers([...concurrent.flat(), ...exclusive.flat()], config.waivers, now);
    return {
      findings: sortFindings(findings),
      durationMs: Math.round(performance.now() - started),
      requests: client?.requestsSent ?? 0,
      requestsByCheck: Object.fromEntries(client?.requestsByOwner ?? []),
      expiredWaivers: expired,
      targets: input.targets.map((t) => redactText(t.url)),
      repository: fileSet ? { root: fileSet.root, files: fileSet.files.length, skipped: fileSet.skipped.length } : undefined,
    };
  } finally {
    clearTimeout(auditTimer);
    await client?.close();
  }
}

function isReachable(base: HttpResult): boolean {
  return base.ok || !UNREACHABLE_CODES.has(base.error.code);
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
    return finding;
  });
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
