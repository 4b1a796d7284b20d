import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  PROJECT_URL,
  blobUrl,
  checkDocsUrl,
  encodePath
} from "./chunk-M6JAG3LF.js";
import {
  existingFailures,
  failing,
  groupByCheck,
  headline,
  whereOf,
  withFingerprints
} from "./chunk-BKALYANK.js";

// src/report/json.ts
function renderJson(report) {
  return JSON.stringify(report, null, 2) + "\n";
}

// src/report/escape.ts
var CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var NAMED = { "\n": "\\n", "\r": "\\r", "\x1B": "\\e" };
function visibleControls(text) {
  return text.replace(/\t/g, " ").replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function terminalText(text) {
  return visibleControls(text);
}
function markdownCode(text) {
  const content = visibleControls(text);
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence2 = "`".repeat(longest + 1);
  const pad = /^`|`$/.test(content) || /^ +$/.test(content) && content.length > 0 ? " " : "";
  return `${fence2}${pad}${content || " "}${pad}${fence2}`;
}
function markdownText(text) {
  return visibleControls(text).split(/((?:https?|ftp):\/\/\S*[^\s.,:;!?)'"]|\bwww\.\S*[^\s.,:;!?)'"])/i).map((part, i) => i % 2 ? markdownCode(part) : proseEscape(part)).join("");
}
function proseEscape(text) {
  return text.replace(/[\\`*_[\]!|~]/g, (c) => `\\${c}`).replace(/^(\s*)([#+\-=])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/g, "@\u200B");
}
function markdownMessage(text) {
  const parts = visibleControls(text).split(/`([^`]+)`/);
  return parts.map((part, i) => i % 2 ? markdownCode(part) : markdownText(part)).join("");
}

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
  const seenBefore = (f) => f.fingerprint !== void 0 && options.previousRun?.fingerprints.has(f.fingerprint) === true;
  const gated = report.gate?.mode === "new" || report.findings.some((f) => f.existing);
  for (const severity of ["P0", "P1", "P2"]) {
    const list = failing(report, severity).filter((f) => !seenBefore(f));
    if (!list.length) continue;
    const groups = groupByCheck(list);
    const fold = severity === "P2" && options.foldP2 || severity === "P1" && options.foldP1;
    const heading = `${SEVERITY_ICON[severity]} ${severity} \u2014 ${LABEL[severity]}${gated ? ", new" : ""}: ${count(list.length, "finding")} in ${count(groups.length, "check")}`;
    if (options.inline?.includes(severity)) {
      const ids = groups.map((g) => `${docsLink(g.checkId, report)}${g.findings.length > 1 ? ` \xD7${g.findings.length}` : ""}`).join(" \xB7 ");
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
  const score = (c) => c.checks ? String(c.score) : "\u2014";
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
  return max !== void 0 && text.length > max ? `${text.slice(0, Math.max(1, max - 1)).trimEnd()}\u2026` : text;
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
function placeLine(f, options) {
  const where = whereOf(f);
  const status = f.status === "error" ? " (could not evaluate)" : "";
  return `${where ? `${whereLink(f, options)}${status} \u2014 ` : status ? `${status.trim()} \u2014 ` : ""}${markdownMessage(truncate(f.message, options.maxMessage))}`;
}
function groupBlock(group, report, options) {
  const max = options.maxLocations ?? 20;
  const [first] = group.findings;
  const head = `- **${markdownText(first.title)}** \xB7 ${docsLink(group.checkId, report)}`;
  const lines = [];
  if (group.findings.length === 1 || max <= 1) {
    const more = group.findings.length > 1 ? ` (and ${group.findings.length - 1} more)` : "";
    lines.push(`${head} \xB7 ${placeLine(first, options)}${more}`);
  } else {
    lines.push(`${head} \xB7 ${group.findings.length} places`);
    for (const f of group.findings.slice(0, max)) {
      const own = f.remediation !== group.remediation && options.maxMessage === void 0 ? ` **Fix:** ${markdownMessage(f.remediation)}` : "";
      lines.push(`  - ${placeLine(f, options)}${own}`);
    }
    if (group.findings.length > max) lines.push(`  - \u2026and ${group.findings.length - max} more`);
  }
  lines.push(`  - **Fix:** ${markdownMessage(group.remediation)}`);
  const evidence = group.findings.find((f) => f.evidence)?.evidence;
  if ((options.includeEvidence ?? true) && evidence) {
    lines.push("  <details><summary>Evidence</summary>", "", fence(evidence, "  "), "", "  </details>");
  }
  return lines;
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

// src/report/sarif.ts
var LEVEL = { P0: "error", P1: "warning", P2: "note" };
var SECURITY_SEVERITY = { P0: "9.0", P1: "7.0", P2: "4.0" };
function renderSarif(report, catalog) {
  const findings = report.findings.every((f) => f.fingerprint) ? report.findings : withFingerprints(report.findings);
  const results = findings.filter((f) => (f.status === "fail" || f.status === "error") && (f.location || f.file));
  const ruleIds = [...new Set(results.map((f) => f.checkId))].sort();
  const byId = new Map(catalog.map((c) => [c.id, c]));
  const rules = ruleIds.map((id) => {
    const check = byId.get(id);
    const sample = results.find((f) => f.checkId === id);
    return {
      id,
      name: toPascal(id),
      shortDescription: { text: check?.title ?? sample.title },
      fullDescription: { text: check?.docs.summary ?? sample.title },
      help: {
        text: check ? `${check.docs.why}

Fix: ${check.docs.fix}` : sample.remediation,
        markdown: check ? `${check.docs.why}

**Fix:** ${check.docs.fix}` : sample.remediation
      },
      helpUri: checkDocsUrl(id, report.tool.version),
      defaultConfiguration: { level: LEVEL[check?.severity ?? sample.severity] },
      properties: {
        category: check?.category ?? sample.category,
        tags: [check?.category ?? sample.category, "production-readiness"],
        ...sample.category === "security" ? { "security-severity": SECURITY_SEVERITY[check?.severity ?? sample.severity] } : {}
      }
    };
  });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: PROJECT_URL,
            rules
          }
        },
        results: results.map((f) => toResult(f, ruleIds.indexOf(f.checkId))),
        columnKind: "utf16CodeUnits"
      }
    ]
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
function toResult(f, ruleIndex) {
  const path = f.location?.path ?? f.file;
  const region = f.location ? { region: { startLine: f.location.line, ...f.location.endLine && f.location.endLine >= f.location.line ? { endLine: f.location.endLine } : {} } } : {};
  return {
    ruleId: f.checkId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.message}${f.status === "error" ? " (could not evaluate)" : ""}
Fix: ${f.remediation}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(path), uriBaseId: "%SRCROOT%" }, ...region } }],
    partialFingerprints: { "readinessGate/v1": f.fingerprint },
    ...f.waived ? { suppressions: [{ kind: "external", justification: f.waived.reason }] } : {}
  };
}
function toPascal(id) {
  return id.split(/[.-]/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
}

// src/report/text.ts
var ANSI = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, dim: 2, bold: 1 };
function renderText(report, options) {
  const width = Math.max(40, Math.min(options.width ?? 80, 120));
  const paint = (style, text) => options.color ? `\x1B[${ANSI[style]}m${text}\x1B[0m` : text;
  const out = [];
  const decisionStyle = report.decision === "GO" ? "green" : "red";
  out.push(paint("bold", paint(decisionStyle, headline(report))));
  for (const reason of report.reasons) out.push(...wrap(terminalText(reason), width, "  ", "  "));
  out.push("");
  if (report.categories.length) {
    out.push(paint("bold", "Category        Score  Passed  Failed  Skipped"));
    for (const c of report.categories) {
      const score = (c.checks ? String(c.score) : "\u2014").padStart(5);
      const colored = !c.checks ? paint("dim", score) : c.score >= 90 ? paint("green", score) : c.score >= 60 ? paint("yellow", score) : paint("red", score);
      out.push(`${c.id.padEnd(14)}  ${colored}  ${String(c.passed).padStart(6)}  ${String(c.failed).padStart(6)}  ${String(c.skipped).padStart(7)}`);
    }
    out.push("");
  }
  const severityStyle = { P0: "red", P1: "yellow", P2: "blue" };
  for (const severity of ["P0", "P1", "P2"]) {
    const list = failing(report, severity);
    if (!list.length) continue;
    const groups = groupByCheck(list);
    out.push(paint("bold", paint(severityStyle[severity], `${severity} failing: ${list.length} in ${groups.length} check${groups.length === 1 ? "" : "s"}`)));
    const max = options.verbose ? { places: Infinity, message: Infinity, roles: true } : { places: severity === "P0" ? MAX_PLACES : 1, message: MAX_MESSAGE };
    for (const group of groups) {
      if (severity === "P2" && !options.verbose) out.push(...wrap(`${group.checkId} ${terminalText(group.findings[0].title)} (${group.findings.length})`, width, "  ", "    "));
      else out.push(...groupLines(group, width, paint, max));
    }
    out.push("");
  }
  for (const burst of report.skippedBursts ?? []) out.push(...wrap(terminalText(`Burst not sent: ${burst.checkId}: ${burst.reason}`), width, paint("yellow", "! "), "  "));
  if (report.skippedBursts?.length) out.push("");
  const existing = existingFailures(report);
  if (existing.length) {
    const groups = groupByCheck(existing);
    out.push(paint("bold", `Existing: ${existing.length} failing finding(s) in ${groups.length} check(s) the change did not introduce (not deciding)`));
    if (options.verbose) for (const group of groups) out.push(...groupLines(group, width, paint, { places: Infinity, message: Infinity, roles: true }));
    else out.push(...wrap(groups.map((g) => `${g.checkId}${g.findings.length > 1 ? ` \xD7${g.findings.length}` : ""}`).join(", "), width, "  ", "  "));
    out.push("");
  }
  const waived = report.findings.filter((f) => f.waived);
  if (waived.length) {
    out.push(paint("bold", `Waived (${waived.length})`));
    for (const f of waived) out.push(...wrap(terminalText(`${f.checkId} ${whereOf(f)}: ${f.waived.reason}`), width, "  ", "    "));
    out.push("");
  }
  for (const w of report.expiredWaivers) {
    out.push(...wrap(terminalText(`Expired waiver for ${w.check} (expired ${w.expires}) no longer applies.`), width, paint("yellow", "! "), "  "));
  }
  const passing = report.findings.filter((f) => f.status === "pass");
  const skipped = report.findings.filter((f) => f.status === "skip");
  if (options.verbose) {
    for (const f of passing) out.push(...wrap(terminalText(`${f.checkId} ${whereOf(f)} ${f.message}`), width, paint("green", "\u2713 "), "    "));
    for (const f of skipped) out.push(...wrap(terminalText(`${f.checkId} ${f.message}`), width, paint("dim", "- "), "    "));
  }
  out.push(
    paint(
      "dim",
      `${passing.length} passing, ${skipped.length} skipped \xB7 ${report.requests} HTTP requests \xB7 ${(report.durationMs / 1e3).toFixed(1)} s \xB7 ${report.tool.name} ${report.tool.version}`
    )
  );
  return out.join("\n") + "\n";
}
var MAX_PLACES = 3;
var MAX_MESSAGE = 150;
function groupLines(group, width, paint, max) {
  const maxPlaces = max.places;
  const [first] = group.findings;
  const lines = [`  ${paint("bold", group.checkId)} ${terminalText(first.title)}${group.findings.length > 1 ? paint("dim", ` (${group.findings.length})`) : ""}`];
  for (const f of group.findings.slice(0, maxPlaces)) {
    const where = terminalText(whereOf(f));
    const status = f.status === "error" ? " (could not evaluate)" : "";
    const message = f.message.length > max.message ? `${f.message.slice(0, max.message - 1).trimEnd()}\u2026` : f.message;
    lines.push(...wrap(`${where ? `${where}${status}: ` : status}${terminalText(message)}`, width, "    ", "      "));
    if (max.roles && f.role) lines.push(...wrap(`role: ${f.role.role} (${terminalText(f.role.reason)})`, width, "      ", "        ").map((l) => paint("dim", l)));
  }
  if (group.findings.length > maxPlaces) lines.push(paint("dim", `    \u2026and ${group.findings.length - maxPlaces} more (--verbose lists them)`));
  lines.push(...wrap(`Fix: ${group.remediation.split("\n").map(terminalText).join("\n")}`, width, "    ", "      ").map((l) => paint("dim", l)));
  return lines;
}
function wrap(text, width, firstIndent, nextIndent) {
  const lines = [];
  for (const paragraph of text.split("\n")) {
    let line = lines.length ? nextIndent : firstIndent;
    let empty = true;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (!empty && visibleLength(line) + 1 + visibleLength(word) > width) {
        lines.push(line);
        line = nextIndent + word;
      } else {
        line += (empty ? "" : " ") + word;
      }
      empty = false;
    }
    lines.push(line);
  }
  return lines;
}
function visibleLength(text) {
  return text.replace(/\u001b\[[0-9;]*m/g, "").length;
}

// src/report/index.ts
var FORMATS = ["text", "json", "markdown", "sarif"];
function render(report, format, options) {
  switch (format) {
    case "json":
      return renderJson(report);
    case "markdown":
      return renderMarkdown(report);
    case "sarif":
      return renderSarif(report, options.catalog);
    case "text":
      return renderText(report, { color: options.color, width: options.width, verbose: options.verbose });
  }
}

export {
  markdownCode,
  markdownText,
  renderMarkdown,
  renderJson,
  renderSarif,
  renderText,
  FORMATS,
  render
};
