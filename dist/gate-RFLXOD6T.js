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
} from "./chunk-EVN3OK6M.js";
import "./chunk-CVZD6SLR.js";
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
