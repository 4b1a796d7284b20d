import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-5JNO6NW5.js";
import "./chunk-IPINS2T6.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-PUNORURF.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-POYN6SAS.js";
import "./chunk-GY5VO5NM.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-JAMAXIF4.js";
import "./chunk-4EEG7ZCN.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-GGOWN7CJ.js";
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
