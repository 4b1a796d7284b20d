import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  checkRunSummary
} from "./chunk-MMD6SZQL.js";
import {
  failing,
  headline,
  messageAfterWhere,
  severityWhy
} from "./chunk-IPINS2T6.js";

// src/github/check-run.ts
var ANNOTATIONS_PER_REQUEST = 50;
var LEVEL = { P0: "failure", P1: "warning", P2: "notice" };
var MAX_TITLE = 255;
var MAX_MESSAGE_BYTES = 64e3;
function headWithinBytes(text, maxBytes) {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const { read } = new TextEncoder().encodeInto(text, new Uint8Array(maxBytes));
  return text.slice(0, read);
}
function repositoryPath(prefix, path) {
  const clean = prefix.replace(/\\/g, "/").replace(/^\.\/?/, "").replace(/\/+$/, "");
  return clean ? `${clean}/${path}` : path;
}
function annotationsFor(report, pathPrefix = "") {
  return ["P0", "P1", "P2"].flatMap(
    (severity) => failing(report, severity).filter((f) => f.location).map((f) => {
      const { path, line, endLine } = f.location;
      const start = Math.max(1, Math.trunc(line));
      return {
        path: repositoryPath(pathPrefix, path),
        start_line: start,
        end_line: Math.max(start, Math.trunc(endLine ?? start)),
        annotation_level: LEVEL[severity],
        // The annotation stands at the place: a message that starts with it would say it twice.
        message: headWithinBytes(`${messageAfterWhere(f)}${why(f)}

Fix: ${f.remediation}`, MAX_MESSAGE_BYTES),
        title: `${severity} ${f.checkId}: ${f.title}`.slice(0, MAX_TITLE)
      };
    })
  );
}
function why(f) {
  const text = severityWhy(f);
  return text ? `

${text}` : "";
}
function batches(items, size = ANNOTATIONS_PER_REQUEST) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
function conclusionOf(report) {
  if (report.decision === "GO") return "success";
  return report.blocking ? "failure" : "neutral";
}
async function startCheckRun(client, target) {
  const { data } = await client.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    name: target.name,
    head_sha: target.sha,
    status: "in_progress",
    started_at: (/* @__PURE__ */ new Date()).toISOString(),
    ...target.detailsUrl ? { details_url: target.detailsUrl } : {},
    output: { title: "Auditing\u2026", summary: "The readiness audit is running; the decision appears here when it ends." }
  });
  return { id: data.id, ...data.html_url ? { url: data.html_url } : {} };
}
function completionOf(report, context) {
  return {
    conclusion: conclusionOf(report),
    title: headline(report),
    summary: checkRunSummary(report, { fullReportAt: context.fullReportAt, ...context.links ? { links: context.links } : {} }).text,
    annotations: annotationsFor(report, context.pathPrefix)
  };
}
async function completeCheckRun(client, target, id, completion) {
  const groups = batches(completion.annotations);
  const output = (annotations) => ({
    title: completion.title,
    summary: completion.summary,
    ...annotations.length ? { annotations } : {}
  });
  const sent = [];
  for (const group of groups.slice(0, -1)) {
    await client.rest.checks.update({ owner: target.owner, repo: target.repo, check_run_id: id, output: output(group) });
    sent.push(group.length);
  }
  const last = groups.at(-1) ?? [];
  await client.rest.checks.update({
    owner: target.owner,
    repo: target.repo,
    check_run_id: id,
    status: "completed",
    conclusion: completion.conclusion,
    completed_at: (/* @__PURE__ */ new Date()).toISOString(),
    output: output(last)
  });
  if (last.length) sent.push(last.length);
  return sent;
}

export {
  ANNOTATIONS_PER_REQUEST,
  headWithinBytes,
  repositoryPath,
  annotationsFor,
  batches,
  conclusionOf,
  startCheckRun,
  completionOf,
  completeCheckRun
};
