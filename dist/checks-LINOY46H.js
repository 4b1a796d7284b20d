import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-WJJCQEI7.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-XCUVFBKW.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-34FEHR7J.js";
import {
  SCANNERS
} from "./chunk-YU7BMA4U.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-MTTX4N5J.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
