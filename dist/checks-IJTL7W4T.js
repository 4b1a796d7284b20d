import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-XKTSQLRK.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-PBQRAKEC.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-6VV2QAF4.js";
import {
  SCANNERS
} from "./chunk-O7PHBJO4.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-VE7Y2MBA.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
