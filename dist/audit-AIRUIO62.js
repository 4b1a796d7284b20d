import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-QOXSWYIZ.js";
import "./chunk-IPINS2T6.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-VV4MUNZC.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-POYN6SAS.js";
import "./chunk-DGJD3HR3.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-EROMONVS.js";
import "./chunk-V6AOOYAR.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-33RYHGVA.js";
import "./chunk-N7PGGUX3.js";
import "./chunk-MSEIDPS6.js";
import "./chunk-LWN6O3LO.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-DWPP7X3B.js";
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
