import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);

// src/core/finding.ts
var SEVERITIES = ["P0", "P1", "P2"];
var CATEGORIES = [
  "security",
  "reliability",
  "performance",
  "deployment",
  "observability",
  "quality"
];
var STATUSES = ["pass", "fail", "skip", "error"];

export {
  SEVERITIES,
  CATEGORIES,
  STATUSES
};
