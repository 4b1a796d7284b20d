import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-DV7QIHQI.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-EBNBWHXV.js";
import "./chunk-MFYISP3M.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-Q32V5B53.js";
import {
  SCANNERS
} from "./chunk-FVDKFORJ.js";
import "./chunk-P7AGYOMS.js";
import "./chunk-ECORDGMP.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
