import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  buildReport,
  withFingerprints
} from "./chunk-IPINS2T6.js";
import {
  severityForRole
} from "./chunk-3AKZ4ECQ.js";
import {
  DEFAULT_CONFIG_PATH,
  ParsedFiles,
  buildRepoModel,
  expandHeaderVariables,
  loadConfig,
  originOf
} from "./chunk-GNPAECZ7.js";
import {
  createScanPool
} from "./chunk-POYN6SAS.js";
import {
  ALL_CHECKS,
  HttpClient,
  adminRoutesFromRepo,
  configuredSecretValues,
  healthFromRepo,
  redactText,
  redactWith,
  signUpRoutesFromRepo
} from "./chunk-DV7QIHQI.js";
import {
  RAMP_CHECK_ID,
  capacityProblem,
  previousFromReport
} from "./chunk-UTYR6EJ4.js";
import {
  SCANNERS
} from "./chunk-FVDKFORJ.js";
import {
  loadFileSet,
  require_picomatch
} from "./chunk-P7AGYOMS.js";
import {
  targetSchema
} from "./chunk-YILMZW3C.js";
import {
  CATEGORIES,
  SEVERITIES,
  STATUSES
} from "./chunk-A77QEYQZ.js";
import {
  closest
} from "./chunk-TKC4N4VZ.js";
import {
  BASELINE_PATH,
  commitOf,
  fetchMergeBase,
  markExisting,
  mergeBaseFingerprints,
  readBaseline
} from "./chunk-OZHRLOY6.js";
import {
  UsageError
} from "./chunk-3QW3PGZE.js";
import {
  __toESM
} from "./chunk-7FI7UYSE.js";

// src/audit.ts
import { access, stat as stat2 } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";

// src/engine/run.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { setMaxListeners } from "node:events";

// src/http/exchanges.ts
var Exchanges = class {
  /** `client` is the audit-level client scoped to this target; requests count under "collect". */
  constructor(targetUrl, client) {
    this.targetUrl = targetUrl;
    this.client = client;
  }
  targetUrl;
  client;
  cache = /* @__PURE__ */ new Map();
  /**
   * The exchange named `key`, sent on first use. Keys are stable names such as
   * `base` or `not-found`. `owner` names who the request is counted for in the
   * report's `requestsByCheck` (default `collect`); the request is still sent
   * under the audit's signal, so a cancelled check never cancels it for others.
   */
  get(key, request, options = {}) {
    let pending = this.cache.get(key);
    if (!pending) {
      pending = (options.owner ? this.client.countingAs(options.owner) : this.client).send(request);
      this.cache.set(key, pending);
    }
    return pending;
  }
  /** GET of the target URL itself, redirects followed: what a browser would see. */
  base() {
    return this.get("base", { url: this.targetUrl, followRedirects: true });
  }
  /** An absolute URL for `path` on the target's origin. */
  url(path) {
    return new URL(path, this.targetUrl).toString();
  }
};

// src/repo/git.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var execFileAsync = promisify(execFile);
async function changedFilesSince(root, baseRef) {
  for (const ref of [baseRef, `origin/${baseRef}`]) {
    try {
      const { stdout } = await execFileAsync("git", ["-C", root, "diff", "--name-only", "--relative", "-z", `${ref}...HEAD`], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024
      });
      return new Set(stdout.split("\0").filter(Boolean));
    } catch {
    }
  }
  return void 0;
}

// src/core/capacity.ts
function previousFor(previous, url, targets) {
  if (!previous) return void 0;
  const same = previous.targets.find((t) => t.url === url) ?? (previous.targets.length === 1 && targets === 1 ? previous.targets[0] : void 0);
  return same ? { ...same, label: previous.label } : void 0;
}

