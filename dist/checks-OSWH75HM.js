import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-BZ5TDEBT.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-5AGBVSIW.js";
import "./chunk-XBJJGP66.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-L3UXCDMY.js";
import {
  SCANNERS
} from "./chunk-B5R5SKQ6.js";
import "./chunk-KZKMPYD7.js";
import "./chunk-FLLM5WIA.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
