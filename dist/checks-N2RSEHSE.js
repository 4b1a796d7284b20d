import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-XHIXIDYW.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-ODHT4QZN.js";
import "./chunk-64WZ7SD5.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-HW6VWXPE.js";
import {
  SCANNERS
} from "./chunk-TJXWVM4C.js";
import "./chunk-XFQ67K6Z.js";
import "./chunk-ECORDGMP.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
