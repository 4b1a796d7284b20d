import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  cutMessage,
  existingFailures,
  failing,
  groupByCheck,
  headline,
  messageAfterWhere,
  severityWhyParts,
  whereOf
} from "./chunk-IPINS2T6.js";
import {
  blobUrl,
  checkDocsUrl
} from "./chunk-VNR4XD6K.js";
import {
  capacityMarkdown
} from "./chunk-UTYR6EJ4.js";
import {
  markdownCode,
  markdownMessage,
  markdownText
} from "./chunk-JWXGXOVI.js";

// src/report/markdown.ts
var ICON = { "GO": "\u{1F7E2}", "NO-GO": "\u{1F534}" };
var SEVERITY_ICON = { P0: "\u{1F534}", P1: "\u{1F7E0}", P2: "\u{1F535}" };
var LABEL = {
  P0: "blocking",
  P1: "fix before release",
  P2: "worth fixing"
};
function renderMarkdown(report, options = {}) {
  const h = "#".repeat(options.headingLevel ?? 2);
  const out = [];
  out.push(`${h} ${ICON[report.decision]} ${headline(report)}`, "");
  if (options.links?.runUrl) out.push(`[Workflow run](${options.links.runUrl}) \xB7 [what the checks mean](${checkDocsUrl("", report.tool.version).replace(/#$/, "")})`, "");
  out.push(`**Why:** ${report.reasons.map((r) => markdownMessage(r)).join(" \xB7 ")}`, "");
  out.push(...scores(report, options.compactScores ?? false));
  if (report.skippedBursts?.length) {
    out.push(`**Bursts not sent:** ${report.skippedBursts.map((b) => `${markdownCode(b.checkId)} \u2014 ${markdownMessage(b.reason)}`).join(" \xB7 ")}`, "");
  }
  if (options.capacity ?? true) out.push(...capacityMarkdown(report, { table: options.includeEvidence ?? true, foldChart: options.foldChart ?? false }));
  const seenBefore = (f) => f.fingerprint !== void 0 && options.previousRun?.fingerprints.has(f.fingerprint) === true;
  const gated = report.gate?.mode === "new" || report.findings.some((f) => f.existing);
  for (const severity of ["P0", "P1", "P2"]) {
    const list = failing(report, severity).filter((f) => !seenBefore(f));
    if (!list.length) continue;
    const groups = groupByCheck(list);
    const fold = severity === "P2" && options.foldP2 || severity === "P1" && options.foldP1;
    const heading = `${SEVERITY_ICON[severity]} ${severity} \u2014 ${LABEL[severity]}${gated ? ", new" : ""}: ${count(list.length, "finding")} in ${count(groups.length, "check")}`;
    if (options.inline?.includes(severity)) {
      const ids = groups.map((g) => `${docsLink(g.checkId, report)} ${inlinePlace(g, options)}`.trimEnd()).join(" \xB7 ");
      out.push(...fold ? [`<details><summary>${heading}</summary>`, "", ids, "", "</details>", ""] : [`**${heading}:** ${ids}`, ""]);
      continue;
    }
    out.push(fold ? `<details><summary>${heading}</summary>` : `${h}# ${heading}`, "");
    const full = severity === "P0" || (severity === "P1" ? options.p1Details ?? true : options.p2Details ?? true);
    for (const group of groups) out.push(...full ? groupBlock(group, report, options) : [groupLine(group, report, options)]);
    out.push("");
    if (fold) out.push("</details>", "");
  }
  const carried = ["P0", "P1", "P2"].flatMap((s) => failing(report, s).filter(seenBefore));
  if (carried.length) {
    const groups = groupByCheck(carried);
    const at = options.previousRun?.sha ? ` ${options.previousRun.sha.slice(0, 7)}` : "";
    out.push(`<details><summary>Already failing at the previous run${at} (live, still deciding): ${severityCounts(carried)} in ${count(groups.length, "check")}</summary>`, "");
    for (const group of groups) out.push(groupLine(group, report, options));
    out.push("", "</details>", "");
  }
  const existing = existingFailures(report);
  if (existing.length) {
    const groups = groupByCheck(existing);
    const label = existingLabelOf(report);
    out.push(`<details><summary>Existing failures (${label}): ${count(existing.length, "finding")} in ${count(groups.length, "check")}</summary>`, "");
    for (const group of groups) out.push(groupLine(group, report, options));
    out.push("", "</details>", "");
  }
  const waived = report.findings.filter((f) => f.waived);
  if (waived.length) {
    out.push(`<details><summary>Waived (${waived.length})</summary>`, "");
    for (const f of waived) {
      const until = f.waived.expires ? ` (until ${markdownText(f.waived.expires)})` : "";
      out.push(`- ${docsLink(f.checkId, report)}${whereOf(f) ? ` \xB7 ${whereLink(f, options)}` : ""} \u2014 waived: ${markdownText(f.waived.reason)}${until}`);
    }
    out.push("", "</details>", "");
  }
  if (report.expiredWaivers.length) {
    out.push(`**Expired waivers** (no longer applied): ${report.expiredWaivers.map((w) => `${markdownCode(w.check)} (expired ${markdownText(w.expires ?? "")})`).join(", ")}`, "");
  }
  if (options.includePassing ?? true) {
    for (const [status, label] of [["pass", "Passing"], ["skip", "Skipped"]]) {
      const list = report.findings.filter((f) => f.status === status && !f.waived);
      if (!list.length) continue;
      const groups = groupByCheck(list);
      out.push(`<details><summary>${label}: ${count(groups.length, "check")}</summary>`, "");
      for (const g of groups) out.push(`- ${docsLink(g.checkId, report)}${g.findings.length > 1 ? ` (${g.findings.length})` : ""} \u2014 ${markdownMessage(truncate(g.findings[0].message, options.maxMessage))}`);
      out.push("", "</details>", "");
    }
  }
  const scope = [
    report.targets.length ? `${report.targets.length} target(s)` : "no live target",
    report.repository ? `${report.repository.files} files` : "no repository"
  ].join(", ");
  out.push(
    `<sub>${report.tool.name} ${report.tool.version} \xB7 ${scope} \xB7 ${report.requests} HTTP requests \xB7 ${(report.durationMs / 1e3).toFixed(1)} s</sub>`
  );
  if (options.note) out.push("", options.note);
  return out.join("\n") + "\n";
}
function existingLabelOf(report) {
  const where = [
    ...report.gate?.base ? [`already on the merge base ${report.gate.base}`] : [],
    ...report.gate?.baseline ? [`accepted in the baseline on ${report.gate.baseline.since}`] : []
  ];
  return where.length ? where.join(" or ") : "not introduced by this change";
}
function scores(report, compact) {
  if (!report.categories.length) return [];
  const score = (c) => c.score === null ? "\u2014" : String(c.score);
  if (compact) return [`**Scores:** ${report.categories.map((c) => `${c.id} ${score(c)}`).join(" \xB7 ")}`, ""];
  const out = ["| Category | Score | Passed | Failed | Skipped |", "|---|---:|---:|---:|---:|"];
  for (const c of report.categories) out.push(`| ${c.id} | ${score(c)} | ${c.passed} | ${c.failed} | ${c.skipped} |`);
  out.push("");
  return out;
}
function severityCounts(findings) {
  return ["P0", "P1", "P2"].map((s) => [s, findings.filter((f) => f.severity === s).length]).filter(([, n]) => n > 0).map(([s, n]) => count(n, `${s} finding`)).join(", ");
}
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
function truncate(text, max) {
  return max === void 0 ? text : cutMessage(text, max);
}
function docsLink(checkId, report) {
  return `[${markdownCode(checkId)}](${checkDocsUrl(checkId, report.tool.version)})`;
}
function whereLink(f, options) {
  const where = whereOf(f);
  const links = options.links;
  const path = f.location?.path ?? f.file;
  if (path !== void 0 && links?.repositoryUrl && links.sha) {
    return `[${markdownCode(where)}](${blobUrl({ repositoryUrl: links.repositoryUrl, sha: links.sha, pathPrefix: links.pathPrefix }, path, f.location?.line, f.location?.endLine)})`;
  }
  return markdownCode(where);
}
function whyOf(f) {
  return severityWhyParts(f, { text: markdownText, code: markdownCode });
}
function placeLine(f, options, sharedWhy = false) {
  const where = whereOf(f);
  const status = f.status === "error" ? " (could not evaluate)" : "";
  const why = sharedWhy ? void 0 : whyOf(f);
  return `${where ? `${whereLink(f, options)}${status} \u2014 ` : status ? `${status.trim()} \u2014 ` : ""}${markdownMessage(truncate(where ? messageAfterWhere(f) : f.message, options.maxMessage))}${why ? ` \u2014 ${why}` : ""}`;
}
function groupBlock(group, report, options) {
  const max = options.maxLocations ?? 20;
  const [first] = group.findings;
  const head = `- **${markdownText(first.title)}** \xB7 ${docsLink(group.checkId, report)}`;
  const lines = [];
  const varies = group.findings.some((f) => f.remediation !== first.remediation);
  const perPlace = varies && options.maxMessage === void 0 && group.findings.length > 1 && max > 1;
  if (group.findings.length === 1 || max <= 1) {
    const more = group.findings.length > 1 ? ` (and ${group.findings.length - 1} more)` : "";
    lines.push(`${head} \xB7 ${placeLine(first, options)}${more}`);
  } else {
    lines.push(`${head} \xB7 ${group.findings.length} places`);
    const whys = new Set(group.findings.map(whyOf));
    const shared = whys.size === 1 ? [...whys][0] : void 0;
    for (const f of group.findings.slice(0, max)) lines.push(`  - ${placeLine(f, options, shared !== void 0)}${perPlace ? ` **Fix:** ${markdownMessage(f.remediation)}` : ""}`);
    if (group.findings.length > max) lines.push(`  - \u2026and ${group.findings.length - max} more`);
    if (shared) lines.push(`  - **Why ${group.findings[0].severity}:** ${shared.replace(/^P[012] because /, "")}`);
  }
  if (!perPlace) lines.push(varies ? `  - **Fix (first place):** ${markdownMessage(first.remediation)}` : `  - **Fix:** ${markdownMessage(group.remediation)}`);
  const evidence = group.findings.find((f) => f.evidence)?.evidence;
  if ((options.includeEvidence ?? true) && evidence) {
    lines.push("  <details><summary>Evidence</summary>", "", fence(evidence, "  "), "", "  </details>");
  }
  return lines;
}
function inlinePlace(group, options) {
  const first = group.findings[0];
  const more = group.findings.length > 1 ? ` and ${group.findings.length - 1} more` : "";
  return whereOf(first) ? `(${whereLink(first, options)}${more})` : group.findings.length > 1 ? `\xD7${group.findings.length}` : "";
}
function groupLine(group, report, options) {
  const [first] = group.findings;
  const more = group.findings.length > 1 ? ` (and ${group.findings.length - 1} more)` : "";
  return `- ${first.severity} **${markdownText(first.title)}** \xB7 ${docsLink(group.checkId, report)} \xB7 ${placeLine(first, { ...options, maxMessage: options.maxMessage ?? 200 })}${more}`;
}
function fence(text, indent) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return [ticks, ...text.split("\n"), ticks].map((l) => indent + l).join("\n");
}

export {
  renderMarkdown
};
