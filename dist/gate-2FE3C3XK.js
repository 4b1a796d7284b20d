import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  BASELINE_PATH,
  baselineOf,
  commitOf,
  fetchMergeBase,
  isFailingFinding,
  markExisting,
  mergeBaseFingerprints,
  readBaseline
} from "./chunk-OZHRLOY6.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  BASELINE_PATH,
  baselineOf,
  commitOf,
  fetchMergeBase,
  isFailingFinding,
  markExisting,
  mergeBaseFingerprints,
  readBaseline
};
