import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-FWJC2Q6J.js";
import "./chunk-IPINS2T6.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-K6EQ7C6J.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-POYN6SAS.js";
import "./chunk-OELC47DA.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-PPXGMLCG.js";
import "./chunk-M7FMROF6.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-QBFQ3AUR.js";
import "./chunk-V7OAI4WI.js";
import "./chunk-KVWJ4RJW.js";
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
