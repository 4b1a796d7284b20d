import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-QZRY4AUE.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-BXX4WFHP.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-T2H2ZEKY.js";
import {
  SCANNERS
} from "./chunk-DS2YXBRS.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-AEG26EQ4.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
