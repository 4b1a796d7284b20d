import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-OELC47DA.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-PPXGMLCG.js";
import "./chunk-M7FMROF6.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-QBFQ3AUR.js";
import {
  SCANNERS
} from "./chunk-V7OAI4WI.js";
import "./chunk-KVWJ4RJW.js";
import "./chunk-FLLM5WIA.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
