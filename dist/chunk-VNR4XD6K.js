import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-DMVRJMIN.js";

// src/report/links.ts
var PROJECT_URL = "https://github.com/readiness-gate/readiness-gate";
function checkAnchor(id) {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-");
}
function checkDocsUrl(id, version = VERSION) {
  return `${PROJECT_URL}/blob/v${version}/docs/checks.md#${checkAnchor(id)}`;
}
function encodePath(path) {
  return path.split("/").map((segment) => encodeURIComponent(segment).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}
function blobUrl(base, path, line, endLine) {
  const full = base.pathPrefix ? `${base.pathPrefix.replace(/\/+$/, "")}/${path}` : path;
  const anchor = line ? `#L${line}${endLine && endLine > line ? `-L${endLine}` : ""}` : "";
  return `${base.repositoryUrl}/blob/${base.sha}/${encodePath(full)}${anchor}`;
}

export {
  PROJECT_URL,
  checkAnchor,
  checkDocsUrl,
  encodePath,
  blobUrl
};
