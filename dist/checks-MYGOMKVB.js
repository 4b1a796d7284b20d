import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-CPT23C2I.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-4XY4QXC5.js";
import "./chunk-EQYMRJ75.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-UC5ZQIJ6.js";
import {
  SCANNERS
} from "./chunk-RIIJSUBF.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-7XJJXOBT.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
