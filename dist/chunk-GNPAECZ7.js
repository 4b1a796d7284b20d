import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  clusterInternalDatastores
} from "./chunk-MFYISP3M.js";
import {
  UNKNOWN_ROLE,
  applicationSource,
  aspnetModel,
  assignmentsOf,
  computeBuilds,
  computeDeployments,
  computeRoles,
  deploymentFileRoles,
  describedForDevelopment,
  findSettingsReferences,
  imageContents,
  invocationRoles,
  isPlainObject,
  parseDockerfileWithIncludes,
  productionDockerfiles,
  publishedImageDeployments,
  readLaravelApps,
  readPhoenixApps,
  readRailsApps,
  roleFromContent,
  settingsRoleOverrides,
  springModel,
  testProjectDescriptors
} from "./chunk-Q32V5B53.js";
import {
  POOLED_CONCURRENCY,
  READ_CONCURRENCY,
  isComposeFile,
  isDockerfile,
  mapLimited,
  nodeAt,
  parseYaml
} from "./chunk-P7AGYOMS.js";
import {
  configSchema,
  defaultConfig
} from "./chunk-YILMZW3C.js";
import {
  closest
} from "./chunk-TKC4N4VZ.js";
import {
  UsageError
} from "./chunk-3QW3PGZE.js";

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

