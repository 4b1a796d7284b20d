import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-DE2YB7EG.js";
import "./chunk-IPINS2T6.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-OT6AXOZJ.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-POYN6SAS.js";
import "./chunk-LFZR6MYP.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-WIENHJV2.js";
import "./chunk-4XHGSWF6.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-PEN4CEFD.js";
import "./chunk-2GYGKHO6.js";
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
