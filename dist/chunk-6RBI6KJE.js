import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  deploymentAssignments,
  mayRunInProduction
} from "./chunk-MZGC2JCM.js";

// src/model/frameworks/aspnet.ts
import { posix } from "node:path";

// src/parse/jsonc.ts
var MAX_DEPTH = 64;
function parseJsoncLeaves(text) {
  const src = text.replace(/^\uFEFF/, "");
  let pos = 0;
  let line = 1;
  const leaves = [];
  class JsonError extends Error {
  }
  const fail = (message) => {
    throw new JsonError(message);
  };
  const skip = () => {
    for (; ; ) {
      const ch = src[pos];
      if (ch === "\n") {
        line++;
        pos++;
      } else if (ch === " " || ch === "	" || ch === "\r") pos++;
      else if (ch === "/" && src[pos + 1] === "/") {
        while (pos < src.length && src[pos] !== "\n") pos++;
      } else if (ch === "/" && src[pos + 1] === "*") {
        const end = src.indexOf("*/", pos + 2);
        if (end < 0) fail("unterminated comment");
        for (let i = pos; i < end; i++) if (src[i] === "\n") line++;
        pos = end + 2;
      } else return;
    }
  };
  const special = /["\\\n]/g;
  const string = () => {
    pos++;
    let out = "";
    for (; ; ) {
      special.lastIndex = pos;
      const stop = special.exec(src)?.index ?? src.length;
      out += src.slice(pos, stop);
      pos = stop;
      const ch = src[pos];
      if (ch === void 0 || ch === "\n") fail("unterminated string");
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === "\\") {
        const e = src[pos + 1];
        if (e === "u") {
          const hex = src.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("bad \\u escape");
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
          continue;
        }
        const map = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "	" };
        if (e === void 0 || !(e in map)) fail("bad escape");
        out += map[e];
        pos += 2;
        continue;
      }
      out += ch;
      pos++;
    }
  };
  const separator = (close) => {
    skip();
    if (src[pos] === ",") {
      pos++;
      skip();
    } else if (src[pos] !== close) fail(`expected ',' or '${close}'`);
  };
  const literal = /true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
  const value = (path, depth) => {
    if (depth > MAX_DEPTH) fail("nested too deeply");
    skip();
    const at = line;
    const ch = src[pos];
    if (ch === "{") {
      pos++;
      skip();
      while (src[pos] !== "}") {
        if (src[pos] !== '"') fail("expected a property name");
        const key = string();
        skip();
        if (src[pos] !== ":") fail("expected ':'");
        pos++;
        value(path ? `${path}:${key}` : key, depth + 1);
        separator("}");
      }
      pos++;
    } else if (ch === "[") {
      pos++;
      skip();
      let index = 0;
      while (src[pos] !== "]") {
        value(`${path}:${index++}`, depth + 1);
        separator("]");
      }
      pos++;
    } else if (ch === '"') leaves.push({ key: path, value: string(), line: at });
    else {
      literal.lastIndex = pos;
      const m = literal.exec(src);
      if (!m) fail(ch === void 0 ? "unexpected end of file" : `unexpected character '${ch}'`);
      const word = m[0];
      pos += word.length;
      leaves.push({ key: path, value: word === "true" ? true : word === "false" ? false : word === "null" ? null : Number(word), line: at });
    }
  };
  try {
    value("", 0);
    skip();
    if (pos < src.length) fail("unexpected text after the end");
    return { ok: true, leaves };
  } catch (err) {
    if (err instanceof JsonError) return { ok: false, line, message: err.message };
    throw err;
  }
}

