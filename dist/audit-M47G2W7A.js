import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-VAIDCXAO.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-FJLVT4LU.js";
import "./chunk-POYN6SAS.js";
import "./chunk-5OTJX5OY.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-UPUS6VOH.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-KK5RHMPV.js";
import "./chunk-JAL3JILZ.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-GIHG7BDD.js";
import "./chunk-JXMJTFRU.js";
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
