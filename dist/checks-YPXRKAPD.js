import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-LFZR6MYP.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-WIENHJV2.js";
import "./chunk-4XHGSWF6.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-PEN4CEFD.js";
import {
  SCANNERS
} from "./chunk-2GYGKHO6.js";
import "./chunk-XFQ67K6Z.js";
import "./chunk-2WIICREV.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
