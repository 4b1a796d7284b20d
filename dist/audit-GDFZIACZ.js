import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-UZ3UQNCA.js";
import "./chunk-IPINS2T6.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-W6DFBSWD.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-POYN6SAS.js";
import "./chunk-XHIXIDYW.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-ODHT4QZN.js";
import "./chunk-64WZ7SD5.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-HW6VWXPE.js";
import "./chunk-TJXWVM4C.js";
import "./chunk-XFQ67K6Z.js";
import "./chunk-YILMZW3C.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-ECORDGMP.js";
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
