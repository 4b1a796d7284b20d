import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-DGJD3HR3.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-EROMONVS.js";
import "./chunk-V6AOOYAR.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-33RYHGVA.js";
import {
  SCANNERS
} from "./chunk-N7PGGUX3.js";
import "./chunk-MSEIDPS6.js";
import "./chunk-DWPP7X3B.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
