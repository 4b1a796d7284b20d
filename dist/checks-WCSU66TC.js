import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-U7PFHSZY.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-A5RZET4W.js";
import "./chunk-BWMFGAKT.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-VTKS4HBZ.js";
import {
  SCANNERS
} from "./chunk-ESCT6LMN.js";
import "./chunk-AIZIQKGO.js";
import "./chunk-FLLM5WIA.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
