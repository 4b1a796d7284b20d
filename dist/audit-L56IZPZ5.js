import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-YIIII3SJ.js";
import "./chunk-VPJ6L3N5.js";
import "./chunk-S6722JBO.js";
import "./chunk-POLWDHTX.js";
import "./chunk-5PQQ7YRQ.js";
import "./chunk-Q75EJDGM.js";
import "./chunk-TKC4N4VZ.js";
import "./chunk-G7WN52ET.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-BKALYANK.js";
import "./chunk-K6HXOV2S.js";
import "./chunk-WIDV6RBC.js";
import "./chunk-7FI7UYSE.js";
export {
  audit,
  resolveRepoRoot,
  resolveTargets
};
