import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  computeBuilds,
  severityForRole
} from "./chunk-XO34UVJU.js";
import {
  createScanPool
} from "./chunk-LJSTQBDB.js";
import {
  ALL_CHECKS,
  HttpClient,
  configuredSecretValues,
  healthPathsFromRepo,
  redactText,
  redactWith
} from "./chunk-PQW4TMYX.js";
import {
  computeDeployments,
  computeRoles,
  findSettingsReferences,
  settingsRoleOverrides
} from "./chunk-C2OKZWLU.js";
import {
  SCANNERS
} from "./chunk-HEUCHMYS.js";
import {
  POOLED_CONCURRENCY,
  READ_CONCURRENCY,
  loadFileSet,
  mapLimited,
  nodeAt,
  parseYaml,
  require_picomatch
} from "./chunk-7XXRKAQC.js";
import {
  configSchema,
  defaultConfig,
  targetSchema
} from "./chunk-52QRXJXJ.js";
import {
  closest
} from "./chunk-TKC4N4VZ.js";
import {
  BASELINE_PATH,
  markExisting,
  mergeBaseFingerprints,
  readBaseline
} from "./chunk-G7WN52ET.js";
import {
  UsageError
} from "./chunk-CVZD6SLR.js";
import {
  buildReport,
  withFingerprints
} from "./chunk-BKALYANK.js";
import {
  __toESM
} from "./chunk-7FI7UYSE.js";

// src/audit.ts
import { access, stat } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";

