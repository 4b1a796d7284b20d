import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-JIDHO4WO.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-LTF6VYSR.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-QK6XSLNP.js";
import {
  SCANNERS
} from "./chunk-BJTVKCMU.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-HVDDMIDC.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
