import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  TOOL_NAME,
  VERSION
} from "./chunk-DMVRJMIN.js";
import {
  CATEGORIES
} from "./chunk-A77QEYQZ.js";

// src/engine/score.ts
var SEVERITY_WEIGHT = { P0: 10, P1: 5, P2: 1 };
var P0_CAP = 49;
var LITTLE_EVALUATED = 0.25;
function evaluatedLittle(coverage) {
  return coverage.total > 0 && coverage.evaluated / coverage.total < LITTLE_EVALUATED;
}
var SEVERITY_RANK = { P0: 0, P1: 1, P2: 2 };
function isFailing(finding) {
  return (finding.status === "fail" || finding.status === "error") && !finding.waived;
}
function verdict(findings, options) {
  const outcomes = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const key = `${finding.checkId}\0${finding.url ? new URL(finding.url).origin : ""}`;
    outcomes.set(key, [...outcomes.get(key) ?? [], finding]);
  }
  const totals = /* @__PURE__ */ new Map();
  let evaluatedOutcomes = 0;
  for (const group of outcomes.values()) {
    const evaluated = group.filter((f) => f.status !== "skip");
    if (!evaluated.length) continue;
    evaluatedOutcomes++;
    const failing2 = evaluated.filter(isFailing);
    const weight = SEVERITY_WEIGHT[mostSevere(failing2.length ? failing2 : evaluated)];
    const t = totals.get(group[0].category) ?? { pass: 0, all: 0, checks: 0 };
    t.all += weight;
    t.checks++;
    if (!failing2.length) t.pass += weight;
    totals.set(group[0].category, t);
  }
  const categories = [];
  for (const id of CATEGORIES) {
    const inCategory = findings.filter((f) => f.category === id);
    if (!inCategory.length) continue;
    const t = totals.get(id);
    categories.push({
      id,
      score: t && t.all ? Math.round(100 * t.pass / t.all) : null,
      passed: inCategory.filter((f) => f.status === "pass" || f.waived && f.status !== "skip").length,
      failed: inCategory.filter(isFailing).length,
      skipped: inCategory.filter((f) => f.status === "skip").length,
      checks: t?.checks ?? 0
    });
  }
  let pass = 0;
  let all = 0;
  for (const t of totals.values()) {
    pass += t.pass;
    all += t.all;
  }
  const failingP0 = findings.filter((f) => isFailing(f) && f.severity === "P0");
  const uncapped = all ? Math.round(100 * pass / all) : 0;
  const score = failingP0.length ? Math.min(uncapped, P0_CAP) : uncapped;
  const cap = failingP0.length && uncapped > P0_CAP ? { at: P0_CAP, p0: failingP0.length, uncapped } : void 0;
  const coverage = { evaluated: evaluatedOutcomes, total: outcomes.size };
  const threshold = options.failOn === "never" ? "P0" : options.failOn.toUpperCase();
  const reasons = [];
  const blockingFailures = findings.filter(
    (f) => f.status === "fail" && !f.waived && SEVERITY_RANK[f.severity] <= SEVERITY_RANK[threshold]
  );
  const blockingErrors = findings.filter(
    (f) => f.status === "error" && !f.waived && SEVERITY_RANK[f.severity] <= SEVERITY_RANK[threshold]
  );
  if (blockingFailures.length) {
    const ids = [...new Set(blockingFailures.map((f) => f.checkId))];
    reasons.push(`${blockingFailures.length} failing ${threshold === "P0" ? "P0" : `P0-${threshold}`} finding(s): ${ids.join(", ")}`);
  }
  if (blockingErrors.length) {
    const ids = [...new Set(blockingErrors.map((f) => f.checkId))];
    reasons.push(`${ids.length} ${threshold === "P0" ? "P0" : `P0-${threshold}`} check(s) could not be evaluated, so cannot be called safe: ${ids.join(", ")}`);
  }
  if (!all) reasons.push("no check could be evaluated");
  if (score < options.minScore) reasons.push(`score ${score} is below min-score ${options.minScore}`);
  const decision = reasons.length ? "NO-GO" : "GO";
  if (decision === "GO") reasons.push(`no failing ${threshold === "P0" ? "P0" : `P0-${threshold}`} findings and score ${score} \u2265 min-score ${options.minScore}`);
  if (cap) reasons.push(`score capped at ${cap.at}: ${cap.p0} P0 failing; ${cap.uncapped} without them`);
  if (all && evaluatedLittle(coverage)) {
    reasons.push(`only ${coverage.evaluated} of ${coverage.total} checks found something to inspect (the others were skipped): the score rests on little`);
  }
  return { decision, score, categories, reasons, blocking: decision === "NO-GO" && options.failOn !== "never", ...cap ? { cap } : {}, coverage };
}
function mostSevere(findings) {
  return findings.reduce((worst, f) => SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst] ? f.severity : worst, "P2");
}

