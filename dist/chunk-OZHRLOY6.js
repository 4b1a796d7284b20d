import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-3QW3PGZE.js";

// src/engine/gate.ts
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
var execFileAsync = promisify(execFile);
var BASELINE_PATH = ".github/readiness-baseline.json";
function isFailingFinding(f) {
  return (f.status === "fail" || f.status === "error") && !f.waived;
}
function baselineOf(findings, options) {
  return {
    version: 1,
    createdAt: options.now.toISOString(),
    tool: options.tool,
    findings: findings.filter((f) => isFailingFinding(f) && f.fingerprint).map((f) => ({ fingerprint: f.fingerprint, checkId: f.checkId, where: options.where(f) }))
  };
}
async function readBaseline(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return void 0;
  }
  try {
    const value = JSON.parse(text);
    if (value.version !== 1 || typeof value.createdAt !== "string" || !Array.isArray(value.findings)) throw new Error("not a baseline");
    const findings = value.findings.filter((f) => f && typeof f.fingerprint === "string");
    return { version: 1, createdAt: value.createdAt, tool: String(value.tool ?? ""), findings };
  } catch {
    throw new UsageError(`${path}: not a readiness-gate baseline (write one with \`readiness-gate baseline\`)`);
  }
}
async function git(root, args) {
  const { stdout } = await execFileAsync("git", ["-C", root, ...args], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}
async function commitOf(root, ref) {
  for (const name of [ref, `origin/${ref}`]) {
    const commit = await git(root, ["rev-parse", "--verify", "--quiet", `${name}^{commit}`]).catch(() => "");
    if (commit) return commit;
  }
  return void 0;
}
async function mergeBaseOf(root, baseRef) {
  for (const ref of [baseRef, `origin/${baseRef}`]) {
    const commit = await git(root, ["merge-base", ref, "HEAD"]).catch(() => "");
    if (commit) return commit;
  }
  return void 0;
}
var DEEPEN_STEPS = [50, 500];
async function fetchMergeBase(root, baseRef) {
  if (await mergeBaseOf(root, baseRef)) return void 0;
  const refspec = `+refs/heads/${baseRef}:refs/remotes/origin/${baseRef}`;
  const shallow = await git(root, ["rev-parse", "--is-shallow-repository"]).catch(() => "false") === "true";
  try {
    if (!shallow) await git(root, ["fetch", "--no-tags", "--quiet", "origin", refspec]);
    else {
      for (const depth of DEEPEN_STEPS) {
        await git(root, ["fetch", "--no-tags", "--quiet", `--deepen=${depth}`, "origin", refspec]);
        if (await mergeBaseOf(root, baseRef)) return void 0;
      }
      await git(root, ["fetch", "--no-tags", "--quiet", "--unshallow", "origin", refspec]);
    }
  } catch (err) {
    return `fetching ${baseRef} from origin failed: ${err.message.split("\n").find((l) => /fatal|error/i.test(l))?.trim() ?? "git fetch failed"}`;
  }
  return await mergeBaseOf(root, baseRef) ? void 0 : `${baseRef} and this commit have no merge base`;
}
async function mergeBaseFingerprints(root, baseRef, audit) {
  const commit = await mergeBaseOf(root, baseRef);
  if (!commit) return { problem: `the merge base with ${baseRef} is not in the clone (check out with fetch-depth: 0)` };
  const top = await git(root, ["rev-parse", "--show-toplevel"]).catch(() => root);
  const prefix = await git(root, ["rev-parse", "--show-prefix"]).catch(() => "");
  const dir = await mkdtemp(join(tmpdir(), "readiness-base-"));
  try {
    await git(top, ["worktree", "add", "--detach", "--quiet", dir, commit]);
    const findings = await audit(join(dir, prefix));
    return { commit, fingerprints: new Set(findings.filter(isFailingFinding).map((f) => f.fingerprint).filter(Boolean)) };
  } catch (err) {
    return { problem: `the merge base ${commit.slice(0, 7)} could not be audited (${err.message.split("\n")[0]})` };
  } finally {
    await git(top, ["worktree", "remove", "--force", dir]).catch(() => void 0);
    await rm(dir, { recursive: true, force: true }).catch(() => void 0);
  }
}
function markExisting(findings, options) {
  const onBase = options.base && "fingerprints" in options.base ? options.base.fingerprints : /* @__PURE__ */ new Set();
  const accepted = new Set(options.baseline?.value.findings.map((f) => f.fingerprint) ?? []);
  let existing = 0;
  let hidden = 0;
  const marked = findings.map((f) => {
    if (!isFailingFinding(f) || !f.fingerprint) return f;
    if (onBase.has(f.fingerprint)) {
      existing++;
      return { ...f, existing: "base" };
    }
    if (accepted.has(f.fingerprint)) {
      hidden++;
      return { ...f, existing: "baseline" };
    }
    return f;
  });
  const gate = {
    mode: options.mode,
    ...options.base && "commit" in options.base ? { base: options.base.commit.slice(0, 7) } : {},
    existing,
    ...options.baseline ? { baseline: { path: options.baseline.path, hidden, since: options.baseline.value.createdAt.slice(0, 10) } } : {},
    ...options.base && "problem" in options.base ? { problem: options.base.problem } : {}
  };
  return { findings: marked, gate };
}

export {
  BASELINE_PATH,
  isFailingFinding,
  baselineOf,
  readBaseline,
  commitOf,
  fetchMergeBase,
  mergeBaseFingerprints,
  markExisting
};
