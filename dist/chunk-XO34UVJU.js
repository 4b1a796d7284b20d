import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  DEFAULT_ROLE,
  dockerfileOf,
  roleOfProfiles,
  splitImage
} from "./chunk-C2OKZWLU.js";
import {
  READ_CONCURRENCY,
  isDockerfile,
  mapLimited
} from "./chunk-7XXRKAQC.js";

// src/model/builds.ts
import { posix } from "node:path";
var BUILD_SOURCES = /^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)(\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines[\w.-]*\.ya?ml|cloudbuild[\w.-]*\.ya?ml|bitbucket-pipelines\.yml|Jenkinsfile|\.drone\.ya?ml|\.woodpecker[\w./-]*\.ya?ml|skaffold[\w.-]*\.ya?ml|docker-bake[\w.-]*\.(hcl|json)|Makefile|GNUmakefile|[\w.-]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|[\w.-]+\.(sh|bash|zsh|ps1)|package\.json|Earthfile|\.goreleaser\.ya?ml)$/;
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
  return [...out].filter((r) => r && !r.includes("$"));
}
function referencesIn(path, text, dockerfiles) {
  const out = [];
  const lines = text.split("\n");
  const dir = posix.dirname(path);
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
        const p = posix.normalize(posix.join(from, clean)).replace(/^\.\//, "");
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
    if (context && !named) add(posix.join(context[1], "Dockerfile"));
    if (BUILD_COMMAND.test(line)) {
      const positional = buildContextArgument(line);
      if (positional !== void 0 && !/(-f|--file)[\s=]/.test(line)) add(posix.join(positional, "Dockerfile"));
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
    return referencesIn(path, text, dockerfiles).map((found) => ({ path, found }));
  });
  for (const { path, found } of perFile.flat()) {
    const own = roles.of(path).role;
    if (own === "docs" || own === "example" || own === "template") continue;
    const role = own === "development" || own === "test" ? own : "production";
    for (const p of found.paths) {
      note(p, { how: `${path}:${found.line}`, role });
      for (const image of found.images) byImage.set(image, [.../* @__PURE__ */ new Set([...byImage.get(image) ?? [], p])]);
    }
    hidden.push(...found.prefixes);
  }
  const roleOverrides = /* @__PURE__ */ new Map();
  const anyVisible = refs.size > 0;
  for (const path of dockerfiles) {
    if (roles.of(path) !== DEFAULT_ROLE) continue;
    const list = refs.get(path) ?? [];
    const production = list.find((r) => r.role === "production");
    if (production) {
      roleOverrides.set(path, { role: "production", reason: `built by ${production.how}` });
    } else if (list.length) {
      const role = list.some((r) => r.role === "development") ? "development" : list[0].role;
      roleOverrides.set(path, { role, reason: `built only by ${list.map((r) => `${r.how} (${r.role})`).join(", ")}` });
    } else if (anyVisible && posix.dirname(path) !== "." && !hidden.some((prefix) => path.startsWith(prefix))) {
      roleOverrides.set(path, {
        role: "development",
        reason: "nothing in the repository builds it (no compose service, CI workflow, script, skaffold or bake file names it)"
      });
    }
  }
  return { roleOverrides, dockerfilesForImage: (image) => byImage.get(imageRepository(image)) ?? [] };
}
var BUILDS_DOC = [
  "### What builds a Dockerfile",
  "",
  "A Dockerfile whose role no path rule or content decided takes it from what builds it:",
  "",
  '- **Built by a production deployment, CI, a script or skaffold**: production. References are read from compose services (`build:` with its `context`/`dockerfile`, under the service\'s deployment and profile), and by a line scan of CI workflows (GitHub, GitLab, CircleCI, Azure, Cloud Build, Bitbucket, Drone, Woodpecker, Jenkinsfile), shell scripts, Makefiles, justfiles, Taskfiles, `package.json`, skaffold, `docker-bake` and Earthfiles: Dockerfile paths (relative to the build context written next to them), `context:` keys, and the context argument of `docker build`; `$SCRIPT_DIR/`, `$(dirname "$0")/` and `$REPO_ROOT/`-style prefixes are resolved. README and docs pages are not read (they show how one could build).',
  "- **Built only by development or test deployments**, or by services that run only in a `dev`/`test`/`deprecated` profile: that role (so at most P2).",
  "- **Built by nothing**, when the repository shows how it builds its images (at least one reference) and no reference hides its path behind a variable (`file: ${{ matrix.dockerfile }}` keeps every Dockerfile under the literal prefix production): development, with that reason. A Dockerfile at the repository root is never demoted this way.",
  "",
  "A compose deployment that builds from source the services another production deployment of the repository runs from published images (at least two of them, and at least half of those it builds) is that deployment's local build: development."
].join("\n");

// src/model/policy.ts
var CAP_BY_ROLE = {
  production: void 0,
  development: "P2",
  test: void 0,
  docs: void 0,
  example: void 0,
  template: void 0,
  tooling: void 0
};
var JUDGED_ROLES = /* @__PURE__ */ new Set(["production", "development"]);
function severityForRole(policy, role, severity) {
  if (policy !== "deployment") return { judged: true, severity, capped: false };
  if (!JUDGED_ROLES.has(role)) return { judged: false };
  const cap = CAP_BY_ROLE[role];
  if (cap && severity < cap) return { judged: true, severity: cap, capped: true };
  return { judged: true, severity, capped: false };
}
var ROLE_POLICY_DOC = [
  "| role | deployment checks (default) | secrets.hardcoded |",
  "| --- | --- | --- |",
  "| production | full severity | every rule, P0 |",
  "| development | at most P2 | every rule, P0 |",
  "| test | not judged | provider-specific credentials only (AWS, GitHub, Stripe live, Google, Slack, private keys...), P0 |",
  "| docs | not judged | provider-specific credentials only, P0 |",
  "| example | not judged | provider-specific credentials only, P0 |",
  "| template | not judged | provider-specific credentials only, P0 |",
  "| tooling | not judged | provider-specific credentials only, P0 |"
].join("\n");

export {
  computeBuilds,
  BUILDS_DOC,
  severityForRole,
  ROLE_POLICY_DOC
};
