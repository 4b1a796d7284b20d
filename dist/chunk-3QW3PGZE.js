import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);

// src/core/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};

export {
  UsageError
};
