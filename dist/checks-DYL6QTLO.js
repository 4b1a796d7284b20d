import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-Z2HYACHZ.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-LBVERQZ5.js";
import "./chunk-VSJFURBO.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-RCNEBFEM.js";
import {
  SCANNERS
} from "./chunk-3CORISOJ.js";
import "./chunk-AIZIQKGO.js";
import "./chunk-FLLM5WIA.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
