#!/usr/bin/env node
import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  exitWhenFlushed
} from "./chunk-LD6PU2PK.js";
import {
  TOOL_NAME,
  VERSION
} from "./chunk-DMVRJMIN.js";
import {
  UsageError
} from "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";

// src/cli.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
var HELP = `${TOOL_NAME} ${VERSION}: decides whether a change is fit to ship.

Usage:
  ${TOOL_NAME} audit [--url URL]... [--repo DIR] [--config FILE]
                      [--format text|json|markdown|sarif|comment|check-run]
                      [--output FILE] [--only ID,...] [--skip ID,...]
                      [--fail-on p0|p1|p2|never] [--min-score N]
                      [--base REF] [--gate all|new]
                      [--allow-bursts] [--allow-env NAME,...] [--previous FILE]
                      [--verbose]
  ${TOOL_NAME} baseline [--url URL]... [--repo DIR] [--config FILE] [--output FILE]
                      [--allow-bursts]
  ${TOOL_NAME} checks [--format text|json|markdown]
  ${TOOL_NAME} roles [--repo DIR] [--config FILE] [--format text|json] [PATH...]
  ${TOOL_NAME} --help | --version

Commands:
  audit     Probes each --url (live checks) and inspects the repository
            (repository checks). Without --url only repository checks run.
  baseline  Writes the current failures to .github/readiness-baseline.json (or
            --output): commit it, and later audits list those as existing, not
            deciding, and say how many the baseline hides and since when.
  checks    Lists every check with its id, category and severity.
  roles     Prints each file's role (production by evidence, development,
            test, docs, example, template, tooling, unknown) and the rule or
            evidence that gave it; with PATHs, only those files or folders.

Options:
  --url URL         A running app to probe; repeat for several. Replaces the
                    configuration's targets.
  --repo DIR        The repository to inspect (default: the current directory
                    when it is a project: git work tree, package.json...).
  --config FILE     Configuration file (default .github/readiness.yml in the
                    repository).
  --format FORMAT   text (default), json (the report, docs/report.schema.json),
                    markdown (the full report), sarif (code scanning), comment
                    (the pull-request comment the Action posts), check-run (the
                    check run the Action completes, as the API request's JSON).
  --output FILE     Write the report to FILE instead of stdout (-o).
  --only ID,...     Run only these check ids or families (headers, docker...).
  --skip ID,...     Skip these check ids or families.
  --fail-on LEVEL   Lowest severity that makes the audit NO-GO: p0 (default),
                    p1, p2, or never (report only, exit 0).
  --min-score N     NO-GO when the overall score (0-100) is below N.
  --base REF        The pull request's base branch (or any ref): checks of
                    changed files compare with it, and --gate new audits the
                    merge base. A REF that names nothing is an error.
  --gate MODE       all (default): every finding decides. new: only what the
                    change adds since --base; failures also on the merge base
                    are listed as existing.
  --allow-bursts    Send the load and rate-limit bursts to any --url host, not
                    only to loopback and private addresses.
  --allow-env NAME  Environment variables the configuration's target headers
                    may read as \${NAME} (comma-separated or repeated); any
                    other reference is a configuration error.
  --previous FILE   The JSON report of an earlier run (the base branch's):
                    load.ramp compares its capacity with it, named after --base.
  --verbose         List every place, every passing and skipped check.
  --help            This help (-h).
  --version         The version (-v).

Bursts: load.concurrency and ratelimit.enforced send hundreds of requests.
They run by default only against loopback and private addresses (what CI
starts: 127.0.0.1, localhost, 10.x, 192.168.x, service names like web:8000);
any other host is skipped, and the report says why. --skip
load.concurrency,ratelimit.enforced never sends them; per target in the
configuration: allow-load: true, allow-ratelimit: true.

Links: check ids link to their documentation (OSC 8) in terminals that show
links (FORCE_HYPERLINK=1 or 0 decides); elsewhere the report prints the URLs.
Colour: on a terminal, unless NO_COLOR is set (FORCE_COLOR=1 forces it).

Exit codes: 0 GO, 1 NO-GO, 2 usage or configuration error.
Configuration: .github/readiness.yml in the repository (see README).
`;
async function main(argv) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return command === void 0 ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write(`${VERSION}
`);
    return 0;
  }
  if (command === "audit") return runAuditCommand(rest);
  if (command === "baseline") return runBaselineCommand(rest);
  if (command === "checks") return runChecksCommand(rest);
  if (command === "roles") return runRolesCommand(rest);
  const { closest } = await import("./did-you-mean-SW2M3NFH.js");
  const hint = closest(command, ["audit", "baseline", "checks", "roles"]);
  throw new UsageError(`unknown command "${command}"${hint ? `; did you mean "${hint}"?` : ""} (see --help)`);
}
function parse(args, options, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(`${err.message.split("\n")[0]} (see --help)`);
  }
}
function list(values) {
  const items = Array.isArray(values) ? values : values === void 0 ? [] : [values];
  return items.flatMap((v) => String(v).split(",")).map((s) => s.trim()).filter(Boolean);
}
function formatOf(value, allowed) {
  const format = String(value ?? "text");
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(", ")}, not "${format}"`);
  return format;
}
var GITHUB_FORMATS = ["comment", "check-run"];
var CHECK_NAME = "Production Readiness";
async function renderForGitHub(report, format) {
  const fullReportAt = "the full report (`readiness-gate audit --format markdown`)";
  if (format === "comment") {
    const { commentBody, stateOf } = await import("./bodies-EMCCFGUY.js");
    return commentBody(report, { checkName: CHECK_NAME, state: stateOf(report), fullReportAt }).text;
  }
  const { completionOf } = await import("./check-run-QFBXQD5A.js");
  const { conclusion, title, summary, annotations } = completionOf(report, { fullReportAt, pathPrefix: "" });
  return JSON.stringify({ name: CHECK_NAME, status: "completed", conclusion, output: { title, summary, annotations } }, null, 2) + "\n";
}
function useHyperlinks(env, isTTY) {
  const forced = env["FORCE_HYPERLINK"];
  if (forced !== void 0) return forced !== "0";
  if (!isTTY || env["CI"] || env["TERM"] === "dumb") return false;
  if (env["WT_SESSION"] || env["KONSOLE_VERSION"] || env["DOMTERM"]) return true;
  if (["iTerm.app", "WezTerm", "vscode", "ghostty"].includes(env["TERM_PROGRAM"] ?? "")) return true;
  if (/^(xterm-kitty|alacritty|foot|xterm-ghostty)/.test(env["TERM"] ?? "")) return true;
  return Number(env["VTE_VERSION"] ?? 0) >= 5e3;
}
async function runAuditCommand(args) {
  const { values } = parse(args, {
    url: { type: "string", multiple: true },
    repo: { type: "string" },
    config: { type: "string" },
    format: { type: "string" },
    output: { type: "string", short: "o" },
    only: { type: "string", multiple: true },
    skip: { type: "string", multiple: true },
    "fail-on": { type: "string" },
    "min-score": { type: "string" },
    base: { type: "string" },
    "allow-env": { type: "string", multiple: true },
    verbose: { type: "boolean" },
    "allow-bursts": { type: "boolean" },
    gate: { type: "string" },
    previous: { type: "string" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const [{ audit, readPreviousCapacity }, { ALL_CHECKS }, { FAIL_ON, GATES }, { FORMATS, render }] = await Promise.all([
    import("./audit-P2WCTEHI.js"),
    import("./checks-XX2XMEVP.js"),
    import("./schema-LNSHA2LR.js"),
    import("./report-Y2PKP2N6.js")
  ]);
  const format = formatOf(values.format, [...FORMATS, ...GITHUB_FORMATS]);
  const gate = values.gate;
  if (gate !== void 0 && !GATES.includes(gate)) throw new UsageError(`--gate must be one of ${GATES.join(", ")}, not "${gate}"`);
  const failOn = values["fail-on"];
  if (failOn !== void 0 && !FAIL_ON.includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(", ")}, not "${failOn}"`);
  }
  let minScore;
  if (values["min-score"] !== void 0) {
    minScore = Number(values["min-score"]);
    if (!Number.isInteger(minScore) || minScore < 0 || minScore > 100) throw new UsageError("--min-score must be an integer from 0 to 100");
  }
  const previousFile = values.previous;
  const previous = previousFile !== void 0 ? await readPreviousCapacity(previousFile, values.base ?? "previous run") : void 0;
  const progress = process.stderr.isTTY ? ({ done, total, checkId }) => process.stderr.write(`\r\x1B[2K[${done}/${total}] ${checkId}`.slice(0, (process.stderr.columns ?? 80) + 8)) : void 0;
  const { report } = await audit({
    urls: list(values.url),
    repo: values.repo,
    config: values.config,
    only: list(values.only),
    skip: list(values.skip),
    failOn,
    minScore,
    baseRef: values.base,
    // A --base the user typed must name something: a typo would otherwise decide on every finding.
    strictBaseRef: true,
    allowEnv: list(values["allow-env"]),
    allowBursts: Boolean(values["allow-bursts"]),
    ...gate ? { gate } : {},
    ...previous ? { previous } : {},
    onProgress: progress
  });
  if (progress) process.stderr.write("\r\x1B[2K");
  const toFile = values.output !== void 0;
  const color = !toFile && format === "text" && useColor();
  const hyperlinks = !toFile && format === "text" && useHyperlinks(process.env, Boolean(process.stdout.isTTY));
  const text = format === "comment" || format === "check-run" ? await renderForGitHub(report, format) : render(report, format, { color, hyperlinks, width: process.stdout.columns, catalog: ALL_CHECKS, verbose: Boolean(values.verbose) });
  if (toFile) {
    try {
      await writeFile(String(values.output), text);
    } catch (err) {
      throw new UsageError(`cannot write ${String(values.output)}: ${err.code ?? String(err)}`);
    }
    process.stderr.write(`${report.decision} \xB7 ${report.score}/100 \xB7 report written to ${String(values.output)}
`);
  } else {
    process.stdout.write(text);
  }
  return report.blocking ? 1 : 0;
}
async function runBaselineCommand(args) {
  const { values } = parse(args, {
    url: { type: "string", multiple: true },
    repo: { type: "string" },
    config: { type: "string" },
    output: { type: "string", short: "o" },
    "allow-bursts": { type: "boolean" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const [{ audit }, { BASELINE_PATH, baselineOf }, { whereOf }] = await Promise.all([import("./audit-P2WCTEHI.js"), import("./gate-2FE3C3XK.js"), import("./report-CFYLNDEG.js")]);
  const { report, repoRoot } = await audit({
    urls: list(values.url),
    repo: values.repo,
    config: values.config,
    allowBursts: Boolean(values["allow-bursts"]),
    ignoreBaseline: true
  });
  const path = values.output !== void 0 ? String(values.output) : join(repoRoot ?? process.cwd(), BASELINE_PATH);
  const baseline = baselineOf(report.findings, { now: /* @__PURE__ */ new Date(), tool: `${TOOL_NAME} ${VERSION}`, where: whereOf });
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(baseline, null, 2) + "\n");
  } catch (err) {
    throw new UsageError(`cannot write ${path}: ${err.code ?? String(err)}`);
  }
  process.stderr.write(`${baseline.findings.length} failing finding(s) accepted in ${path}; commit it.
`);
  return 0;
}
async function runChecksCommand(args) {
  const { values } = parse(args, { format: { type: "string" }, help: { type: "boolean", short: "h" } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = formatOf(values.format, ["text", "json", "markdown"]);
  const [{ ALL_CHECKS }, { renderCatalogMarkdown, renderCatalogText }] = await Promise.all([import("./checks-XX2XMEVP.js"), import("./catalog-PPYI7J5E.js")]);
  if (format === "json") {
    const catalog = ALL_CHECKS.map(({ id, title, category, severity, kind, docs }) => ({ id, title, category, severity, kind, docs }));
    process.stdout.write(JSON.stringify(catalog, null, 2) + "\n");
  } else if (format === "markdown") {
    process.stdout.write(renderCatalogMarkdown(ALL_CHECKS));
  } else {
    process.stdout.write(renderCatalogText(ALL_CHECKS));
  }
  return 0;
}
async function runRolesCommand(args) {
  const { values, positionals } = parse(args, { repo: { type: "string" }, config: { type: "string" }, format: { type: "string" }, help: { type: "boolean", short: "h" } }, true);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = formatOf(values.format, ["text", "json"]);
  const { fileRoles, renderRoles } = await import("./roles-LG7UJMHS.js");
  const rows = await fileRoles({ repo: typeof values.repo === "string" ? values.repo : ".", ...typeof values.config === "string" ? { config: values.config } : {}, paths: positionals });
  process.stdout.write(renderRoles(rows, format));
  return 0;
}
function useColor() {
  if (process.env["NO_COLOR"]) return false;
  if (process.env["FORCE_COLOR"] && process.env["FORCE_COLOR"] !== "0") return true;
  return Boolean(process.stdout.isTTY);
}
main(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (err) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${TOOL_NAME}: ${err.message}
`);
    } else {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`${TOOL_NAME}: internal error: ${message.split("\n")[0]} (please report it)
`);
    }
    exitWhenFlushed(2);
  }
);
export {
  main
};