// src/config/load.ts
import { readFile } from "node:fs/promises";
var ConfigError = class extends UsageError {
  name = "ConfigError";
};
var DEFAULT_CONFIG_PATH = ".github/readiness.yml";
async function loadConfig(file, options) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT" && !options.explicit) return { config: defaultConfig() };
    if (code === "ENOENT") throw new ConfigError(`${file}: configuration file not found`);
    if (code === "EISDIR") throw new ConfigError(`${file}: is a directory, not a configuration file`);
    throw new ConfigError(`${file}: cannot read configuration file (${code ?? String(err)})`);
  }
  return { config: parseConfigText(text, file), source: file };
}
function parseConfigText(text, file) {
  if (text.includes("\0")) throw new ConfigError(`${file}: is a binary file, not YAML`);
  const yaml = parseYaml(text);
  if (yaml.errors.length > 0) {
    const first = yaml.errors[0];
    throw new ConfigError(`${file}:${first.line}: invalid YAML: ${first.message}`);
  }
  if (yaml.documents.length > 1) {
    throw new ConfigError(`${file}:${yaml.lineOf(yaml.documents[1].contents)}: expected one YAML document, found ${yaml.documents.length}`);
  }
  const doc = yaml.documents[0];
  let raw;
  try {
    raw = doc ? doc.toJS({ maxAliasCount: 1e3 }) : {};
  } catch (err) {
    throw new ConfigError(`${file}: invalid YAML: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  }
  const input = raw ?? {};
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new ConfigError(`${file}:1: the configuration must be a mapping of keys to values`);
  }
  const result = configSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(describeIssue(issue, file, (keyPath) => doc ? lineOfPath(doc, keyPath, yaml.lineOf) : void 0));
  }
  return result.data;
}
function lineOfPath(doc, keyPath, lineOf) {
  for (let n = keyPath.length; n >= 0; n--) {
    const node = nodeAt(doc, keyPath.slice(0, n).map((k) => typeof k === "symbol" ? String(k) : k));
    if (node !== void 0) return lineOf(node);
  }
  return void 0;
}
function describeIssue(issue, file, lineFor) {
  const keyPath = issue.path;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0];
    const full = [...keyPath, key];
    const known = knownKeysAt(keyPath);
    const suggestion = closest(key, known);
    const hint = suggestion ? `; did you mean "${suggestion}"?` : known.length ? ` (known keys: ${known.join(", ")})` : "";
    return `${where(file, lineFor(full))}: ${formatPath(full)}: unknown key${hint}`;
  }
  let message = issue.message;
  if (issue.code === "invalid_value" && "values" in issue) {
    message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  } else if (issue.code === "invalid_type") {
    message = issue.input === void 0 ? `expected ${issue.expected}, but it is missing` : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
  }
  return `${where(file, lineFor(keyPath))}: ${formatPath(keyPath) || "(top level)"}: ${message}`;
}
function describeValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return value.length > 40 ? "a string" : JSON.stringify(value);
  return String(value);
}
function where(file, line) {
  return line ? `${file}:${line}` : file;
}
function formatPath(keyPath) {
  let out = "";
  for (const key of keyPath) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
function knownKeysAt(keyPath) {
  let schema = configSchema;
  for (const key of keyPath) {
    schema = unwrap(schema);
    const def2 = defOf(schema);
    if (def2?.type === "object") schema = def2.shape[String(key)];
    else if (def2?.type === "array") schema = def2.element;
    else if (def2?.type === "record") schema = def2.valueType;
    else return [];
  }
  const def = defOf(unwrap(schema));
  return def?.type === "object" ? Object.keys(def.shape) : [];
}
function defOf(schema) {
  return schema?._zod?.def;
}
function unwrap(schema) {
  for (let i = 0; i < 20; i++) {
    const def = defOf(schema);
    if (!def) return schema;
    if (def.type === "pipe") schema = def.in;
    else if (def.type === "default" || def.type === "optional" || def.type === "nullable" || def.type === "prefault") schema = def.innerType;
    else if (def.type === "union") {
      const options = def.options;
      schema = options.find((o) => defOf(unwrap(o))?.type === "object") ?? options[0];
    } else return schema;
  }
  return schema;
}
var ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
function expandHeaderVariables(targets, file, env, rule) {
  const allowed = new Set(rule.allowEnv);
  const origins = new Set(rule.workflowOrigins);
  return targets.map((target, index) => {
    const headers = {};
    for (const [name, value] of Object.entries(target.headers)) {
      const where2 = `${file}: targets[${index}].headers.${name}`;
      headers[name] = value.replace(ENV_REFERENCE, (_, variable) => {
        if (!allowed.has(variable)) {
          throw new ConfigError(
            `${where2}: references \${${variable}}, which the workflow does not allow: list it in the allow-env input (CLI: --allow-env ${variable}); the configuration file alone may not read the environment`
          );
        }
        if (!origins.has(originOf(target.url))) {
          throw new ConfigError(
            `${where2}: references \${${variable}} for ${originOf(target.url)}, a target the workflow did not name: give it as the url input (CLI: --url) to send the variable there`
          );
        }
        const resolved = env[variable];
        if (resolved === void 0) {
          throw new ConfigError(`${where2}: references \${${variable}}, which is not set in the environment`);
        }
        return resolved;
      });
    }
    return { ...target, headers };
  });
}
function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

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

// src/repo/parsed.ts
var ParsedFiles = class {
  constructor(files, pool) {
    this.files = files;
    this.pool = pool;
  }
  files;
  pool;
  cache = /* @__PURE__ */ new Map();
  /** Results of the pool's scanners, by path: every registered scanner that wants the file. */
  scans = /* @__PURE__ */ new Map();
  /** The YAML documents of `path` with positions; undefined for unreadable/binary files. */
  yaml(path) {
    return this.memo("yaml", path, (text) => parseYaml(text));
  }
  /**
   * Any other parse of a file, memoised under `kind` (e.g. `dockerfile`,
   * `dotenv`, `python-ast`). `parse` must be pure.
   */
  memo(kind, path, parse) {
    const key = `${kind}\0${path}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.files.read(path).then((text) => text === void 0 ? void 0 : parse(text, path));
      this.cache.set(key, pending);
    }
    return pending;
  }
  /**
   * Files a check should have in flight when it asks `scan()` for many: with
   * worker threads it reads on while they scan; without, the usual bound.
   */
  get scanConcurrency() {
    return this.pool ? POOLED_CONCURRENCY : READ_CONCURRENCY;
  }
  /**
   * `scanner` over `path`, memoised like `memo`. With a pool, the file goes to
   * a worker thread once (read there, unless this thread holds its text
   * already), and every registered scanner that wants it runs on it there.
   */
  scan(scanner, path) {
    const entry = this.entryFor(scanner, path);
    if (!entry?.names.has(scanner.name)) return this.memo(scanner.name, path, scanner.run);
    const result = entry.results.then((results) => results?.[scanner.name]);
    result.catch(() => void 0);
    return result;
  }
  /**
   * Starts `scanner` over every file it wants, in file order, without waiting:
   * for a check that asks for all of them, so the workers start on them while
   * this thread still builds the repository model. Nothing without a pool.
   */
  warm(scanner) {
    if (!this.pool) return;
    for (const file of this.files.files) if (scanner.wants(file.path)) this.entryFor(scanner, file.path);
  }
  /** The pool's pass over `path` (started on the first ask), or undefined when the pool does not run `scanner` on it. */
  entryFor(scanner, path) {
    const pool = this.pool;
    let entry = this.scans.get(path);
    if (!entry && pool?.handles(scanner, path)) {
      entry = this.send(pool, path, pool.scanners.filter((s) => s.wants(path)));
      this.scans.set(path, entry);
    }
    return entry;
  }
  send(pool, path, scanners) {
    const results = (async () => {
      await pool.room();
      return pool.scanAll(path, scanners);
    })();
    results.catch(() => void 0);
    return { names: new Set(scanners.map((s) => s.name)), results };
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

// src/model/applied.ts
import { posix } from "node:path";
var SOURCES = /(^|\/)(Makefile|GNUmakefile|[\w.-]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|[\w.-]+\.(sh|bash|zsh|ps1)|README[\w.-]*|[\w.-]+\.(md|mdx|rst))$|^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$/;
var MAX_SOURCES = 400;
var KUBECTL_APPLY = /\bkubectl\b[^\n]{0,200}?\s(apply|create|replace)\b/;
var FILE_ARGUMENT = /(?:^|\s)(?:-f|--filename|-k|--kustomize)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
var MANIFEST = /\.(ya?ml|json)$/i;
async function documentedLines(files, mentions, visit) {
  const sources = files.files.map((f) => f.path).filter((p) => SOURCES.test(p)).slice(0, MAX_SOURCES);
  const perFile = await mapLimited(sources, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    return text && mentions(text) ? { path, text } : void 0;
  });
  for (const source of perFile) {
    if (!source) continue;
    const lines = source.text.split("\n");
    for (let i = 0; i < lines.length; i++) visit(source.path, lines[i].length > 2e3 ? lines[i].slice(0, 2e3) : lines[i], i);
  }
}
async function appliedManifests(files) {
  const applied = /* @__PURE__ */ new Map();
  await documentedLines(files, (text) => text.includes("kubectl"), (path, line, i) => {
    const command = KUBECTL_APPLY.exec(line);
    if (!command) return;
    for (const m of line.slice(command.index).matchAll(FILE_ARGUMENT)) {
      const written = m[2];
      if (/^[a-z]+:\/\//i.test(written) || /[$%{}*]/.test(written) || written === "-") continue;
      const where2 = `\`kubectl ${command[1]}\` in ${path}:${i + 1}`;
      for (const base of [posix.dirname(path), "."]) {
        const clean = posix.normalize(posix.join(base, written)).replace(/\/+$/, "");
        if (clean.startsWith("..")) continue;
        if (files.has(clean)) {
          if (!applied.has(clean)) applied.set(clean, where2);
          break;
        }
        const under = files.files.filter((f) => f.path.startsWith(`${clean}/`) && MANIFEST.test(f.path));
        for (const f of under) if (!applied.has(f.path)) applied.set(f.path, where2);
        if (under.length) break;
      }
    }
  });
  return applied;
}
async function appliedRoleOverrides(files, roles) {
  const overrides = /* @__PURE__ */ new Map();
  for (const [path, where2] of await appliedManifests(files)) {
    if (roles.of(path).role === "tooling") overrides.set(path, { role: "production", reason: `applied by ${where2}` });
  }
  return overrides;
}
var COPY_COMMAND = /\b(cp|mv|curl|wget|install)\b/;
var EXAMPLE_COMPOSE = /(^|\/)((docker-)?compose[\w.-]*)\.(example|sample|dist)\.ya?ml$|(^|\/)((docker-)?compose)\.(example|sample)[\w.-]*\.ya?ml$/i;
async function promotedExampleComposeFiles(files) {
  const examples = files.files.map((f) => f.path).filter((p) => EXAMPLE_COMPOSE.test(p));
  const out = /* @__PURE__ */ new Map();
  if (!examples.length) return out;
  await documentedLines(files, (text) => examples.some((e) => text.includes(posix.basename(e))), (path, line, i) => {
    if (!COPY_COMMAND.test(line) || !/(^|[\s/])(docker-)?compose\.ya?ml\b/.test(line)) return;
    for (const example of examples) {
      if (!out.has(example) && line.includes(posix.basename(example))) {
        out.set(example, { role: "production", reason: `copied into place as the deployment by ${path}:${i + 1}` });
      }
    }
  });
  return out;
}

// src/model/index.ts
async function buildRepoModel(files, options = {}) {
  const parsed = options.parsed ?? new ParsedFiles(files);
  const byPath = (await computeRoles(files, options.roles)).withOverrides(await promotedExampleComposeFiles(files));
  const settings = await findSettingsReferences(files, byPath);
  const roles = byPath.withOverrides(await settingsRoleOverrides(files, parsed, byPath, settings));
  const deployments = await computeDeployments(files, parsed, roles);
  const builds = await computeBuilds(files, roles, deployments);
  const applied = await appliedRoleOverrides(files, roles);
  return { roles: roles.withOverrides(builds.roleOverrides).withOverrides(applied), deployments, settings, builds };
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
  const jobs = [];
  const quietJobs = [];
  const exclusiveJobs = [];
  try {
    if (input.repoRoot !== void 0 && repoChecks.length) {
      const repoRoot = input.repoRoot;
      const prepare = async () => {
        const files = await loadFileSet(repoRoot, { maxFileBytes: config.repo.maxFileBytes, ignore: config.repo.ignore, signal: audit2.signal });
        pool = createScanPool(files, [...SCANNERS.values()]);
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
            run: async (signal) => check.run({ root: files.root, files, parsed, model: repoModel, config, changedFiles, signal })
          });
        }
      }
    }
    let repository;
    if (fileSet && model) {
      const files = fileSet;
      const roles = model.roles;
      let healthPaths;
      repository = { healthPaths: () => healthPaths ??= healthPathsFromRepo(files, roles).catch(() => []) };
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
        for (const check of liveChecks) {
          const job = {
            check,
            target,
            run: async (signal) => check.run({ target, config, http: client.scoped(check.id, target.headers, signal), exchanges, signal, repository })
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
      return normalise(job, model ? judgeByRole(job.check, findings2, model) : findings2, config).map((f) => redactFinding(f, known));
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
      repository: fileSet ? { root: fileSet.root, files: fileSet.files.length, skipped: fileSet.skipped.length } : void 0
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
    return finding;
  });
}
function judgeByRole(check, inputs, model) {
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
    const verdict = severityForRole(policy, role.role, f.severity ?? check.severity);
    if (!verdict.judged) {
      left.push(`${path} (${role.role}: ${role.reason})`);
      continue;
    }
    kept.push(
      verdict.capped ? { ...f, severity: verdict.severity, role, message: `${f.message} (At most ${verdict.severity}: ${path} is a ${role.role} file, ${role.reason}.)` } : { ...f, role }
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
    const info = await stat(root).catch(() => void 0);
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
      base = await mergeBaseFingerprints(options.repoRoot, options.baseRef, async (root) => {
        const at = await runAudit({ config: options.config, checks: repoChecks, repoRoot: root, targets: [], now: options.now });
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
  const resolved = resolveTargets(config.targets, options.urls ?? []).map((t) => t.ca && !isAbsolute(t.ca) ? { ...t, ca: resolve(repoRoot ?? cwd, t.ca) } : t).map((t) => options.allowBursts ? { ...t, allowLoad: t.allowLoad ?? true, allowRatelimit: t.allowRatelimit ?? true } : t);
  if (!repoRoot && !resolved.length) {
    throw new UsageError(`nothing to audit in ${cwd}: pass --url URL (a running app) and/or --repo DIR (a repository), or run it in a project directory`);
  }
  const targets = expandHeaderVariables(resolved, source ?? "configuration", options.env ?? process.env, {
    allowEnv: options.allowEnv ?? [],
    workflowOrigins: (options.urls ?? []).map(originOf)
  });
  const checks = selectChecks(catalog, { only, skip });
  const result = await runAudit({
    config,
    checks,
    repoRoot,
    targets,
    baseRef: options.baseRef,
    onProgress: familyProgress(checks, targets.length, repoRoot !== void 0, options),
    now: options.now
  });
  if (options.gate) config.gate = options.gate;
  const { findings, gate } = await gateFindings(withFingerprints(result.findings), {
    config,
    checks,
    repoRoot,
    baseRef: options.baseRef,
    baselinePath: repoRoot && !options.ignoreBaseline ? join(repoRoot, BASELINE_PATH) : void 0,
    now: options.now
  });
  const burstChecks = new Set(checks.filter((c) => c.kind === "live" && c.exclusive).map((c) => c.id));
  const report = buildReport({ ...result, findings }, { minScore: config.minScore, failOn: config.failOn, now: options.now, burstChecks, ...gate ? { gate } : {} });
  return { report, config, configSource: source, repoRoot };
}

export {
  resolveRepoRoot,
  resolveTargets,
  audit
};
