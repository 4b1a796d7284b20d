import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-HNJKDOIE.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-32DETLBM.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-3VASOFYB.js";
import {
  SCANNERS
} from "./chunk-2Y6ZGBBV.js";
import "./chunk-7KM3BS4O.js";
import "./chunk-STATKJKS.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
