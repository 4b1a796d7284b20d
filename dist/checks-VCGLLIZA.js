import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-FQLCBYCB.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-Y4VRUFOR.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-5AAJWX2U.js";
import {
  SCANNERS
} from "./chunk-BJTVKCMU.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-EFPLM74F.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
