import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  renderMarkdown
} from "./chunk-WWXX22LG.js";
import {
  failing,
  whereOf
} from "./chunk-IPINS2T6.js";
import {
  baselinesOf,
  previousCapacity
} from "./chunk-UTYR6EJ4.js";
import {
  markdownCode
} from "./chunk-JWXGXOVI.js";

// src/github/bodies.ts
var CHECK_SUMMARY_LIMIT = 65535;
var COMMENT_BODY_LIMIT = 65536;
var STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
var TRIM_LEVELS = [
  { options: {} },
  { options: { includePassing: false }, dropped: "passing and skipped checks" },
  { options: { includePassing: false, p2Details: false }, dropped: "passing and skipped checks, P2 details" },
  { options: { includePassing: false, p2Details: false, includeEvidence: false }, dropped: "passing and skipped checks, P2 details, evidence" },
  {
    options: { includePassing: false, p2Details: false, includeEvidence: false, maxLocations: 1, maxMessage: 120 },
    dropped: "passing and skipped checks, P2 details, evidence, all but the first place of each check"
  },
  // A reading budget (the comment) reached with every place already down to one: the capacity chart, twenty lines
  // high, folds under its headline before the end of the list of findings is cut.
  {
    options: { includePassing: false, p2Details: false, includeEvidence: false, maxLocations: 1, maxMessage: 120, foldChart: true },
    dropped: "passing and skipped checks, P2 details, evidence, all but the first place of each check (the capacity chart is folded)"
  }
];
function fitMarkdown(report, options) {
  const measure = options.measure ?? ((text2) => text2.length);
  const wrap = options.wrap ?? ((markdown) => markdown);
  const base = options.base ?? {};
  const levels = options.levels ?? TRIM_LEVELS;
  for (const level of levels) {
    const note2 = level.dropped ? trimNote(level.dropped, options) : void 0;
    const text2 = wrap(renderMarkdown(report, { ...base, ...level.options, ...note2 ? { note: note2 } : {} }));
    if (measure(text2) <= options.limit) return { text: text2, ...level.dropped ? { trimmed: level.dropped } : {} };
  }
  const dropped = "the end of the list of findings";
  const note = trimNote(dropped, options);
  const last = levels[levels.length - 1];
  const lines = renderMarkdown(report, { ...base, ...last.options }).split("\n");
  const cutAt = (n) => wrap(`${lines.slice(0, n).join("\n")}

\u2026

${note}
`);
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(cutAt(mid)) <= options.limit) low = mid;
    else high = mid - 1;
  }
  let text = cutAt(low);
  if (measure(text) > options.limit) text = wrap(`\u2026

${note}
`);
  return { text, trimmed: dropped };
}
var RENDERED_WIDTH = 100;
var MERMAID_HEIGHT = 20;
function renderedHeight(markdown) {
  const shown = markdown.replace(/<!--[\s\S]*?-->/g, "");
  let height = 0;
  let depth = 0;
  let chart = false;
  for (const raw of shown.split("\n")) {
    if (chart || depth === 0 && /^```mermaid\s*$/.test(raw)) {
      if (!chart) height += MERMAID_HEIGHT;
      chart = !(chart && /^```\s*$/.test(raw));
      continue;
    }
    const opened = /^\s*<details>/.test(raw);
    const closed = /<\/details>\s*$/.test(raw);
    const summary = opened && depth === 0 ? /<summary>(.*?)<\/summary>/.exec(raw)?.[1] : void 0;
    if (opened) depth++;
    const visible = summary ?? (depth === 0 ? raw : void 0);
    if (closed) depth = Math.max(0, depth - 1);
    if (visible === void 0) continue;
    const line = visible.replace(/\]\([^)\s]*\)/g, "]").replace(/\\(?=[!-/:-@[-`{-~])/g, "").replace(/\*\*|[[\]`]|<\/?sub>/g, "").trim();
    if (!line) height += 0.5;
    else height += Math.ceil(line.length / RENDERED_WIDTH) * (/^#{1,6} /.test(line) ? 1.5 : 1);
  }
  return Math.ceil(height);
}
function trimNote(dropped, options) {
  const why = options.budget ? "Shortened to stay readable" : `Trimmed to fit GitHub's limit of ${options.limit.toLocaleString("en-US")} ${options.unit ?? "characters"}`;
  return `> [!NOTE]
> ${why}: left out ${dropped}. The full report is in ${options.fullReportAt}.`;
}
function utf8Bytes(text) {
  return Buffer.byteLength(text, "utf8");
}
function markerSafe(text) {
  return text.replace(/--/g, "- -").replace(/>/g, "&gt;");
}
function commentMarker(checkName) {
  return `<!-- readiness-gate:${markerSafe(checkName)} -->`;
}
function issueMarker(checkName, branch) {
  return `<!-- readiness-gate:issue:${markerSafe(checkName)}:${markerSafe(branch)} -->`;
}
var STATE_PREFIX = "<!-- readiness-gate:state ";
var MAX_STATE_FINDINGS = 300;
function failingKeys(report) {
  return ["P0", "P1", "P2"].flatMap((s) => failing(report, s).map((f) => `${f.checkId}|${whereOf(f).slice(0, 200)}`));
}
var MAX_STATE_KEYS_BYTES = 20 * 1024;
function stateOf(report, sha) {
  const all = ["P0", "P1", "P2"].flatMap((s) => failing(report, s));
  const seen = /* @__PURE__ */ new Set();
  const keys = [];
  const fp = [];
  let bytes = 0;
  let total = 0;
  for (const f of all) {
    const key = `${f.checkId}|${whereOf(f).slice(0, 200)}`;
    const id = f.fingerprint ?? key;
    if (seen.has(id)) continue;
    seen.add(id);
    total++;
    if (keys.length >= MAX_STATE_FINDINGS) continue;
    bytes += Buffer.byteLength(JSON.stringify(key), "utf8") + 1 + (f.fingerprint ? f.fingerprint.length + 3 : 0);
    if (bytes > MAX_STATE_KEYS_BYTES) {
      bytes = Infinity;
      continue;
    }
    keys.push(key);
    fp.push(id);
  }
  return {
    v: 1,
    decision: report.decision,
    score: report.score,
    ...sha ? { sha } : {},
    failing: keys,
    ...total > keys.length ? { more: total - keys.length } : {},
    fp,
    ...baselinesOf(report).length ? { cap: baselinesOf(report) } : {}
  };
}
function encodeState(state) {
  return `${STATE_PREFIX}${Buffer.from(JSON.stringify(state)).toString("base64")} -->`;
}
function decodeState(body) {
  const start = body?.indexOf(STATE_PREFIX) ?? -1;
  if (!body || start < 0) return void 0;
  const end = body.indexOf(" -->", start);
  if (end < 0) return void 0;
  try {
    const value = JSON.parse(Buffer.from(body.slice(start + STATE_PREFIX.length, end), "base64").toString("utf8"));
    if (value.v !== 1 || value.decision !== "GO" && value.decision !== "NO-GO" || typeof value.score !== "number" || !Array.isArray(value.failing)) {
      return void 0;
    }
    const failing2 = value.failing.filter((k) => typeof k === "string");
    const fp = Array.isArray(value.fp) && value.fp.length === failing2.length && value.fp.every((k) => typeof k === "string") ? value.fp : void 0;
    const cap = previousCapacity(value.cap, "")?.targets;
    return { v: 1, decision: value.decision, score: value.score, sha: typeof value.sha === "string" ? value.sha : void 0, failing: failing2, more: typeof value.more === "number" ? value.more : void 0, ...fp ? { fp } : {}, ...cap ? { cap } : {} };
  } catch {
    return void 0;
  }
}
function previousCapacityOfState(state) {
  return state?.cap ? previousCapacity(state.cap, `previous run${state.sha ? ` (${state.sha.slice(0, 7)})` : ""}`) : void 0;
}
function changesBetween(previous, current) {
  const aligned = (state) => state.fp !== void 0 && state.fp.length === state.failing.length;
  const ids = (state) => aligned(previous) && aligned(current) ? state.fp : state.failing;
  const before = new Set(ids(previous));
  const now = new Set(ids(current));
  return {
    newFailures: current.failing.filter((_, i) => !before.has(ids(current)[i])),
    fixed: previous.failing.filter((_, i) => !now.has(ids(previous)[i])),
    scoreDelta: current.score - previous.score,
    decisionChanged: previous.decision !== current.decision
  };
}
function hasChanged(changes) {
  return changes.decisionChanged || changes.scoreDelta !== 0 || changes.newFailures.length > 0 || changes.fixed.length > 0;
}
var LISTED_CHANGES = 10;
function keyLine(key) {
  const bar = key.indexOf("|");
  const id = bar < 0 ? key : key.slice(0, bar);
  const where = bar < 0 ? "" : key.slice(bar + 1);
  return `${markdownCode(id)}${where ? ` \xB7 ${markdownCode(where)}` : ""}`;
}
function listed(keys, label) {
  if (!keys.length) return [];
  const lines = [`**${label} (${keys.length})**`, ""];
  for (const key of keys.slice(0, LISTED_CHANGES)) lines.push(`- ${keyLine(key)}`);
  if (keys.length > LISTED_CHANGES) lines.push(`- \u2026and ${keys.length - LISTED_CHANGES} more`);
  lines.push("");
  return lines;
}
function renderChanges(previous, current) {
  if (!previous) return "";
  const changes = changesBetween(previous, current);
  const delta = changes.scoreDelta > 0 ? `+${changes.scoreDelta}` : String(changes.scoreDelta);
  const since = previous.sha ? ` (\`${previous.sha.slice(0, 7)}\`)` : "";
  if (!hasChanged(changes)) return `**Since the previous run${since}:** no change (${current.decision}, ${current.score}/100).

`;
  const head = [
    changes.scoreDelta ? `score ${previous.score} \u2192 ${current.score} (${delta})` : `score unchanged at ${current.score}`,
    ...changes.decisionChanged ? [`${previous.decision} \u2192 ${current.decision}`] : [],
    `${changes.newFailures.length} new failing`,
    `${changes.fixed.length} fixed`
  ].join(" \xB7 ");
  return [`**Since the previous run${since}:** ${head}`, "", ...listed(changes.newFailures, "\u{1F195} New failures"), ...listed(changes.fixed, "\u2705 Fixed"), ""].join("\n");
}
function afterTitle(markdown, section) {
  if (!section) return markdown;
  const end = markdown.indexOf("\n\n");
  return end < 0 ? `${markdown}

${section}` : `${markdown.slice(0, end + 2)}${section}${markdown.slice(end + 2)}`;
}
function linkOptions(context) {
  return {
    ...context.links ? { links: context.links } : {}
  };
}
var CHECK_SUMMARY_BUDGET_LINES = 85;
var COMPACT = { includePassing: false, includeEvidence: false, p2Details: false, maxMessage: 100 };
var COMPACT_DROPPED = "passing and skipped checks, evidence, P2 details, the end of long messages";
var P1_PLACES = { ...COMPACT, inline: ["P1"], foldChart: true };
var p1PlacesDropped = (p0) => `passing checks, evidence, P2 and P1 details, the end of long messages, ${p0} (the capacity chart is folded)`;
var CHECK_SUMMARY_LEVELS = [
  { options: {} },
  { options: { includePassing: false, includeEvidence: false }, dropped: "passing and skipped checks, evidence" },
  { options: COMPACT, dropped: COMPACT_DROPPED },
  { options: { ...COMPACT, maxLocations: 3 }, dropped: `${COMPACT_DROPPED}, places past the third of each check` },
  { options: { ...P1_PLACES, maxLocations: 3 }, dropped: p1PlacesDropped("P0 places past the third") },
  { options: { ...P1_PLACES, maxLocations: 1, maxMessage: 80 }, dropped: p1PlacesDropped("P0 places past the first") },
  { options: { foldP1: true } },
  {
    options: { foldP1: true, includePassing: false, includeEvidence: false, p2Details: false, maxLocations: 1, maxMessage: 160 },
    dropped: "passing and skipped checks, evidence, P2 details, all but the first place of each check"
  },
  {
    options: { foldP1: true, includePassing: false, includeEvidence: false, inline: ["P1", "P2"], maxLocations: 1, maxMessage: 120 },
    dropped: "passing and skipped checks, evidence, the places and fixes of P1 and P2 checks, all but the first place of each P0 check"
  }
];
function checkRunSummary(report, context) {
  return fitMarkdown(report, {
    limit: CHECK_SUMMARY_BUDGET_LINES,
    // What a reader sees, in rendered lines; the whole summary must still fit GitHub's limit (bytes).
    measure: (text) => utf8Bytes(text) > CHECK_SUMMARY_LIMIT ? Infinity : renderedHeight(text),
    budget: true,
    levels: CHECK_SUMMARY_LEVELS,
    fullReportAt: context.fullReportAt,
    base: { compactScores: true, foldP2: true, maxLocations: 5, ...linkOptions(context) }
  });
}
var COMMENT_BUDGET_LINES = 85;
var COMMENT_OPTIONS = { compactScores: true, maxLocations: 1, maxMessage: 140, includeEvidence: false, includePassing: false, inline: ["P1", "P2"], foldP2: true };
var STEP_SUMMARY_MARGIN_BYTES = 4096;
function jobSummary(report, context = {}) {
  return fitMarkdown(report, {
    limit: STEP_SUMMARY_LIMIT_BYTES - STEP_SUMMARY_MARGIN_BYTES,
    measure: utf8Bytes,
    unit: "bytes",
    fullReportAt: "the JSON report (the `report-json` output)",
    base: linkOptions({ fullReportAt: "", ...context })
  });
}
function previousRunOf(report, previous) {
  if (report.gate?.mode !== "new" || !previous?.fp) return void 0;
  const before = new Set(previous.fp);
  const live = ["P0", "P1", "P2"].flatMap((s) => failing(report, s)).filter((f) => f.url !== void 0 && !f.location && f.file === void 0);
  const fingerprints = new Set(live.map((f) => f.fingerprint).filter((fp) => fp !== void 0 && before.has(fp)));
  return fingerprints.size ? { fingerprints, ...previous.sha ? { sha: previous.sha } : {} } : void 0;
}
function commentBody(report, options) {
  const changes = renderChanges(options.previous, options.state);
  const previousRun = previousRunOf(report, options.previous);
  return fitMarkdown(report, {
    limit: COMMENT_BUDGET_LINES,
    // What a reader sees, in rendered lines; the whole body must still fit GitHub's limit.
    measure: (text) => text.length > COMMENT_BODY_LIMIT ? Infinity : renderedHeight(text),
    budget: true,
    fullReportAt: options.fullReportAt,
    base: { ...COMMENT_OPTIONS, ...linkOptions(options), ...previousRun ? { previousRun } : {} },
    wrap: (markdown) => `${commentMarker(options.checkName)}
${afterTitle(markdown, changes)}
${encodeState(options.state)}
`
  });
}
function issueTitle(branch) {
  return `Production readiness: NO-GO on ${branch}`;
}
function issueBody(report, options) {
  return fitMarkdown(report, {
    limit: COMMENT_BODY_LIMIT,
    fullReportAt: options.fullReportAt,
    base: { p2Details: false, ...linkOptions(options) },
    wrap: (markdown) => `${issueMarker(options.checkName, options.branch)}
Opened by the scheduled \`${options.checkName}\` audit of \`${options.branch}\`; it is updated while the audit stays NO-GO and closed when it turns GO.

${markdown}
${encodeState(options.state)}
`
  });
}
function issueChangeComment(previous, state, runUrl) {
  const changes = renderChanges(previous, state) || `**Now:** ${state.decision} \xB7 ${state.score}/100

`;
  const link = runUrl ? `
[Workflow run](${runUrl})
` : "";
  return `${changes.trimEnd()}
${link}`.slice(0, COMMENT_BODY_LIMIT);
}
function issueClosingComment(previous, state, runUrl) {
  const changes = previous ? renderChanges(previous, state).trimEnd() : "";
  const link = runUrl ? ` ([workflow run](${runUrl}))` : "";
  return `\u{1F7E2} The audit is GO again (${state.score}/100)${link}, closing this issue.

${changes}
`.slice(0, COMMENT_BODY_LIMIT);
}

export {
  CHECK_SUMMARY_LIMIT,
  COMMENT_BODY_LIMIT,
  STEP_SUMMARY_LIMIT_BYTES,
  fitMarkdown,
  renderedHeight,
  utf8Bytes,
  commentMarker,
  issueMarker,
  failingKeys,
  stateOf,
  encodeState,
  decodeState,
  previousCapacityOfState,
  changesBetween,
  hasChanged,
  renderChanges,
  CHECK_SUMMARY_BUDGET_LINES,
  checkRunSummary,
  COMMENT_BUDGET_LINES,
  jobSummary,
  previousRunOf,
  commentBody,
  issueTitle,
  issueBody,
  issueChangeComment,
  issueClosingComment
};