// src/parse/parsed.ts
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
   * A Dockerfile, parsed once per audit, with the files a dockerfile-x
   * `INCLUDE` names inlined (parse/dockerfile.ts).
   */
  dockerfile(path) {
    const read = (p) => this.files.has(p) ? this.files.read(p) : Promise.resolve(void 0);
    return this.memo("dockerfile", path, (text) => parseDockerfileWithIncludes(text, path, read));
  }
  /**
   * Any other parse of a file, memoised under `kind` (e.g. `dockerfile`,
   * `dotenv`, `python-ast`). `parse` depends on the text and, at most, on other
   * files of the repository (a Dockerfile's INCLUDEs); it may be async.
   */
  memo(kind, path, parse2) {
    const key = `${kind}\0${path}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.files.read(path).then((text) => text === void 0 ? void 0 : parse2(text, path));
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

// src/model/fixture-users.ts
import { posix } from "node:path";
var FIXTURE_FILE = /\.(pem|key|crt|cer|p12|pfx|jks|keystore|jwk|der|ppk|sql|dump|db|sqlite3?|bak)(\.gz)?$|(^|\/)id_(rsa|ecdsa|ed25519|dsa)$|[-_.](host|private|signing)[-_]key$/i;
var MAX_USER_BYTES = 512 * 1024;
var MAX_USERS_READ = 2e3;
var NON_PRODUCTION = ["test", "development", "example", "docs", "tooling", "template"];
function isNamedDockerfile(path) {
  return isDockerfile(path) && !/^(Dockerfile|Containerfile)$/i.test(posix.basename(path));
}
function homeOf(key) {
  return posix.dirname(posix.dirname(posix.dirname(key)));
}
async function fixtureUserRoles(files, roles) {
  const out = /* @__PURE__ */ new Map();
  const keys = files.files.map((f) => f.path).filter((p) => (FIXTURE_FILE.test(p) || isNamedDockerfile(p)) && roles.of(p) === UNKNOWN_ROLE);
  if (!keys.length) return out;
  const byName = /* @__PURE__ */ new Map();
  for (const key of keys) byName.set(posix.basename(key), [...byName.get(posix.basename(key)) ?? [], key]);
  const near = new Set(keys.map(homeOf));
  const candidates = files.files.filter((f) => f.size <= MAX_USER_BYTES && !FIXTURE_FILE.test(f.path)).filter((f) => !f.path.includes("/") || [...near].some((dir) => dir === "." || f.path.startsWith(`${dir}/`))).slice(0, MAX_USERS_READ);
  const names = [...byName.keys()];
  const users = new Map(keys.map((k) => [k, /* @__PURE__ */ new Set()]));
  await mapLimited(candidates, READ_CONCURRENCY, async (f) => {
    const text = await files.read(f.path);
    if (!text) return;
    for (const name of names) {
      if (!text.includes(name)) continue;
      for (const key of byName.get(name)) {
        const home = homeOf(key);
        if (home === "." || f.path.startsWith(`${home}/`) || !f.path.includes("/")) users.get(key).add(roles.of(f.path).role);
      }
    }
  });
  for (const [key, seen] of users) {
    if (!seen.size || [...seen].some((r) => !NON_PRODUCTION.includes(r))) continue;
    const role = NON_PRODUCTION.find((r) => seen.has(r));
    const what = isNamedDockerfile(key) ? "an image" : "material";
    out.set(key, { role, reason: `every file that names it is a ${[...seen].join(" or ")} file: ${what} of that ${role === "test" ? "suite" : "setup"}`, rule: `evidence:used-by-${role}` });
  }
  return out;
}

// src/model/invocations.ts
import { posix as posix2 } from "node:path";
var SOURCES = /(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|[^/]+\.(sh|bash|zsh|ps1)|package\.json|Procfile[\w.-]*|README[\w.-]*|INSTALL[\w.-]*|[^/]+\.(md|mdx|rst|txt|adoc))$|^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$/;
var MAX_SOURCES = 600;
var MAX_LINE = 2e3;
var MENTIONS = /compose|kubectl|helm\s|curl|wget|\bcp\s|\b(docker|podman)\s+(container\s+)?run\b/;
var INLINE_COMPOSE = /^\s*```\s*ya?ml[^\n]*\n(?:[ \t]*#[^\n]*\n|[ \t]*\n|[ \t]*(?:name|version)\s*:[^\n]*\n){0,10}[ \t]*services\s*:\s*$/gm;
function composeBlocksWritten(text) {
  const out = [];
  let line = 0;
  let counted = 0;
  const body = text.slice(0, 5e5);
  for (const m of body.matchAll(INLINE_COMPOSE)) {
    const before = body.slice(Math.max(0, m.index - 600), m.index).split("\n").filter((l) => l.trim() && !/^\s*<\/?[A-Za-z][\w.]*[^>]*>\s*$/.test(l)).slice(-3).join(" ");
    if (!/\b(creat\w*|sav(e|ing)|writ(e|ing)|cop(y|ying)|past(e|ing)|new)\b/i.test(before) || /\b(add|append|extend|override|merge|update)\b/i.test(before)) continue;
    const start = m.index + (/^\s*\n/.exec(m[0])?.[0].length ?? 0);
    for (let i = counted; i < start; i++) if (body.charCodeAt(i) === 10) line++;
    counted = start;
    out.push(line);
  }
  return out;
}
var COMPOSE_COMMAND = /\b(?:docker[ -]compose|podman[ -]compose|docker\s+stack\s+deploy)\b/;
var READERS_COMPOSE = /\byour\s+[`'"]?(?:(?:docker-)?compose(?:\.ya?ml)?|compose\s+file)\b/i;
var COMPOSE_RUNS = /\b(up|run|create|start|pull|deploy|restart)\b/;
var COMPOSE_FILE_OPTION = /(?:^|\s)(?:-f|--file|-c|--compose-file)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
var KUBECTL_APPLY = /\bkubectl\b[^\n]{0,200}?\s(apply|create|replace)\b/;
var KUBECTL_FILE = /(?:^|\s)(?:-f|--filename|-k|--kustomize)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
var HELM_INSTALL = /\bhelm\s+(?:upgrade\s+--install|upgrade\s+-i|install|upgrade|template)\b/;
var HELM_VALUES = /(?:^|\s)(?:-f|--values)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
var DOWNLOAD = /\b(curl|wget)\b/;
var URL2 = /https?:\/\/[^\s"'`<>)]+/g;
var CURL_OUTPUT = /(?:^|\s)(?:-o|--output)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/;
var WGET_OUTPUT = /(?:^|\s)(?:-O|--output-document)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/;
var COPY = /\b(?:cp|mv|install)\s+(?:-\w+\s+)*(["']?)([^\s"'`;|&()<>]+)\1\s+(["']?)([^\s"'`;|&()<>]+)\3/;
var ENV_FILE = /^\.env([.-][\w.-]+)?$|^[\w.-]+\.env(\.[\w-]+)?$|^env\.(example|sample|template)$/i;
var ENV_TEMPLATE_NAME = /(example|sample|template|tpl|dist|defaults)$/i;
var DOCKER_RUN = /\b(?:docker|podman)\s+(?:container\s+)?run(?=\s)/;
var RUN_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "-p",
  "--publish",
  "-v",
  "--volume",
  "-e",
  "--env",
  "--name",
  "--network",
  "--net",
  "--restart",
  "-w",
  "--workdir",
  "-u",
  "--user",
  "--platform",
  "--mount",
  "-l",
  "--label",
  "--add-host",
  "--cap-add",
  "--cap-drop",
  "--env-file",
  "--entrypoint",
  "-h",
  "--hostname",
  "-m",
  "--memory",
  "--cpus",
  "--device",
  "--log-driver",
  "--log-opt",
  "--gpus",
  "--pull",
  "--expose",
  "--link",
  "--ulimit",
  "--shm-size",
  "--security-opt",
  "--tmpfs",
  "--dns",
  "--ip",
  "--stop-signal",
  "--health-cmd",
  "--health-interval",
  "--volumes-from",
  "--pid",
  "--ipc",
  "--userns",
  "--cgroupns",
  "--sysctl",
  "--label-file",
  "--memory-swap",
  "--cpuset-cpus",
  "--runtime",
  "--mac-address",
  "--network-alias",
  "--group-add",
  "--stop-timeout"
]);
var IMAGE_REFERENCE = /^[a-z0-9][a-z0-9._/-]*(?::[\w.-]+)?(?:@sha256:[a-f0-9]{64})?$/;
function imageOfRun(rest) {
  const words = rest.trim().split(/\s+/).slice(0, 80);
  let removed = false;
  let volume = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i].replace(/^["']|["']$/g, "");
    if (!w || /^(&&|\|\||;|\||>|#)/.test(w)) return void 0;
    if (w.startsWith("-")) {
      removed ||= w === "--rm";
      volume ||= /^(-v|--volume|--mount)(=|$)/.test(w);
      if (!w.includes("=") && RUN_VALUE_OPTIONS.has(w)) i++;
      continue;
    }
    return !(removed && !volume) && IMAGE_REFERENCE.test(w) && !/[$<{]/.test(w) ? w : void 0;
  }
  return void 0;
}
var INERT_LINE = /^\s*(\/\/|#(?!#)|(\$\s*)?(cat|ls|less|more|head|tail|vi|vim|nano|code|edit|echo)\b)/;
var CD = /(?:^\s*(?:\$\s*)?|[;&|]\s*)cd\s+(["']?)([^\s"'`;|&()<>]+)\1/;
var DEV_WORDS = /\b(dev|devel|develop|development|developing|developers?|contribut\w*|local(ly)?|hack\w*|debug\w*|watch|hot[- ]?reload|sandbox|from source|build(ing)? (it |the image |an image |image )?yourself)\b|开发|本地|调试/i;
var TEST_WORDS = /\b(tests?|testing|e2e|ci|integration|smoke|lint|check|verify|benchmarks?|perf)\b|测试/i;
var EXAMPLE_WORDS = /\b(examples?|samples?|demos?|community|unsupported|third[- ]party)\b|示例|样例|演示/i;
var PROD_WORDS = /\b(prod|production|deploy\w*|release|publish|install\w*|self[- ]?host\w*|hosting|quick[- ]?start|getting started|get started|setup|set up|upgrad\w*|operat\w*|server)\b|部署|安装|生产|上线/i;
var CI_FILE = /^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$/;
var GITLAB_KEYWORDS = /* @__PURE__ */ new Set(["default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script", "pages"]);
var DEPLOY_JOB = /\b(deploy\w*|release|publish|prod|production)\b/i;
var THROWAWAY_CLUSTER = /\bhelm\/kind-action\b|\bkind\s+create\s+cluster\b|\bmedyagh\/setup-minikube\b|\bminikube\s+start\b|\bk3d\s+cluster\s+create\b|\bAbsaOSS\/k3d-action\b|\bnolar\/setup-k3d-k3s\b/;
function contextOfSource(path) {
  const name = posix2.basename(path);
  if (/(^|\/)(CONTRIBUTING|DEVELOPMENT|DEVELOPING|HACKING|AGENTS|CLAUDE|GEMINI)[\w.-]*$|(^|\/)copilot-instructions\.md$/i.test(path) || /(^|\/)([\w.]+[-_])?(dev|develop|development|developers?|contributing|contributors?|hacking|developer[-_]?guide|\.devcontainer)([-_][\w.]+)?\//i.test(path)) {
    return { context: "development", why: `${path} is for contributors` };
  }
  if (CI_FILE.test(path)) {
    if (PROD_WORDS.test(name.replace(/[-_.]/g, " ")) && /deploy|release|publish|prod/i.test(name)) return { context: "production", why: `the ${name} workflow deploys` };
    return { context: "test", why: `the ${name} workflow (CI)` };
  }
  const words = path.replace(/\.(sh|bash|zsh|ps1)$/, "").replace(/[-_./]/g, " ");
  if (/\.(sh|bash|zsh|ps1)$/.test(name)) {
    if (TEST_WORDS.test(words)) return { context: "test", why: `script ${name}` };
    if (DEV_WORDS.test(words)) return { context: "development", why: `script ${name}` };
    if (/deploy|prod|release|install|upgrade/i.test(words)) return { context: "production", why: `script ${name}` };
  }
  return { why: path };
}
function introsOf(lines, path) {
  const out = new Array(lines.length);
  if (/(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile)$/.test(path)) return makeIntros(lines, out);
  if (!/\.(md|mdx|rst|txt|adoc)$|README|INSTALL/i.test(path)) return out;
  let fenced = false;
  let intro;
  let last;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].slice(0, 300).trim();
    if (/^(```|~~~)/.test(line)) {
      fenced = !fenced;
      intro = fenced ? last : void 0;
    } else if (!fenced && line && !line.startsWith("#")) last = line;
    else if (!fenced && line.startsWith("#")) last = void 0;
    out[i] = fenced ? intro : void 0;
  }
  return out;
}
function makeIntros(lines, out) {
  let comments = [];
  let intro;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].slice(0, 300);
    if (/^\s*#/.test(line)) comments.push(line.replace(/^\s*#+\s?/, "").trim());
    else if (/^[\w.%/-]+(\s+[\w.%/-]+)*\s*:(?!=)/.test(line)) {
      intro = comments.filter(Boolean).join(" ") || void 0;
      comments = [];
    } else if (line.trim() === "" && !comments.length) continue;
    out[i] = intro;
  }
  return out;
}
function parentHeadingsOf(lines, path) {
  const out = new Array(lines.length);
  if (!/\.(md|mdx|markdown)$|README/i.test(path)) return out;
  const stack = [];
  let fenced = false;
  let parents = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].slice(0, 300);
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) {
      const heading = /^\s{0,3}(#{1,6})\s+(.+)$/.exec(line);
      if (heading) {
        const level = heading[1].length;
        while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
        parents = stack.map((h) => h.text).reverse();
        stack.push({ level, text: heading[2].trim() });
      }
    }
    out[i] = parents.length ? parents : void 0;
  }
  return out;
}
function labelsOf(lines, path) {
  const markdown = /\.(md|mdx|rst|txt|adoc)$|README|INSTALL/i.test(path);
  const make = /(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile)$/.test(path);
  const pkg = /(^|\/)package\.json$/.test(path);
  const ci = CI_FILE.test(path);
  const gitlab = /(^|\/)\.gitlab-ci\.ya?ml$/.test(path);
  const out = new Array(lines.length);
  if (!markdown && !make && !pkg && !ci) return out;
  let label;
  let fenced = false;
  let inJobs = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].slice(0, 300);
    if (ci) {
      const top = /^([.\w][\w.-]*)\s*:/.exec(line);
      if (top) inJobs = top[1] === "jobs";
      const job = gitlab ? top && !GITLAB_KEYWORDS.has(top[1]) ? top[1] : void 0 : inJobs ? /^ {2}([\w-]+)\s*:\s*$/.exec(line)?.[1] : void 0;
      if (job) label = job;
      else if (top) label = void 0;
      const more = (gitlab ? /^ {2}(?:stage|environment):\s*["']?([\w ./-]+)/ : /^ {4}(?:environment|name):\s*["']?([\w ./-]+)/).exec(line);
      if (more && label !== void 0 && label.length < 200) label = `${label} ${more[1].trim()}`;
    } else if (markdown) {
      if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
      else if (!fenced) {
        const heading = /^\s{0,3}#{1,6}\s+(.+)$/.exec(line);
        if (heading) label = heading[1].trim();
        else if (i > 0 && /^(={3,}|-{3,}|~{3,})\s*$/.test(line) && lines[i - 1].trim()) label = lines[i - 1].trim().slice(0, 300);
      }
    } else if (make) {
      const target = /^([\w./%-]+)\s*:(?!=)/.exec(line);
      if (target) label = target[1];
    } else {
      const script = /^\s*"([^"]+)"\s*:/.exec(line);
      if (script) label = script[1];
    }
    out[i] = label;
  }
  return out;
}
var WEAK_PROD_WORDS = /\b(install\w*|quick[- ]?start|getting started|get started|setup|set up|server|running|run)\b/i;
var STRONG_PROD_WORDS = /\b(prod|production|deploy\w*|release|publish|self[- ]?host\w*|hosting|upgrad\w*)\b|部署|生产|上线/i;
function contextInSections(label, parents, path, command, intro) {
  const own = contextOf(label, path, command, intro);
  if (!parents?.length || CI_FILE.test(path)) return own;
  const weak = own.context === "production" && label !== void 0 && !STRONG_PROD_WORDS.test(label.replace(/[-_./:]/g, " ")) && WEAK_PROD_WORDS.test(label.replace(/[-_./:]/g, " "));
  if (own.context !== "unspecified" && !weak) return own;
  for (const parent of parents) {
    const words = parent.replace(/[-_./:]/g, " ");
    const narrow = TEST_WORDS.test(words) && !PROD_WORDS.test(words) ? "test" : DEV_WORDS.test(words) ? "development" : void 0;
    if (narrow) return { context: narrow, why: `under "${(label ?? "").slice(0, 60)}" within "${parent.slice(0, 60)}"` };
    if (own.context === "unspecified") {
      const inherited = contextOf(parent, path, command);
      if (inherited.context !== "unspecified" && inherited.why !== own.why) return { context: inherited.context, why: `under "${(label ?? "").slice(0, 60)}" within "${parent.slice(0, 60)}"`, inherited: true };
    }
  }
  return own;
}
function contextOf(label, path, command, intro) {
  const file = contextOfSource(path);
  if (CI_FILE.test(path)) {
    const words = (label ?? "").replace(/[-_./:]/g, " ");
    if (DEPLOY_JOB.test(words) && !TEST_WORDS.test(words)) return { context: "production", why: `the job "${label.slice(0, 80)}" of ${path} deploys` };
    return { context: file.context ?? "unspecified", why: file.why };
  }
  if (file.context === "development" || file.context === "test") return { context: file.context, why: file.why };
  if (/--profile[\s=]+["']?(dev|debug|local|test)/i.test(command)) return { context: "development", why: "run with a development profile" };
  if (intro !== void 0) {
    const words = intro.replace(/[-_./:]/g, " ");
    if (TEST_WORDS.test(words) && !PROD_WORDS.test(words)) return { context: "test", why: `introduced by "${intro.slice(0, 80)}"` };
    if (DEV_WORDS.test(words)) return { context: "development", why: `introduced by "${intro.slice(0, 80)}"` };
  }
  if (label !== void 0) {
    const words = label.replace(/[-_./:]/g, " ");
    if (TEST_WORDS.test(words) && !PROD_WORDS.test(words)) return { context: "test", why: `under "${label.slice(0, 80)}"` };
    if (DEV_WORDS.test(words)) return { context: "development", why: `under "${label.slice(0, 80)}"` };
    if (TEST_WORDS.test(words)) return { context: "test", why: `under "${label.slice(0, 80)}"` };
    if (EXAMPLE_WORDS.test(words)) return { context: "example", why: `under "${label.slice(0, 80)}"` };
    if (PROD_WORDS.test(words)) return { context: "production", why: `under "${label.slice(0, 80)}"` };
  }
  return { context: file.context ?? "unspecified", why: file.why };
}
var DISCONTINUED = /\b(no longer (developed|maintained|supported)|not (developed|maintained|supported) any ?more|discontinued|unmaintained|obsolete|historical setup|deprecated setup)\b/i;
var DEFAULT_COMPOSE_NAMES = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
var HISTORY = /(^|\/)(CHANGELOG|CHANGES|HISTORY|NEWS|RELEASE[-_]?NOTES)[\w.-]*$|(^|\/)(changelogs?|release[-_]?notes)\//i;
var COMPOSE_VARIABLE = /^\s*(?:export\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=["']?(?:docker[ -]compose\b|podman[ -]compose\b|\$\{?([A-Za-z_]\w*)\}?)/gm;
function composeVariables(texts) {
  const direct = /* @__PURE__ */ new Set();
  const aliases = [];
  for (const { path, text } of texts) {
    if (!/\.(sh|bash|zsh)$|(^|\/)(Makefile|[\w.-]+\.mk)$/.test(path)) continue;
    for (const m of text.matchAll(COMPOSE_VARIABLE)) {
      if (m[2]) aliases.push([m[1], m[2]]);
      else direct.add(m[1]);
    }
  }
  for (let round = 0; round < 3; round++) for (const [name, from] of aliases) if (direct.has(from)) direct.add(name);
  return direct;
}
async function findInvocations(files) {
  const sources = files.files.map((f) => f.path).filter((p) => SOURCES.test(p) && !HISTORY.test(p)).slice(0, MAX_SOURCES);
  const texts = (await mapLimited(sources, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    return text && (MENTIONS.test(text) || /\$\{?\w+\}?\s+(up|pull|run)\b/.test(text)) ? { path, text } : void 0;
  })).filter((t) => t !== void 0);
  const variables = composeVariables(texts);
  const found = texts.flatMap(({ path, text }) => invocationsIn(path, text, files, variables));
  const scanned = new Map(texts.map((t) => [t.path, t.text]));
  const called = /* @__PURE__ */ new Map();
  const bodies = /* @__PURE__ */ new Map();
  let frontier = [];
  for (const path of sources) {
    if (!CI_FILE.test(path) || contextOfSource(path).context !== "test") continue;
    const text = scanned.get(path) ?? await files.read(path) ?? "";
    frontier.push({ path, text, why: `run by the ${posix2.basename(path)} workflow (CI)` });
  }
  for (let hop = 0; hop < 2 && frontier.length; hop++) {
    const next = [];
    for (const { path, text, why } of frontier) {
      for (const script of scriptsRun(text, files, CI_FILE.test(path) ? "" : posix2.dirname(path))) {
        if (called.has(script) || called.size >= 50 || contextOfSource(script).context !== void 0) continue;
        called.set(script, { context: "test", why: hop === 0 ? why : `${why}, through ${path}` });
        let body = scanned.get(script);
        if (body === void 0) bodies.set(script, body = await files.read(script) ?? "");
        next.push({ path: script, text: body, why: called.get(script).why });
      }
    }
    frontier = next;
  }
  const inherit = (inv) => {
    const from = inv.context === "unspecified" ? called.get(inv.source) : void 0;
    return from ? { ...inv, context: from.context, contextWhy: from.why } : inv;
  };
  const extra = [...bodies].flatMap(([path, text]) => MENTIONS.test(text) ? invocationsIn(path, text, files, variables) : []);
  return [...found, ...extra].map(inherit);
}
var SCRIPT_RUN = /(?:^|[;&|]\s*)(?:(?:ba|z)?sh\s+|source\s+|\.\s+)?(?:\$\(pwd\)\/|\$\{?PWD\}?\/)?(\.{0,2}\/[\w./-]+|[\w-]+\/[\w./-]+|[\w-]+\.(?:sh|bash))(?=\s|$)/;
function scriptsRun(text, files, dir = "") {
  const out = [];
  let cwd = dir;
  for (const raw of text.split("\n").slice(0, 5e3)) {
    const line = raw.slice(0, 500);
    if (!dir && /^\s*-\s/.test(line)) cwd = "";
    const cd = CD.exec(line);
    if (cd) cwd = posix2.join(dir, cd[2].replace(/^\.\//, ""));
    const m = SCRIPT_RUN.exec(line.replace(/^\s*(?:-\s*)?(?:run:\s*[|>]?\s*)?/, ""));
    if (!m) continue;
    for (const base of [cwd, ""]) {
      const candidate = posix2.normalize(posix2.join(base, m[1])).replace(/^\.\//, "");
      if (!candidate.startsWith("..") && files.has(candidate)) {
        out.push(candidate);
        break;
      }
    }
  }
  return out;
}
function invocationsIn(path, text, files, composeVariables2 = /* @__PURE__ */ new Set()) {
  const out = [];
  const variableUse = composeVariables2.size ? new RegExp(`\\$\\{?(${[...composeVariables2].join("|")})\\}?(?=\\s)`, "g") : void 0;
  const lines = text.split("\n");
  const labels = labelsOf(lines, path);
  const parents = parentHeadingsOf(lines, path);
  const intros = introsOf(lines, path);
  const discontinued = /\.(md|mdx|rst|txt|adoc)$|README/i.test(path) ? DISCONTINUED.exec(lines.filter((l) => l.trim()).slice(0, 15).join("\n").slice(0, 3e3))?.[0] : void 0;
  const unlessDiscontinued = (c) => discontinued && (c.context === "unspecified" || c.context === "production") ? { context: "example", why: `the document opens by saying it is discontinued ("${discontinued}")` } : c;
  const dir = posix2.dirname(path);
  const throwaway = CI_FILE.test(path) ? THROWAWAY_CLUSTER.exec(text)?.[0] : void 0;
  const written = /\.(md|mdx)$/i.test(path) ? composeBlocksWritten(text) : [];
  const inlineCompose = written.length > 0 || /\.(md|mdx|rst|adoc)$/i.test(path) && READERS_COMPOSE.test(text.slice(0, 5e5));
  let cwd;
  let cwdLine = -1;
  let cwdAlone = false;
  let blockLines = 0;
  const resolveAs = (written2, exists) => {
    if (/^[a-z]+:\/\//i.test(written2) || /[$%{}*]/.test(written2) || written2 === "-") return void 0;
    for (const base of [cwd !== void 0 ? posix2.join(dir, cwd) : void 0, cwd, dir, "."]) {
      if (base === void 0) continue;
      const clean = posix2.normalize(posix2.join(base, written2)).replace(/\/+$/, "");
      if (!clean.startsWith("..") && exists(clean)) return clean;
    }
    return void 0;
  };
  const resolve = (written2) => resolveAs(written2, (path2) => files.has(path2));
  const resolveDir = (written2) => resolveAs(written2, (path2) => {
    const prefix = path2 === "." ? "" : `${path2}/`;
    return files.files.some((f) => f.path.startsWith(prefix));
  });
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].length > MAX_LINE ? lines[i].slice(0, MAX_LINE) : lines[i];
    let j = i;
    while (/\\\s*$/.test(line) && j + 1 < lines.length && j - i < 10) {
      j++;
      line = `${line.replace(/\\\s*$/, " ")}${lines[j].slice(0, MAX_LINE)}`;
    }
    const fence = /^\s*```/.test(line);
    if (fence && !cwdAlone || i > 0 && labels[i] !== labels[i - 1] || i - cwdLine > 30 && cwd !== void 0) {
      cwd = void 0;
      cwdAlone = false;
    }
    const inert = INERT_LINE.test(line);
    if (fence) blockLines = 0;
    else if (line.trim() && !inert && cwdAlone && i > cwdLine && blockLines > 0) cwdAlone = false;
    else if (line.trim() && !inert) blockLines++;
    const cd = CD.exec(line);
    if (cd) {
      cwd = cd[2].replace(/^\.\//, "");
      cwdLine = i;
      cwdAlone = blockLines === 1 && /^\s*(\$\s*)?cd\s+\S+\s*$/.test(line);
    }
    const add = (kind, targets, inPlace = true) => {
      if (!targets.length) return;
      const named = contextInSections(labels[i], parents[i], path, line, intros[i]);
      const own = named.context === "production" && throwaway ? { context: "test", why: `${named.why}, to a throwaway cluster the workflow creates (${throwaway})` } : named;
      const found = unlessDiscontinued(own);
      const { context, why } = inPlace && !discontinued && (found.context === "unspecified" || found.context === "example") && (kind === "download" || kind === "copy") ? { context: "production", why: `${found.why}: fetched into place` } : found;
      out.push({ kind, targets: [...new Set(targets)], source: path, line: i + 1, context, contextWhy: why, ...named.inherited && context === named.context ? { inherited: true } : {} });
    };
    if (variableUse && !/^\s*(?:export\s+|local\s+)?\w+=/.test(line)) line = line.replace(variableUse, "docker compose");
    const compose = COMPOSE_COMMAND.exec(line);
    if (compose) {
      const rest = line.slice(compose.index);
      const named = [...rest.matchAll(COMPOSE_FILE_OPTION)].map((m) => m[2]);
      const files_ = named.filter((n) => /\.ya?ml$/i.test(n)).map(resolve).filter((p) => p !== void 0);
      if (COMPOSE_RUNS.test(rest) || /stack\s+deploy/.test(rest)) {
        if (files_.length) add("compose", files_);
        else if (!named.some((n) => /\.ya?ml$/i.test(n))) {
          const bases = cwd !== void 0 ? [resolveDir(cwd)] : inlineCompose ? [] : [dir, "."];
          const found = bases.flatMap((base) => base === void 0 ? [] : DEFAULT_COMPOSE_NAMES.map((n) => base === "." ? n : `${base}/${n}`)).find((p) => files.has(p));
          if (found) add("compose", [found]);
        }
      }
    }
    const run = DOCKER_RUN.exec(line);
    if (run) {
      const image = imageOfRun(line.slice(run.index + run[0].length));
      if (image) {
        const named = contextInSections(labels[i], parents[i], path, line, intros[i]);
        const { context, why } = unlessDiscontinued(named);
        out.push({ kind: "docker-run", targets: [], image, source: path, line: i + 1, context, contextWhy: why });
      }
    }
    const kubectl = KUBECTL_APPLY.exec(line);
    if (kubectl) {
      const targets = [];
      for (const m of line.slice(kubectl.index).matchAll(KUBECTL_FILE)) {
        const written2 = m[2];
        const file = resolve(written2);
        if (file) targets.push(file);
        else {
          const under = resolveDir(written2);
          if (under) targets.push(...files.files.filter((f) => f.path.startsWith(`${under}/`) && /\.(ya?ml|json)$/i.test(f.path)).map((f) => f.path));
        }
      }
      add("kubectl", targets);
    }
    const helm = HELM_INSTALL.exec(line);
    if (helm) {
      const targets = [];
      const words = line.slice(helm.index + helm[0].length).split(/\s+/).filter(Boolean);
      for (const w of words) {
        if (w.startsWith("-") || /^(&&|\|\||;|\|)$/.test(w)) continue;
        const chart = resolveDir(w.replace(/^["']|["']$/g, ""));
        if (chart && files.has(`${chart}/Chart.yaml`)) targets.push(`${chart}/Chart.yaml`, `${chart}/values.yaml`);
      }
      for (const m of line.slice(helm.index).matchAll(HELM_VALUES)) {
        const file = resolve(m[2]);
        if (file) targets.push(file);
      }
      add("helm", targets.filter((t) => files.has(t)));
    }
    if (DOWNLOAD.test(line)) {
      const targets = [];
      for (const url of line.match(URL2) ?? []) {
        const file = repositoryFileOfUrl(url, files);
        if (file) targets.push(file);
      }
      if (!targets.length) {
        const named = /\/([\w.-]+\.(?:ya?ml|env|json|conf|toml))[?"'\s]/.exec(`${line} `)?.[1];
        const beside = named === void 0 ? void 0 : dir === "." ? named : `${dir}/${named}`;
        if (beside && files.has(beside) && /\$\{?\w|https?:/.test(line)) targets.push(beside);
      }
      if (targets.length && (CURL_OUTPUT.test(line) || WGET_OUTPUT.test(line) || /\bcurl\b[^\n]*\s-\w*O\b/.test(line) || /\bwget\b/.test(line) || /=\$\(\s*curl\b/.test(line))) {
        const output = (CURL_OUTPUT.exec(line) ?? WGET_OUTPUT.exec(line))?.[2];
        const envTargets = targets.filter((t) => ENV_FILE.test(posix2.basename(t)));
        const live = output !== void 0 ? ENV_FILE.test(posix2.basename(output)) && !ENV_TEMPLATE_NAME.test(posix2.basename(output)) : /=\$\(\s*curl\b/.test(line);
        const others = targets.filter((t) => !envTargets.includes(t));
        if (others.length) add("download", others);
        if (envTargets.length && live) add("download", envTargets, false);
      }
    }
    const copy = COPY.exec(line);
    if (copy && isComposeFile(copy[4])) {
      const from = resolve(copy[2]);
      if (from && isComposeFile(from)) add("copy", [from]);
    } else if (copy && ENV_FILE.test(posix2.basename(copy[4])) && !/^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$/.test(path)) {
      const from = resolve(copy[2]);
      if (from && ENV_FILE.test(posix2.basename(from))) add("copy", [from], false);
    }
    i = j;
  }
  const first = written[0];
  if (first !== void 0) {
    const named = contextInSections(labels[first], parents[first], path, "", intros[first + 1]);
    const { context, why } = unlessDiscontinued(named);
    out.push({ kind: "written-compose", targets: [path], source: path, line: first + 1, context, contextWhy: why });
  }
  return out;
}
function repositoryFileOfUrl(url, files) {
  let path;
  try {
    path = decodeURIComponent(new globalThis.URL(url).pathname);
  } catch {
    return void 0;
  }
  const parts = path.split("/").filter(Boolean);
  for (let start = 0; start < parts.length; start++) {
    const candidate = parts.slice(start).join("/");
    if (files.has(candidate) && (parts.length - start >= 2 || isComposeFile(candidate) || /^\.env/.test(candidate))) return candidate;
  }
  return void 0;
}

// src/model/routes.ts
var PROXY_CONFIG = /(^|\/)(Caddyfile[\w.-]*|[\w.-]*nginx[\w.-]*\.conf(\.template)?|[\w.-]+\.conf\.template|default\.conf|nginx\.conf|haproxy\.cfg|traefik[\w.-]*\.ya?ml|[\w.-]*\.caddy)$|(^|\/)(nginx|caddy|proxy|traefik)\/[^/]+$/i;
var ROUTE = /\b(?:proxy_pass|grpc_pass|uwsgi_pass|fastcgi_pass)\s+(?:https?:\/\/|grpc:\/\/)?([A-Za-z][\w.-]*)|\breverse_proxy\b[^\n]*?\s(?:https?:\/\/)?([A-Za-z][\w.-]*):\d+|^\s*server\s+([A-Za-z][\w.-]*):\d+|\burl\s*:\s*["']?https?:\/\/([A-Za-z][\w.-]*)/gm;
async function proxyRoutes(files) {
  const paths = files.files.map((f) => f.path).filter((p) => PROXY_CONFIG.test(p)).slice(0, 200);
  const hosts = /* @__PURE__ */ new Set();
  await mapLimited(paths, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    if (!text) return;
    for (const line of text.slice(0, 512 * 1024).split("\n")) {
      if (!/proxy|_pass|server|url/.test(line)) continue;
      for (const m of line.slice(0, 2e3).matchAll(ROUTE)) {
        const host = (m[1] ?? m[2] ?? m[3] ?? m[4]).toLowerCase();
        if (!/^(localhost|127\.0\.0\.1|\$)/.test(host)) hosts.add(host);
      }
    }
  });
  return hosts;
}

// src/model/secret-scanners.ts
import { createHash } from "node:crypto";

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/model/secret-scanners.ts
var GITLEAKS_FILES = [".gitleaks.toml", ".github/.gitleaks.toml"];
var GITLEAKSIGNORE = ".gitleaksignore";
var BASELINE = ".secrets.baseline";
var NO_SCANNER_DECISIONS = { files: [], problems: [], accepts: () => void 0 };
async function readSecretScannerDecisions(files) {
  const problems = [];
  const read = [];
  const allowlists = [];
  for (const file of GITLEAKS_FILES) {
    if (!files.has(file)) continue;
    const text = await files.read(file);
    if (text === void 0) {
      problems.push({ file, problem: "could not be read" });
      continue;
    }
    read.push(file);
    for (const list of gitleaksAllowlists(text, (problem) => problems.push({ file, problem }))) allowlists.push({ file, list });
  }
  const ignored = /* @__PURE__ */ new Set();
  if (files.has(GITLEAKSIGNORE)) {
    const text = await files.read(GITLEAKSIGNORE);
    if (text === void 0) problems.push({ file: GITLEAKSIGNORE, problem: "could not be read" });
    else {
      read.push(GITLEAKSIGNORE);
      for (const key of gitleaksIgnoreKeys(text)) ignored.add(key);
    }
  }
  const baseline = /* @__PURE__ */ new Map();
  if (files.has(BASELINE)) {
    const text = await files.read(BASELINE);
    if (text === void 0) problems.push({ file: BASELINE, problem: "could not be read" });
    else {
      read.push(BASELINE);
      for (const [path, hashes] of baselineFalsePositives(text, (problem) => problems.push({ file: BASELINE, problem }))) baseline.set(path, hashes);
    }
  }
  if (!read.length && !problems.length) return NO_SCANNER_DECISIONS;
  return {
    files: read,
    problems,
    accepts(c) {
      for (const { file, list } of allowlists) if (allowlistAccepts(list, c)) return `gitleaks:${file}`;
      if (ignored.has(`${c.path}:${c.line}`)) return `gitleaksignore:${GITLEAKSIGNORE}`;
      if (baseline.get(c.path)?.has(sha1(c.value))) return `detect-secrets:${BASELINE}`;
      return void 0;
    }
  };
}
function gitleaksAllowlists(text, problem) {
  let doc;
  try {
    doc = parse(text);
  } catch (err) {
    problem(`does not parse as TOML (${firstLine(err)}): its allowlist is not applied`);
    return [];
  }
  const tables = [];
  if (isPlainObject(doc.allowlist)) tables.push(doc.allowlist);
  if (Array.isArray(doc.allowlists)) tables.push(...doc.allowlists);
  const out = [];
  for (const table of tables) {
    if (!isPlainObject(table)) continue;
    if (Array.isArray(table.targetRules) && table.targetRules.length) continue;
    const target = table.regexTarget === "match" || table.regexTarget === "line" ? table.regexTarget : "secret";
    out.push({
      paths: regexes(table.paths, problem),
      regexes: regexes(table.regexes, problem),
      stopwords: strings(table.stopwords).map((w) => w.toLowerCase()),
      target,
      and: String(table.condition ?? "").toUpperCase() === "AND"
    });
  }
  return out;
}
function allowlistAccepts(list, c) {
  const tests = [];
  if (list.paths.length) tests.push(list.paths.some((r) => r.test(c.path)));
  if (list.regexes.length) {
    const subject = list.target === "line" ? c.lineText : c.value;
    tests.push(list.regexes.some((r) => r.test(subject)));
  }
  if (list.stopwords.length) {
    const value = c.value.toLowerCase();
    tests.push(list.stopwords.some((w) => value.includes(w)));
  }
  if (!tests.length) return false;
  return list.and ? tests.every(Boolean) : tests.some(Boolean);
}
function gitleaksIgnoreKeys(text) {
  const keys = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const parts = line.split(":");
    if (parts.length < 3) continue;
    const lineNo = parts.at(-1);
    if (!/^\d+$/.test(lineNo)) continue;
    const fileParts = /^[0-9a-f]{7,40}$/.test(parts[0]) && parts.length >= 4 ? parts.slice(1, -2) : parts.slice(0, -2);
    keys.push(`${fileParts.join(":")}:${lineNo}`);
  }
  return keys;
}
function baselineFalsePositives(text, problem) {
  const out = /* @__PURE__ */ new Map();
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    problem(`does not parse as JSON (${firstLine(err)}): its audited false positives are not applied`);
    return out;
  }
  const results = isPlainObject(doc) ? doc.results : void 0;
  if (!isPlainObject(results)) return out;
  for (const [path, entries] of Object.entries(results)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (!isPlainObject(entry) || entry.is_secret !== false || typeof entry.hashed_secret !== "string") continue;
      const set = out.get(path) ?? /* @__PURE__ */ new Set();
      set.add(entry.hashed_secret.toLowerCase());
      out.set(path, set);
    }
  }
  return out;
}
function regexes(value, problem) {
  const out = [];
  for (const source of strings(value)) {
    const insensitive = source.startsWith("(?i)");
    try {
      out.push(new RegExp(insensitive ? source.slice(4) : source, insensitive ? "i" : ""));
    } catch {
      problem(`the expression ${JSON.stringify(source.slice(0, 60))} is not one JavaScript can read: it is not applied`);
    }
  }
  return out;
}
function strings(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function sha1(value) {
  return createHash("sha1").update(value).digest("hex");
}
function firstLine(err) {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0].slice(0, 120);
}

// src/model/frameworks/once.ts
function once(compute) {
  let pending;
  return () => pending ??= compute();
}
function oncePerKey(compute) {
  const values = /* @__PURE__ */ new Map();
  return (key) => {
    let value = values.get(key);
    if (!value) values.set(key, value = compute(key));
    return value;
  };
}

// src/model/index.ts
var PRESUMED_FROM_CONTENT = /* @__PURE__ */ new Set(["content:production-environment"]);
async function buildRepoModel(files, options = {}) {
  const parsed = options.parsed ?? new ParsedFiles(files);
  const base = await computeRoles(files, options.roles);
  const invocations = await findInvocations(files);
  const withContent = base.withFallbacks(await composeContentRoles(files, invocations, base));
  const invoked = invocationRoles(invocations, withContent);
  const described = await describedForDevelopment(files, invocations);
  const declaredDevelopment = new Map([...invoked.fallback].filter(([path, info]) => info.role === "development" && described.has(path)));
  const byInvocation = withContent.withOverrides(invoked.direct).withFallbacksOver(declaredDevelopment, PRESUMED_FROM_CONTENT).withFallbacks(invoked.fallback).withFallbacks(testProjectDescriptors(files));
  const first = await computeDeployments(files, parsed, byInvocation, invocations);
  const firstBuilds = await computeBuilds(files, byInvocation, first);
  const runsPublished = publishedImageDeployments(first, firstBuilds, byInvocation);
  const deployed = runsPublished.size ? byInvocation.withFallbacks(runsPublished) : byInvocation;
  const deployments = runsPublished.size ? await computeDeployments(files, parsed, deployed, invocations) : first;
  const builds = runsPublished.size ? await computeBuilds(files, deployed, deployments) : firstBuilds;
  const built = deployed.withOverrides(builds.roleOverrides);
  const loaded = built.withOverrides(deploymentFileRoles(deployments, built, files));
  const source = await applicationSource(files);
  const sample = files.files.some((f) => loaded.of(f.path).role === "production") ? void 0 : await sampleApplication(files);
  const sourceRoles = sample ? new Map([...source].filter(([, info]) => info.role !== "production")) : source;
  const contained = loaded.withFallbacks(await imageContents(files, parsed, productionDockerfiles(files, loaded))).withFallbacks(sourceRoles);
  const keyed = contained.withFallbacks(await fixtureUserRoles(files, contained));
  const settings = await findSettingsReferences(files, keyed);
  const roles = keyed.withOverrides(await settingsRoleOverrides(files, parsed, keyed, settings));
  return {
    roles,
    deployments,
    settings,
    builds,
    invocations,
    proxyRoutes: await proxyRoutes(files),
    secretScanners: await readSecretScannerDecisions(files),
    laravel: once(() => readLaravelApps(files, parsed, roles, deployments)),
    rails: once(() => readRailsApps(files, parsed, roles)),
    phoenix: once(() => readPhoenixApps(files, parsed, roles)),
    spring: once(() => springModel(files, parsed, roles)),
    aspnet: once(() => aspnetModel(files, parsed, roles)),
    internalDatastores: once(() => clusterInternalDatastores({ files, parsed }, builds)),
    deploymentEnv: oncePerKey((name) => assignmentsOf(files, roles, name))
  };
}
async function sampleApplication(files) {
  const readme = files.files.find((f) => /^README(\.(md|markdown|rst|txt|adoc))?$/i.test(f.path));
  if (!readme) return void 0;
  const head = (await files.readHead(readme.path, 4096))?.toString("utf8") ?? "";
  const first = head.split("\n").find((l) => l.trim() !== "")?.slice(0, 300);
  return first && /\b(sample|demo|example|reference|tutorial|showcase)\s+(web\s+)?(app|application|project)\b/i.test(first) ? first : void 0;
}
async function composeContentRoles(files, invocations, roles) {
  const paths = [...new Set(invocations.filter((i) => i.kind === "compose").flatMap((i) => i.targets))].filter((p) => !isComposeFile(p) && roles.of(p) === UNKNOWN_ROLE);
  const out = /* @__PURE__ */ new Map();
  await mapLimited(paths, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    const role = text === void 0 ? void 0 : roleFromContent(path, text, true);
    if (role) out.set(path, role);
  });
  return out;
}

export {
  DEFAULT_CONFIG_PATH,
  loadConfig,
  expandHeaderVariables,
  originOf,
  ParsedFiles,
  buildRepoModel
};
