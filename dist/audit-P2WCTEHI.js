import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-KAPZ7E5X.js";
import "./chunk-IPINS2T6.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-GNPAECZ7.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-POYN6SAS.js";
import "./chunk-DV7QIHQI.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-EBNBWHXV.js";
import "./chunk-MFYISP3M.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-Q32V5B53.js";
import "./chunk-FVDKFORJ.js";
import "./chunk-P7AGYOMS.js";
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
