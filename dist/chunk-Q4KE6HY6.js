import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  CONFIGURED_RULE,
  UNKNOWN_ROLE,
  dockerfileOf,
  parseDockerfile,
  roleOfProfiles,
  splitImage,
  stagesUsedByFinal
} from "./chunk-EDX7D2M4.js";
import {
  READ_CONCURRENCY,
  isComposeFile,
  isDockerfile,
  mapLimited,
  require_ignore,
  require_picomatch
} from "./chunk-EYJGI7QG.js";
import {
  ROLE_RULES
} from "./chunk-STATKJKS.js";
import {
  __toESM
} from "./chunk-7FI7UYSE.js";

// src/model/evidence.ts
var import_ignore = __toESM(require_ignore(), 1);
var import_picomatch = __toESM(require_picomatch(), 1);
import { posix } from "node:path";
var YIELDING_RULES = new Set(ROLE_RULES.filter((r) => r.yieldsToEvidence).map((r) => r.id));
function yieldsToEvidence(info) {
  if (info.rule === CONFIGURED_RULE) return false;
  if (info === UNKNOWN_ROLE || info.role === "unknown") return true;
  return info.rule !== void 0 && YIELDING_RULES.has(info.rule);
}
var VERB = {
  compose: "run by",
  kubectl: "applied by",
  helm: "installed by",
  download: "downloaded into place by",
  copy: "copied into place as the deployment by"
};
function invocationRoles(invocations, roles) {
  const direct = /* @__PURE__ */ new Map();
  const fallback = /* @__PURE__ */ new Map();
  for (const inv of invocations) {
    const where = `${inv.source}:${inv.line}`;
    if (inv.context === "unspecified") continue;
    for (const target of inv.targets) {
      if (inv.context === "production") {
        if (!direct.has(target) && yieldsToEvidence(roles.of(target))) {
          direct.set(target, { role: "production", reason: `${VERB[inv.kind]} ${where} (${inv.contextWhy})`, rule: `evidence:${inv.kind}` });
        }
      } else if (!fallback.has(target)) {
        fallback.set(target, { role: inv.context, reason: `${VERB[inv.kind]} ${where} (${inv.contextWhy})`, rule: `evidence:${inv.kind}-${inv.context}` });
      }
    }
  }
  for (const path of direct.keys()) fallback.delete(path);
  return { direct, fallback };
}
function deploymentEnvRoles(deployments, roles) {
  const out = /* @__PURE__ */ new Map();
  for (const d of deployments.list) {
    if (d.role.role !== "production") continue;
    for (const e of d.envFiles) {
      if (!out.has(e.path) && yieldsToEvidence(roles.of(e.path))) {
        out.set(e.path, { role: "production", reason: `loaded by service \`${e.service}\` of the production deployment ${d.name} (${e.declaredIn}:${e.line})`, rule: "evidence:env-file" });
      }
    }
    for (const path of d.envPaths) {
      if (!out.has(path) && yieldsToEvidence(roles.of(path))) {
        out.set(path, { role: "production", reason: `interpolated into the production deployment ${d.name}`, rule: "evidence:compose-env" });
      }
    }
  }
  return out;
}
function isDescriptor(path) {
  return isComposeFile(path) || isDockerfile(path) || /(^|\/)(Chart\.ya?ml|values[\w.-]*\.ya?ml|\.dockerignore|[\w.-]+\.dockerignore)$/.test(path);
}
var GLOB = /[*?[\]{}]/;
async function imageContents(files, parsedFiles, productionDockerfiles2) {
  const out = /* @__PURE__ */ new Map();
  const parsed = await mapLimited(productionDockerfiles2, READ_CONCURRENCY, async (path) => {
    const file = await parsedFiles.memo("dockerfile", path, parseDockerfile);
    return file ? { path, file } : void 0;
  });
  let all;
  const walked = /* @__PURE__ */ new Map();
  for (const item of parsed) {
    if (!item) continue;
    const used = stagesUsedByFinal(item.file);
    const copies = item.file.stages.filter((_, i) => used.has(i)).flatMap((s) => s.instructions.filter((ins) => (ins.keyword === "COPY" || ins.keyword === "ADD") && !ins.flags.from));
    if (!copies.length) continue;
    const dockerDir = posix.dirname(item.path);
    const sourcesOf = copies.map((ins) => ({ ins, sources: sourcesOfCopy(ins.args) }));
    const context = chooseContext(files, dockerDir, sourcesOf.flatMap((c) => c.sources));
    const ignored = await dockerignoreOf(files, context, item.path);
    for (const { ins, sources } of sourcesOf) {
      for (const source of sources) {
        const key = `${context}\0${ignored.key}\0${source}`;
        let matched = walked.get(key);
        if (!matched) {
          matched = filesUnder(all ??= everyPath(files), context, source).filter((p) => !ignored.test(p));
          walked.set(key, matched);
        }
        for (const path of matched) {
          if (out.has(path) || isDescriptor(path)) continue;
          out.set(path, { role: "production", reason: `copied into the production image of ${item.path} (${ins.keyword} ${source} at line ${ins.line})`, rule: "evidence:copied-into-image" });
        }
      }
    }
  }
  return out;
}
function sourcesOfCopy(args) {
  const clean = args.map((a) => a.replace(/^\[|\]$|^"|",?$|^'|',?$/g, "")).filter(Boolean);
  return clean.slice(0, -1).filter((s) => !/^<</.test(s) && !/^[a-z]+:\/\//i.test(s) && !s.includes("$"));
}
function chooseContext(files, dockerDir, sources) {
  if (dockerDir === ".") return ".";
  const exists = (context) => sources.filter((s) => {
    const p = posix.normalize(posix.join(context, s)).replace(/\/+$/, "");
    return p === "." || GLOB.test(s) || files.has(p) || files.files.some((f) => f.path.startsWith(`${p}/`));
  }).length;
  return exists(dockerDir) >= exists(".") ? dockerDir : ".";
}
async function dockerignoreOf(files, context, dockerfile) {
  const beside = `${dockerfile}.dockerignore`;
  const atRoot = context === "." ? ".dockerignore" : `${context}/.dockerignore`;
  const path = files.has(beside) ? beside : files.has(atRoot) ? atRoot : void 0;
  const text = path ? await files.read(path) : void 0;
  if (!path || !text) return { key: "", test: () => false };
  const matcher = (0, import_ignore.default)().add(text.split("\n").map((l) => l.replace(/^\//, "")));
  const prefix = context === "." ? "" : `${context}/`;
  return {
    key: path,
    test: (p) => {
      const rel = p.startsWith(prefix) ? p.slice(prefix.length) : p;
      try {
        return matcher.ignores(rel);
      } catch {
        return false;
      }
    }
  };
}
function everyPath(files) {
  return [...files.files.map((f) => f.path), ...files.notRead(() => true).filter((s) => s.unread === "oversized").map((s) => s.path)];
}
function filesUnder(all, context, source) {
  const base = posix.normalize(posix.join(context, source.replace(/^\/+/, ""))).replace(/\/+$/, "");
  if (base.startsWith("..")) return [];
  if (GLOB.test(source)) {
    const match = (0, import_picomatch.default)(base === "." ? "**" : base, { dot: true });
    return all.filter((p) => match(p) || [...ancestors(p)].some((a) => match(a)));
  }
  if (base === ".") return [...all];
  if (all.includes(base)) return [base];
  return all.filter((p) => p.startsWith(`${base}/`));
}
function* ancestors(path) {
  for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) yield path.slice(0, slash);
}
var SOURCE_ROOTS = [
  { manifest: /(^|\/)Gemfile$/, roots: ["app", "config", "lib", "db", "bin", "config.ru"], why: "Ruby/Rails application source (Gemfile)" },
  { manifest: /(^|\/)composer\.json$/, roots: ["app", "src", "config", "routes", "database", "bootstrap", "resources", "public"], why: "PHP application source (composer.json)" },
  { manifest: /(^|\/)mix\.exs$/, roots: ["lib", "config", "priv"], why: "Elixir application source (mix.exs)" },
  { manifest: /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/, roots: ["src/main"], why: "the main source set of a Maven/Gradle project" },
  { manifest: /(^|\/)go\.mod$/, roots: [""], why: "Go module source (go.mod)", only: /\.go$/ },
  { manifest: /(^|\/)Cargo\.toml$/, roots: ["src"], why: "Rust crate source (Cargo.toml)" },
  { manifest: /(^|\/)[^/]+\.csproj$/, roots: [""], why: ".NET project source (.csproj)", only: /\.(cs|fs|vb)$|(^|\/)appsettings[\w.-]*\.json$/ },
  { manifest: /(^|\/)package\.json$/, roots: ["src", "app", "lib", "server", "pages", "api", "config", "routes", "prisma"], why: "Node package source (package.json)" },
  { manifest: /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|manage\.py)$/, roots: ["src"], why: "Python project source" }
];
var CODE_OR_CONFIG = /\.(py|[cm]?[jt]sx?|rb|erb|php|ex|exs|eex|heex|go|rs|java|kt|scala|groovy|cs|fs|vb|json|ya?ml|toml|ini|cfg|conf|properties|xml|sql|prisma|env)$|(^|\/)(config\.ru|Procfile|manage\.py)$/i;
async function applicationSource(files) {
  const prefixes = /* @__PURE__ */ new Map();
  const paths = everyPath(files);
  const add = (dir, root, why, only) => {
    const prefix = posix.normalize(posix.join(dir, root)).replace(/^\.$/, "");
    if (!prefixes.has(prefix)) prefixes.set(prefix, { why, only });
  };
  for (const path of paths) {
    const dir = posix.dirname(path);
    for (const rule of SOURCE_ROOTS) {
      if (!rule.manifest.test(path)) continue;
      if (/\.csproj$/.test(path) && /tests?\b/i.test(posix.basename(path))) continue;
      for (const root of rule.roots) add(dir, root, `${rule.why} at ${path}`, rule.only);
    }
    if (/(^|\/)package\.json$/.test(path)) {
      for (const entry of await packageEntryFolders(files, path)) add(dir, entry, `a folder the entry points of ${path} name`);
    }
  }
  const pythonRoots = new Set(paths.filter((p) => /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|manage\.py)$/.test(p)).map((p) => posix.dirname(p)));
  for (const path of paths) {
    const m = /^(?:(.*)\/)?([^/]+)\/__init__\.py$/.exec(path);
    if (m && pythonRoots.has(m[1] ?? ".")) add(m[1] ?? ".", m[2], `a Python package beside ${m[1] ?? "the root"}'s project manifest`);
  }
  for (const root of pythonRoots) for (const name of ["manage.py", "wsgi.py", "asgi.py", "app.py", "main.py"]) add(root, name, "a Python entry point beside the project manifest");
  const out = /* @__PURE__ */ new Map();
  for (const path of paths) {
    if (!CODE_OR_CONFIG.test(path) || isDescriptor(path)) continue;
    for (const prefix of [path, ...ancestors(path), ""]) {
      const root = prefixes.get(prefix);
      if (!root || root.only && !root.only.test(path)) continue;
      out.set(path, { role: "production", reason: `application source: ${root.why}`, rule: "evidence:application-source" });
      break;
    }
  }
  return out;
}
async function packageEntryFolders(files, path) {
  const text = await files.read(path);
  if (!text) return [];
  let pkg;
  try {
    pkg = JSON.parse(text);
  } catch {
    return [];
  }
  const entries = [];
  const collect = (value) => {
    if (typeof value === "string") entries.push(value);
    else if (value && typeof value === "object") for (const v of Object.values(value)) collect(v);
  };
  collect(pkg.main);
  collect(pkg.module);
  collect(pkg.bin);
  collect(pkg.exports);
  return [...new Set(entries.map((e) => e.replace(/^\.\//, "").split("/")[0]).filter((e) => e && e !== "." && !e.startsWith("..") && !/^(dist|build|out)$/.test(e)))];
}
function productionDockerfiles(files, roles) {
  return files.files.map((f) => f.path).filter((p) => isDockerfile(p) && roles.of(p).role === "production");
}

// src/model/builds.ts
import { posix as posix2 } from "node:path";
var BUILD_SOURCES = /^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)(\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines[\w.-]*\.ya?ml|cloudbuild[\w.-]*\.ya?ml|bitbucket-pipelines\.yml|Jenkinsfile|\.drone\.ya?ml|\.woodpecker[\w./-]*\.ya?ml|skaffold[\w.-]*\.ya?ml|docker-bake[\w.-]*\.(hcl|json)|Makefile|GNUmakefile|[\w.-]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|[\w.-]+\.(sh|bash|zsh|ps1)|package\.json|Earthfile|\.goreleaser\.ya?ml)$/;
var PUBLISHES = /uses:\s*[\w./-]*(build-push|push-image|publish-image|docker-publish)[\w./@-]*|\b(dockerhub|registry|ghcr|ecr|gcr|docker)[-_]?(token|password)\b|\bpush\s*:\s*(?!false\b)\S|\b(docker|podman|buildah)\s+push\b|--push\b|\bbuildx\s+bake\b|\bgoreleaser\b|\bdocker\/login-action\b|\b(docker|podman)\s+login\b|\bkubectl\s+(apply|set\s+image)\b|\bhelm\s+(upgrade|install)\b|\bgcloud\s+(run|app)\s+deploy\b|\bflyctl?\s+deploy\b|\bskaffold\s+(run|deploy|build)\b|\bcompose\b[^\n]*\s(up|push)\b/;
function publishingSections(path, text) {
  const lines = text.split("\n");
  const header = /(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile)$/.test(path) ? /^[\w./%-]+\s*:(?!=)/ : /^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$/.test(path) ? /^ {0,2}[\w.-]+:\s*$/ : void 0;
  if (!header) {
    const all = PUBLISHES.test(text);
    return () => all;
  }
  const sectionOf = [];
  const publishes = [false];
  let section = 0;
  for (const line of lines) {
    if (header.test(line)) {
      section++;
      publishes.push(false);
    }
    sectionOf.push(section);
    if (PUBLISHES.test(line.slice(0, 2e3))) publishes[section] = true;
  }
  return (line) => publishes[sectionOf[line - 1] ?? 0] ?? false;
}
var CONTEXT_KEY = /^\s*-?\s*["']?(?:build[-_]?context|context|docker[-_]?context)["']?\s*[:=]\s*["']?([^\s"'#]+)/i;
var BUILD_COMMAND = /\b(?:docker|podman)\s+(?:buildx\s+)?build\b|\bbuildah\s+(?:bud|build)\b/;
var OPTION_WITH_VALUE = /^(-t|--tag|-f|--file|--build-arg|--platform|--target|--label|--cache-from|--cache-to|--secret|--ssh|--output|-o|--progress|--network|--iidfile|--metadata-file|--builder|--build-context|--add-host|--shm-size|--ulimit|--attest|--annotation|--allow)$/;
var HIDDEN_FILE_KEY = /^\s*-?\s*["']?(?:file|dockerfile|dockerfile[-_]path)["']?\s*:\s*["']?(?:\$\{\{|\$\{?[A-Za-z_])/i;
var HIDDEN_FILE_OPTION = /(?:^|\s)(?:-f|--file)(?:\s+|=)["']?(?:\$\{\{|\$\{?[A-Za-z_])/;
var VARIABLE = /\$\{\{|\$\{|\$\(|\$[A-Za-z_]|%[A-Za-z_]+%/;
var STEP_START = /^\s*-\s+(name|uses|run|image|id)\s*:/;
var TAG_OPTION = /(?:^|\s)(?:-t|--tag)(?:\s+|=)["']?([a-z0-9][\w./:-]*)/g;
var IMAGE_LINE = /^\s*(?:-\s*)?(?:(?:image|tags?)\s*:\s*)?["']?((?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)+)(?::[\w.${}-]+)?["']?\s*(?:#.*)?$/i;
function imageRepository(image) {
  const parts = splitImage(image).repository.split("/");
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  if (parts[0] === "library" && parts.length > 1) parts.shift();
  return parts.join("/").toLowerCase();
}
function imagesOfStep(lines, i) {
  let start = i;
  while (start > 0 && i - start < 25 && !STEP_START.test(lines[start])) start--;
  let end = i + 1;
  while (end < lines.length && end - i < 25 && !STEP_START.test(lines[end])) end++;
  const out = /* @__PURE__ */ new Set();
  for (let j = start; j < end; j++) {
    const line = lines[j].length > 500 ? lines[j].slice(0, 500) : lines[j];
    for (const m of line.matchAll(TAG_OPTION)) if (m[1].includes("/") || j === i) out.add(imageRepository(m[1]));
    const whole = IMAGE_LINE.exec(line);
    if (whole && !/Dockerfile|Containerfile/.test(whole[1])) out.add(imageRepository(whole[1]));
  }
  for (let j = start; j < end; j++) {
    const step = /\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}/.exec(lines[j].slice(0, 500))?.[1];
    if (step) for (const image of metadataImages(lines, step)) out.add(imageRepository(image));
  }
  return [...out].filter((r) => r && !r.includes("$"));
}
function metadataImages(lines, step) {
  const id = new RegExp(`^\\s*(-\\s+)?id\\s*:\\s*["']?${step.replace(/[-]/g, "\\-")}["']?\\s*$`);
  const at = lines.findIndex((l) => id.test(l));
  if (at < 0) return [];
  const out = [];
  for (let j = at - 3 < 0 ? 0 : at - 3; j < lines.length && j < at + 30; j++) {
    const images = /^(\s*)images\s*:\s*(.*)$/.exec(lines[j]);
    if (!images) continue;
    const indent = images[1].length;
    const inline = images[2].replace(/^[|>][-+]?\s*$/, "").trim();
    if (inline) out.push(...inline.split(/[,\s]+/));
    for (let k = j + 1; k < lines.length && k < j + 30; k++) {
      const line = lines[k];
      if (line.trim() === "") continue;
      if (line.length - line.trimStart().length <= indent) break;
      out.push(...line.trim().split(/[,\s]+/));
    }
    break;
  }
  return out.map((i) => i.replace(/^["']|["']$/g, "")).filter((i) => /^[a-z0-9][\w./:-]*\/[\w./-]+$/i.test(i) && !i.includes("$"));
}
function referencesIn(path, text, dockerfiles) {
  const out = [];
  const lines = text.split("\n");
  const dir = posix2.dirname(path);
  const contextNear = (i) => {
    for (const j of [i, i - 1, i - 2, i - 3, i - 4, i - 5, i - 6, i + 1, i + 2, i + 3, i + 4, i + 5, i + 6]) {
      const m = j >= 0 && j < lines.length ? CONTEXT_KEY.exec(lines[j].slice(0, 500)) : null;
      if (m) return m[1];
    }
    return void 0;
  };
  const inBuildCommand = (i) => {
    for (let j = i; j >= 0 && j > i - 8; j--) {
      if (j < i && !/\\\s*$/.test(lines[j])) return false;
      if (BUILD_COMMAND.test(lines[j].slice(0, 2e3))) return true;
    }
    return false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i].length > 2e3 ? lines[i].slice(0, 2e3) : lines[i]).replace(/\$\{\{[^}\n]{0,200}\}\}/g, "${{expr}}");
    const found = { paths: [], prefixes: [], line: i + 1, images: [] };
    const add = (written, base) => {
      const clean = resolveDirectoryVariable(written.replace(/^["']|["',]$/g, ""), dir);
      const variable = VARIABLE.exec(clean);
      if (variable) {
        const prefix = clean.slice(0, variable.index).replace(/^\.\//, "").replace(/[^/]*$/, "");
        found.prefixes.push(prefix);
        return;
      }
      for (const from of [base, "", dir]) {
        if (from === void 0) continue;
        const p = posix2.normalize(posix2.join(from, clean)).replace(/^\.\//, "");
        if (dockerfiles.has(p)) {
          if (!found.paths.includes(p)) found.paths.push(p);
          return;
        }
      }
    };
    let named = false;
    for (const token of dockerfileTokens(line)) {
      if (/\.dockerignore$/i.test(token) || /^https?:/i.test(token)) continue;
      named = true;
      add(token, token.includes("/") ? void 0 : contextNear(i));
    }
    if (!named && (HIDDEN_FILE_KEY.test(line) || HIDDEN_FILE_OPTION.test(line) && inBuildCommand(i))) found.prefixes.push("");
    const context = CONTEXT_KEY.exec(line);
    if (context && !named) add(posix2.join(context[1], "Dockerfile"));
    if (BUILD_COMMAND.test(line)) {
      const positional = buildContextArgument(line);
      if (positional !== void 0 && !/(-f|--file)[\s=]/.test(line)) add(posix2.join(positional, "Dockerfile"));
    }
    if (found.paths.length) found.images = imagesOfStep(lines, i);
    if (found.paths.length || found.prefixes.length) out.push(found);
  }
  return out;
}
var SCRIPT_DIR_VARIABLE = /^(?:\$\{?(?:SCRIPT_?DIR|SCRIPTDIR|SCRIPT_?PATH|DIR|HERE|BASE_?DIR|THIS_?DIR|CURRENT_?DIR)\}?|\$\(\s*dirname\s+["']?\$(?:0|\{?BASH_SOURCE(?:\[0\])?\}?)["']?\s*\))(?=\/)/;
var ROOT_VARIABLE = /^\$\{?(?:ROOT|ROOT_?DIR|REPO_?ROOT|REPO_?DIR|PROJECT_?ROOT|PROJECT_?DIR|TOP_?DIR|GITHUB_WORKSPACE|CI_PROJECT_DIR)\}?(?=\/)/;
function resolveDirectoryVariable(path, dir) {
  if (SCRIPT_DIR_VARIABLE.test(path)) return path.replace(SCRIPT_DIR_VARIABLE, dir === "." ? "." : dir);
  if (ROOT_VARIABLE.test(path)) return path.replace(ROOT_VARIABLE, ".");
  return path;
}
var TOKEN_CHAR = /[\w.${}/-]/;
function dockerfileTokens(line) {
  const out = [];
  let from = 0;
  for (; ; ) {
    const d = line.indexOf("Dockerfile", from);
    const c = line.indexOf("Containerfile", from);
    const at = d < 0 ? c : c < 0 ? d : Math.min(d, c);
    if (at < 0) return out;
    let start = at;
    while (start > 0 && TOKEN_CHAR.test(line[start - 1])) start--;
    let end = at + (at === d ? "Dockerfile".length : "Containerfile".length);
    while (end < line.length && TOKEN_CHAR.test(line[end])) end++;
    out.push(line.slice(start, end).replace(/\.+$/, ""));
    from = end;
  }
}
function buildContextArgument(line) {
  const m = BUILD_COMMAND.exec(line);
  const words = line.slice(m.index + m[0].length).split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^(&&|\|\||;|\||\\|#)/.test(w)) return void 0;
    if (OPTION_WITH_VALUE.test(w)) {
      i++;
      continue;
    }
    if (w.startsWith("-")) continue;
    return w.replace(/^["']|["';]$/g, "");
  }
  return void 0;
}
async function computeBuilds(files, roles, deployments) {
  const dockerfiles = new Set(files.files.map((f) => f.path).filter(isDockerfile));
  const refs = /* @__PURE__ */ new Map();
  const note = (path, ref) => {
    const list = refs.get(path) ?? [];
    if (!list.some((r) => r.how === ref.how)) list.push(ref);
    refs.set(path, list);
  };
  if (dockerfiles.size === 0) return { roleOverrides: /* @__PURE__ */ new Map(), dockerfilesForImage: () => [] };
  for (const deployment of deployments.list) {
    for (const service of deployment.services) {
      const path = dockerfileOf(service);
      if (!path) continue;
      const role = roleOfProfiles(service.profiles)?.role ?? deployment.role.role;
      note(path, { how: `service \`${service.name}\` of ${deployment.name}`, role });
    }
  }
  const hidden = [];
  const byImage = /* @__PURE__ */ new Map();
  const sources = files.files.map((f) => f.path).filter((p) => BUILD_SOURCES.test(p));
  const perFile = await mapLimited(sources, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    if (!text || !/Dockerfile|Containerfile|context|build/i.test(text)) return [];
    const publishing = /(^|\/)(skaffold[\w.-]*\.ya?ml|docker-bake[\w.-]*\.(hcl|json)|\.goreleaser\.ya?ml)$/.test(path) ? () => true : publishingSections(path, text);
    return referencesIn(path, text, dockerfiles).map((found) => ({ path, found, publishes: publishing(found.line) }));
  });
  for (const path of sources) {
    if (!/^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$/.test(path) || !dockerfiles.has("Dockerfile")) continue;
    const text = await files.read(path);
    if (!text || !/(build-push|push-image|publish-image|docker-publish)/.test(text) || /Dockerfile|Containerfile|docker\s+build/.test(text)) continue;
    if (roles.of(path).role === "development" || roles.of(path).role === "test") continue;
    note("Dockerfile", { how: `${path} (a publishing workflow that names no Dockerfile: the root one)`, role: "production" });
  }
  for (const { path, found, publishes } of perFile.flat()) {
    const own = roles.of(path).role;
    if (own === "docs" || own === "example" || own === "template") continue;
    const role = own === "development" || own === "test" ? own : publishes ? "production" : "tooling";
    for (const p of found.paths) {
      note(p, { how: `${path}:${found.line}`, role });
      for (const image of found.images) byImage.set(image, [.../* @__PURE__ */ new Set([...byImage.get(image) ?? [], p])]);
    }
    hidden.push(...found.prefixes);
  }
  const roleOverrides = /* @__PURE__ */ new Map();
  const anyVisible = refs.size > 0;
  for (const path of dockerfiles) {
    const current = roles.of(path);
    const list = refs.get(path) ?? [];
    const production = list.find((r) => r.role === "production");
    if (production && yieldsToEvidence(current)) {
      roleOverrides.set(path, { role: "production", reason: `built by ${production.how}`, rule: "evidence:built-by" });
      continue;
    }
    if (current !== UNKNOWN_ROLE) continue;
    if (list.length) {
      const role = list.some((r) => r.role === "development") ? "development" : list[0].role;
      roleOverrides.set(path, { role, reason: `built only by ${list.map((r) => `${r.how} (${r.role === "tooling" ? "which publishes nothing" : r.role})`).join(", ")}`, rule: "evidence:built-by-non-production" });
    } else if (anyVisible && posix2.dirname(path) !== "." && !hidden.some((prefix) => path.startsWith(prefix))) {
      roleOverrides.set(path, {
        role: "unknown",
        reason: "nothing in the repository builds it (no compose service, CI workflow, script, skaffold or bake file names it)",
        rule: "evidence:built-by-nothing"
      });
    }
  }
  return { roleOverrides, dockerfilesForImage: (image) => byImage.get(imageRepository(image)) ?? [] };
}
var BUILDS_DOC = [
  "### What builds a Dockerfile",
  "",
  "A Dockerfile takes its role from what builds it:",
  "",
  '- **Built by a production deployment or a publishing step**: production, even in a folder the path table calls development, tooling or examples. References are read from compose services (`build:` with its `context`/`dockerfile`, under the service\'s deployment and profile), and by a line scan of CI workflows (GitHub, GitLab, CircleCI, Azure, Cloud Build, Bitbucket, Drone, Woodpecker, Jenkinsfile), shell scripts, Makefiles, justfiles, Taskfiles, `package.json`, skaffold, `docker-bake` and Earthfiles: Dockerfile paths (relative to the build context written next to them), `context:` keys, and the context argument of `docker build`; `$SCRIPT_DIR/`, `$(dirname "$0")/` and `$REPO_ROOT/`-style prefixes are resolved. A CI workflow or script counts as publishing when it pushes (`push: true`, `docker push`, `--push`, bake, goreleaser, a registry login) or deploys (kubectl, helm, `gcloud run deploy`, `fly deploy`, skaffold, `compose up`); one that only builds an image to run it once (a package builder) gives the Dockerfile no production role. README and docs pages are not read here (they show how one could build).',
  "- **Built only by development or test deployments**, or by services that run only in a `dev`/`test`/`deprecated` profile: that role (so at most P2).",
  "- **Built by nothing**, when the repository shows how it builds its images and no reference hides its path behind a variable: `unknown`, with that reason (at most P1).",
  "",
  "A compose deployment that builds from source the services another production deployment of the repository runs from published images (at least two of them, and at least half of those it builds) is that deployment's local build: development."
].join("\n");

export {
  invocationRoles,
  deploymentEnvRoles,
  imageContents,
  applicationSource,
  productionDockerfiles,
  computeBuilds,
  BUILDS_DOC
};
