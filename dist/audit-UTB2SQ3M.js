import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-AXTIWM6N.js";
import "./chunk-IPINS2T6.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-TLBQ5ALZ.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-POYN6SAS.js";
import "./chunk-6FBBI5IR.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-5XCL46TA.js";
import "./chunk-6AFU2UXX.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-ET7FDWR4.js";
import "./chunk-6FOKLFZO.js";
import "./chunk-XFQ67K6Z.js";
import "./chunk-H2E332FO.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-2WIICREV.js";
import "./chunk-TKC4N4VZ.js";
import "./chunk-OZHRLOY6.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
};
