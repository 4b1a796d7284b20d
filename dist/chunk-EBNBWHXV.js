import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  splitImage
} from "./chunk-Q32V5B53.js";
import {
  nodeAt,
  require_dist
} from "./chunk-P7AGYOMS.js";
import {
  __toESM
} from "./chunk-7FI7UYSE.js";

// src/parse/k8s-images.ts
var import_yaml = __toESM(require_dist(), 1);
var KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
var SKAFFOLD = /(^|\/)skaffold[\w.-]*\.ya?ml$/;
var cache = /* @__PURE__ */ new WeakMap();
function imageSources(ctx) {
  let pending = cache.get(ctx.files);
  if (!pending) {
    pending = load(ctx);
    cache.set(ctx.files, pending);
  }
  return pending;
}
function normalise(path) {
  const out = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (!out.length) return void 0;
      out.pop();
    } else out.push(part);
  }
  return out.join("/");
}
var strings = (value) => Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
async function load(ctx) {
  const built = /* @__PURE__ */ new Map();
  const kustomizations = /* @__PURE__ */ new Map();
  for (const file of ctx.files.files) {
    const isSkaffold = SKAFFOLD.test(file.path);
    if (!isSkaffold && !KUSTOMIZATION.test(file.path)) continue;
    const yaml = await ctx.parsed.yaml(file.path);
    if (!yaml || yaml.errors.length) continue;
    for (const doc of yaml.documents) {
      if (!(0, import_yaml.isMap)(doc.contents)) continue;
      const data = doc.toJS({ maxAliasCount: 1e3 });
      if (isSkaffold) {
        const paths = [["build", "artifacts"]];
        const profiles = Array.isArray(data.profiles) ? data.profiles : [];
        profiles.forEach((_, i) => paths.push(["profiles", i, "build", "artifacts"]));
        for (const at of paths) {
          const list = nodeAt(doc, at);
          const seq = list && typeof list === "object" && "value" in list ? list.value : list;
          if (!(0, import_yaml.isSeq)(seq)) continue;
          seq.items.forEach((item, i) => {
            if (!(0, import_yaml.isMap)(item)) return;
            const image = item.get("image");
            if (typeof image === "string" && !built.has(image)) built.set(image, { path: file.path, line: yaml.lineOf(nodeAt(doc, [...at, i, "image"])) });
          });
        }
        continue;
      }
      const dir = file.path.includes("/") ? file.path.slice(0, file.path.lastIndexOf("/")) : "";
      const relative = (p) => /^[a-z]+:\/\/|^github\.com\//i.test(p) ? void 0 : normalise(dir ? `${dir}/${p}` : p);
      const images = [];
      (Array.isArray(data.images) ? data.images : []).forEach((entry, i) => {
        if (!entry || typeof entry !== "object") return;
        const e = entry;
        if (typeof e.name !== "string") return;
        const name = typeof e.newName === "string" ? e.newName : e.name;
        const tag = e.newTag === void 0 || e.newTag === null ? void 0 : String(e.newTag);
        const digest = typeof e.digest === "string" ? e.digest : void 0;
        images.push({
          kustomization: file.path,
          line: yaml.lineOf(nodeAt(doc, ["images", i])),
          name: e.name,
          result: `${name}${tag !== void 0 ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`,
          setsTag: tag !== void 0 || digest !== void 0
        });
      });
      kustomizations.set(dir, {
        path: file.path,
        dir,
        includes: [...strings(data.resources), ...strings(data.bases)].map(relative).filter((p) => p !== void 0),
        components: strings(data.components).map(relative).filter((p) => p !== void 0),
        images,
        patches: [
          ...strings(data.patchesStrategicMerge),
          ...(Array.isArray(data.patches) ? data.patches : []).map((p) => p && typeof p === "object" ? p.path : void 0).filter((p) => typeof p === "string")
        ].map(relative).filter((p) => p !== void 0 && ctx.files.has(p))
      });
    }
  }
  const byFile = /* @__PURE__ */ new Map();
  for (const k of kustomizations.values()) {
    const images = [...k.images, ...k.components.flatMap((c) => kustomizations.get(c)?.images ?? [])];
    if (!images.length) continue;
    for (const path of reachable(k, kustomizations, ctx.files)) byFile.set(path, [...byFile.get(path) ?? [], ...images]);
  }
  const patchesByFile = /* @__PURE__ */ new Map();
  for (const k of kustomizations.values()) {
    if (!k.patches.length) continue;
    const patches = /* @__PURE__ */ new Map();
    for (const path of k.patches) {
      for (const [key, patch] of await containerPatches(ctx, path, k.path)) patches.set(key, [...patches.get(key) ?? [], patch]);
    }
    if (!patches.size) continue;
    for (const path of reachable(k, kustomizations, ctx.files)) {
      const forFile = patchesByFile.get(path) ?? /* @__PURE__ */ new Map();
      for (const [key, list] of patches) forFile.set(key, [...forFile.get(key) ?? [], ...list]);
      patchesByFile.set(path, forFile);
    }
  }
  return {
    built,
    rewritesOf(manifestPath, image) {
      const { repository } = splitImage(image);
      return (byFile.get(manifestPath) ?? []).filter((r) => r.name === repository);
    },
    patchesOf(manifestPath, kind, name, container) {
      return patchesByFile.get(manifestPath)?.get(`${kind}/${name}/${container}`) ?? [];
    }
  };
}
var POD_SPEC = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"]
};
async function containerPatches(ctx, path, kustomization) {
  const out = /* @__PURE__ */ new Map();
  const yaml = await ctx.parsed.yaml(path);
  if (!yaml || yaml.errors.length) return out;
  for (const doc of yaml.documents) {
    const data = doc.toJS({ maxAliasCount: 1e3 });
    if (!data || typeof data.kind !== "string" || typeof data.metadata?.name !== "string" || !POD_SPEC[data.kind]) continue;
    let spec = data;
    for (const key of POD_SPEC[data.kind]) spec = spec && typeof spec === "object" ? spec[key] : void 0;
    for (const field of ["containers", "initContainers"]) {
      const list = spec && typeof spec === "object" ? spec[field] : void 0;
      if (!Array.isArray(list)) continue;
      for (const c of list) {
        if (c && typeof c === "object" && typeof c.name === "string") {
          out.set(`${data.kind}/${data.metadata.name}/${c.name}`, { kustomization, path, spec: c });
        }
      }
    }
  }
  return out;
}
function mergePatch(base, patch) {
  const out = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergePatch(current, value) : value;
  }
  return out;
}
var isPlainObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function reachable(root, all, files) {
  const out = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  const visit = (k) => {
    if (seen.has(k.dir)) return;
    seen.add(k.dir);
    for (const p of [...k.includes, ...k.components]) {
      const nested = all.get(p);
      if (nested) visit(nested);
      else if (files.has(p)) out.add(p);
    }
  };
  visit(root);
  return out;
}
var K8S_DEPLOYED_DOC = [
  "Kubernetes containers are judged as deployed:",
  "",
  "- An image named by a skaffold `build.artifacts` entry (or a profile's) is built and tagged by skaffold at deploy: not a pinning failure.",
  "- A kustomize `images:` entry (newName/newTag/digest) of a kustomization that includes the manifest (through `resources`, `bases`, `components`) replaces the image: the deployed reference is judged at the kustomization line, so a development overlay is capped at P2 and the production overlay decides.",
  "- Container fields set by `patches:`/`patchesStrategicMerge:` of a production kustomization (probes, resources, securityContext) are merged into the base container by name before judging.",
  "- Helm charts (`Chart.yaml`) are rendered with `helm template` when helm is on PATH and the output is judged under the chart's role. Each finding points where the chart writes the key: the values.yaml line the template reads it from (`.Values.image.tag`, `toYaml .Values.resources`, a parent chart's `sub.key` before a subchart's own values), else the template line that writes it (found through the document's `# Source:` comment and the template's keys), and for a key the rendering lacks, the values.yaml line of the `with`/`if` that left it out, or the template file as a whole when nothing in the chart writes it. Without helm each chart gets one `skip` note; a chart helm cannot render is an `error`. Chart templates (subcharts' included) are never judged as written.",
  "- Floating tags fail like `latest`: tags made only of channel or codename words without a version (`alpine`, `lts`, `stable`, `edge`, `nightly`, `slim`, `bookworm`, `lts-alpine`); `7.2-alpine` passes."
].join("\n");

export {
  imageSources,
  mergePatch,
  K8S_DEPLOYED_DOC
};
