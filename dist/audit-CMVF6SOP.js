import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-2WDXJJJM.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-JKWNIWQL.js";
import "./chunk-POYN6SAS.js";
import "./chunk-SBIULCA5.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-JYIZGSAU.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-MAUF5CP4.js";
import "./chunk-MLI4KYCR.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-K4Y46WSQ.js";
import "./chunk-GLRBVPZV.js";
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