// src/report/fingerprint.ts
import { createHash } from "node:crypto";
function normalisedMessage(message) {
  return message.toLowerCase().replace(/:\d+(?:-\d+)?\b/g, ":#").replace(/\b\d+(?:\.\d+)?\s*(ms|s|seconds?|bytes?|b|kib|mib|kb|mb|%|requests?|req\/s|times?)\b/g, "#$1").replace(/\((e[a-z]{3,}|und_err_[a-z_]+)\)/g, "(#code)").replace(/\s+/g, " ").trim();
}
function scopeOf(finding) {
  const file = finding.location?.path ?? finding.file;
  if (file !== void 0) return `file:${file}`;
  if (finding.url) {
    try {
      const url = new URL(finding.url);
      return `url:${url.origin}${url.pathname}`;
    } catch {
      return `url:${finding.url}`;
    }
  }
  return "";
}
function fingerprintOf(finding) {
  return createHash("sha256").update(`${finding.checkId}\0${scopeOf(finding)}\0${normalisedMessage(finding.message)}`).digest("hex").slice(0, 32);
}
function withFingerprints(findings) {
  const seen = /* @__PURE__ */ new Map();
  return findings.map((f) => {
    const base = fingerprintOf(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...f, fingerprint: n === 1 ? base : `${base}:${n}` };
  });
}

