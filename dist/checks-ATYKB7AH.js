import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-6FBBI5IR.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-5XCL46TA.js";
import "./chunk-6AFU2UXX.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-ET7FDWR4.js";
import {
  SCANNERS
} from "./chunk-6FOKLFZO.js";
import "./chunk-XFQ67K6Z.js";
import "./chunk-2WIICREV.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