// src/model/frameworks/aspnet.ts
var WEB_SDK = /<Project\s+Sdk\s*=\s*"Microsoft\.NET\.Sdk\.(Web|Razor|BlazorWebAssembly)"/;
async function aspnetModel(files, parsed, roles) {
  const csprojs = files.files.map((f) => f.path).filter((p) => p.endsWith(".csproj"));
  if (!csprojs.length) return { projects: [] };
  const env = await deploymentAssignments(files, roles, (name) => /^[A-Za-z][A-Za-z0-9_]*$/.test(name) && /[A-Z]|__/.test(name));
  const projects = [];
  const owned = ownedSources(files, csprojs);
  for (const project of csprojs) {
    const text = await files.read(project) ?? "";
    if (!WEB_SDK.test(text) || /tests?\b/i.test(posix.basename(project))) continue;
    projects.push(await readProject(files, parsed, project, csprojs, env, owned));
  }
  return { projects };
}
var dirOf = (path) => posix.dirname(path) === "." ? "" : posix.dirname(path);
var inDir = (path, dir) => dir === "" || path.startsWith(`${dir}/`);
async function readProject(files, parsed, project, csprojs, env, owned) {
  const dir = dirOf(project);
  const otherDirs = csprojs.map(dirOf).filter((d) => d !== "" && d !== dir && !inDir(project, d));
  const ours = (a) => inDir(a.path, dir) || !otherDirs.some((d) => inDir(a.path, d));
  const near = (a) => Number(!inDir(a.path, dir)) * 2 + Number(a.role !== "production");
  const production = env.filter((a) => mayRunInProduction(a) && ours(a)).sort((a, b) => near(a) - near(b));
  const envSetting = production.find((a) => /^(ASPNETCORE|DOTNET)_ENVIRONMENT$/.test(a.name) && !/\$/.test(a.value));
  const environment = envSetting?.value || "Production";
  const environmentFrom = envSetting ? `${envSetting.name}=${envSetting.value} in ${envSetting.path}:${envSetting.line}` : "Production: no production deployment file sets ASPNETCORE_ENVIRONMENT, and Production is ASP.NET Core's default";
  const paths = [`appsettings.json`, `appsettings.${environment}.json`].map((n) => dir ? `${dir}/${n}` : n).filter((p) => files.has(p));
  const unreadable = [];
  const effective = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const result = await parsed.memo("jsonc", path, (t) => parseJsoncLeaves(t));
    if (!result) continue;
    if (!result.ok) {
      unreadable.push({ path, line: result.line, message: result.message });
      continue;
    }
    for (const leaf of result.leaves) effective.set(leaf.key.toLowerCase(), { ...leaf, path });
  }
  for (const a of production) {
    const key = a.name.replace(/__/g, ":").toLowerCase();
    const s = effective.get(key);
    if (s && !s.overriddenBy) effective.set(key, { ...s, overriddenBy: { name: a.name, path: a.path, line: a.line } });
  }
  const urls = production.find((a) => /^(ASPNETCORE_URLS|ASPNETCORE_HTTP_PORTS|ASPNETCORE_HTTPS_PORTS|DOTNET_URLS|URLS)$/.test(a.name));
  const certificate = production.find((a) => /^ASPNETCORE_Kestrel__Certificates__\w+__Path$/i.test(a.name));
  return {
    project,
    dir,
    environment,
    environmentFrom,
    environmentSetting: envSetting,
    files: paths,
    settings: [...effective.values()],
    get: (key) => effective.get(key.toLowerCase()),
    unreadable,
    sources: await sourcesOf(files, project, csprojs, owned),
    urls,
    certificate
  };
}
var GENERATED_CODE = /(^|\/)Migrations\/|\.(Designer|g|g\.i|generated)\.cs$/;
function ownedSources(files, csprojs) {
  const projectOfDir = new Map(csprojs.map((c) => [dirOf(c), c]));
  const owned = /* @__PURE__ */ new Map();
  for (const { path } of files.files) {
    if (!path.endsWith(".cs") || /(^|\/)(bin|obj)\//.test(path) || GENERATED_CODE.test(path)) continue;
    for (let dir = dirOf(path); ; dir = dirOf(dir)) {
      const owner = projectOfDir.get(dir);
      if (owner) {
        owned.set(owner, [...owned.get(owner) ?? [], path]);
        break;
      }
      if (dir === "") break;
    }
  }
  return owned;
}
async function sourcesOf(files, project, csprojs, owned) {
  const seen = /* @__PURE__ */ new Set();
  const queue = [project];
  while (queue.length && seen.size < 50) {
    const p = queue.shift();
    if (seen.has(p)) continue;
    seen.add(p);
    const text = await files.read(p) ?? "";
    for (const m of text.matchAll(/<ProjectReference\s+Include\s*=\s*"([^"]+)"/g)) {
      const target = posix.normalize(posix.join(dirOf(p), m[1].replace(/\\/g, "/")));
      if (csprojs.includes(target)) queue.push(target);
    }
  }
  return [...seen].flatMap((p) => owned.get(p) ?? []);
}
var ASPNET_RESOLUTION_DOC = [
  'ASP.NET Core settings are judged as the default host would load them in production (Microsoft Learn, "Configuration in ASP.NET Core" and "Use multiple environments"):',
  "",
  '- **Which projects.** Every `.csproj` with `Sdk="Microsoft.NET.Sdk.Web"` (Razor and Blazor WebAssembly SDKs too) whose name does not say test; its code is the `.cs` files of its folder and of the projects it references (`<ProjectReference>`, transitively), outside `bin/` and `obj/`.',
  "- **Which environment.** `ASPNETCORE_ENVIRONMENT` (or `DOTNET_ENVIRONMENT`) as a production deployment file sets it (files of the project's own folder first, such as its Dockerfile, then files of no other project's folder; a file of unknown role after a production one), else `Production`, ASP.NET Core's own default; failing findings say which.",
  "- **Which values.** `appsettings.json`, then `appsettings.{Environment}.json`, read as the JSON configuration provider reads them (comments and trailing commas allowed, keys case-insensitive, arrays by index); then the environment variables of the deployment, which override a key (`Jwt__Key` \u2192 `Jwt:Key`). `appsettings.Development.json` and other environments' files are not loaded in production. A file that does not parse is an `error` for the checks that read settings.",
  '- **Which code runs in production.** A call is development-only when it sits, at any depth, in an `if` whose condition is only `IsDevelopment()`/`IsEnvironment("Development"|"QA"|...)` tests, in the `else` of an `if (!env.IsDevelopment())`, or in a `#if DEBUG` region; a condition with another alternative (`IsDevelopment() || selfHosted`) may hold in production.'
].join("\n");

export {
  aspnetModel,
  ASPNET_RESOLUTION_DOC
};