// src/report/report.ts
function buildReport(result, options) {
  const skippedBursts = result.findings.filter((f) => f.status === "skip" && options.burstChecks?.has(f.checkId)).map((f) => ({ checkId: f.checkId, ...f.url ? { url: f.url } : {}, reason: f.message }));
  const v = verdict(
    result.findings.map((f) => f.existing && !f.waived ? { ...f, waived: { reason: "existing" } } : f),
    options
  );
  const reasons = [...v.reasons, ...gateReasons(options.gate)];
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    decision: v.decision,
    score: v.score,
    categories: v.categories,
    findings: withFingerprints(result.findings),
    durationMs: result.durationMs,
    requests: result.requests,
    reasons,
    blocking: v.blocking,
    failOn: options.failOn,
    minScore: options.minScore,
    requestsByCheck: result.requestsByCheck,
    expiredWaivers: result.expiredWaivers,
    targets: result.targets,
    // The absolute root stays out of reports: it says nothing to a reader and leaks runner paths.
    ...result.repository ? { repository: { files: result.repository.files, skipped: result.repository.skipped, setAside: result.repository.setAside } } : {},
    generatedAt: (options.now ?? /* @__PURE__ */ new Date()).toISOString(),
    ...v.cap ? { scoreCap: v.cap } : {},
    coverage: v.coverage,
    ...options.gate ? { gate: options.gate } : {},
    ...skippedBursts.length ? { skippedBursts } : {}
  };
}
function gateReasons(gate) {
  if (!gate) return [];
  const out = [];
  if (gate.mode === "new") {
    out.push(
      gate.problem ? `gate: new could not compare with the base branch (${gate.problem}): every finding decides` : `gate: new decides on what this change adds; ${gate.existing} failing finding(s) already on the merge base ${gate.base ?? ""} are listed as existing`.replace(/ +are/, " are")
    );
  }
  if (gate.baseline) out.push(`the baseline ${gate.baseline.path} (accepted ${gate.baseline.since}) hides ${gate.baseline.hidden} known failing finding(s)`);
  return out;
}
function failing(report, severity) {
  return report.findings.filter((f) => (f.status === "fail" || f.status === "error") && !f.waived && !f.existing && f.severity === severity);
}
function existingFailures(report) {
  const rank = { P0: 0, P1: 1, P2: 2 };
  return report.findings.filter((f) => (f.status === "fail" || f.status === "error") && !f.waived && f.existing).sort((a, b) => rank[a.severity] - rank[b.severity]);
}
function countFailingP0(report) {
  return failing(report, "P0").length;
}
function whereOf(finding) {
  if (finding.location) {
    const { path, line, endLine } = finding.location;
    return endLine && endLine !== line ? `${path}:${line}-${endLine}` : `${path}:${line}`;
  }
  return finding.file ?? finding.url ?? "";
}
function severityWhy(finding) {
  return severityWhyParts(finding, { text: (t) => t, code: (t) => t });
}
function severityWhyParts(finding, escape) {
  const { role, cappedFrom } = finding;
  if (!role && !cappedFrom) return void 0;
  const because = role ? ` because ${role.role} file: ${escape.text(role.reason)}${role.rule ? ` (rule ${escape.code(role.rule)})` : ""}` : "";
  return `${finding.severity}${because}${cappedFrom ? `${because ? ";" : ""} lowered from ${cappedFrom}` : ""}`;
}
function messageAfterWhere(finding) {
  const where = whereOf(finding);
  const short = finding.location ? `${finding.location.path}:${finding.location.line}` : void 0;
  for (const prefix of [where, short]) if (prefix && finding.message.startsWith(`${prefix}: `)) return finding.message.slice(prefix.length + 2);
  return finding.message;
}
var CUT_MARK = " [\u2026]";
function cutMessage(text, max) {
  if (text.length <= max) return text;
  const room = Math.max(1, max - CUT_MARK.length);
  let word = -1;
  let clause = -1;
  let inCode = false;
  let inQuote = false;
  let inMarker = false;
  for (let i = 0; i <= room && i < text.length; i++) {
    const c = text[i];
    if (c === "`") inCode = !inCode;
    else if (c === '"' && !inCode) inQuote = !inQuote;
    else if (c === "[" && text.startsWith("[redacted", i)) inMarker = true;
    else if (c === "]" && inMarker) inMarker = false;
    else if (c === " " && !inCode && !inQuote && !inMarker) {
      word = i;
      if (/[,;:.]/.test(text[i - 1] ?? "")) clause = i;
    }
  }
  const at = clause >= room * (2 / 3) ? clause : word > 0 ? word : clause;
  const kept = at > 0 ? text.slice(0, at).trimEnd() : text.slice(0, room);
  return `${kept}${CUT_MARK}`;
}
function headline(report) {
  const p0 = countFailingP0(report);
  const hidden = existingFailures(report).length;
  const parts = [`${report.decision}${hidden ? " on new findings" : ""}`, `${report.score}/100${report.scoreCap ? ` (capped; ${report.scoreCap.uncapped} without P0s)` : ""}`];
  if (hidden) parts.push(existingPhrase(report, hidden));
  if (p0) parts.push(`${p0} P0 failing`);
  else {
    const p1 = failing(report, "P1").length;
    parts.push(p1 ? `${p1} P1 failing` : "no P0/P1 failing");
  }
  if (report.coverage && evaluatedLittle(report.coverage)) parts.push(`only ${report.coverage.evaluated} of ${report.coverage.total} checks applied`);
  return parts.join(" \xB7 ");
}
function existingPhrase(report, hidden) {
  const baseline = report.gate?.baseline;
  const onBase = report.findings.filter((f) => f.existing === "base" && (f.status === "fail" || f.status === "error") && !f.waived).length;
  const where = [
    ...onBase ? [`on the merge base${report.gate?.base ? ` ${report.gate.base}` : ""}`] : [],
    ...baseline && hidden > onBase ? [`hidden by the baseline since ${baseline.since}`] : []
  ];
  return `${hidden} existing${where.length ? `, ${where.join(" or ")}` : ""}`;
}
function groupByCheck(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) groups.set(f.checkId, [...groups.get(f.checkId) ?? [], f]);
  return [...groups.entries()].map(([checkId, list]) => ({ checkId, findings: list, remediation: mostCommon(list.map((f) => f.remediation)) }));
}
function mostCommon(values) {
  const counts = /* @__PURE__ */ new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

export {
  withFingerprints,
  buildReport,
  failing,
  existingFailures,
  countFailingP0,
  whereOf,
  severityWhy,
  severityWhyParts,
  messageAfterWhere,
  cutMessage,
  headline,
  groupByCheck
};
