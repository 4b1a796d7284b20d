import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  datastoreOf,
  parseDockerfile,
  stageLineage
} from "./chunk-Q32V5B53.js";
import {
  READ_CONCURRENCY,
  clampLine,
  isComposeFile,
  isYamlFile,
  mapLimited,
  nodeAt,
  require_dist
} from "./chunk-P7AGYOMS.js";
import {
  __toESM
} from "./chunk-7FI7UYSE.js";

// src/parse/kubernetes.ts
var import_yaml = __toESM(require_dist(), 1);
var POD_SPEC_PATH = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"]
};
var RUN_TO_COMPLETION = /* @__PURE__ */ new Set(["Job", "CronJob"]);
var LOOKS_LIKE_MANIFEST = /^\s*(-\s+)?apiVersion\s*:/m;
var HAS_KIND = /^\s*(-\s+)?kind\s*:/m;
async function loadManifests(ctx) {
  const candidates = ctx.files.files.filter((f) => isYamlFile(f.path) && !isComposeFile(f.path));
  const loaded = await mapLimited(candidates, READ_CONCURRENCY, (f) => loadManifest(ctx, f.path));
  return loaded.filter((m) => m !== void 0);
}
var manifestsByAudit = /* @__PURE__ */ new WeakMap();
function loadManifest(ctx, path) {
  let byPath = manifestsByAudit.get(ctx.parsed);
  if (!byPath) manifestsByAudit.set(ctx.parsed, byPath = /* @__PURE__ */ new Map());
  let pending = byPath.get(path);
  if (!pending) byPath.set(path, pending = readManifest(ctx, path));
  return pending;
}
async function readManifest(ctx, path) {
  const text = await ctx.files.read(path);
  if (text === void 0 || !text.includes("apiVersion") || !LOOKS_LIKE_MANIFEST.test(text) || !HAS_KIND.test(text)) return void 0;
  const yaml = await ctx.parsed.yaml(path);
  if (!yaml) return void 0;
  const result = await ctx.parsed.memo("kubernetes", path, () => {
    try {
      return buildManifestFile(path, text, yaml);
    } catch (err) {
      return { path, workloads: [], secrets: [], error: { line: 1, message: err instanceof Error ? err.message.split("\n")[0] : String(err) } };
    }
  });
  return result ?? void 0;
}
function buildManifestFile(path, text, yaml) {
  const templated = text.includes("{{");
  if (yaml.errors.length) {
    if (templated) return { path, workloads: [], secrets: [], helm: "skipped" };
    return { path, workloads: [], secrets: [], error: { line: clampLine(text, yaml.errors[0].line), message: yaml.errors[0].message } };
  }
  const workloads = [];
  const secrets = [];
  const services = [];
  const routedServices = [];
  let manifests = 0;
  const manifestsOf = (doc) => {
    const root = doc.contents;
    if (!(0, import_yaml.isMap)(root)) return [];
    const items = root.get("items", true);
    if (root.get("kind") === "List" && (0, import_yaml.isSeq)(items)) return items.items.flatMap((item, i) => (0, import_yaml.isMap)(item) ? [{ root: item, prefix: ["items", i] }] : []);
    return [{ root, prefix: [] }];
  };
  for (const doc of yaml.documents) for (const { root, prefix } of manifestsOf(doc)) {
    const kind = root.get("kind");
    if (typeof kind !== "string" || typeof root.get("apiVersion") !== "string") continue;
    manifests++;
    const kindLine = yaml.lineOf(nodeAt(doc, [...prefix, "kind"]));
    const name = String(root.toJS(doc, { maxAliasCount: 1e3 }).metadata?.name ?? "(unnamed)");
    if (kind === "Secret") {
      secrets.push({ name, line: kindLine, values: secretValues(doc, yaml, prefix) });
      continue;
    }
    if (kind === "Service") {
      const selector = nodeValue(nodeAt(doc, [...prefix, "spec", "selector"]));
      const labels = (0, import_yaml.isMap)(selector) ? stringMap(selector.toJS(doc, { maxAliasCount: 1e3 })) : {};
      const spec = root.toJS(doc, { maxAliasCount: 1e3 }).spec ?? {};
      services.push({ name, line: kindLine, type: typeof spec.type === "string" ? spec.type : "ClusterIP", selector: labels, externalIPs: Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0 });
      continue;
    }
    if (kind === "Ingress" || kind === "Route" || kind === "HTTPRoute" || kind === "GRPCRoute" || kind === "TCPRoute" || kind === "IngressRoute") {
      routedServices.push(...backendServices(root.toJS(doc, { maxAliasCount: 1e3 })));
      continue;
    }
    const specPath = POD_SPEC_PATH[kind] && [...prefix, ...POD_SPEC_PATH[kind]];
    if (!specPath) continue;
    const specNode = nodeValue(nodeAt(doc, specPath));
    if (!(0, import_yaml.isMap)(specNode)) continue;
    const podSpec = specNode.toJS(doc, { maxAliasCount: 1e3 });
    const podLineOf = (keyPath) => {
      const node = nodeAt(doc, [...specPath, ...keyPath]);
      return node === void 0 ? kindLine : yaml.lineOf(node);
    };
    const containers = [];
    for (const field of ["initContainers", "containers"]) {
      const list = nodeValue(nodeAt(doc, [...specPath, field]));
      if (!(0, import_yaml.isSeq)(list)) continue;
      list.items.forEach((item, index) => {
        if (!(0, import_yaml.isMap)(item) || !item.has("image")) return;
        const spec = item.toJS(doc, { maxAliasCount: 1e3 });
        const base = [...specPath, field, index];
        const line = yaml.lineOf(item);
        const lineOf = (keyPath) => {
          const node = nodeAt(doc, [...base, ...keyPath]);
          return node === void 0 ? line : yaml.lineOf(node);
        };
        containers.push({
          name: String(spec.name ?? `#${index + 1}`),
          line,
          init: field === "initContainers",
          spec,
          lineOf,
          locate: (keyPath) => ({ path, line: lineOf(keyPath) }),
          docPath: base
        });
      });
    }
    const completes = RUN_TO_COMPLETION.has(kind) || kind === "Pod" && (podSpec.restartPolicy === "Never" || podSpec.restartPolicy === "OnFailure");
    const labelsPath = kind === "Pod" ? [...prefix, "metadata", "labels"] : [...specPath.slice(0, -1), "metadata", "labels"];
    const labelsNode = nodeValue(nodeAt(doc, labelsPath));
    const podLabels = (0, import_yaml.isMap)(labelsNode) ? stringMap(labelsNode.toJS(doc, { maxAliasCount: 1e3 })) : {};
    workloads.push({ kind, name, line: kindLine, longRunning: !completes, podSpec, podLineOf, podLocate: (keyPath) => ({ path, line: podLineOf(keyPath) }), specPath, containers, podLabels });
  }
  if (manifests === 0) return void 0;
  return { path, workloads, secrets, services, routedServices, ...templated ? { helm: "parsed" } : {} };
}
function backendServices(resource) {
  const out = [];
  const walk = (node, parentKey, depth) => {
    if (depth > 12 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, parentKey, depth + 1);
      return;
    }
    const o = node;
    if (typeof o.serviceName === "string") out.push(o.serviceName);
    if ((parentKey === "service" || parentKey === "to" || parentKey === "backendRefs" || parentKey === "services") && typeof o.name === "string") out.push(o.name);
    for (const [k, v] of Object.entries(o)) walk(v, k, depth + 1);
  };
  walk(resource?.spec, "spec", 0);
  return out;
}
function stringMap(value) {
  const out = {};
  if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out[k] = String(v);
  return out;
}
function isSelectedByService(workload, manifests, path) {
  const dir = path.slice(0, path.lastIndexOf("/") + 1);
  return manifests.some((m) => m.path.slice(0, m.path.lastIndexOf("/") + 1) === dir && (m.services ?? []).some((svc) => selects(svc.selector, workload.podLabels)));
}
function selects(selector, labels) {
  const wanted = Object.entries(selector);
  return wanted.length > 0 && labels !== void 0 && wanted.every(([k, v]) => labels[k] === v);
}
function secretValues(doc, yaml, prefix) {
  const out = [];
  for (const field of ["data", "stringData"]) {
    const map = nodeValue(nodeAt(doc, [...prefix, field]));
    if (!(0, import_yaml.isMap)(map)) continue;
    for (const pair of map.items) {
      const key = String(pair.key?.value ?? "");
      const raw = pair.value?.value;
      const value = raw === void 0 || raw === null ? "" : String(raw);
      if (value.trim() !== "") out.push({ key, line: yaml.lineOf(pair), value, field });
    }
  }
  return out;
}
function nodeValue(found) {
  if (found && typeof found === "object" && "key" in found && "value" in found) return found.value;
  return found;
}
function isTemplated(value) {
  return typeof value === "string" && value.includes("{{");
}

