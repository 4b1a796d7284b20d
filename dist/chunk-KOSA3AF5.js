import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  applicationSource,
  computeBuilds,
  deploymentEnvRoles,
  imageContents,
  invocationRoles,
  productionDockerfiles
} from "./chunk-VPLLYYYG.js";
import {
  UNKNOWN_ROLE,
  computeDeployments,
  computeRoles,
  findSettingsReferences,
  roleFromContent,
  settingsRoleOverrides
} from "./chunk-EDX7D2M4.js";
import {
  POOLED_CONCURRENCY,
  READ_CONCURRENCY,
  isComposeFile,
  mapLimited,
  nodeAt,
  parseYaml
} from "./chunk-EYJGI7QG.js";
import {
  configSchema,
  defaultConfig
} from "./chunk-Z4IITOJS.js";
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

// src/model/invocations.ts
import { posix } from "node:path";
var SOURCES = /(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|[\w.-]+\.(sh|bash|zsh|ps1)|package\.json|Procfile[\w.-]*|README[\w.-]*|INSTALL[\w.-]*|[\w.-]+\.(md|mdx|rst|txt|adoc))$|^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$/;
var MAX_SOURCES = 600;
var MAX_LINE = 2e3;
var MENTIONS = /compose|kubectl|helm\s|curl|wget|\bcp\s/;
var COMPOSE_COMMAND = /\b(?:docker[ -]compose|podman[ -]compose|docker\s+stack\s+deploy)\b/;
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
var CD = /(?:^\s*(?:\$\s*)?|[;&|]\s*)cd\s+(["']?)([^\s"'`;|&()<>]+)\1/;
var DEV_WORDS = /\b(dev|devel|develop|development|developing|developers?|contribut\w*|local(ly)?|hack\w*|debug\w*|watch|hot[- ]?reload|sandbox|from source|build(ing)? (it )?yourself)\b/i;
var TEST_WORDS = /\b(tests?|testing|e2e|ci|integration|smoke|lint|check|verify|benchmarks?|perf)\b/i;
var EXAMPLE_WORDS = /\b(examples?|samples?|demos?|community|unsupported|third[- ]party)\b/i;
var PROD_WORDS = /\b(prod|production|deploy\w*|release|publish|install\w*|self[- ]?host\w*|hosting|quick[- ]?start|getting started|get started|setup|set up|upgrad\w*|operat\w*|server)\b/i;
function contextOfSource(path) {
  const name = posix.basename(path);
  if (/(^|\/)(CONTRIBUTING|DEVELOPMENT|DEVELOPING|HACKING)[\w.-]*$/i.test(path) || /(^|\/)(dev|development|contributing|contributors?|developer[-_]?guide)\//i.test(path)) {
    return { context: "development", why: `${path} is for contributors` };
  }
  if (/^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$/.test(path)) {
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
function labelsOf(lines, path) {
  const markdown = /\.(md|mdx|rst|txt|adoc)$|README|INSTALL/i.test(path);
  const make = /(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile)$/.test(path);
  const pkg = /(^|\/)package\.json$/.test(path);
  const out = new Array(lines.length);
  if (!markdown && !make && !pkg) return out;
  let label;
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].slice(0, 300);
    if (markdown) {
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
function contextOf(label, path, command, intro) {
  const file = contextOfSource(path);
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
  return texts.flatMap(({ path, text }) => invocationsIn(path, text, files, variables));
}
function invocationsIn(path, text, files, composeVariables2 = /* @__PURE__ */ new Set()) {
  const out = [];
  const variableUse = composeVariables2.size ? new RegExp(`\\$\\{?(${[...composeVariables2].join("|")})\\}?(?=\\s)`, "g") : void 0;
  const lines = text.split("\n");
  const labels = labelsOf(lines, path);
  const intros = introsOf(lines, path);
  const dir = posix.dirname(path);
  let cwd;
  let cwdLine = -1;
  const resolveAs = (written, exists) => {
    if (/^[a-z]+:\/\//i.test(written) || /[$%{}*]/.test(written) || written === "-") return void 0;
    for (const base of [cwd !== void 0 ? posix.join(dir, cwd) : void 0, cwd, dir, "."]) {
      if (base === void 0) continue;
      const clean = posix.normalize(posix.join(base, written)).replace(/\/+$/, "");
      if (!clean.startsWith("..") && exists(clean)) return clean;
    }
    return void 0;
  };
  const resolve = (written) => resolveAs(written, (path2) => files.has(path2));
  const resolveDir = (written) => resolveAs(written, (path2) => {
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
    if (/^\s*```/.test(line) || i > 0 && labels[i] !== labels[i - 1] || i - cwdLine > 30 && cwd !== void 0) cwd = void 0;
    const cd = CD.exec(line);
    if (cd) {
      cwd = cd[2].replace(/^\.\//, "");
      cwdLine = i;
    }
    const add = (kind, targets) => {
      if (!targets.length) return;
      const found = contextOf(labels[i], path, line, intros[i]);
      const { context, why } = (found.context === "unspecified" || found.context === "example") && (kind === "download" || kind === "copy") ? { context: "production", why: `${found.why}: fetched into place` } : found;
      out.push({ kind, targets: [...new Set(targets)], source: path, line: i + 1, context, contextWhy: why });
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
          const bases = cwd !== void 0 ? [resolveDir(cwd)] : [dir, "."];
          const found = bases.flatMap((base) => base === void 0 ? [] : DEFAULT_COMPOSE_NAMES.map((n) => base === "." ? n : `${base}/${n}`)).find((p) => files.has(p));
          if (found) add("compose", [found]);
        }
      }
    }
    const kubectl = KUBECTL_APPLY.exec(line);
    if (kubectl) {
      const targets = [];
      for (const m of line.slice(kubectl.index).matchAll(KUBECTL_FILE)) {
        const written = m[2];
        const file = resolve(written);
        if (file) targets.push(file);
        else {
          const under = resolveDir(written);
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
        const named = /\/([\w.-]+\.(?:ya?ml|env|json|conf|toml))["'\s]/.exec(`${line} `)?.[1];
        const beside = named === void 0 ? void 0 : dir === "." ? named : `${dir}/${named}`;
        if (beside && files.has(beside) && /\$\{?\w|https?:/.test(line)) targets.push(beside);
      }
      if (targets.length && (CURL_OUTPUT.test(line) || WGET_OUTPUT.test(line) || /\bcurl\b[^\n]*\s-\w*O\b/.test(line) || /\bwget\b/.test(line))) add("download", targets);
    }
    const copy = COPY.exec(line);
    if (copy && isComposeFile(copy[4])) {
      const from = resolve(copy[2]);
      if (from && isComposeFile(from)) add("copy", [from]);
    }
    i = j;
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

// src/model/index.ts
async function buildRepoModel(files, options = {}) {
  const parsed = options.parsed ?? new ParsedFiles(files);
  const base = await computeRoles(files, options.roles);
  const invocations = await findInvocations(files);
  const withContent = base.withFallbacks(await composeContentRoles(files, invocations, base));
  const invoked = invocationRoles(invocations, withContent);
  const byInvocation = withContent.withOverrides(invoked.direct).withFallbacks(invoked.fallback);
  const deployments = await computeDeployments(files, parsed, byInvocation);
  const builds = await computeBuilds(files, byInvocation, deployments);
  const built = byInvocation.withOverrides(builds.roleOverrides);
  const loaded = built.withOverrides(deploymentEnvRoles(deployments, built));
  const contained = loaded.withFallbacks(await imageContents(files, parsed, productionDockerfiles(files, loaded))).withFallbacks(await applicationSource(files));
  const settings = await findSettingsReferences(files, contained);
  const roles = contained.withOverrides(await settingsRoleOverrides(files, parsed, contained, settings));
  return { roles, deployments, settings, builds, invocations, proxyRoutes: await proxyRoutes(files) };
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