// src/engine/run.ts
var UNREACHABLE_CODES = /* @__PURE__ */ new Set(["refused", "dns", "timeout", "tls", "reset", "other"]);
async function runAudit(input) {
  const started = performance.now();
  const { config } = input;
  const audit2 = new AbortController();
  setMaxListeners(0, audit2.signal);
  const auditTimer = setTimeout(() => audit2.abort(new Error("audit time budget spent")), config.timeouts.auditMs);
  auditTimer.unref?.();
  const liveChecks = input.checks.filter((c) => c.kind === "live");
  const repoChecks = input.checks.filter((c) => c.kind === "repo");
  const client = liveChecks.length && input.targets.length ? HttpClient.create(config.http) : void 0;
  let fileSet;
  let pool;
  let model;
  const setAside = /* @__PURE__ */ new Map();
  const countSetAside = (reason, count = 1) => {
    if (count > 0) setAside.set(reason, (setAside.get(reason) ?? 0) + count);
  };
  const jobs = [];
  const quietJobs = [];
  const exclusiveJobs = [];
  try {
    if (input.repoRoot !== void 0 && repoChecks.length) {
      const repoRoot = input.repoRoot;
      const prepare = async () => {
        const files = await loadFileSet(repoRoot, { maxFileBytes: config.repo.maxFileBytes, ignore: config.repo.ignore, signal: audit2.signal });
        pool = createScanPool(files, input.scanners ?? [...new Set(repoChecks.flatMap((c) => c.scansEveryFile ?? []))]);
        const parsed = new ParsedFiles(files, pool);
        for (const scanner of new Set(repoChecks.flatMap((c) => c.scansEveryFile ?? []))) parsed.warm(scanner);
        const repoModel = await buildRepoModel(files, { roles: config.repo.roles, parsed });
        const changedFiles = input.baseRef ? await changedFilesSince(files.root, input.baseRef) : void 0;
        return { files, parsed, repoModel, changedFiles };
      };
      const preparing = prepare();
      preparing.catch(() => void 0);
      const prepared = await Promise.race([preparing, untilAborted(audit2.signal)]);
      if (!prepared) {
        const message = "Not run: the audit time budget (timeouts.audit-ms) was spent while the repository was being listed and read, before this check started.";
        for (const check of repoChecks) jobs.push({ check, run: async () => [], preset: [{ status: "error", message }] });
      } else {
        const { files, parsed, repoModel, changedFiles } = prepared;
        fileSet = files;
        model = repoModel;
        for (const check of repoChecks) {
          jobs.push({
            check,
            run: async (signal) => check.run({ root: files.root, files, parsed, model: repoModel, config, changedFiles, signal, setAside: countSetAside })
          });
        }
      }
    }
    let repository;
    if (fileSet && model) {
      const files = fileSet;
      const roles = model.roles;
      let health;
      const once = () => health ??= healthFromRepo(files, roles).catch(() => ({ paths: [] }));
      let adminRoutes;
      let signUpRoutes;
      repository = {
        health: once,
        healthPaths: async () => (await once()).paths,
        adminRoutes: () => adminRoutes ??= adminRoutesFromRepo(files, roles).catch(() => []),
        signUpRoutes: () => signUpRoutes ??= signUpRoutesFromRepo(files, roles).catch(() => [])
      };
    }
    if (client) {
      const bases = await Promise.all(
        input.targets.map(async (target) => {
          const exchanges = new Exchanges(target.url, client.scoped("collect", target.headers, audit2.signal));
          return { target, exchanges, base: await exchanges.base() };
        })
      );
      for (const { target, exchanges, base } of bases) {
        const reachable = isReachable(base);
        const previousCapacity = previousFor(input.previous, redactText(target.url), input.targets.length);
        for (const check of liveChecks) {
          const job = {
            check,
            target,
            run: async (signal) => check.run({ target, config, http: client.scoped(check.id, target.headers, signal), exchanges, signal, repository, ...previousCapacity ? { previousCapacity } : {} })
          };
          if (!reachable && !check.runsWhenUnreachable) {
            job.preset = [{ status: "skip", message: `Not checked: ${target.url} did not answer (see http.reachable).`, url: target.url }];
          }
          (job.preset ? jobs : check.exclusive ? exclusiveJobs : check.quiet ? quietJobs : jobs).push(job);
        }
      }
    }
    const total = jobs.length + quietJobs.length + exclusiveJobs.length;
    let done = 0;
    const known = configuredSecretValues(input.targets.flatMap((t) => Object.values(t.headers)));
    const record = (job, findings2) => {
      done++;
      input.onProgress?.({ done, total, checkId: job.check.id, failing: findings2.filter((f) => f.status === "fail" || f.status === "error").length });
      return normalise(job, model ? judgeByRole(job.check, findings2, model, countSetAside) : findings2, config).map((f) => redactFinding(f, known));
    };
    const timeoutMs = config.timeouts.checkMs;
    const concurrent = await Promise.all(
      jobs.map(async (job) => record(job, job.preset ?? await runJob(job, timeoutMs, audit2.signal)))
    );
    const exclusive = [];
    for (const job of [...quietJobs, ...exclusiveJobs]) exclusive.push(record(job, await runJob(job, timeoutMs, audit2.signal)));
    const now = input.now ?? /* @__PURE__ */ new Date();
    const unique = oneFindingPerCause([...concurrent.flat(), ...exclusive.flat()], input.checks);
    const { findings, expired } = applyWaivers(unique, config.waivers, now);
    return {
      findings: sortFindings(findings),
      durationMs: Math.round(performance.now() - started),
      requests: client?.requestsSent ?? 0,
      requestsByCheck: Object.fromEntries(client?.requestsByOwner ?? []),
      expiredWaivers: expired,
      targets: input.targets.map((t) => redactWith(t.url, known)),
      repository: fileSet ? { root: fileSet.root, files: fileSet.files.length, skipped: fileSet.skipped.length, setAside: Object.fromEntries([...setAside].sort((a, b) => b[1] - a[1])) } : void 0
    };
  } finally {
    clearTimeout(auditTimer);
    await client?.close();
    await pool?.close();
  }
}
function redactFinding(finding, knownSecrets) {
  const clean = (text) => redactWith(text, knownSecrets);
  const out = { ...finding, title: clean(finding.title), message: clean(finding.message), remediation: clean(finding.remediation) };
  if (finding.evidence !== void 0) out.evidence = clean(finding.evidence);
  if (finding.url !== void 0) out.url = clean(finding.url);
  if (finding.capacity) out.capacity = { ...finding.capacity, target: clean(finding.capacity.target) };
  return out;
}
function isReachable(base) {
  return base.ok || !UNREACHABLE_CODES.has(base.error.code);
}
function untilAborted(signal) {
  return new Promise((resolve2) => {
    if (signal.aborted) resolve2(void 0);
    else signal.addEventListener("abort", () => resolve2(void 0), { once: true });
  });
}
async function runJob(job, timeoutMs, auditSignal) {
  if (auditSignal.aborted) {
    return [{ status: "error", message: "Not run: the audit time budget (timeouts.audit-ms) was spent before this check started." }];
  }
  const controller = new AbortController();
  const onAuditAbort = () => controller.abort(auditSignal.reason);
  auditSignal.addEventListener("abort", onAuditAbort, { once: true });
  let timer;
  const deadline = new Promise((resolve2) => {
    const stop = (message) => {
      controller.abort(new Error(message));
      resolve2([{ status: "error", message }]);
    };
    timer = setTimeout(() => stop(`The check did not finish within ${timeoutMs} ms (timeouts.check-ms) and was stopped.`), timeoutMs);
    auditSignal.addEventListener("abort", () => stop("The check was stopped: the audit time budget (timeouts.audit-ms) was spent."), {
      once: true
    });
  });
  try {
    const work = (async () => {
      try {
        return await job.run(controller.signal);
      } catch (err) {
        return [{ status: "error", message: `The check failed to run: ${describeError(err)}` }];
      }
    })();
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    auditSignal.removeEventListener("abort", onAuditAbort);
  }
}
function describeError(err) {
  const message = err instanceof Error ? err.message : String(err);
  return redactText(message.split("\n")[0] ?? "unknown error");
}
function normalise(job, inputs, config) {
  const { check } = job;
  const list = inputs.length ? inputs : [{ status: "pass", message: "No problems found." }];
  const override = config.severity[check.id];
  return list.map((f) => {
    const finding = {
      checkId: check.id,
      title: check.title,
      category: check.category,
      severity: override ?? f.severity ?? check.severity,
      status: f.status,
      message: f.message,
      remediation: f.remediation ?? check.docs.fix
    };
    if (f.location) finding.location = f.location;
    else if (f.file) finding.file = f.file;
    const url = f.url ?? job.target?.url;
    if (url) finding.url = redactText(url);
    if (f.evidence) finding.evidence = f.evidence;
    if (f.role) finding.role = f.role;
    if (f.cappedFrom) finding.cappedFrom = f.cappedFrom;
    if (f.capacity) finding.capacity = f.capacity;
    return finding;
  });
}
function judgeByRole(check, inputs, model, setAside) {
  if (check.kind !== "repo") return inputs;
  const policy = check.roles ?? "deployment";
  const kept = [];
  const left = [];
  for (const f of inputs) {
    const path = f.location?.path ?? f.file;
    if (path === void 0) {
      kept.push(f);
      continue;
    }
    const role = f.role ?? model.roles.of(path);
    if (f.status !== "fail" && f.status !== "error") {
      kept.push({ ...f, role });
      continue;
    }
    const verdict = f.byFormat && role.role === "unknown" ? { judged: true, severity: f.severity ?? check.severity, capped: false } : severityForRole(policy, role.role, f.severity ?? check.severity, check.productionOnly);
    if (!verdict.judged) {
      left.push(`${path} (${role.role}: ${role.reason})`);
      const rule = role.rule ?? role.role;
      setAside?.(rule);
      continue;
    }
    kept.push(
      verdict.capped ? { ...withoutByFormat(f), severity: verdict.severity, cappedFrom: f.severity ?? check.severity, role } : { ...withoutByFormat(f), role }
    );
  }
  if (left.length && !kept.some((f) => f.status === "fail" || f.status === "error")) {
    const shown = [...new Set(left)].slice(0, 3).join("; ");
    const more = left.length > 3 ? `, and ${left.length - 3} more` : "";
    return [
      ...kept.filter((f) => f.status !== "pass"),
      { status: "pass", message: `Nothing to report in production or development files. Not judged: ${left.length} finding(s) in files no deployment runs: ${shown}${more}.` }
    ];
  }
  return kept;
}
function withoutByFormat(f) {
  if (f.byFormat === void 0) return f;
  const { byFormat: _used, ...rest } = f;
  return rest;
}
function oneFindingPerCause(findings, checks) {
  const superseding = new Map(checks.filter((c) => c.supersedes?.length).map((c) => [c.id, { ids: new Set(c.supersedes), scope: c.supersedesScope ?? "line" }]));
  if (!superseding.size) return findings;
  const lineKey = (f) => `${f.location.path}\0${f.location.line}`;
  const winners = /* @__PURE__ */ new Map();
  const add = (key, f) => {
    const list = winners.get(key) ?? [];
    list.push(f);
    winners.set(key, list);
  };
  for (const f of findings) {
    const rule = superseding.get(f.checkId);
    if (f.status === "fail" && f.location && rule) add(rule.scope === "file" ? f.location.path : lineKey(f), f);
  }
  if (!winners.size) return findings;
  const dropped = /* @__PURE__ */ new Map();
  const kept = findings.filter((f) => {
    if (f.status !== "fail" || !f.location) return true;
    const candidates = [...winners.get(lineKey(f)) ?? [], ...winners.get(f.location.path) ?? []];
    const winner = candidates.find((w) => w !== f && superseding.get(w.checkId).ids.has(f.checkId));
    if (!winner) return true;
    if (!winner.message.includes(`also reported by ${f.checkId}`)) winner.message = `${winner.message} (The same value is also reported by ${f.checkId}.)`;
    dropped.set(f, winner);
    return false;
  });
  const remaining = new Set(kept.map((f) => f.checkId));
  const byCheck = /* @__PURE__ */ new Map();
  for (const f of dropped.keys()) if (!remaining.has(f.checkId)) byCheck.set(f.checkId, [...byCheck.get(f.checkId) ?? [], f]);
  for (const [checkId, list] of byCheck) {
    const check = checks.find((c) => c.id === checkId);
    const others = [...new Set(list.map((f) => dropped.get(f).checkId))].join(", ");
    kept.push({
      checkId,
      title: list[0].title,
      category: list[0].category,
      severity: check.severity,
      status: "pass",
      message: `Nothing of its own to report: its ${list.length} finding(s) are the same values reported by ${others}.`,
      remediation: list[0].remediation
    });
  }
  return kept;
}
function applyWaivers(findings, waivers, now) {
  const today = now.toISOString().slice(0, 10);
  const expired = waivers.filter((w) => w.expires !== void 0 && w.expires < today);
  const active = waivers.filter((w) => !expired.includes(w)).map((w) => ({ waiver: w, pathMatches: w.path ? (0, import_picomatch.default)(w.path, { dot: true }) : void 0 }));
  for (const finding of findings) {
    if (finding.status !== "fail" && finding.status !== "error") continue;
    const match = active.find(
      ({ waiver, pathMatches }) => waiver.check === finding.checkId && (!pathMatches || fileOf(finding) !== void 0 && pathMatches(fileOf(finding))) && (!waiver.url || finding.url !== void 0 && finding.url.startsWith(waiver.url))
    );
    if (match) finding.waived = { reason: match.waiver.reason, ...match.waiver.expires ? { expires: match.waiver.expires } : {} };
  }
  return { findings, expired };
}
function fileOf(finding) {
  return finding.location?.path ?? finding.file;
}
var STATUS_ORDER = { fail: 0, error: 1, pass: 2, skip: 3 };
function sortFindings(findings) {
  return [...findings].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.severity.localeCompare(b.severity) || a.checkId.localeCompare(b.checkId) || (a.url ?? "").localeCompare(b.url ?? "") || (fileOf(a) ?? "").localeCompare(fileOf(b) ?? "") || (a.location?.line ?? 0) - (b.location?.line ?? 0)
  );
}

