import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-U6DAMFCU.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-FYRNPGSP.js";
import "./chunk-3F7IWK5H.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-IJI25SFV.js";
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
