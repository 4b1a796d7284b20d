import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-253I4JHE.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-L5U43OHJ.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-V7D7VXXJ.js";
import {
  SCANNERS
} from "./chunk-C6HSOCKG.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-QHFRX56F.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
