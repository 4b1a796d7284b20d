import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-WXS5CF3W.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-IN437LOU.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-EDX7D2M4.js";
import {
  SCANNERS
} from "./chunk-MZGBMLT5.js";
import "./chunk-EYJGI7QG.js";
import "./chunk-STATKJKS.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
