import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-COFUQT7V.js";
import "./chunk-IPINS2T6.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-OAPO6NCK.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-POYN6SAS.js";
import "./chunk-BZ5TDEBT.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-5AGBVSIW.js";
import "./chunk-XBJJGP66.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-L3UXCDMY.js";
import "./chunk-B5R5SKQ6.js";
import "./chunk-KZKMPYD7.js";
import "./chunk-UBQSD2RF.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-FLLM5WIA.js";
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
