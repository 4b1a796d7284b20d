import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-RMIKVAFQ.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-SYSTX2XC.js";
import "./chunk-KQDWCE74.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-DBXXOOAQ.js";
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
