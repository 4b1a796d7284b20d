import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-GY5VO5NM.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-JAMAXIF4.js";
import "./chunk-4EEG7ZCN.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-GGOWN7CJ.js";
import {
  SCANNERS
} from "./chunk-FVDKFORJ.js";
import "./chunk-P7AGYOMS.js";
import "./chunk-ECORDGMP.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
