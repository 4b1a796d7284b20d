import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  markdownCode,
  markdownText,
  terminalText
} from "./chunk-JWXGXOVI.js";

// src/report/capacity.ts
var RAMP_CHECK_ID = "load.ramp";
function capacitiesOf(report) {
  return report.findings.filter((f) => f.checkId === RAMP_CHECK_ID && f.capacity).map((f) => f.capacity);
}
function capacityHeadline(c) {
  const parts = [];
  const previous = c.previous ? ` (${c.previous.label}: ${usersText(c.previous.users)})` : "";
  const first = c.stages[0];
  if (c.knee) parts.push(`holds ${c.knee.users} users at p95 ${c.knee.p95 !== void 0 ? ms(c.knee.p95) : "\u2014"}, ${Math.round(c.knee.throughput)} req/s${previous}`);
  else if (first) parts.push(`does not hold even the first stage, ${first.users} users${previous}`);
  const broke = c.broke && c.stages.find((s) => s.users === c.broke.users);
  if (broke) parts.push(`${c.knee ? "breaks" : "broke"} at ${broke.users} users: ${whyBroken(broke, c)}`);
  else if (c.knee && c.stages[c.stages.length - 1]?.meets) parts.push(c.budget.stoppedBy ? "no stage run broke the objective" : "no stage broke the objective");
  const unjudged = c.stages.find((s) => s.unjudged);
  if (unjudged) parts.push(`${unjudged.users} users not judged: ${unjudged.unjudged}`);
  if (c.soak) {
    const s = c.soak;
    const drift = s.unjudged ? "not judged" : s.drift !== void 0 ? `p95 ${s.drift >= 0 ? "+" : ""}${Math.round(s.drift * 100)}% first to last third` : "no latency";
    parts.push(`soak ${(s.elapsedMs / 1e3).toFixed(1)} s at ${s.users} users: ${drift}${s.problems.length ? " (did not hold)" : ""}`);
  }
  return parts.join("; ");
}
function whyBroken(stage, c) {
  const out = [];
  if (stage.reasons.includes("latency") && stage.p95 !== void 0) out.push(`p95 ${ms(stage.p95)} over ${ms(c.objective.p95Ms)}`);
  const errors = stage.reasons.filter((r) => r !== "latency");
  if (errors.length) out.push(`${pct(stage.errorRate)} errors (${errors.join(", ")})`);
  return out.join(", ");
}
function capacityTable(c) {
  const rows = [["users", "req/s", "p50", "p95", "p99", "errors", "429", ""]];
  for (const s of c.stages) {
    const verdict = s.unjudged ? "not judged" : s.meets ? "meets" : `breaks: ${s.reasons.join(", ")}`;
    rows.push([String(s.users), String(Math.round(s.throughput)), opt(s.p50), opt(s.p95), opt(s.p99), pct(s.errorRate), String(s.rateLimited), verdict]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((cell, i) => i === r.length - 1 ? cell : cell.padStart(widths[i])).join("  ").trimEnd());
  if (c.soak) {
    const s = c.soak;
    const thirds = s.thirds.map((t) => `${t.p95 !== void 0 ? ms(t.p95) : "\u2014"}/${pct(t.errorRate)}${t.refused ? `/${t.refused} refused` : ""}`).join(" \u2192 ");
    lines.push(`soak ${(s.elapsedMs / 1e3).toFixed(1)} s at ${s.users} users, ${s.sent} requests: p95/errors by third ${thirds}${s.unjudged ? ` (not judged: ${s.unjudged})` : ""}`);
  }
  const b = c.budget;
  lines.push(
    `objective p95 \u2264 ${ms(c.objective.p95Ms)}, errors \u2264 ${pct(c.objective.maxErrorRate)}; budget ${b.sent} of ${b.maxRequests} requests, ${(b.elapsedMs / 1e3).toFixed(1)} of ${(b.maxDurationMs / 1e3).toFixed(0)} s, at most ${b.maxConnections} connections${b.stoppedBy ? `; stopped early: ${b.stoppedBy}` : ""}`
  );
  return lines;
}
function capacityChart(c) {
  const stages = c.stages.filter((s) => !s.unjudged);
  const labels = stages.map((s) => JSON.stringify(`${s.users}${s.errorRate > 0 ? ` \xB7 ${pct(s.errorRate)} err` : ""}${s.meets ? "" : " \u2717"}`));
  const p95 = stages.map((s) => round(s.p95 ?? 0));
  const top = niceCeiling(Math.max(c.objective.p95Ms, ...p95) * 1.1);
  return [
    "```mermaid",
    "xychart-beta",
    `  title "p95 latency (bars) against the ${round(c.objective.p95Ms)} ms objective (line)"`,
    `  x-axis "concurrent users (\u2717 breaks the objective)" [${labels.join(", ")}]`,
    `  y-axis "ms" 0 --> ${top}`,
    `  bar [${p95.join(", ")}]`,
    `  line [${stages.map(() => round(c.objective.p95Ms)).join(", ")}]`,
    "```"
  ].join("\n");
}
function capacityMarkdown(report, options = {}) {
  const out = [];
  for (const c of capacitiesOf(report)) {
    out.push(`**Capacity of** ${markdownCode(c.target)}: ${markdownText(capacityHeadline(c))}`, "");
    if (c.stages.some((s) => !s.unjudged)) {
      out.push(...options.foldChart ? ["<details><summary>Chart: p95 latency by concurrent users</summary>", "", capacityChart(c), "", "</details>", ""] : [capacityChart(c), ""]);
    }
    if (options.table ?? true) {
      out.push("<details><summary>Stages, soak and budget</summary>", "", "```", ...capacityTable(c), "```", "", "</details>", "");
    }
  }
  return out;
}
function capacityText(report) {
  const out = [];
  for (const c of capacitiesOf(report)) {
    out.push(`Capacity of ${terminalText(c.target)}: ${terminalText(capacityHeadline(c))}`);
    out.push(...capacityTable(c).map((l) => `  ${l}`), "");
  }
  return out;
}
function baselinesOf(report) {
  return capacitiesOf(report).map((c) => ({ url: c.target, users: c.knee?.users ?? 0, ...c.knee?.p95 !== void 0 ? { p95: c.knee.p95 } : {} })).filter(isBaseline);
}
function previousCapacity(entries, label) {
  const targets = Array.isArray(entries) ? entries.filter(isBaseline).map((e) => ({ url: e.url, users: e.users, ...e.p95 !== void 0 ? { p95: e.p95 } : {} })) : [];
  return targets.length ? { label, targets } : void 0;
}
function previousFromReport(report, label) {
  const entries = report.findings.filter((f) => !!f && typeof f === "object" && f.checkId === RAMP_CHECK_ID).map((f) => f.capacity).filter((c) => !!c && typeof c === "object" && typeof c.target === "string").map((c) => ({ url: c.target, users: typeof c.knee === "object" && c.knee ? c.knee.users : 0, ...typeof c.knee?.p95 === "number" ? { p95: c.knee.p95 } : {} }));
  return previousCapacity(entries, label);
}
var REASONS = ["latency", "5xx", "timeouts", "resets", "refused", "other errors"];
function capacityProblem(value, at) {
  const isNumber = (v) => typeof v === "number" && Number.isFinite(v);
  const isText = (v) => typeof v === "string" && v.length <= 500 && !/[\u0000-\u001f`]/.test(v);
  const numbers = (o, keys, optional = []) => {
    if (!o || typeof o !== "object") return "must be an object";
    const r = o;
    const bad = [...keys.filter((k) => !isNumber(r[k])), ...optional.filter((k) => r[k] !== void 0 && !isNumber(r[k]))][0];
    return bad ? `${bad} must be a number` : void 0;
  };
  const texts = (o, keys) => keys.find((k) => o[k] !== void 0 && !isText(o[k]));
  if (!value || typeof value !== "object") return `${at} must be an object`;
  const c = value;
  if (!isText(c["target"])) return `${at}.target must be one line`;
  const objective = numbers(c["objective"], ["p95Ms", "maxErrorRate"]);
  if (objective) return `${at}.objective: ${objective}`;
  const budget = numbers(c["budget"], ["maxRequests", "maxDurationMs", "maxConnections", "sent", "elapsedMs"]) ?? (texts(c["budget"], ["stoppedBy"]) ? "stoppedBy must be one line" : void 0);
  if (budget) return `${at}.budget: ${budget}`;
  if (!Array.isArray(c["stages"])) return `${at}.stages must be an array`;
  for (const [i, stage] of c["stages"].entries()) {
    const problem = numbers(stage, ["users", "sent", "throughput", "errorRate", "rateLimited", "elapsedMs"], ["p50", "p95", "p99"]);
    if (problem) return `${at}.stages[${i}]: ${problem}`;
    const r = stage;
    if (!Array.isArray(r["reasons"]) || !r["reasons"].every((x) => REASONS.includes(x))) return `${at}.stages[${i}].reasons must be among ${REASONS.join(", ")}`;
    if (typeof r["meets"] !== "boolean") return `${at}.stages[${i}].meets must be a boolean`;
    const text = texts(r, ["stoppedBy", "unjudged"]);
    if (text) return `${at}.stages[${i}].${text} must be one line`;
    if (!r["breakdown"] || typeof r["breakdown"] !== "object" || !Object.entries(r["breakdown"]).every(([k, n]) => isText(k) && isNumber(n))) return `${at}.stages[${i}].breakdown must map codes to counts`;
  }
  if (c["knee"] !== void 0) {
    const problem = numbers(c["knee"], ["users", "throughput"], ["p95"]);
    if (problem) return `${at}.knee: ${problem}`;
  }
  if (c["broke"] !== void 0) {
    const problem = numbers(c["broke"], ["users"]);
    const reasons = c["broke"].reasons;
    if (problem || !Array.isArray(reasons) || !reasons.every((x) => REASONS.includes(x))) return `${at}.broke must have users and reasons`;
  }
  if (c["soak"] !== void 0) {
    const soak = c["soak"];
    const problem = numbers(soak, ["users", "elapsedMs", "sent"], ["drift"]);
    if (problem) return `${at}.soak: ${problem}`;
    if (texts(soak, ["stoppedBy", "unjudged"]) || !Array.isArray(soak["problems"]) || !soak["problems"].every(isText)) return `${at}.soak texts must be one line`;
    if (!Array.isArray(soak["thirds"]) || soak["thirds"].length !== 3 || soak["thirds"].some((t) => numbers(t, ["sent", "errorRate", "refused"], ["p50", "p95"]))) return `${at}.soak.thirds must be three thirds`;
  }
  if (c["previous"] !== void 0 && (!isBaseline(c["previous"]) || !isText(c["previous"].label))) return `${at}.previous must be a capacity with a label`;
  return void 0;
}
function isBaseline(value) {
  const v = value;
  return !!v && typeof v.url === "string" && v.url.length <= 2048 && // eslint-disable-next-line no-control-regex
  !/[\u0000-\u001f]/.test(v.url) && Number.isInteger(v.users) && v.users >= 0 && v.users <= 1e6 && (v.p95 === void 0 || typeof v.p95 === "number" && Number.isFinite(v.p95));
}
function opt(value) {
  return value === void 0 ? "\u2014" : ms(value);
}
function round(value) {
  return value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
}
function niceCeiling(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((n) => n >= value) ?? value;
}
function usersText(users) {
  return users > 0 ? `${users} users` : "not even the first stage";
}
function ms(value) {
  return value >= 1e4 ? `${(value / 1e3).toFixed(1)} s` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}
function pct(rate) {
  return `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;
}

export {
  RAMP_CHECK_ID,
  capacityHeadline,
  capacityTable,
  capacityMarkdown,
  capacityText,
  baselinesOf,
  previousCapacity,
  previousFromReport,
  capacityProblem,
  usersText,
  ms,
  pct
};