// src/model/k8s-network.ts
var REACHABLE_TYPES = /* @__PURE__ */ new Set(["NodePort", "LoadBalancer", "ExternalName"]);
async function datastoreImages(images, builds, files) {
  const out = /* @__PURE__ */ new Set();
  for (const image of new Set(images)) {
    if (datastoreOf(image) !== void 0) {
      out.add(image);
      continue;
    }
    const bare = image.split("@")[0].replace(/:[^/:]*$/, "").split("/").pop();
    const dockerfiles = builds.dockerfilesForImage(image).length ? builds.dockerfilesForImage(image) : builds.dockerfilesForImage(bare);
    for (const dockerfile of dockerfiles) {
      const text = await files.read(dockerfile);
      if (text === void 0) continue;
      const file = parseDockerfile(text);
      if (!file.stages.length) continue;
      const lineage = stageLineage(file, file.stages.length - 1);
      if (datastoreOf(lineage[lineage.length - 1].resolvedImage) !== void 0) {
        out.add(image);
        break;
      }
    }
  }
  return out;
}
async function clusterInternalDatastores(ctx, builds) {
  const manifests = await loadManifests(ctx);
  return internalDatastores(manifests, await datastoreImages(workloadImages(manifests), builds, ctx.files));
}
function workloadImages(manifests) {
  return manifests.flatMap((m) => m.workloads.flatMap((w) => w.containers.map((c) => String(c.spec.image ?? ""))));
}
function internalDatastores(manifests, stores = /* @__PURE__ */ new Set()) {
  const routed = new Set(manifests.flatMap((m) => m.routedServices ?? []).map((n) => n.toLowerCase()));
  const out = /* @__PURE__ */ new Map();
  const exposed = /* @__PURE__ */ new Set();
  for (const m of manifests) {
    for (const svc of m.services ?? []) {
      const name = svc.name.toLowerCase();
      if (REACHABLE_TYPES.has(svc.type) || svc.externalIPs || routed.has(name)) {
        exposed.add(name);
        continue;
      }
      const images = manifests.flatMap((f) => f.workloads).filter((w) => selects(svc.selector, w.podLabels)).flatMap((w) => w.containers.filter((c) => !c.init).map((c) => String(c.spec.image ?? "")));
      const store = images.find((image) => datastoreOf(image) !== void 0 || stores.has(image));
      if (store && !out.has(name)) out.set(name, { service: svc.name, path: m.path, image: store });
    }
  }
  for (const name of exposed) out.delete(name);
  return out;
}
function serviceOfHost(host) {
  return host.toLowerCase().split(".")[0];
}

export {
  loadManifests,
  buildManifestFile,
  isSelectedByService,
  isTemplated,
  clusterInternalDatastores,
  serviceOfHost
};
