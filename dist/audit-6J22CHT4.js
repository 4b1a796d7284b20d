import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-X6T5GRRI.js";
import "./chunk-B42MKZD7.js";
import "./chunk-WO6SGFTT.js";
import "./chunk-Q3S7HWUI.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-253I4JHE.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-L5U43OHJ.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-V7D7VXXJ.js";
import "./chunk-C6HSOCKG.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-RQ5QGSKZ.js";
import "./chunk-QHFRX56F.js";
import "./chunk-TKC4N4VZ.js";
import "./chunk-OZHRLOY6.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-IPINS2T6.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-7FI7UYSE.js";
export {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
};
