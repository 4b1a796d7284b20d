import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-MHGFS7OD.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-ZFIA6M3T.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-TJENLEDC.js";
import {
  SCANNERS
} from "./chunk-SJZQWUDS.js";
import "./chunk-4X5TJJTO.js";
import "./chunk-STATKJKS.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
