import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-K4EF6WLI.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-OOIQNT77.js";
import "./chunk-POYN6SAS.js";
import "./chunk-CPT23C2I.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-4XY4QXC5.js";
import "./chunk-EQYMRJ75.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-UC5ZQIJ6.js";
import "./chunk-RIIJSUBF.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-UZ2YN52E.js";
import "./chunk-7XJJXOBT.js";
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
