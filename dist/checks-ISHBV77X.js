import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-XHB5ELNZ.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-XCUVFBKW.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-34FEHR7J.js";
import {
  SCANNERS
} from "./chunk-KONRI53T.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-MTTX4N5J.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
