import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);

// src/core/version.ts
var TOOL_NAME = "readiness-gate";
var VERSION = "0.1.0";

export {
  TOOL_NAME,
  VERSION
};