// src/engine/select.ts
function matches(check, selector) {
  return check.id === selector || check.id.startsWith(`${selector}.`);
}
function selectChecks(all, selection) {
  return all.filter(
    (check) => (selection.only.length === 0 || selection.only.some((s) => matches(check, s))) && !selection.skip.some((s) => matches(check, s))
  );
}
function unknownSelectors(all, selectors) {
  const names = [.../* @__PURE__ */ new Set([...all.map((c) => c.id), ...all.map((c) => c.id.split(".")[0])])];
  return selectors.filter((s) => !all.some((c) => matches(c, s))).map((s) => {
    const hint = closest(s, names);
    return hint ? `"${s}" (did you mean "${hint}"?)` : `"${s}"`;
  });
}

// src/github/report-file.ts
import { readFile, stat } from "node:fs/promises";
function parseReport(text, source) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not JSON: ${error.message}`);
  }
  const problem = reportProblem(value);
  if (problem) throw new UsageError(`${source} is not a readiness-gate JSON report: ${problem}`);
  const report = value;
  return { ...report, findings: report.findings.map(withFile) };
}
function withFile(finding) {
  if (!finding.location || finding.location.line !== void 0) return finding;
  const { location, ...rest } = finding;
  return { ...rest, file: location.path };
}
var CHECK_ID = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/;
var CONTROL = /[\u0000-\u001f\u007f]/;
var isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);
var isCount = (value) => typeof value === "number" && Number.isInteger(value) && value >= 0;
var isDate = (value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
var isLine = (value) => typeof value === "number" && Number.isInteger(value) && value >= 1;
function eachOf(r, key, item) {
  if (!Array.isArray(r[key])) return `${key} must be an array`;
  for (const [i, value] of r[key].entries()) {
    const problem = item(value, `${key}[${i}]`);
    if (problem) return problem;
  }
  return void 0;
}
function oneLine(value, at) {
  if (typeof value !== "string") return `${at} must be a string`;
  return CONTROL.test(value) ? `${at} must be one line` : void 0;
}
function findingProblem(value, at) {
  if (!isObject(value)) return `${at} must be an object`;
  if (!STATUSES.includes(value["status"])) return `${at}.status is not one of ${STATUSES.join(", ")}`;
  if (!SEVERITIES.includes(value["severity"])) return `${at}.severity is not one of ${SEVERITIES.join(", ")}`;
  if (typeof value["checkId"] !== "string" || typeof value["message"] !== "string" || typeof value["remediation"] !== "string") {
    return `${at} needs checkId, message and remediation strings`;
  }
  if (!CHECK_ID.test(value["checkId"])) return `${at}.checkId is not a check id (dotted, lower-case)`;
  for (const key of ["title", "evidence"]) {
    if (value[key] !== void 0 && typeof value[key] !== "string") return `${at}.${key} must be a string`;
  }
  if (value["category"] !== void 0 && !CATEGORIES.includes(value["category"])) return `${at}.category is not one of ${CATEGORIES.join(", ")}`;
  if (value["url"] !== void 0) {
    const problem = oneLine(value["url"], `${at}.url`);
    if (problem) return problem;
  }
  for (const key of ["file", "fingerprint"]) {
    if (value[key] === void 0) continue;
    const problem = typeof value[key] === "string" ? oneLine(value[key], `${at}.${key}`) : `${at}.${key} must be a string`;
    if (problem) return problem;
  }
  const location = value["location"];
  if (location !== void 0) {
    if (!isObject(location) || typeof location["path"] !== "string") return `${at}.location needs a path`;
    const problem = oneLine(location["path"], `${at}.location.path`);
    if (problem) return problem;
    if (location["line"] !== void 0 && !isLine(location["line"])) return `${at}.location.line must be a positive integer`;
    if (location["endLine"] !== void 0 && !isLine(location["endLine"])) return `${at}.location.endLine must be a positive integer`;
  }
  if (value["capacity"] !== void 0) {
    const problem = capacityProblem(value["capacity"], `${at}.capacity`);
    if (problem) return problem;
  }
  const waived = value["waived"];
  if (waived !== void 0) {
    if (!isObject(waived)) return `${at}.waived must be an object`;
    if (typeof waived["reason"] !== "string") return `${at}.waived.reason must be a string`;
    if (waived["expires"] !== void 0 && !isDate(waived["expires"])) return `${at}.waived.expires must be a date (YYYY-MM-DD)`;
  }
  return void 0;
}
function reportProblem(value) {
  if (!isObject(value)) return "expected an object";
  const r = value;
  if (r["schemaVersion"] !== 1) return `schemaVersion ${JSON.stringify(r["schemaVersion"])} is not 1`;
  if (r["decision"] !== "GO" && r["decision"] !== "NO-GO") return "decision must be GO or NO-GO";
  if (typeof r["score"] !== "number") return "score must be a number";
  if (typeof r["blocking"] !== "boolean") return "blocking must be a boolean";
  const tool = r["tool"];
  if (!isObject(tool)) return "tool must be an object";
  for (const key of ["name", "version"]) {
    if (typeof tool[key] !== "string" || !/^[\w.+-]{1,100}$/.test(tool[key])) return `tool.${key} must be a name or version (letters, digits, . + - _)`;
  }
  for (const key of ["durationMs", "requests"]) {
    if (typeof r[key] !== "number" || !Number.isFinite(r[key])) return `${key} must be a number`;
  }
  if (r["repository"] !== void 0 && (!isObject(r["repository"]) || !isCount(r["repository"]["files"]))) return "repository.files must be a count";
  return eachOf(r, "reasons", (reason, at) => typeof reason === "string" ? void 0 : `${at} must be a string`) ?? eachOf(r, "targets", (target, at) => typeof target === "string" ? void 0 : `${at} must be a string`) ?? eachOf(r, "categories", (category, at) => {
    if (!isObject(category)) return `${at} must be an object`;
    if (!CATEGORIES.includes(category["id"])) return `${at}.id is not one of ${CATEGORIES.join(", ")}`;
    if (typeof category["score"] !== "number" && category["score"] !== null) return `${at}.score must be a number or null`;
    const counts = ["passed", "failed", "skipped"].find((key) => !isCount(category[key]));
    return counts ? `${at}.${counts} must be a count` : void 0;
  }) ?? eachOf(r, "expiredWaivers", (waiver, at) => {
    if (!isObject(waiver)) return `${at} must be an object`;
    if (typeof waiver["check"] !== "string" || CONTROL.test(waiver["check"]) || waiver["check"].includes("`")) return `${at}.check must be a check id`;
    return isDate(waiver["expires"]) ? void 0 : `${at}.expires must be a date (YYYY-MM-DD)`;
  }) ?? eachOf(r, "findings", findingProblem);
}
var MAX_REPORT_BYTES = 64 * 1024 * 1024;
async function readReportFile(path) {
  const unreadable = (error) => {
    throw new UsageError(`cannot read the report ${path}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  };
  const info = await stat(path).catch(unreadable);
  if (info.isFile() && info.size > MAX_REPORT_BYTES) throw new UsageError(`${path} is larger than a report can be (more than ${MAX_REPORT_BYTES / 1024 / 1024} MiB)`);
  const text = await readFile(path, "utf8").catch(unreadable);
  return parseReport(text, path);
}

// src/audit.ts
var PROJECT_MARKERS = [
  ".git",
  "package.json",
  "pyproject.toml",
  "requirements.txt",
  "setup.py",
  "Pipfile",
  "manage.py",
  "go.mod",
  "Cargo.toml",
  "Gemfile",
  "pom.xml",
  "build.gradle",
  "composer.json",
  "Dockerfile",
  "docker-compose.yml",
  "docker-compose.yaml",
  "compose.yml",
  "compose.yaml",
  ".github"
];
async function resolveRepoRoot(repo, cwd) {
  if (repo !== void 0) {
    const root = resolve(cwd, repo);
    const info = await stat2(root).catch(() => void 0);
    if (!info) throw new UsageError(`repository path does not exist: ${repo}`);
    if (!info.isDirectory()) throw new UsageError(`repository path is not a directory: ${repo}`);
    return root;
  }
  for (const marker of PROJECT_MARKERS) {
    if (await access(join(cwd, marker)).then(() => true, () => false)) return cwd;
  }
  return void 0;
}
function resolveTargets(fileTargets, urls) {
  if (!urls.length) return [...fileTargets];
  return urls.map((url) => {
    const parsed = targetSchema.safeParse({ url });
    if (!parsed.success) throw new UsageError(`--url ${url}: must be an http:// or https:// URL`);
    const same = fileTargets.find((t) => t.url === url) ?? (fileTargets.length === 1 && urls.length === 1 ? fileTargets[0] : void 0);
    return same ? { ...same, url } : parsed.data;
  });
}
async function gateFindings(findings, options) {
  const baseline = options.baselinePath ? await readBaseline(options.baselinePath) : void 0;
  if (options.config.gate !== "new" && !baseline) return { findings };
  let base;
  if (options.config.gate === "new") {
    if (!options.repoRoot) base = { problem: "there is no repository to compare" };
    else if (!options.baseRef) base = { problem: "no base branch is known (pull requests only, or pass --base)" };
    else {
      const repoChecks = options.checks.filter((c) => c.kind === "repo");
      const fetchProblem = options.fetchBase ? await fetchMergeBase(options.repoRoot, options.baseRef) : void 0;
      base = fetchProblem ? { problem: `${fetchProblem}; check out with fetch-depth: 0` } : await mergeBaseFingerprints(options.repoRoot, options.baseRef, async (root) => {
        const at = await runAudit({ config: options.config, checks: repoChecks, repoRoot: root, targets: [], now: options.now, scanners: [...SCANNERS.values()] });
        return withFingerprints(at.findings);
      });
    }
  }
  return markExisting(findings, {
    mode: options.config.gate,
    ...base ? { base } : {},
    ...baseline ? { baseline: { path: BASELINE_PATH, value: baseline } } : {}
  });
}
function familyOf(checkId) {
  return checkId.slice(0, checkId.indexOf(".") >= 0 ? checkId.indexOf(".") : void 0);
}
function familyProgress(checks, targets, repository, options) {
  if (!options.onFamilyDone) return options.onProgress;
  const expected = /* @__PURE__ */ new Map();
  for (const c of checks) {
    const runs = c.kind === "live" ? targets : repository ? 1 : 0;
    if (runs) expected.set(familyOf(c.id), (expected.get(familyOf(c.id)) ?? 0) + runs);
  }
  const seen = /* @__PURE__ */ new Map();
  return (progress) => {
    options.onProgress?.(progress);
    const name = familyOf(progress.checkId);
    const family = seen.get(name) ?? { checks: 0, failing: 0 };
    family.checks++;
    family.failing += progress.failing ?? 0;
    seen.set(name, family);
    if (family.checks === expected.get(name)) options.onFamilyDone({ name, ...family, done: progress.done, total: progress.total });
  };
}
async function audit(options) {
  const cwd = options.cwd ?? process.cwd();
  const catalog = options.catalog ?? ALL_CHECKS;
  const repoRoot = await resolveRepoRoot(options.repo, cwd);
  const configPath = options.config !== void 0 ? resolve(cwd, options.config) : join(repoRoot ?? cwd, DEFAULT_CONFIG_PATH);
  const { config, source } = await loadConfig(configPath, { explicit: options.config !== void 0 });
  if (options.failOn) config.failOn = options.failOn;
  if (options.minScore !== void 0) config.minScore = options.minScore;
  const only = [...config.checks.only, ...options.only ?? []];
  const skip = [...config.checks.skip, ...options.skip ?? []];
  const unknown = unknownSelectors(catalog, [...only, ...skip]);
  if (unknown.length) throw new UsageError(`unknown check id(s): ${unknown.join(", ")}`);
  const unknownOverrides = unknownSelectors(catalog, Object.keys(config.severity)).concat(
    unknownSelectors(catalog, config.waivers.map((w) => w.check))
  );
  if (unknownOverrides.length) throw new UsageError(`${source ?? "configuration"}: unknown check id(s) in severity or waivers: ${unknownOverrides.join(", ")}`);
  const resolved = resolveTargets(config.targets, options.urls ?? []).map((t) => t.ca && !isAbsolute(t.ca) ? { ...t, ca: resolve(repoRoot ?? cwd, t.ca) } : t).map((t) => options.allowBursts ? { ...t, allowLoad: t.allowLoad ?? true, allowRatelimit: t.allowRatelimit ?? true, allowProbes: t.allowProbes ?? true } : t);
  if (!repoRoot && !resolved.length) {
    throw new UsageError(`nothing to audit in ${cwd}: pass --url URL (a running app) and/or --repo DIR (a repository), or run it in a project directory`);
  }
  const targets = expandHeaderVariables(resolved, source ?? "configuration", options.env ?? process.env, {
    allowEnv: options.allowEnv ?? [],
    workflowOrigins: (options.urls ?? []).map(originOf)
  });
  if (options.strictBaseRef && options.baseRef !== void 0 && repoRoot && !await commitOf(repoRoot, options.baseRef)) {
    throw new UsageError(`--base ${options.baseRef}: no branch, tag or commit of that name in ${repoRoot} (nor origin/${options.baseRef})`);
  }
  const checks = selectChecks(catalog, { only, skip });
  const ramps = config.load.enabled && config.load.ramp.enabled && targets.length > 0 && checks.some((c) => c.id === RAMP_CHECK_ID);
  const previous = ramps ? typeof options.previous === "function" ? await options.previous() : options.previous : void 0;
  const result = await runAudit({
    config,
    checks,
    repoRoot,
    targets,
    baseRef: options.baseRef,
    onProgress: familyProgress(checks, targets.length, repoRoot !== void 0, options),
    now: options.now,
    scanners: [...SCANNERS.values()],
    ...previous ? { previous } : {}
  });
  if (options.gate) config.gate = options.gate;
  const { findings, gate } = await gateFindings(withFingerprints(result.findings), {
    config,
    checks,
    repoRoot,
    baseRef: options.baseRef,
    ...options.fetchBase ? { fetchBase: true } : {},
    baselinePath: repoRoot && !options.ignoreBaseline ? join(repoRoot, BASELINE_PATH) : void 0,
    now: options.now
  });
  const burstChecks = new Set(checks.filter((c) => c.kind === "live" && c.exclusive && (c.id !== RAMP_CHECK_ID || config.load.ramp.enabled)).map((c) => c.id));
  const report = buildReport({ ...result, findings }, { minScore: config.minScore, failOn: config.failOn, now: options.now, burstChecks, ...gate ? { gate } : {} });
  return { report, config, configSource: source, repoRoot };
}
async function readPreviousCapacity(path, label) {
  return previousFromReport(await readReportFile(path), label);
}

export {
  readReportFile,
  resolveRepoRoot,
  resolveTargets,
  audit,
  readPreviousCapacity
};
