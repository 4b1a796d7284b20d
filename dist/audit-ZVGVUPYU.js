import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-WRYQ3RKB.js";
import "./chunk-2HDTUEOS.js";
import "./chunk-6N5KQUTO.js";
import "./chunk-5BOXT7HB.js";
import "./chunk-MXSSV4KY.js";
import "./chunk-V2JOGQWG.js";
import "./chunk-TKC4N4VZ.js";
import "./chunk-G7WN52ET.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-HEAEJR4I.js";
import "./chunk-K6HXOV2S.js";
import "./chunk-WIDV6RBC.js";
import "./chunk-7FI7UYSE.js";
export {
  audit,
  resolveRepoRoot,
  resolveTargets
};
