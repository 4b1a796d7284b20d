import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIG_PATH,
  buildRepoModel,
  loadConfig
} from "./chunk-GNPAECZ7.js";
import "./chunk-MFYISP3M.js";
import {
  terminalText
} from "./chunk-JWXGXOVI.js";
import "./chunk-Q32V5B53.js";
import {
  loadFileSet
} from "./chunk-P7AGYOMS.js";
import "./chunk-YILMZW3C.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-ECORDGMP.js";
import "./chunk-TKC4N4VZ.js";
import {
  UsageError
} from "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";

// src/roles.ts
import { join, resolve } from "node:path";
async function fileRoles(options) {
  const root = resolve(options.repo);
  const configPath = options.config !== void 0 ? resolve(options.config) : join(root, DEFAULT_CONFIG_PATH);
  const { config } = await loadConfig(configPath, { explicit: options.config !== void 0 });
  const files = await loadFileSet(root, { maxFileBytes: config.repo.maxFileBytes, ignore: config.repo.ignore });
  const model = await buildRepoModel(files, { roles: config.repo.roles });
  const wanted = options.paths.map((p) => p.replace(/^\.\//, "").replace(/\/+$/, ""));
  const selected = wanted.length ? files.files.filter((f) => wanted.some((w) => w === "" || w === "." || f.path === w || f.path.startsWith(`${w}/`))) : files.files;
  const missing = wanted.filter((w) => w !== "" && w !== "." && !files.files.some((f) => f.path === w || f.path.startsWith(`${w}/`)));
  if (missing.length) throw new UsageError(`not in the repository (or ignored): ${missing.join(", ")}`);
  return selected.map((f) => {
    const info = model.roles.of(f.path);
    return { path: f.path, role: info.role, rule: info.rule ?? "unknown", reason: info.reason };
  });
}
function renderRoles(rows, format) {
  if (format === "json") return `${JSON.stringify(rows, null, 2)}
`;
  const width = Math.min(12, Math.max(...rows.map((r) => r.role.length), 4));
  const lines = rows.map((r) => `${r.role.padEnd(width)}  ${terminalText(r.path)}  [${r.rule}] ${terminalText(r.reason)}`);
  const byRole = /* @__PURE__ */ new Map();
  for (const r of rows) byRole.set(r.role, (byRole.get(r.role) ?? 0) + 1);
  const summary = [...byRole].sort((a, b) => b[1] - a[1]).map(([role, n]) => `${n} ${role}`).join(", ");
  return `${lines.join("\n")}

${rows.length} file(s): ${summary}.
`;
}
export {
  fileRoles,
  renderRoles
};
