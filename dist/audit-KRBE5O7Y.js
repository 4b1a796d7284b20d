import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-HLRRE76G.js";
import "./chunk-IPINS2T6.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-RCQYG5GY.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-POYN6SAS.js";
import "./chunk-Z2HYACHZ.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-LBVERQZ5.js";
import "./chunk-VSJFURBO.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-RCNEBFEM.js";
import "./chunk-3CORISOJ.js";
import "./chunk-AIZIQKGO.js";
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
