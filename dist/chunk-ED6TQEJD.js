import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  renderMarkdown
} from "./chunk-WWXX22LG.js";
import {
  cutMessage,
  existingFailures,
  failing,
  groupByCheck,
  headline,
  messageAfterWhere,
  severityWhy,
  whereOf,
  withFingerprints
} from "./chunk-IPINS2T6.js";
import {
  PROJECT_URL,
  checkDocsUrl,
  encodePath
} from "./chunk-VNR4XD6K.js";
import {
  capacityText
} from "./chunk-UTYR6EJ4.js";
import {
  terminalText
} from "./chunk-JWXGXOVI.js";

// src/report/json.ts
function renderJson(report) {
  return JSON.stringify({ ...report, findings: report.findings.map(jsonFinding) }, null, 2) + "\n";
}
function jsonFinding(finding) {
  if (finding.file === void 0 || finding.location) return finding;
  const { file, ...rest } = finding;
  const entries = Object.entries(rest);
  const at = Object.keys(finding).indexOf("file");
  entries.splice(at, 0, ["location", { path: file }]);
  return Object.fromEntries(entries);
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
    message: { text: `${f.message}${f.status === "error" ? " (could not evaluate)" : ""}${whyLine(f)}
Fix: ${f.remediation}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(path), uriBaseId: "%SRCROOT%" }, ...region } }],
    partialFingerprints: { "readinessGate/v1": f.fingerprint },
    // Why this severity: the file's role, the rule that gave it and any cap (the level is the capped severity).
    ...f.role || f.cappedFrom ? {
      properties: {
        ...f.role ? { role: f.role.role, roleReason: f.role.reason, ...f.role.rule ? { roleRule: f.role.rule } : {} } : {},
        ...f.cappedFrom ? { cappedFrom: f.cappedFrom } : {}
      }
    } : {},
    ...f.waived ? { suppressions: [{ kind: "external", justification: f.waived.reason }] } : {}
  };
}
function whyLine(f) {
  const why = severityWhy(f);
  return why ? `
${why}` : "";
}
function toPascal(id) {
  return id.split(/[.-]/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
}

// src/report/text.ts
var ANSI = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, dim: 2, bold: 1 };
function renderText(report, options) {
  const width = Math.max(40, Math.min(options.width ?? 80, 120));
  const paint = (style, text) => options.color ? `\x1B[${ANSI[style]}m${text}\x1B[0m` : text;
  const linker = { hyperlinks: options.hyperlinks ?? false, version: report.tool.version };
  const out = [];
  const decisionStyle = report.decision === "GO" ? "green" : "red";
  out.push(paint("bold", paint(decisionStyle, headline(report))));
  for (const reason of report.reasons) out.push(...wrap(terminalText(reason), width, "  ", "  "));
  out.push("");
  if (report.categories.length) {
    out.push(paint("bold", "Category        Score  Passed  Failed  Skipped"));
    for (const c of report.categories) {
      const score = (c.score === null ? "\u2014" : String(c.score)).padStart(5);
      const colored = c.score === null ? paint("dim", score) : c.score >= 90 ? paint("green", score) : c.score >= 60 ? paint("yellow", score) : paint("red", score);
      out.push(`${c.id.padEnd(14)}  ${colored}  ${String(c.passed).padStart(6)}  ${String(c.failed).padStart(6)}  ${String(c.skipped).padStart(7)}`);
    }
    out.push("");
  }
  for (const line of capacityText(report)) {
    const indent = line.slice(0, line.length - line.trimStart().length);
    out.push(...line.length > width ? wrap(line.trimStart(), width, indent, `${indent}    `) : [line]);
  }
  const severityStyle = { P0: "red", P1: "yellow", P2: "blue" };
  for (const severity of ["P0", "P1", "P2"]) {
    const list = failing(report, severity);
    if (!list.length) continue;
    const groups = groupByCheck(list);
    out.push(paint("bold", paint(severityStyle[severity], `${severity} failing: ${list.length} in ${groups.length} check${groups.length === 1 ? "" : "s"}`)));
    const max = options.verbose ? { places: Infinity, message: Infinity } : { places: severity === "P0" ? MAX_PLACES : 1, message: MAX_MESSAGE };
    for (const group of groups) {
      if (severity === "P2" && !options.verbose) out.push(...wrap(`${linked(group.checkId, linker)} ${terminalText(group.findings[0].title)} (${group.findings.length})`, width, "  ", "    "));
      else out.push(...groupLines(group, width, paint, max, linker));
    }
    out.push("");
  }
  for (const burst of report.skippedBursts ?? []) out.push(...wrap(terminalText(`Burst not sent: ${burst.checkId}: ${burst.reason}`), width, paint("yellow", "! "), "  "));
  if (report.skippedBursts?.length) out.push("");
  const existing = existingFailures(report);
  if (existing.length) {
    const groups = groupByCheck(existing);
    out.push(paint("bold", `Existing: ${existing.length} failing finding(s) in ${groups.length} check(s) the change did not introduce (not deciding)`));
    if (options.verbose) for (const group of groups) out.push(...groupLines(group, width, paint, { places: Infinity, message: Infinity }, linker));
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
function linked(checkId, linker) {
  return linker.hyperlinks ? `\x1B]8;;${checkDocsUrl(checkId, linker.version)}\x1B\\${checkId}\x1B]8;;\x1B\\` : checkId;
}
function groupLines(group, width, paint, max, linker) {
  const maxPlaces = max.places;
  const [first] = group.findings;
  const lines = [`  ${paint("bold", linked(group.checkId, linker))} ${terminalText(first.title)}${group.findings.length > 1 ? paint("dim", ` (${group.findings.length})`) : ""}`];
  const ownFixes = group.findings.some((f) => f.remediation !== group.remediation);
  for (const f of group.findings.slice(0, maxPlaces)) {
    const where = terminalText(whereOf(f));
    const status = f.status === "error" ? " (could not evaluate)" : "";
    const message = cutMessage(messageAfterWhere(f), max.message);
    lines.push(...wrap(`${where ? `${where}${status}: ` : status}${terminalText(message)}`, width, "    ", "      "));
    const why = severityWhy(f);
    if (why) lines.push(...wrap(terminalText(why), width, "      ", "        ").map((l) => paint("dim", l)));
    if (ownFixes) lines.push(...wrap(`Fix: ${terminalText(f.remediation)}`, width, "      ", "        ").map((l) => paint("dim", l)));
  }
  if (group.findings.length > maxPlaces) lines.push(paint("dim", `    \u2026and ${group.findings.length - maxPlaces} more (--verbose lists them)`));
  if (!ownFixes) lines.push(...wrap(`Fix: ${terminalText(group.remediation)}`, width, "    ", "      ").map((l) => paint("dim", l)));
  if (!linker.hyperlinks) lines.push(paint("dim", `    Docs: ${checkDocsUrl(group.checkId, linker.version)}`));
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
  return text.replace(/\u001b\[[0-9;]*m|\u001b\]8;;[^\u001b\u0007]*(?:\u001b\\|\u0007)/g, "").length;
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
      return renderText(report, { color: options.color, hyperlinks: options.hyperlinks, width: options.width, verbose: options.verbose });
  }
}

export {
  renderJson,
  renderSarif,
  renderText,
  FORMATS,
  render
};
